// The publication watch inside the pipeline: the store worker links each stored report to its
// agency (after the store transaction, so a failure here never loses a stored report), and a
// daily job on the store queue — the single writer of report data and of the outbox — checks the
// deadlines. Its BullMQ job scheduler sits beside the crawl schedules.
import {
  checkDeadlines,
  checkLinkedReport,
  type DeadlineCheck,
  linkReportAgency,
  type StoreResult,
  syncDeclaredAgencies,
} from '@govwatch/db';
import type { Site } from '@govwatch/sites';
import type { Runtime } from './runtime.ts';

/** Scheduler key of the daily deadline check (one per deployment; upserted in place on restart). */
export const WATCH_SCHEDULER_KEY = 'watch-daily';
/** 06:30 in Shanghai: after the nightly crawls (default 02:00) have stored what they found. */
export const WATCH_SCHEDULE = '30 6 * * *';

/**
 * Link a just-stored report to its agency; write report.found_late if it was published late.
 * Never fails the store job: the report is stored, and the daily check links what is left unlinked.
 */
export async function watchStoredReport(rt: Runtime, reportId: string): Promise<void> {
  try {
    const link = await linkReportAgency(rt.db.prisma, reportId);
    if (!link.linked) {
      rt.log.debug({ reportId, reason: link.reason }, 'report not linked to an agency');
      return;
    }
    if (link.created)
      rt.log.info({ reportId, agencyId: link.agencyId }, 'new agency found on a report; listed for review');
    await checkLinkedReport(rt.db.prisma, reportId);
  } catch (err) {
    rt.log.warn(
      { reportId, err: (err as Error).message },
      'could not link the report to its agency; the daily check will',
    );
  }
}

/** After a store job: a new or changed report (or a retry of one) is linked now; the daily check links the rest. */
export async function watchStoredResult(rt: Runtime, result: StoreResult): Promise<void> {
  if (result.reportId && (result.outcome === 'created' || result.outcome === 'updated' || result.replayed)) {
    await watchStoredReport(rt, result.reportId);
  }
}

/** The daily job's work: link what is unlinked (found_late for late ones), then the deadlines. */
export async function runDeadlineCheck(
  rt: Runtime,
  now: Date = new Date(),
): Promise<DeadlineCheck & { linked: number }> {
  const unlinked = await rt.db.prisma.report.findMany({ where: { agencyId: null }, select: { id: true } });
  for (const r of unlinked) await watchStoredReport(rt, r.id);
  const linked = unlinked.length - (await rt.db.prisma.report.count({ where: { agencyId: null } }));
  return { ...(await checkDeadlines(rt.db.prisma, now)), linked };
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
