// Per-host politeness shared by every crawler process on every machine, through Redis:
//  - rate: a request may go when the host's last request went at least 1/rate ago; the check and
//    the record of the new send are one atomic step taken right before sending, so a process that
//    wakes late never sends closer to the previous request than the rate allows;
//  - concurrency: a semaphore (sorted set of holders with expiry, so a crashed process's slot
//    frees itself).
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Redis TIME inside the scripts keeps every machine on one clock with no extra round trip.
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const TAKE_TURN = `${NOW}
local interval = tonumber(ARGV[1])
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if now >= last + interval then
  redis.call('SET', KEYS[1], now, 'PX', math.max(interval * 2, 60000))
  return 0
end
return last + interval - now
`;

const ACQUIRE_SLOT = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
  return 1
end
return 0
`;

export type HostLimits = { requestsPerSecond: number; maxConcurrency: number };

export type HostLimiter = {
  /** Run `fn` once the host has a free concurrency slot and the next rate slot has come. */
  schedule<T>(host: string, limits: HostLimits, fn: () => Promise<T>): Promise<T>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A slot is held at most this long (longer than any request's timeout). */
const SLOT_TTL_MS = 90_000;

export function redisHostLimiter(redis: Redis, prefix: string): HostLimiter {
  return {
    async schedule(host, limits, fn) {
      const slots = `${prefix}:host-slots:${host}`;
      const token = randomUUID();
      for (let backoff = 5; ; backoff = Math.min(backoff * 2, 50)) {
        const got = await redis.eval(ACQUIRE_SLOT, 1, slots, SLOT_TTL_MS, limits.maxConcurrency, token);
        if (Number(got) === 1) break;
        await sleep(backoff);
      }
      try {
        const interval = Math.max(1, Math.round(1000 / limits.requestsPerSecond));
        for (;;) {
          const wait = Number(await redis.eval(TAKE_TURN, 1, `${prefix}:host-rate:${host}`, interval));
          if (wait === 0) break;
          await sleep(wait);
        }
        return await fn();
      } finally {
        await redis.zrem(slots, token);
      }
    },
  };
}
