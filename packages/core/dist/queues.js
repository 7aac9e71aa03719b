// src/queues.ts
import { Redis } from "ioredis";
function workerConnection(redisUrl, extra = {}) {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, ...extra });
}
function producerConnection(redisUrl) {
  return new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 3e3 });
}
export {
  producerConnection,
  workerConnection
};
//# sourceMappingURL=queues.js.map
