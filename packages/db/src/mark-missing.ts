// After a complete crawl of a site: report pages the crawl did not see (or that no longer hold a
// report) count one miss; at the threshold the page is gone, and a report whose every page is
// gone is removed, with its report.removed event in the same transaction.
import { canonicalUrl } from '@govwatch/core';
import type { PrismaClient } from './generated/prisma/client.ts';
import { writeReportEvent } from './outbox.ts';
import { lockStore } from './store/locks.ts';

export type MarkMissingResult = {
  /** Pages counted missing by this run (0 when the run was already counted). */
  missed: number;
  /** Pages that reached the threshold in this run. */
  gone: string[];
  /** Reports that became removed in this run. */
  removed: string[];
};

/**
 * Only call this for a crawl that completed (an aborted crawl saw too little to judge). Retrying
 * it for the same runId counts nothing twice.
 */
export async function markMissing(
  prisma: PrismaClient,
  siteId: string,
  seenCanonicalUrls: string[],
  runId: string,
  threshold = 3,
): Promise<MarkMissingResult> {
  const seen = [
    ...new Set(
      seenCanonicalUrls.flatMap((u) => {
        try {
          return [canonicalUrl(u)];
        } catch {
          return [];
        }
      }),
    ),
  ];

  return prisma.$transaction(
    async (tx) => {
      await lockStore(tx);
      await tx.$executeRaw`
        UPDATE "Page" SET "missCount" = 0, "lastMissRunId" = NULL, "lastSeenAt" = now()
        WHERE "siteId" = ${siteId} AND url = ANY(${seen}::text[]) AND status <> 'notReport'`;

      // A page that now answers with something other than a report (a deletion notice, a 404
      // page) is as good as missing for the report it held.
      const missed = await tx.$queryRaw<{ url: string; reportId: string; missCount: number }[]>`
        UPDATE "Page"
        SET "missCount" = "missCount" + 1,
            "lastMissRunId" = ${runId},
            status = CASE WHEN "missCount" + 1 >= ${threshold}::int THEN 'gone' ELSE status END
        WHERE "siteId" = ${siteId} AND "reportId" IS NOT NULL AND status <> 'gone'
          AND (NOT (url = ANY(${seen}::text[])) OR status = 'notReport')
          AND "lastMissRunId" IS DISTINCT FROM ${runId}
        RETURNING url, "reportId", "missCount"`;

      const gone = missed.filter((m) => m.missCount >= threshold);
      const removed: string[] = [];
      for (const reportId of new Set(gone.map((g) => g.reportId))) {
        const alive = await tx.page.count({ where: { reportId, status: { not: 'gone' } } });
        if (alive > 0) continue;
        const changed = await tx.report.updateMany({
          where: { id: reportId, status: 'active' },
          data: { status: 'removed' },
        });
        if (changed.count === 0) continue;
        const report = await tx.report.findUniqueOrThrow({ where: { id: reportId } });
        await writeReportEvent(tx, 'report.removed', report, {
          version: report.currentVersion,
          runId,
          urls: gone.filter((g) => g.reportId === reportId).map((g) => g.url),
        });
        removed.push(reportId);
      }
      return { missed: missed.length, gone: gone.map((g) => g.url), removed };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
