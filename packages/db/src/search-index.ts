// The search indexer: copies each pending report's current text into "ReportSearchText", whose
// trigram index serves GET /reports?q= (report-search.ts). Pending = "searchVersion" differs from
// "currentVersion" (a new report, a new version, or an upgrade from before the table existed).
// In batches behind the store, not in each store's transaction: some 3,000 new GIN entries per
// text cost 6 to 9 ms of PostgreSQL CPU, which the store no longer waits for (migration
// 20261202000000_report_search_deferred).
import { Prisma, type PrismaClient } from './client.ts';

/** One indexer at a time across all store workers; the others find the lock taken and skip a turn. */
export const INDEXER_LOCK = 0x5ea4c1;

/** Reports per batch: a transaction of a second or two, so a worker that stops waits no longer. */
export const SEARCH_INDEX_BATCH = 200;

export type SearchIndexBatch = {
  /** Reports whose current text was copied into the search table. */
  indexed: number;
  /** False when another process held the indexer lock (nothing was done). */
  ran: boolean;
};

/** Index up to `limit` pending reports in one transaction. */
export async function indexPendingSearch(prisma: PrismaClient, limit: number): Promise<SearchIndexBatch> {
  return prisma.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(${INDEXER_LOCK}) AS ok`;
      if (!lock?.ok) return { indexed: 0, ran: false };
      // The version is the one read here: a store that adds a version meanwhile leaves the report
      // pending (searchVersion is set to the older one), and the next batch takes the new text. A
      // report without its current version's row (never expected) is indexed empty rather than
      // picked first by every batch forever.
      const indexed = await tx.$executeRaw`
        WITH todo AS (
          SELECT id, "currentVersion" AS version FROM "Report"
          WHERE "searchPending"
          LIMIT ${limit}
        ), up AS (
          INSERT INTO "ReportSearchText" ("reportId", version, text)
          SELECT t.id, t.version, coalesce(v.text, '') FROM todo t
          LEFT JOIN "ReportVersion" v ON v."reportId" = t.id AND v.version = t.version
          ON CONFLICT ("reportId") DO UPDATE SET version = excluded.version, text = excluded.text
          RETURNING "reportId", version
        )
        UPDATE "Report" r SET "searchVersion" = up.version FROM up WHERE r.id = up."reportId"`;
      return { indexed, ran: true };
    },
    { timeout: 120_000 },
  );
}

/** Reports whose current text is not in the search table yet. */
export async function pendingSearchCount(prisma: PrismaClient): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>(
    Prisma.sql`SELECT count(*)::int AS n FROM "Report" WHERE "searchPending"`,
  );
  return row?.n ?? 0;
}
