// src/liveness.ts
import { randomUUID } from "node:crypto";
var HEARTBEAT_MS = 5e3;
var LIVE_WITHIN_MS = 2e4;
var keyOf = (prefix, stage) => `${prefix}:live:${stage}`;
async function serverMs(redis) {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1e3 + Math.floor(Number(micros) / 1e3);
}
function startHeartbeat(redis, prefix, stage, onError) {
  const member = `${process.pid}:${randomUUID()}`;
  const key = keyOf(prefix, stage);
  const beat = async () => {
    const now = await serverMs(redis);
    await redis.multi().zadd(key, now, member).zremrangebyscore(key, "-inf", now - LIVE_WITHIN_MS).pexpire(key, LIVE_WITHIN_MS * 3).exec();
  };
  let first = beat().catch((err) => onError?.(err));
  const timer = setInterval(() => {
    first = beat().catch((err) => onError?.(err));
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await first;
      await redis.zrem(key, member).catch(() => void 0);
    }
  };
}
async function liveWorkerCount(redis, prefix, stage) {
  const now = await serverMs(redis);
  return redis.zcount(keyOf(prefix, stage), now - LIVE_WITHIN_MS, "+inf");
}
export {
  HEARTBEAT_MS,
  LIVE_WITHIN_MS,
  liveWorkerCount,
  startHeartbeat
};
//# sourceMappingURL=liveness.js.map
