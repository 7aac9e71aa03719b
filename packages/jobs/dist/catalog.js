// src/catalog.ts
import { Queue } from "bullmq";
import { CrawlJob, EventJob, ExtractJob, StoreJob, WebhookJob } from "./payloads.js";
var catalog = {
  crawl: { schema: CrawlJob, role: "stage", defaults: { attempts: 3, backoff: { type: "exponential", delay: 5e3 } } },
  extract: { schema: ExtractJob, role: "stage", defaults: { attempts: 3, backoff: { type: "exponential", delay: 1e3 } } },
  store: { schema: StoreJob, role: "stage", defaults: { attempts: 8, backoff: { type: "exponential", delay: 500 } } },
  events: { schema: EventJob, role: "outbound", defaults: { attempts: 5, backoff: { type: "exponential", delay: 1e3 } } },
  // The relay sets attempts and backoff from config (GOVWATCH_WEBHOOK_ATTEMPTS / _BACKOFF_MS).
  webhooks: { schema: WebhookJob, role: "delivery", defaults: { attempts: 8, backoff: { type: "exponential", delay: 1e4 } } }
};
var queueNames = Object.keys(catalog);
var withRole = (...roles) => queueNames.filter((q) => roles.includes(catalog[q].role));
var stages = withRole("stage");
var workerQueues = withRole("stage", "delivery");
var retention = {
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 1e4 }
};
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
  queueNames,
  stages,
  workerQueues
};
//# sourceMappingURL=catalog.js.map
