// The crawler's side of the revisit policy (packages/pipeline crawl/revisit.ts): a page that is not
// a report, fetched again and found unchanged (304, identical bytes), never reaches the store, so
// its Page row still holds the fetch that came due. Its lastFetchedAt moves to now, or it would be
// due in every crawl from then on.
import type { PrismaClient } from './generated/prisma/client.ts';

/** One statement per crawl; only rows the policy governs (not a report, never held one). */
export async function markRevisited(prisma: PrismaClient, siteId: string, canonicalUrls: string[]): Promise<number> {
  if (canonicalUrls.length === 0) return 0;
  return prisma.$executeRaw`
    UPDATE "Page" SET "lastFetchedAt" = now()
    WHERE "siteId" = ${siteId} AND url = ANY(${canonicalUrls}::text[])
      AND status = 'notReport' AND "reportId" IS NULL`;
}
