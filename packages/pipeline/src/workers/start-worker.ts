// BullMQ workers for every stage, built from one typed handler map: a queue without a handler
// fails to compile.
import { metrics, parsePayload, workerConnection, type Payload, type QueueName } from '@govwatch/core';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Runtime } from '../runtime.ts';
import { processCrawl } from './crawl-worker.ts';
import { processExtract } from './extract-worker.ts';
import { processStore } from './store-worker.ts';
import { isFinalFailure, settleFinalFailure } from './final-failure.ts';
import { processWebhook } from '../webhook-worker.ts';

export type StageName = Exclude<QueueName, 'events'>;
/** The pipeline's stages; `webhooks` runs beside the event relay (services/store), not as a stage of a crawl. */
export const stages: StageName[] = ['crawl', 'extract', 'store'];

type Handler<Q extends StageName> = (rt: Runtime, job: Job, data: Payload<Q>) => Promise<unknown>;
const handlers: { [Q in StageName]: Handler<Q> } = {
  crawl: processCrawl,
  extract: processExtract,
  store: processStore,
  webhooks: processWebhook,
};

export function startWorker<Q extends StageName>(stage: Q, rt: Runtime): Worker {
  const connection = workerConnection(rt.config.redisUrl);
  const worker = new Worker(
    stage,
    async (job: Job) => {
      let data: Payload<Q>;
      try {
        data = parsePayload(stage, job.data);
      } catch (err) {
        throw new UnrecoverableError((err as Error).message);
      }
      return handlers[stage](rt, job, data);
    },
    {
      connection,
      prefix: rt.config.queuePrefix,
      concurrency: rt.config.concurrency[stage],
      // A crawl can run for a long time; its lock is renewed while the process lives, and a job
      // whose process died is picked up again after the lock expires (no job is lost).
      lockDuration: stage === 'crawl' ? 120_000 : 30_000,
      name: `govwatch-${stage}`,
    },
  );
  worker.on('error', (err) => rt.log.error({ queue: stage, err: err.message }, 'worker error'));
  const seconds = (job: Job | undefined) => (job?.processedOn && job.finishedOn ? (job.finishedOn - job.processedOn) / 1000 : null);
  worker.on('completed', (job, result: { outcome?: string } | undefined) => {
    metrics.jobFinished(stage, 'completed', seconds(job));
    if (stage === 'store' && result?.outcome) metrics.stored(result.outcome);
  });
  worker.on('failed', (job, err) => {
    metrics.jobFinished(stage, 'failed', seconds(job), err.name !== 'Error' ? err.name : (err.constructor?.name ?? 'Error'));
    rt.log.warn({ queue: stage, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed');
    if (job && isFinalFailure(job, err)) void settleFinalFailure(rt, stage, job, err);
  });
  const close = worker.close.bind(worker);
  worker.close = async (force?: boolean) => {
    await close(force);
    await connection.quit().catch(() => connection.disconnect());
  };
  return worker;
}
