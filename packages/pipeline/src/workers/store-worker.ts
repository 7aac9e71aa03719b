import type { Payload } from '@govwatch/core';
import { completeRunIfSettled, finishCrawl, markMissing, storePage } from '@govwatch/db';
import type { Job } from 'bullmq';
import type { Runtime } from '../runtime.ts';

/** Missing on this many consecutive complete crawls → report.removed. */
export const MISSING_THRESHOLD = 3;

export async function processStore(rt: Runtime, job: Job, data: Payload<'store'>) {
  const prisma = rt.db.prisma;
  if (data.kind === 'crawlFinished') {
    if (data.stats.discoveryComplete === true && Array.isArray(data.stats.seenUrls)) {
      await markMissing(prisma, data.siteId, data.stats.seenUrls as string[], data.runId, MISSING_THRESHOLD);
    }
    const { seenUrls: _omit, ...stats } = data.stats;
    await finishCrawl(prisma, data.runId, stats);
    return { kind: data.kind };
  }
  const result = await storePage(prisma, data);
  rt.log.debug({ queue: 'store', jobId: job.id, url: data.fetchUrl, ...result }, 'stored');
  await completeRunIfSettled(prisma, data.runId);
  return result;
}
