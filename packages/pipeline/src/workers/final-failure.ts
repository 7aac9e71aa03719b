// A job that will not be retried again must still settle its part of the run, or the run stays
// "running" and `crawl --wait` waits for nothing.
import { canonicalUrl, type Logger } from '@govwatch/core';
import { failRun, settleAsFailed } from '@govwatch/db';
import type { Job } from 'bullmq';
import { Frontier } from '../crawl/frontier.ts';
import type { Runtime } from '../runtime.ts';

/** BullMQ gives up on a job after its last attempt, or at once on an UnrecoverableError (also a stall past the limit). */
export function isFinalFailure(job: Job, err: Error): boolean {
  return (
    job.attemptsMade >= (job.opts.attempts ?? 1) ||
    err.name === 'UnrecoverableError' ||
    /stalled more than/i.test(err.message)
  );
}

export async function settleFinalFailure(
  rt: Runtime,
  stage: string,
  job: Job,
  err: Error,
  log: Logger = rt.log,
): Promise<void> {
  const data = job.data as { kind?: string; runId?: string; fetchUrl?: string };
  if (!data.runId) return;
  const reason = `${stage} failed: ${err.message}`;
  try {
    if (stage === 'crawl' || data.kind === 'crawlFinished') {
      await failRun(rt.db.prisma, data.runId, reason);
      await new Frontier(rt.redis, rt.config.queuePrefix, data.runId).drop(); // nothing will resume from it
    } else if (data.fetchUrl) await settleAsFailed(rt.db.prisma, data.runId, canonicalUrl(data.fetchUrl), reason);
  } catch (settleErr) {
    log.error(
      { queue: stage, jobId: job.id, runId: data.runId, err: (settleErr as Error).message },
      'could not settle a failed job; its run stays open',
    );
  }
}
