// The publication watch inside the pipeline: the store worker links each stored report to its
// agency (after the store transaction, so a failure here never loses a stored report), and a
// daily job on the store queue — the single writer of report data and of the outbox — checks the
// deadlines. Its BullMQ job scheduler sits beside the crawl schedules.
import { checkDeadlines, checkLinkedReport, type DeadlineCheck, linkReportAgency, syncDeclaredAgencies } from '@govwatch/db';
import type { Site } from '@govwatch/sites';
import type { Runtime } from './runtime.ts';

/** Scheduler key of the daily deadline check (one per deployment; upserted in place on restart). */
export const WATCH_SCHEDULER_KEY = 'watch-daily';
/** 06:30 in Shanghai: after the nightly crawls (default 02:00) have stored what they found. */
export const WATCH_SCHEDULE = '30 6 * * *';

/** Link a just-stored report to its agency; write report.found_late if it was published late. */
export async function watchStoredReport(rt: Runtime, reportId: string): Promise<void> {
  const link = await linkReportAgency(rt.db.prisma, reportId);
  if (!link.linked) {
    rt.log.debug({ reportId, reason: link.reason }, 'report not linked to an agency');
    return;
  }
  if (link.created) rt.log.info({ reportId, agencyId: link.agencyId }, 'new agency found on a report; listed for review');
  await checkLinkedReport(rt.db.prisma, reportId);
}

/** The daily job's work. */
export function runDeadlineCheck(rt: Runtime, now: Date = new Date()): Promise<DeadlineCheck> {
  return checkDeadlines(rt.db.prisma, now);
}

/** Declared agencies into the database, and the daily check's job scheduler. */
export async function syncWatch(rt: Runtime, sites: Site[]): Promise<void> {
  await syncDeclaredAgencies(rt.db.prisma, sites);
  await rt.queues.store.upsertJobScheduler(
    WATCH_SCHEDULER_KEY,
    { pattern: WATCH_SCHEDULE, tz: rt.config.timezone },
    { name: 'watchCheck', data: { kind: 'watchCheck' } },
  );
}
