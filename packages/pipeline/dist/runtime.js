// src/runtime.ts
import { checkRedis, producerConnection } from "@govwatch/core";
import { openQueues } from "@govwatch/jobs";
import { checkDatabaseReady, createDb } from "@govwatch/db";
import { createFetcher } from "./fetch/fetcher.js";
function createRuntime(config, log) {
  const db = createDb(config.databaseUrl);
  const redis = producerConnection(config.redisUrl);
  redis.on("error", (err) => log.debug({ err: err.message }, "redis connection error"));
  const queues = openQueues(redis, config.queuePrefix);
  for (const q of [queues.crawl, queues.extract, queues.store, queues.events, queues.webhooks]) {
    q.on("error", (err) => log.error({ queue: q.name, err: err.message }, "queue error"));
  }
  return {
    config,
    log,
    db,
    redis,
    queues,
    fetcher: createFetcher(redis, config.queuePrefix, { userAgent: config.userAgent, allowPrivateNetwork: config.allowPrivateNetwork }),
    shutdown: new AbortController(),
    async close() {
      await queues.close();
      redis.disconnect();
      await db.close();
    }
  };
}
async function checkServices(rt) {
  await checkRedis(rt.config.redisUrl);
  await checkDatabaseReady(rt.config.databaseUrl);
}
export {
  checkServices,
  createRuntime
};
//# sourceMappingURL=runtime.js.map
