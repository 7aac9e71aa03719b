// src/queues.ts
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { CrawlJob, EventJob, ExtractJob, StoreJob, WebhookJob } from "./jobs.js";
var catalog = {
  crawl: { schema: CrawlJob, defaults: { attempts: 3, backoff: { type: "exponential", delay: 5e3 } } },
  extract: { schema: ExtractJob, defaults: { attempts: 3, backoff: { type: "exponential", delay: 1e3 } } },
  store: { schema: StoreJob, defaults: { attempts: 8, backoff: { type: "exponential", delay: 500 } } },
  events: { schema: EventJob, defaults: { attempts: 5, backoff: { type: "exponential", delay: 1e3 } } },
  // The relay sets attempts and backoff from config (GOVWATCH_WEBHOOK_ATTEMPTS / _BACKOFF_MS).
  webhooks: { schema: WebhookJob, defaults: { attempts: 8, backoff: { type: "exponential", delay: 1e4 } } }
};
var queueNames = Object.keys(catalog);
var retention = {
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 1e4 }
};
function workerConnection(redisUrl, extra = {}) {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, ...extra });
}
function producerConnection(redisUrl) {
  return new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 3e3 });
}
function openQueues(connection, prefix) {
  const make = (name) => {
    const options = {
      connection,
      prefix,
      defaultJobOptions: { ...retention, ...catalog[name].defaults }
    };
    return new Queue(name, options);
  };
  const queues = {
    crawl: make("crawl"),
    extract: make("extract"),
    store: make("store"),
    events: make("events"),
    webhooks: make("webhooks")
  };
  return {
    ...queues,
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    }
  };
}
function parsePayload(queue, data) {
  const result = catalog[queue].schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid ${queue} job: ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
  }
  return result.data;
}
export {
  catalog,
  openQueues,
  parsePayload,
  producerConnection,
  queueNames,
  workerConnection
};
//# sourceMappingURL=queues.js.map
