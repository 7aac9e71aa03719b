// The process's polite fetcher: one Redis host limiter (its Lua command defined once) and the
// shared robots.txt cache, with the process-wide settings every fetch of every site starts from.
import type { FetchPolicy } from '@govwatch/jobs';
import type { Redis } from 'ioredis';
import { type FetchOptions, fetchOptionsFor } from './fetch-page.ts';
import { type HostLimiter, redisHostLimiter } from './host-limiter.ts';
import { loadRobots, type Robots } from './robots.ts';

export type Fetcher = {
  userAgent: string;
  /** GOVWATCH_ALLOW_PRIVATE: every site may reach private addresses. */
  allowPrivateNetwork: boolean;
  limiter: HostLimiter;
  /** A site's politeness settings as every fetch of it uses them. */
  optionsFor(policy: FetchPolicy): FetchOptions;
  /** The origin's robots.txt, fetched with `options` when the shared cache has none. */
  robots(origin: string, options: FetchOptions): Promise<Robots>;
};

export function createFetcher(
  redis: Redis,
  prefix: string,
  settings: { userAgent: string; allowPrivateNetwork: boolean; timeoutMs?: number; hostSlotTtlMs?: number },
): Fetcher {
  const { hostSlotTtlMs, ...rest } = settings;
  const limiter = redisHostLimiter(redis, prefix, { slotTtlMs: hostSlotTtlMs });
  const base = { ...rest, limiter };
  return {
    ...base,
    optionsFor: (policy) => fetchOptionsFor(policy, base),
    robots: (origin, options) => loadRobots(origin, redis, prefix, options),
  };
}
