// Report writes besides a new report: a new version of a known report and a removed report
// restored, each with its outbox event in the same transaction. A new report, its URLs and its
// page are written in one statement by writes.ts. Raw statements (sql.ts): Report.updatedAt,
// which Prisma would set, is set here.
import { randomUUID } from 'node:crypto';
import type { StoreRecordJob } from '@govwatch/jobs';
import { Prisma } from '../generated/prisma/client.ts';
import { reportEventInsert } from '../outbox.ts';
import type { Prepared } from './prepare.ts';
import { json, type Sql, utc } from './sql.ts';
import type { JobRecord } from './types.ts';

type EventRow = { id: string; siteId: string; title: string | null; agency: string | null; reportYear: number | null };

/** Version n+1 of the report with the record's text; the report takes its fields where the record has them. */
export async function addVersion(sql: Sql, p: Prepared, job: StoreRecordJob, record: JobRecord, reportId: string) {
  const [before] = await sql.query<{ status: string; latest: number }>(Prisma.sql`
    SELECT r.status, coalesce((SELECT max(v.version) FROM "ReportVersion" v WHERE v."reportId" = r.id), 0)::int AS latest
    FROM "Report" r WHERE r.id = ${reportId}`);
  if (!before) throw new Error(`addVersion: no report ${reportId}`);
  const version = before.latest + 1;
  const { text, sections, attachments, ...rest } = record;
  const [report] = await sql.query<EventRow>(Prisma.sql`
    WITH ver AS (
      INSERT INTO "ReportVersion" (id, "reportId", version, "contentHash", record, text, sections, attachments, "fetchedAt", "crawlRunId", "rawSha256")
      VALUES (${randomUUID()}, ${reportId}, ${version}::int, ${record.contentHash}, ${json(rest)}, ${text}, ${json(sections)}, ${json(attachments)},
              ${utc(p.fetchedAt)}, ${job.runId}, ${p.snapshot ? job.rawSha256 : null})
      RETURNING 1)
    UPDATE "Report" SET
      title = coalesce(${record.title}::text, title), agency = coalesce(${record.agency}::text, agency),
      "reportYear" = coalesce(${record.reportYear}::int, "reportYear"), "publishedAt" = coalesce(${record.publishedAt}::text, "publishedAt"),
      source = coalesce(${record.source}::text, source), "contentHash" = ${record.contentHash}, simhash = ${p.fingerprint}::bigint,
      "currentVersion" = ${version}::int, status = 'active', "updatedAt" = ${utc(new Date())}
    WHERE id = ${reportId}
    RETURNING id, "siteId", title, agency, "reportYear"`);
  if (!report) throw new Error(`addVersion: no report ${reportId}`);
  await sql.query(
    reportEventInsert('report.updated', report, {
      version,
      previousVersion: version - 1,
      url: p.pageUrl,
      contentHash: record.contentHash,
      ...(before.status === 'removed' ? { restored: true } : {}),
    }),
  );
  return version;
}

/** A removed report seen again is active again; downstream hears it as an update. */
export async function restoreIfRemoved(sql: Sql, reportId: string, url: string) {
  const [report] = await sql.query<EventRow & { currentVersion: number; contentHash: string | null }>(Prisma.sql`
    UPDATE "Report" SET status = 'active', "updatedAt" = ${utc(new Date())}
    WHERE id = ${reportId} AND status = 'removed'
    RETURNING id, "siteId", title, agency, "reportYear", "currentVersion", "contentHash"`);
  if (!report) return;
  await sql.query(
    reportEventInsert('report.updated', report, {
      version: report.currentVersion,
      url,
      contentHash: report.contentHash,
      restored: true,
    }),
  );
}
