// Per-host politeness shared by every crawler process on every machine, through Redis:
//  - rate: each request reserves the next free time slot for its host atomically;
//  - concurrency: a semaphore (sorted set of holders with expiry, so a crashed process's slot
//    frees itself).
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RESERVE_RATE = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nextFree)
redis.call('SET', KEYS[1], slot + interval, 'PX', math.max(interval * 2, 60000))
return slot - now
`;

const ACQUIRE_SLOT = `
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[4])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
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
  const now = async () => {
    // Redis TIME keeps every machine on one clock.
    const [sec, usec] = (await redis.time()) as [number | string, number | string];
    return Number(sec) * 1000 + Math.floor(Number(usec) / 1000);
  };
  return {
    async schedule(host, limits, fn) {
      const slots = `${prefix}:host-slots:${host}`;
      const token = randomUUID();
      for (let backoff = 5; ; backoff = Math.min(backoff * 2, 50)) {
        const got = await redis.eval(ACQUIRE_SLOT, 1, slots, await now(), SLOT_TTL_MS, limits.maxConcurrency, token);
        if (Number(got) === 1) break;
        await sleep(backoff);
      }
      try {
        const interval = Math.max(1, Math.round(1000 / limits.requestsPerSecond));
        const wait = Number(await redis.eval(RESERVE_RATE, 1, `${prefix}:host-rate:${host}`, await now(), interval));
        if (wait > 0) await sleep(wait);
        return await fn();
      } finally {
        await redis.zrem(slots, token);
      }
    },
  };
}
