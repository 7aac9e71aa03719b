// src/index.ts
export * from "./config.js";
export * from "./logger.js";
export * from "./queues.js";
export * from "./gzip.js";
export * from "./shutdown.js";
export * from "./canonical-url.js";
export * from "./check-redis.js";
export * from "./process-entry.js";
//# sourceMappingURL=index.js.map
