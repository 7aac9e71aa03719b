// The last writes of a report store in one statement. A store used to send each write as its own
// Prisma query (raw snapshot, report, version, report read-back, event, each URL, page, run
// outcome: 9 round trips on a new report); the store bench showed the store waiting on those
// round trips most of its time. Data-modifying CTEs run them as one statement; the foreign keys
// are checked at its end, when every row exists.
import { randomUUID } from 'node:crypto';
import type { StoreRecordJob } from '@govwatch/jobs';
import { Prisma } from '../generated/prisma/client.ts';
import { eventPayload } from '../outbox.ts';
import type { Prepared } from './prepare.ts';
import { json, snapshotCte, type TxSql, utc } from './sql.ts';
import type { JobRecord, StoreOutcome } from './types.ts';

export type ReportWrite = {
  /** Create the report with version 1 (and its report.created event), or use a known one. */
  create: boolean;
  reportId?: string;
  outcome: StoreOutcome;
  /** ReportUrl.kind of each of p.urls. */
  kinds: string[];
  /** The page's content changed since its last store (sets lastChangedAt). */
  changed: boolean;
};

/**
 * Snapshot, report (when new), URLs, page and run outcome of a report record, the transaction's
 * last statement: it goes out with COMMIT. Returns the report id.
 */
export async function writeReportStore(
  sql: TxSql,
  p: Prepared,
  job: StoreRecordJob,
  record: JobRecord,
  w: ReportWrite,
): Promise<string> {
  const now = new Date();
  const hash = record.contentHash;
  const reportId = w.create ? randomUUID() : w.reportId;
  if (!reportId) throw new Error('writeReportStore: a known report needs its id');
  const parts: Prisma.Sql[] = [];
  const snap = snapshotCte(p);
  if (snap) parts.push(snap);
  if (w.create) {
    const { text, sections, attachments, ...rest } = record;
    const fields = { title: record.title, agency: record.agency, reportYear: record.reportYear };
    const payload = eventPayload(
      { id: reportId, siteId: job.siteId, ...fields },
      { version: 1, url: p.pageUrl, contentHash: hash },
    );
    parts.push(Prisma.sql`rep AS (
      INSERT INTO "Report" (id, "siteId", "canonicalUrl", title, agency, "reportYear", "publishedAt", source, "contentHash", simhash, "currentVersion", "updatedAt")
      VALUES (${reportId}, ${job.siteId}, ${p.pageUrl}, ${record.title}, ${record.agency}, ${record.reportYear}::int, ${record.publishedAt},
              ${record.source}, ${hash}, ${p.fingerprint}::bigint, 1, ${utc(now)})
      RETURNING id)`);
    parts.push(Prisma.sql`ver AS (
      INSERT INTO "ReportVersion" (id, "reportId", version, "contentHash", record, text, sections, attachments, "fetchedAt", "crawlRunId", "rawSha256")
      VALUES (${randomUUID()}, ${reportId}, 1, ${hash}, ${json(rest)}, ${text}, ${json(sections)}, ${json(attachments)}, ${utc(p.fetchedAt)},
              ${job.runId}, ${p.snapshot ? job.rawSha256 : null})
      RETURNING 1)`);
    parts.push(Prisma.sql`ev AS (
      INSERT INTO "Event" (type, "reportId", payload) VALUES ('report.created', ${reportId}, ${json(payload)}) RETURNING 1)`);
  }
  const urlRows = p.urls.map(
    (url, i) => Prisma.sql`(${url}, ${reportId}, ${w.kinds[i] ?? 'url'}, ${hash}, ${utc(now)}, ${utc(now)})`,
  );
  parts.push(Prisma.sql`urls AS (
    INSERT INTO "ReportUrl" (url, "reportId", kind, "contentHash", "firstSeenAt", "lastSeenAt")
    VALUES ${Prisma.join(urlRows)}
    ON CONFLICT (url) DO UPDATE SET "lastSeenAt" = excluded."lastSeenAt", "contentHash" = excluded."contentHash"
    RETURNING 1)`);
  // As upsertPage (pages.ts) writes a stored report's page: validators, ok, seen now, not missing.
  parts.push(Prisma.sql`page AS (
    INSERT INTO "Page" (id, "siteId", url, "fetchUrl", etag, "lastModified", "lastRawSha256", status, "failReason", "lastContentHash",
                        "missCount", "reportId", "lastSeenAt", "lastMissRunId", "lastFetchedAt", "lastChangedAt")
    VALUES (${randomUUID()}, ${job.siteId}, ${p.pageUrl}, ${job.fetchUrl}, ${job.etag ?? null}, ${job.lastModified ?? null}, ${job.rawSha256},
            'ok', NULL, ${hash}, 0, ${reportId}, ${utc(now)}, NULL, ${utc(p.fetchedAt)}, ${utc(now)})
    ON CONFLICT (url) DO UPDATE SET "fetchUrl" = excluded."fetchUrl", etag = excluded.etag, "lastModified" = excluded."lastModified",
      "lastRawSha256" = excluded."lastRawSha256", status = excluded.status, "failReason" = NULL, "lastContentHash" = excluded."lastContentHash",
      "missCount" = 0, "reportId" = excluded."reportId", "lastSeenAt" = excluded."lastSeenAt", "lastMissRunId" = NULL,
      "lastFetchedAt" = excluded."lastFetchedAt"${w.changed ? Prisma.sql`, "lastChangedAt" = excluded."lastChangedAt"` : Prisma.empty}
    RETURNING 1)`);
  parts.push(Prisma.sql`run AS (
    INSERT INTO "CrawlRunPage" ("runId", url, outcome, reason, "reportId") VALUES (${job.runId}, ${p.pageUrl}, ${w.outcome}, NULL, ${reportId})
    ON CONFLICT DO NOTHING RETURNING 1)`);
  await sql.commitWith(Prisma.sql`WITH ${Prisma.join(parts, ',\n')} SELECT 1 AS done`);
  return reportId;
}
