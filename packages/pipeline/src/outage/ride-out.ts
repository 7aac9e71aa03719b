// Outages of Redis or PostgreSQL are waited out, not turned into failures: a job whose work
// failed because one of them is unreachable waits (in its worker, without spending an attempt)
// until it answers again, then runs again, for up to config.outageWaitMs; past that the job's
// ordinary attempts and backoff take over. Every store and extract step is idempotent (job ids,
// the store's replay check), so running one again after a half-done try is safe.
import type { Logger } from '@govwatch/core';
import type { Db } from '@govwatch/db';
import type { Redis } from 'ioredis';
import { looksLikeConnectionError } from './connection-error.ts';

export type Dependency = 'Redis' | 'PostgreSQL';

export type OutageDeps = {
  log: Logger;
  redis: Redis;
  db: Db;
  config: { outageWaitMs: number };
  shutdown: AbortController;
};

const PROBE_TIMEOUT_MS = 5_000;
const POLL_MS = 2_000;
const LOG_EVERY_MS = 60_000;

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref()),
  ]);

/** Which dependency does not answer right now, if any (a site refusing a connection is not an outage). */
export async function unreachableDependency(deps: Pick<OutageDeps, 'redis' | 'db'>): Promise<Dependency | null> {
  const [redis, postgres] = await Promise.allSettled([
    withTimeout(deps.redis.ping(), PROBE_TIMEOUT_MS),
    withTimeout(deps.db.prisma.$queryRaw`SELECT 1`, PROBE_TIMEOUT_MS),
  ]);
  if (redis.status === 'rejected') return 'Redis';
  if (postgres.status === 'rejected') return 'PostgreSQL';
  return null;
}

/** One line a minute per subject, however many jobs and connections report it. */
export function throttledLog(everyMs = LOG_EVERY_MS) {
  const last = new Map<string, number>();
  return (key: string, write: () => void) => {
    const now = Date.now();
    if ((last.get(key) ?? 0) + everyMs > now) return;
    last.set(key, now);
    write();
  };
}

// Shared by every worker of the process: "waiting for PostgreSQL" once a minute, not once a job.
const waitingLog = throttledLog();

/**
 * Run `work`; while it fails because Redis or PostgreSQL is unreachable, wait for it to answer and
 * run it again, logging once a minute. Other failures, an outage longer than outageWaitMs, and
 * shutdown pass the error on (the job is then retried or failed the ordinary way).
 */
export async function rideOutOutages<T>(deps: OutageDeps, queue: string, work: () => Promise<T>): Promise<T> {
  let since: number | null = null;
  for (;;) {
    try {
      const result = await work();
      if (since !== null)
        deps.log.info({ queue, waitedMs: Date.now() - since }, 'dependency answers again; job carried on');
      return result;
    } catch (err) {
      if (!looksLikeConnectionError(err) || deps.shutdown.signal.aborted) throw err;
      let down = await unreachableDependency(deps);
      if (!down) throw err;
      since ??= Date.now();
      while (down) {
        const waited = Date.now() - since;
        if (waited > deps.config.outageWaitMs || deps.shutdown.signal.aborted) throw err;
        const what = down;
        waitingLog(what, () =>
          deps.log.warn(
            { queue, dependency: what, waitedMs: waited, err: (err as Error).message },
            `${what} unreachable: jobs wait and reconnect`,
          ),
        );
        await new Promise((r) => setTimeout(r, POLL_MS));
        down = await unreachableDependency(deps);
      }
    }
  }
}

// The worker's own connection reports every failed reconnect as an `error` event.
const workerErrorLog = throttledLog();

/** A worker's or queue's `error` event: a lost connection once a minute (the worker reconnects by itself), anything else each time. */
export function logQueueError(log: Logger, queue: string, err: Error): void {
  if (looksLikeConnectionError(err)) {
    workerErrorLog(`${queue}:connection`, () =>
      log.warn({ queue, err: err.message }, 'lost the Redis connection: waiting and reconnecting'),
    );
    return;
  }
  log.error({ queue, err: err.message }, 'worker error');
}
