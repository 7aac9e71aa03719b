// src/fetch/host-limiter.ts
import { randomUUID } from "node:crypto";
var MAX_AHEAD_MS = 15 * 6e4;
var POLL_STEP_MS = 5;
var MAX_POLL_MS = 250;
var WAITER_GRACE_MS = 1e3;
var NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;
var TAKE_SLOT_AND_TIME = `${NOW}
local ttl = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
local token = ARGV[3]
local interval = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local free = tonumber(redis.call('GET', KEYS[2]) or '0') + interval
-- No reservation is ever this far ahead (a clock stepped back, a stray write): start afresh.
if free - now > math.max(${MAX_AHEAD_MS}, (max + 1) * interval) then free = now end
if not redis.call('ZSCORE', KEYS[1], token) then
  -- Waiters that stopped asking (a process died or stalled) lose their place; so does one
  -- without a deadline (its key expired first).
  for _, gone in ipairs(redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now)) do redis.call('ZREM', KEYS[3], gone) end
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
  local head = redis.call('ZRANGE', KEYS[3], 0, 0)[1]
  while head and not redis.call('ZSCORE', KEYS[4], head) do
    redis.call('ZREM', KEYS[3], head)
    head = redis.call('ZRANGE', KEYS[3], 0, 0)[1]
  end
  -- The free slots go to the longest waiting: a caller gets one if fewer wait ahead of it.
  local open = max - redis.call('ZCARD', KEYS[1])
  local ahead = redis.call('ZRANK', KEYS[3], token) or redis.call('ZCARD', KEYS[3])
  if ahead >= open then
    -- The first in line asks again soon; those further back, later.
    local sleep = math.max(free - now, math.min(${POLL_STEP_MS} * (1 + ahead - math.max(open, 0)), ${MAX_POLL_MS}))
    if not redis.call('ZSCORE', KEYS[3], token) then
      -- Strictly after the last in line: arrivals in the same millisecond keep their order.
      local last = redis.call('ZRANGE', KEYS[3], -1, -1, 'WITHSCORES')[2]
      redis.call('ZADD', KEYS[3], math.max(now, (tonumber(last) or 0) + 1), token)
    end
    local keep = sleep + ${WAITER_GRACE_MS}
    redis.call('ZADD', KEYS[4], now + keep, token)
    for _, key in ipairs({ KEYS[3], KEYS[4] }) do
      if redis.call('PTTL', key) < keep then redis.call('PEXPIRE', key, keep) end
    end
    return -1 - sleep
  end
  redis.call('ZREM', KEYS[3], token)
  redis.call('ZREM', KEYS[4], token)
end
local at = math.max(now, free)
redis.call('ZADD', KEYS[1], at + ttl, token)
redis.call('PEXPIRE', KEYS[1], at - now + ttl)
redis.call('SET', KEYS[2], at, 'PX', at - now + math.max(interval * 2, 60000))
return at - now
`;
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
var SLOT_TTL_MS = 9e4;
var lateTolerance = (intervalMs) => Math.max(10, intervalMs / 10);
var MAX_RESERVATIONS = 3;
function redisHostLimiter(client, prefix) {
  client.defineCommand("govwatchTakeSlot", { numberOfKeys: 4, lua: TAKE_SLOT_AND_TIME });
  const redis = client;
  const key = (what, host) => `${prefix}:host-${what}:${host}`;
  const limiter = {
    async reserve(host, limits, token) {
      const interval = Math.max(1, Math.round(1e3 / limits.requestsPerSecond));
      return Number(
        await redis.govwatchTakeSlot(
          key("slots", host),
          key("rate", host),
          key("waiters", host),
          key("waiter-deadlines", host),
          SLOT_TTL_MS,
          limits.maxConcurrency,
          token,
          interval
        )
      );
    },
    async release(host, token) {
      await redis.multi().zrem(key("slots", host), token).zrem(key("waiters", host), token).zrem(key("waiter-deadlines", host), token).exec();
    },
    async schedule(host, limits, fn) {
      const token = randomUUID();
      const interval = 1e3 / limits.requestsPerSecond;
      try {
        for (let late = 0; ; ) {
          const wait = await limiter.reserve(host, limits, token);
          if (wait < 0) {
            await sleep(-1 - wait);
            continue;
          }
          if (wait === 0) break;
          const due = Date.now() + wait;
          await sleep(wait);
          if (Date.now() - due <= lateTolerance(interval) || ++late > MAX_RESERVATIONS) break;
        }
      } catch (err) {
        await limiter.release(host, token).catch(() => void 0);
        throw err;
      }
      try {
        return await fn();
      } finally {
        await limiter.release(host, token).catch(() => void 0);
      }
    }
  };
  return limiter;
}
export {
  redisHostLimiter
};
//# sourceMappingURL=host-limiter.js.map
