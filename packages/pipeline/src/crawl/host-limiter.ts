// Per-host request rate shared by every crawler process through Redis: each request reserves the
// next free slot for its host atomically, so N processes together never exceed the site's rate.
import type { Redis } from 'ioredis';

const RESERVE = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nextFree)
redis.call('SET', KEYS[1], slot + interval, 'PX', math.max(interval * 2, 60000))
return slot - now
`;

export type HostLimiter = { acquire(host: string, requestsPerSecond: number): Promise<number> };

export function redisHostLimiter(redis: Redis, prefix: string): HostLimiter {
  return {
    /** Wait until this process may send the next request to `host`; returns the ms waited. */
    async acquire(host, requestsPerSecond) {
      const interval = Math.max(1, Math.round(1000 / requestsPerSecond));
      // Redis TIME keeps every machine on one clock.
      const [sec, usec] = (await redis.time()) as [number | string, number | string];
      const now = Number(sec) * 1000 + Math.floor(Number(usec) / 1000);
      const wait = Number(await redis.eval(RESERVE, 1, `${prefix}:host-rate:${host}`, now, interval));
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      return wait;
    },
  };
}
