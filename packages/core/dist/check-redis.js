// src/check-redis.ts
import { Redis } from "ioredis";
function redactRedisUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.href;
  } catch {
    return "(unparseable URL)";
  }
}
async function checkRedis(url, timeoutMs = 4e3) {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    // one attempt: this is a check, not a connection to keep
    enableOfflineQueue: false
  });
  let cause;
  redis.on("error", (err) => {
    cause ??= err;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    const e = cause ?? err;
    throw new Error(
      `cannot reach Redis at ${redactRedisUrl(url)} (${e.code ?? e.message}): start it (pnpm services starts a local one) or set REDIS_URL`
    );
  } finally {
    redis.disconnect();
  }
}
export {
  checkRedis,
  redactRedisUrl
};
//# sourceMappingURL=check-redis.js.map
