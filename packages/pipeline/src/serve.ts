// A long-lived worker process: any subset of stages, optionally the scheduler and the event relay.
import { onShutdown } from '@govwatch/core';
import { checkDatabase, migrateDeploy, upsertSites } from '@govwatch/db';
import type { Site } from '@govwatch/sites';
import type { Worker } from 'bullmq';
import { startEventRelay } from './event-relay.ts';
import type { Runtime } from './runtime.ts';
import { syncSchedules } from './scheduler.ts';
import type { StageName, WorkerQueue } from '@govwatch/jobs';
import { startWorker } from './workers/start-worker.ts';

export type ServeOptions = {
  stages: StageName[];
  /** Sites to schedule (the scheduler runs only when given). */
  sites?: Site[];
  relay?: boolean;
  migrate?: boolean;
  extraClosers?: Array<() => Promise<unknown>>;
};

export async function serve(rt: Runtime, opts: ServeOptions): Promise<{ workers: Worker[] }> {
  if (opts.migrate) {
    const out = await migrateDeploy(rt.config.databaseUrl);
    rt.log.info({ out: out.trim().split('\n').at(-1) }, 'migrations applied');
  }
  if (opts.sites) {
    await upsertSites(rt.db.prisma, opts.sites.map((s) => ({ id: s.id, name: s.name, config: s })));
    await syncSchedules(rt, opts.sites);
    rt.log.info({ sites: opts.sites.length, tz: rt.config.timezone }, 'schedules synced');
  }
  // The process that relays the outbox also delivers its webhooks (start, worker store).
  const stages: WorkerQueue[] = opts.relay ? [...opts.stages, 'webhooks'] : opts.stages;
  const workers = stages.map((stage) => startWorker(stage, rt));
  const relay = opts.relay ? startEventRelay(rt) : null;
  rt.log.info({ stages, relay: Boolean(relay), webhooks: rt.config.webhooks.urls.length }, 'govwatch running');
  onShutdown(rt.log, [
    // Crawls can run for hours: stop them first, so worker.close() returns within the deadline.
    async () => rt.shutdown.abort(),
    ...(opts.extraClosers ?? []),
    () => Promise.all(workers.map((w) => w.close())),
    async () => relay?.stop(),
    () => rt.close(),
  ]);
  return { workers };
}

/** One line saying what is unreachable, instead of a stack trace from deep inside a client. */
export async function checkServices(rt: Runtime): Promise<void> {
  try {
    await Promise.race([
      rt.redis.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 4000)),
    ]);
  } catch (err) {
    throw new Error(`cannot reach Redis at ${rt.config.redisUrl} (${(err as Error).message}); run: pnpm services`);
  }
  await checkDatabase(rt.db, rt.config.databaseUrl);
}

/** Entry point of a service process: config → runtime → serve; one clear line and exit 1 on error. */
export async function runServiceProcess(opts: ServeOptions & { name: string }): Promise<void> {
  const { createLogger, loadConfig } = await import('@govwatch/core');
  const { createRuntime } = await import('./runtime.ts');
  try {
    const config = loadConfig();
    const rt = createRuntime(config, createLogger(config.logLevel ?? 'info', `govwatch-${opts.name}`));
    await checkServices(rt);
    await serve(rt, opts);
  } catch (err) {
    process.stderr.write(`govwatch-${opts.name}: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
