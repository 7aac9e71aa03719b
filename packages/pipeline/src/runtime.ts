// What every worker needs, built once per process from the validated config.
import { type Config, checkRedis, type Logger, producerConnection } from '@govwatch/core';
import { checkDatabaseReady, createDb, type Db } from '@govwatch/db';
import { openQueues, type Queues } from '@govwatch/jobs';
import type { Redis } from 'ioredis';
import { createFetcher, type Fetcher } from './fetch/fetcher.ts';
import { logQueueError } from './outage/ride-out.ts';
import { backlogLimits, downstreamBacklog, type PageBacklog, pageBacklog } from './page-backlog.ts';

export type Runtime = {
  config: Config;
  log: Logger;
  db: Db;
  /** Fail-fast connection for producers, the host limiter and robots cache. */
  redis: Redis;
  queues: Queues;
  /** Polite fetching (host limiter, robots cache), one per process. */
  fetcher: Fetcher;
  /** Pages waiting downstream: crawls pause while it is over GOVWATCH_PAGE_BACKLOG (page-backlog.ts). */
  pageBacklog: PageBacklog;
  /** Aborted when the process starts shutting down: long jobs (crawls) stop and hand their job back. */
  shutdown: AbortController;
  close(): Promise<void>;
};

export function createRuntime(config: Config, log: Logger): Runtime {
  const db = createDb(config.databaseUrl);
  const redis = producerConnection(config.redisUrl);
  redis.on('error', (err) => log.debug({ err: err.message }, 'redis connection error'));
  const queues = openQueues(redis, config.queuePrefix);
  for (const q of [queues.crawl, queues.extract, queues.store, queues.events, queues.webhooks]) {
    q.on('error', (err) => logQueueError(log, q.name, err));
  }
  return {
    config,
    log,
    db,
    redis,
    queues,
    fetcher: createFetcher(redis, config.queuePrefix, {
      userAgent: config.userAgent,
      allowPrivateNetwork: config.allowPrivateNetwork,
      timeoutMs: config.fetchTimeoutMs,
      hostSlotTtlMs: config.hostSlotTtlMs,
    }),
    // Measures nothing until a crawl asks.
    pageBacklog: pageBacklog(() => downstreamBacklog(queues), backlogLimits(config.pageBacklog), {
      onChange: (open, backlog) =>
        log.info(
          { backlog, limit: config.pageBacklog },
          open ? 'page backlog drained: crawls resume' : 'page backlog over its limit: crawls pause',
        ),
      onError: (err) => log.debug({ err: err.message }, 'page backlog not measured'),
    }),
    shutdown: new AbortController(),
    async close() {
      // A queue still starting up (its connection's version check, script loading) would have
      // those commands rejected unhandled by the close: let them finish first, briefly.
      const all = [queues.crawl, queues.extract, queues.store, queues.events, queues.webhooks];
      await Promise.race([
        Promise.allSettled(all.map((q) => q.waitUntilReady())),
        new Promise((r) => setTimeout(r, 1000).unref()),
      ]);
      await queues.close();
      // QUIT lets commands still in flight (a dashboard's, a scrape's) get their answers instead
      // of rejecting with "Connection is closed"; a Redis that does not answer is just dropped.
      await Promise.race([redis.quit().catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
      redis.disconnect();
      await db.close();
    },
  };
}

/**
 * One line saying what is unreachable or unmigrated, instead of a stack trace from deep inside a
 * client. Run it before createRuntime: the runtime's queues would each log their own connection error.
 */
export async function checkServices(config: Pick<Config, 'redisUrl' | 'databaseUrl'>): Promise<void> {
  await checkRedis(config.redisUrl);
  await checkDatabaseReady(config.databaseUrl);
}
