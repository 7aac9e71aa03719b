// BullMQ workers for every queue govwatch works, built from one handler map typed against the
// catalog: a queue without a handler fails to compile.
import { type JobLogContext, metrics, withJobContext, workerConnection } from '@govwatch/core';
import { type Payload, parsePayload, type WorkerQueue } from '@govwatch/jobs';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { startHeartbeat } from '../liveness.ts';
import { logQueueError, rideOutOutages } from '../outage/ride-out.ts';
import { startReaper } from '../reaper.ts';
import type { Runtime } from '../runtime.ts';
import { processWebhook } from '../webhook-worker.ts';
import { processExtract } from './extract-worker.ts';
import { isFinalFailure, settleFinalFailure } from './final-failure.ts';
import { processStore } from './store-worker.ts';

type Handler<Q extends WorkerQueue> = (rt: Runtime, job: Job, data: Payload<Q>) => Promise<unknown>;
const handlers: { [Q in WorkerQueue]: Handler<Q> } = {
  // Loaded by the crawl worker alone: the other workers need none of crawlee (crawl-site-lazy.ts).
  crawl: async (rt, job, data) => (await import('./crawl-worker.ts')).processCrawl(rt, job, data),
  extract: processExtract,
  store: processStore,
  webhooks: processWebhook,
};

export function startWorker<Q extends WorkerQueue>(queue: Q, rt: Runtime): Worker {
  const connection = workerConnection(rt.config.redisUrl);
  const worker = new Worker(
    queue,
    async (job: Job) => {
      let data: Payload<Q>;
      try {
        data = parsePayload(queue, job.data);
      } catch (err) {
        throw new UnrecoverableError((err as Error).message);
      }
      return withJobContext(jobLogContext(queue, job), () =>
        rideOutOutages(rt, queue, () => handlers[queue](rt, job, data)),
      );
    },
    {
      connection,
      prefix: rt.config.queuePrefix,
      concurrency: rt.config.concurrency[queue],
      // A crawl can run for a long time; its lock is renewed while the process lives, and a job
      // whose process died is picked up again after the lock expires (no job is lost) and carries
      // on from the run's frontier.
      lockDuration: queue === 'crawl' ? 2 * rt.config.crawlLeaseMs : 30_000,
      stalledInterval: queue === 'crawl' ? Math.min(30_000, 2 * rt.config.crawlLeaseMs) : 30_000,
      // A crawl whose worker died, or lost Redis past its lock, is run again however often that
      // happens: a dying worker slows a run, it never fails it (a retried crawl skips stored pages).
      // A page job that keeps taking its worker down with it (a poison page) fails after a few.
      maxStalledCount: queue === 'crawl' ? 1000 : 5,
      name: `govwatch-${queue}`,
    },
  );
  worker.on('error', (err) => logQueueError(rt.log, queue, err));
  const seconds = (job: Job | undefined) =>
    job?.processedOn && job.finishedOn ? (job.finishedOn - job.processedOn) / 1000 : null;
  worker.on('completed', (job, result: { outcome?: string } | undefined) => {
    metrics.jobFinished(queue, 'completed', seconds(job));
    if (queue === 'store' && result?.outcome) metrics.stored(result.outcome);
  });
  worker.on('failed', (job, err) => {
    metrics.jobFinished(
      queue,
      'failed',
      seconds(job),
      err.name !== 'Error' ? err.name : (err.constructor?.name ?? 'Error'),
    );
    rt.log.warn({ queue, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed');
    if (job && isFinalFailure(job, err)) void settleFinalFailure(rt, queue, job, err);
  });
  // Liveness per deployment (liveness.ts): what `crawl --wait` reads to know a stage is served.
  const heartbeat = startHeartbeat(rt.redis, rt.config.queuePrefix, queue, (err) =>
    rt.log.debug({ queue, err: err.message }, 'heartbeat failed'),
  );
  // Every crawl worker also resumes (or fails) runs that lost their jobs; idempotent.
  const stopReaper = queue === 'crawl' ? startReaper(rt) : () => undefined;
  const close = worker.close.bind(worker);
  worker.close = async (force?: boolean) => {
    stopReaper();
    await heartbeat.stop();
    await close(force);
    await connection.quit().catch(() => connection.disconnect());
  };
  return worker;
}

/** The fields every log line of a job carries, from whichever of them its payload has. */
function jobLogContext(queue: string, job: Job): JobLogContext {
  const d = (job.data ?? {}) as { runId?: unknown; siteId?: unknown; fetchUrl?: unknown };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { queue, jobId: job.id, runId: str(d.runId), site: str(d.siteId), url: str(d.fetchUrl) };
}
