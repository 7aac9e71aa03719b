// Per-host politeness shared by every crawler process on every machine, through Redis:
//  - rate: send times are reserved 1/rate apart (the host's next free time lives in Redis);
//  - concurrency: a semaphore (sorted set of holders with expiry, so a crashed process's slot
//    frees itself), taken first come, first served: callers that find every slot busy queue,
//    and while anyone waits, a free slot goes to the longest waiting (a process with
//    back-to-back work would otherwise take every slot it frees straight back).
//    A slot lives a short time (GOVWATCH_HOST_SLOT_TTL_MS, 15 s) and each process renews the
//    slots its running requests hold, all in one script: a SIGKILLed worker's slots free within
//    that time, not after the longest a request may take (90 s held a host with maxConcurrency 1
//    still that long after each crash).
// Both are taken in one atomic step. A request then sleeps until its reserved time: wake-up lag
// delays only its own request and never pushes the later ones back (taking turns at "last send
// + 1/rate" instead held a host to 1/(interval + lag): 127 of 200 requests per second in the
// crawl benchmark). A request that wakes well past its time (a stalled process) takes a new
// time instead of sending: the times reserved after its own may be due too, and all of them
// sending at once would be a burst.
import { randomUUID } from 'node:crypto';
import { metrics } from '@govwatch/core';
import type { Redis } from 'ioredis';
import { looksLikeConnectionError } from '../outage/connection-error.ts';
import { slotRenewer } from './slot-renewer.ts';

/** Further ahead than any reservation can be, at the least (a slow host's own limit may be more). */
const MAX_AHEAD_MS = 15 * 60_000;
/** A queued caller asks again after this many ms per caller ahead of it (the first: after 5 ms). */
const POLL_STEP_MS = 5;
const MAX_POLL_MS = 250;
/** How long past its due time a waiter keeps its place in the queue (a busy event loop is late). */
const WAITER_GRACE_MS = 1000;

// Redis TIME inside the scripts keeps every machine on one clock with no extra round trip.
const NOW = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// One atomic step: a concurrency slot (kept when the caller holds one already) AND the host's
// next send time. Returns the ms until the reserved send time (0: send now), or, when the caller
// must wait (fewer slots free than callers waiting ahead of it: it is queued), -1 - the ms to
// sleep before asking again. KEYS: slots, next send time, waiters (by arrival), and the time by
// which each waiter must ask again or lose its place.
const TAKE_SLOT_AND_TIME = `${NOW}
local ttl = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
local token = ARGV[3]
local interval = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local free = tonumber(redis.call('GET', KEYS[2]) or '0') + interval
-- No reservation is ever this far ahead (a clock stepped back, a stray write): start afresh.
if free - now > math.max(${MAX_AHEAD_MS}, (max + 1) * interval) then free = now end
local open = max - redis.call('ZCARD', KEYS[1])
-- The common case, nobody queued and a slot free, skips the queue's bookkeeping (9 commands, not 15).
if not redis.call('ZSCORE', KEYS[1], token) and not (open > 0 and redis.call('EXISTS', KEYS[3]) == 0) then
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

// Gives a slot back; a caller that was ever queued also leaves the queue. KEYS: slots, waiters,
// deadlines. One round trip and one command for a caller that never waited (a MULTI of three
// ZREMs was five).
const RELEASE = `
redis.call('ZREM', KEYS[1], ARGV[1])
if ARGV[2] == '1' then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZREM', KEYS[3], ARGV[1])
end
`;

// Extends the slots still held (an expired one is not taken back: someone else may hold it now),
// never shortening one reserved further ahead, and the sets' own expiry with them. KEYS: slot
// sets; ARGV: ttl, then per key its tokens, space-separated. Per host: ZADD, PTTL, at most a PEXPIRE.
const RENEW = `${NOW}
local ttl = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  local args = {}
  for token in string.gmatch(ARGV[i + 1], '%S+') do
    args[#args + 1] = now + ttl
    args[#args + 1] = token
  end
  redis.call('ZADD', key, 'XX', 'GT', unpack(args))
  if redis.call('PTTL', key) < ttl then redis.call('PEXPIRE', key, ttl) end
end
`;

export type HostLimits = { requestsPerSecond: number; maxConcurrency: number };

export type HostLimiter = {
  /** Run `fn` holding one of the host's concurrency slots, at the host's next free send time. */
  schedule<T>(host: string, limits: HostLimits, fn: () => Promise<T>): Promise<T>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * A slot not renewed frees after this long (GOVWATCH_HOST_SLOT_TTL_MS): the cost of a crashed
 * holder to the others on its host. Renewals go every third of it, so a renewal that fails (Redis
 * away) is tried again, every second, while the slot still has a third to two thirds of it left.
 */
export const DEFAULT_SLOT_TTL_MS = 15_000;
const RENEW_RETRY_MS = 1_000;
/** How late a request may wake and still send on its reservation: gaps stay ≥ 90 % of the interval (10 ms at fast rates). */
const lateTolerance = (intervalMs: number) => Math.max(10, intervalMs / 10);
const MAX_RESERVATIONS = 3;
/**
 * How long a request waits for Redis to come back before it fails: a short outage (a restart, a
 * failover) delays a crawl's requests instead of failing them (crawlee's handler timeout is 150 s).
 */
const OUTAGE_PATIENCE_MS = 90_000;
const OUTAGE_POLL_MS = 1_000;

type WithTakeSlot = Redis & {
  govwatchTakeSlot(
    ...args: [
      slots: string,
      turn: string,
      waiters: string,
      deadlines: string,
      ttl: number,
      max: number,
      token: string,
      interval: number,
    ]
  ): Promise<number>;
  govwatchRelease(slots: string, waiters: string, deadlines: string, token: string, queued: '0' | '1'): Promise<null>;
  govwatchRenewSlots(keyCount: number, ...args: (string | number)[]): Promise<null>;
};

export type HostLimiterOptions = {
  /** How long a slot lasts unrenewed (default DEFAULT_SLOT_TTL_MS). */
  slotTtlMs?: number;
};

export type RedisHostLimiter = HostLimiter & {
  /**
   * The one atomic step: a concurrency slot held as `token`, and the host's next send time.
   * Returns the ms until the reserved time, or, when the caller must wait (every slot busy, or
   * others waiting longer: it is queued), -1 - the ms to sleep before asking again.
   */
  reserve(host: string, limits: HostLimits, token: string): Promise<number>;
  /** `queued: false` when the caller never waited in the queue (default true: a full clean-up). */
  release(host: string, token: string, queued?: boolean): Promise<void>;
};

export function redisHostLimiter(client: Redis, prefix: string, options: HostLimiterOptions = {}): RedisHostLimiter {
  // A defined command runs by EVALSHA: the script is not sent with every request.
  client.defineCommand('govwatchTakeSlot', { numberOfKeys: 4, lua: TAKE_SLOT_AND_TIME });
  client.defineCommand('govwatchRelease', { numberOfKeys: 3, lua: RELEASE });
  client.defineCommand('govwatchRenewSlots', { lua: RENEW });
  const redis = client as WithTakeSlot;
  const key = (what: string, host: string) => `${prefix}:host-${what}:${host}`;
  const slotTtlMs = options.slotTtlMs ?? DEFAULT_SLOT_TTL_MS;
  const renewer = slotRenewer(
    slotTtlMs,
    (batch) =>
      redis.govwatchRenewSlots(batch.size, ...batch.keys(), slotTtlMs, ...[...batch.values()].map((t) => t.join(' '))),
    RENEW_RETRY_MS,
  );
  const limiter: RedisHostLimiter = {
    async reserve(host, limits, token) {
      const interval = Math.max(1, Math.round(1000 / limits.requestsPerSecond));
      return Number(
        await redis.govwatchTakeSlot(
          key('slots', host),
          key('rate', host),
          key('waiters', host),
          key('waiter-deadlines', host),
          slotTtlMs,
          limits.maxConcurrency,
          token,
          interval,
        ),
      );
    },
    async release(host, token, queued = true) {
      // Also out of the queue: a caller that gave up waiting must not hold the others back.
      await redis.govwatchRelease(
        key('slots', host),
        key('waiters', host),
        key('waiter-deadlines', host),
        token,
        queued ? '1' : '0',
      );
    },
    async schedule(host, limits, fn) {
      const token = randomUUID();
      const interval = 1000 / limits.requestsPerSecond;
      const asked = performance.now();
      let queued = false;
      try {
        let outageSince: number | null = null;
        for (let late = 0; ; ) {
          let wait: number;
          try {
            const before = performance.now();
            wait = await limiter.reserve(host, limits, token);
            outageSince = null;
            // Held from here (the slot's expiry counted from before the ask: never later than Redis's).
            if (wait >= 0) renewer.hold(token, key('slots', host), before + wait + slotTtlMs);
          } catch (err) {
            outageSince ??= Date.now();
            if (!looksLikeConnectionError(err) || Date.now() - outageSince > OUTAGE_PATIENCE_MS) throw err;
            await sleep(OUTAGE_POLL_MS);
            continue;
          }
          if (wait < 0) {
            queued = true;
            await sleep(-1 - wait); // queued for a slot
            continue;
          }
          if (wait === 0) break;
          const due = Date.now() + wait;
          await sleep(wait);
          // Late past the tolerance: reserve again (a few times at most, so a process that is slow
          // all the time still sends).
          if (Date.now() - due <= lateTolerance(interval) || ++late > MAX_RESERVATIONS) break;
        }
      } catch (err) {
        renewer.drop(token);
        await limiter.release(host, token, queued).catch(() => undefined);
        throw err;
      }
      metrics.hostWaited((performance.now() - asked) / 1000);
      try {
        return await fn();
      } finally {
        // A slot that cannot be given back expires by itself; the request's outcome stands.
        renewer.drop(token);
        await limiter.release(host, token, queued).catch(() => undefined);
      }
    },
  };
  return limiter;
}
