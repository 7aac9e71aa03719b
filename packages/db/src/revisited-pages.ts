// The crawler's side of the revisit policy (packages/pipeline crawl/revisit.ts): a page that is not
// a report, fetched again and found unchanged (304, identical bytes), never reaches the store, so
// its Page row still holds the fetch that came due. Its lastFetchedAt moves to the time of that
// check, or it would be due in every crawl from then on. The check's own time, as the store records
// a fetch's: the crawl job's end (when this runs) is up to the crawl's length later, and a nightly
// crawl then found a page due after P days not due until the night after.
import type { PrismaClient } from './generated/prisma/client.ts';

/** A page found unchanged, and when. */
export type Revisit = { url: string; at: Date };

/** One statement per crawl; only rows the policy governs (not a report, never held one); never moved back. */
export async function markRevisited(prisma: PrismaClient, siteId: string, pages: Revisit[]): Promise<number> {
  if (pages.length === 0) return 0;
  const urls = pages.map((p) => p.url);
  const ats = pages.map((p) => p.at.toISOString());
  return prisma.$executeRaw`
    UPDATE "Page" p SET "lastFetchedAt" = GREATEST(p."lastFetchedAt", v.at::timestamptz AT TIME ZONE 'UTC')
    FROM unnest(${urls}::text[], ${ats}::text[]) AS v(url, at)
    WHERE p."siteId" = ${siteId} AND p.url = v.url
      AND p.status = 'notReport' AND p."reportId" IS NULL`;
}
