// src/mark-missing.ts
import { canonicalUrl } from "@govwatch/core";
import { writeReportEvent } from "./outbox.js";
import { lockStore } from "./store/locks.js";
async function markMissing(prisma, siteId, seenCanonicalUrls, runId, threshold = 3) {
  const seen = [
    ...new Set(
      seenCanonicalUrls.flatMap((u) => {
        try {
          return [canonicalUrl(u)];
        } catch {
          return [];
        }
      })
    )
  ];
  return prisma.$transaction(
    async (tx) => {
      await lockStore(tx);
      await tx.$executeRaw`
        UPDATE "Page" SET "missCount" = 0, "lastMissRunId" = NULL, "lastSeenAt" = now()
        WHERE "siteId" = ${siteId} AND url = ANY(${seen}::text[]) AND status <> 'notReport'`;
      const missed = await tx.$queryRaw`
        UPDATE "Page"
        SET "missCount" = "missCount" + 1,
            "lastMissRunId" = ${runId},
            status = CASE WHEN "missCount" + 1 >= ${threshold}::int THEN 'gone' ELSE status END
        WHERE "siteId" = ${siteId} AND "reportId" IS NOT NULL AND status <> 'gone'
          AND (NOT (url = ANY(${seen}::text[])) OR status = 'notReport')
          AND "lastMissRunId" IS DISTINCT FROM ${runId}
        RETURNING url, "reportId", "missCount"`;
      const gone = missed.filter((m) => m.missCount >= threshold);
      const removed = [];
      for (const reportId of new Set(gone.map((g) => g.reportId))) {
        const alive = await tx.page.count({ where: { reportId, status: { not: "gone" } } });
        if (alive > 0) continue;
        const changed = await tx.report.updateMany({ where: { id: reportId, status: "active" }, data: { status: "removed" } });
        if (changed.count === 0) continue;
        const report = await tx.report.findUniqueOrThrow({ where: { id: reportId } });
        await writeReportEvent(tx, "report.removed", report, {
          version: report.currentVersion,
          runId,
          urls: gone.filter((g) => g.reportId === reportId).map((g) => g.url)
        });
        removed.push(reportId);
      }
      return { missed: missed.length, gone: gone.map((g) => g.url), removed };
    },
    { maxWait: 1e4, timeout: 6e4 }
  );
}
export {
  markMissing
};
//# sourceMappingURL=mark-missing.js.map
