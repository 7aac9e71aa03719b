// Per-host politeness shared by every crawler process on every machine, through Redis:
//  - rate: a request may go when the host's last request went at least 1/rate ago;
//  - concurrency: a semaphore (sorted set of holders with expiry, so a crashed process's slot
//    frees itself).
// Both are checked and taken in one atomic step right before sending, so a process that wakes
// late never sends closer to the previous request than the rate allows.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Redis TIME inside the scripts keeps every machine on one clock with no extra round trip.
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// One atomic step right before sending: a free concurrency slot AND the host's rate turn, or
// nothing. Returns 0 (go: slot held, turn taken), -1 (all slots busy: poll), or ms until the turn.
const TAKE_SLOT_AND_TURN = `${NOW}
local ttl = tonumber(ARGV[1])
local interval = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return -1 end
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < last + interval then return last + interval - now end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[3])
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('SET', KEYS[2], now, 'PX', math.max(interval * 2, 60000))
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
      const turn = `${prefix}:host-rate:${host}`;
      const token = randomUUID();
      const interval = Math.max(1, Math.round(1000 / limits.requestsPerSecond));
      for (let backoff = 5; ; ) {
        const wait = Number(await redis.eval(TAKE_SLOT_AND_TURN, 2, slots, turn, SLOT_TTL_MS, limits.maxConcurrency, token, interval));
        if (wait === 0) break;
        if (wait > 0) await sleep(wait);
        else {
          await sleep(backoff);
          backoff = Math.min(backoff * 2, 50);
        }
      }
      try {
        return await fn();
      } finally {
        await redis.zrem(slots, token);
      }
    },
  };
}
