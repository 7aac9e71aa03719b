// Which stages have a live worker in this deployment. BullMQ's getWorkers() reads CLIENT LIST,
// which spans the whole Redis server: a govwatch on another database (or another prefix) of the
// same server counted as ours, and `crawl --wait` waited forever for workers that would never take
// its jobs. Each worker instead refreshes its own entry in a sorted set under our queue prefix
// (so: this database, this prefix), scored by the Redis server's clock (no skew between machines).
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A worker refreshes its entry this often… */
export const HEARTBEAT_MS = 5_000;
/** …and counts as gone when its entry is older than this (a SIGKILLed process stops refreshing). */
export const LIVE_WITHIN_MS = 20_000;

const keyOf = (prefix: string, stage: string) => `${prefix}:live:${stage}`;

async function serverMs(redis: Redis): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

export type Heartbeat = { stop(): Promise<void> };

/** Announce a live worker of `stage` until stop(); a failed refresh is retried at the next beat. */
export function startHeartbeat(redis: Redis, prefix: string, stage: string, onError?: (err: Error) => void): Heartbeat {
  const member = `${process.pid}:${randomUUID()}`;
  const key = keyOf(prefix, stage);
  const beat = async () => {
    const now = await serverMs(redis);
    await redis
      .multi()
      .zadd(key, now, member)
      .zremrangebyscore(key, '-inf', now - LIVE_WITHIN_MS)
      .pexpire(key, LIVE_WITHIN_MS * 3)
      .exec();
  };
  let last = beat().catch((err: Error) => onError?.(err));
  const timer = setInterval(() => {
    last = beat().catch((err: Error) => onError?.(err));
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await last;
      await redis.zrem(key, member).catch(() => undefined);
    },
  };
}

/** How many workers of `stage` refreshed their entry within LIVE_WITHIN_MS. */
export async function liveWorkerCount(redis: Redis, prefix: string, stage: string): Promise<number> {
  const now = await serverMs(redis);
  return redis.zcount(keyOf(prefix, stage), now - LIVE_WITHIN_MS, '+inf');
}
