import { completeRunIfSettled, finishCrawl, markMissing, StoreInputError, storePage } from '@govwatch/db';
import type { Payload } from '@govwatch/jobs';
import { type Job, UnrecoverableError } from 'bullmq';
import type { Runtime } from '../runtime.ts';
import { runDeadlineCheck, watchStoredResult } from '../watch-check.ts';

/** Missing on this many consecutive complete crawls → report.removed. */
export const MISSING_THRESHOLD = 3;

export async function processStore(rt: Runtime, job: Job, data: Payload<'store'>) {
  const prisma = rt.db.prisma;
  if (data.kind === 'watchCheck') return { kind: data.kind, ...(await runDeadlineCheck(rt)) };
  if (data.kind === 'crawlFinished') {
    let reportsRemoved = 0;
    // Only a complete discovery can say a page is missing; a failed list page proves nothing.
    if (data.stats.discoveryComplete === true && data.stats.seenUrls) {
      const missing = await markMissing(prisma, data.siteId, data.stats.seenUrls, data.runId, MISSING_THRESHOLD);
      reportsRemoved = missing.removed.length;
    }
    const { seenUrls: _omit, ...stats } = data.stats;
    await finishCrawl(prisma, data.runId, { ...stats, reportsRemoved });
    return { kind: data.kind };
  }
  let result: Awaited<ReturnType<typeof storePage>>;
  try {
    result = await storePage(prisma, data);
  } catch (err) {
    // A corrupt body can never store; retrying would only delay the run's end.
    if (err instanceof StoreInputError) throw new UnrecoverableError(err.message);
    throw err;
  }
  rt.log.debug({ queue: 'store', jobId: job.id, url: data.fetchUrl, ...result }, 'stored');
  await watchStoredResult(rt, result);
  await completeRunIfSettled(prisma, data.runId);
  return result;
}
