// A page that is no report (or failed to fetch): its raw snapshot, its Page row (the crawl state
// the crawler reads for conditional GETs) and the run's outcome row, in one statement outside any
// interactive transaction. Nine pages in ten take this path; it used to be BEGIN, a replay check,
// three Prisma writes and COMMIT (six round trips). One statement is atomic on its own, and
// nothing here decides identity, so it needs no lock: concurrent stores of one URL meet on the
// unique keys (Page.url, CrawlRunPage (runId, url), RawSnapshot.sha256).
import { randomUUID } from 'node:crypto';
import type { StoreFailedJob, StoreRecordJob } from '@govwatch/jobs';
import { Prisma } from '../generated/prisma/client.ts';
import type { Prepared } from './prepare.ts';
import { type Sql, snapshotCte, utc } from './sql.ts';
import type { StoreOutcome, StoreResult } from './types.ts';

type Row = { done: { outcome: StoreOutcome; reportId: string | null } | null; recorded: boolean };

/** Store a page that is no report, or a failure; a replayed job returns the first outcome and changes nothing. */
export async function storePlainPage(
  sql: Sql,
  p: Prepared & { job: StoreRecordJob | StoreFailedJob },
): Promise<StoreResult> {
  const { job } = p;
  const now = utc(new Date());
  const fresh = Prisma.sql`NOT EXISTS (SELECT 1 FROM done)`;
  const failed = job.kind === 'failed';
  const outcome: StoreOutcome = failed ? 'failed' : 'notReport';
  const reason = failed ? job.reason : (job.record.pageKind ?? null);
  // A failure forgets the validators (a conditional GET must not answer 304 for a page never
  // stored) and keeps the last content hash; a page that is no report records both. missCount is
  // left alone: a report page replaced by a notice is missing, and markMissing must count it.
  const etag = failed ? null : (job.etag ?? null);
  const lastModified = failed ? null : (job.lastModified ?? null);
  const contentHash = failed ? null : job.record.contentHash;
  const rawSha = failed && !p.snapshot ? null : job.rawSha256;
  const snap = snapshotCte(p, fresh);
  const rows = await sql.query<Row>(Prisma.sql`
    WITH done AS (SELECT outcome, "reportId" FROM "CrawlRunPage" WHERE "runId" = ${job.runId} AND url = ${p.pageUrl}),
    ${snap ? Prisma.sql`${snap},` : Prisma.empty}
    page AS (
      INSERT INTO "Page" (id, "siteId", url, "fetchUrl", etag, "lastModified", "lastRawSha256", status, "failReason",
                          "lastContentHash", "firstSeenAt", "lastSeenAt", "lastFetchedAt", "lastChangedAt")
      SELECT ${randomUUID()}, ${job.siteId}, ${p.pageUrl}, ${job.fetchUrl}, ${etag}, ${lastModified}, ${rawSha}, ${failed ? 'failed' : 'notReport'},
             ${failed ? job.reason : null}, ${contentHash}, ${now}, ${now}, ${utc(p.fetchedAt)}, ${now}
      WHERE ${fresh}
      ON CONFLICT (url) DO UPDATE SET "fetchUrl" = excluded."fetchUrl", etag = excluded.etag, "lastModified" = excluded."lastModified",
        "lastRawSha256" = ${rawSha === null ? Prisma.sql`"Page"."lastRawSha256"` : Prisma.sql`excluded."lastRawSha256"`},
        status = excluded.status, "failReason" = excluded."failReason",
        "lastContentHash" = ${failed ? Prisma.sql`"Page"."lastContentHash"` : Prisma.sql`excluded."lastContentHash"`},
        "lastFetchedAt" = excluded."lastFetchedAt"
      RETURNING 1),
    run AS (
      INSERT INTO "CrawlRunPage" ("runId", url, outcome, reason, "reportId")
      SELECT ${job.runId}, ${p.pageUrl}, ${outcome}, ${reason}, NULL WHERE ${fresh}
      ON CONFLICT DO NOTHING RETURNING 1)
    SELECT (SELECT json_build_object('outcome', outcome, 'reportId', "reportId") FROM done) AS done,
           EXISTS (SELECT 1 FROM run) AS recorded`);
  const row = rows[0];
  if (row?.done) return { outcome: row.done.outcome, reportId: row.done.reportId ?? undefined, replayed: true };
  // Not recorded and not done before: a duplicate of this job stored it at the same moment.
  return row?.recorded ? { outcome } : { outcome, replayed: true };
}
