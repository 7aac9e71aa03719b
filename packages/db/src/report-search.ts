// Reads behind GET /reports, /reports/:id and the reports page: filters, substring search over
// title and current text (pg_trgm indexes on Report.title and ReportSearchText.text, which the
// search indexer fills: search-index.ts), and keyset pagination on (updatedAt, id), so a page
// costs the same at row 10 as at row 1,000,000.
import { Prisma, type PrismaClient } from './client.ts';

export type ReportFilter = {
  siteId?: string;
  agency?: string;
  reportYear?: number;
  /** Only reports changed at or after this instant. */
  since?: Date;
  /** Substring of the title or the current version's text (case-insensitive). */
  q?: string;
  order?: 'asc' | 'desc';
  /** From `nextCursor` of the previous page. */
  cursor?: string;
  limit: number;
};

export type ReportListItem = {
  id: string;
  siteId: string;
  url: string;
  title: string | null;
  agency: string | null;
  reportYear: number | null;
  publishedAt: string | null;
  source: string | null;
  version: number;
  status: string;
  firstSeenAt: string;
  updatedAt: string;
  chars: number;
};

export class BadCursorError extends Error {
  override name = 'BadCursorError';
}

type Cursor = { updatedAt: Date; id: string };

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(`${c.updatedAt.toISOString()}|${c.id}`).toString('base64url');

export function decodeCursor(s: string): Cursor {
  const [at, id] = Buffer.from(s, 'base64url').toString('utf8').split('|');
  const updatedAt = new Date(at ?? '');
  if (!id || Number.isNaN(updatedAt.getTime())) throw new BadCursorError('cursor: not one this API gave out');
  return { updatedAt, id };
}

/** `%`, `_` and `\` match themselves in the search, not as LIKE wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type Row = {
  id: string;
  siteId: string;
  canonicalUrl: string;
  title: string | null;
  agency: string | null;
  reportYear: number | null;
  publishedAt: string | null;
  source: string | null;
  currentVersion: number;
  status: string;
  firstSeenAt: Date;
  updatedAt: Date;
  chars: number;
};

/** One page of reports and the cursor of the next (null on the last page). */
export async function searchReports(
  prisma: PrismaClient,
  f: ReportFilter,
): Promise<{ items: ReportListItem[]; nextCursor: string | null }> {
  const desc = (f.order ?? 'desc') === 'desc';
  const where: Prisma.Sql[] = [Prisma.sql`r."duplicateOfId" IS NULL`];
  if (f.siteId) where.push(Prisma.sql`r."siteId" = ${f.siteId}`);
  if (f.agency) where.push(Prisma.sql`r."agency" = ${f.agency}`);
  if (f.reportYear !== undefined) where.push(Prisma.sql`r."reportYear" = ${f.reportYear}`);
  if (f.since) where.push(Prisma.sql`r."updatedAt" >= ${f.since}`);
  if (f.q) {
    const pattern = likePattern(f.q);
    // The IN picks candidates through the two trigram indexes (an OR across the join could use
    // neither), plus every report the search indexer has not reached (search-index.ts: its
    // current text is not in the search table yet); the second condition keeps only matches in
    // the current version, so a stale search text never answers.
    where.push(Prisma.sql`r."id" IN (
      SELECT "id" FROM "Report" WHERE "title" ILIKE ${pattern}
      UNION SELECT "reportId" FROM "ReportSearchText" WHERE "text" ILIKE ${pattern}
      UNION SELECT "id" FROM "Report" WHERE "searchPending")`);
    where.push(Prisma.sql`(r."title" ILIKE ${pattern} OR v."text" ILIKE ${pattern})`);
  }
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    where.push(
      desc
        ? Prisma.sql`(r."updatedAt", r."id") < (${c.updatedAt}, ${c.id})`
        : Prisma.sql`(r."updatedAt", r."id") > (${c.updatedAt}, ${c.id})`,
    );
  }
  const order = desc ? Prisma.sql`r."updatedAt" DESC, r."id" DESC` : Prisma.sql`r."updatedAt" ASC, r."id" ASC`;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT r."id", r."siteId", r."canonicalUrl", r."title", r."agency", r."reportYear", r."publishedAt",
           r."source", r."currentVersion", r."status", r."firstSeenAt", r."updatedAt",
           length(v."text")::int AS "chars"
    FROM "Report" r
    JOIN "ReportVersion" v ON v."reportId" = r."id" AND v."version" = r."currentVersion"
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY ${order}
    LIMIT ${f.limit + 1}`;
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      siteId: r.siteId,
      url: r.canonicalUrl,
      title: r.title,
      agency: r.agency,
      reportYear: r.reportYear,
      publishedAt: r.publishedAt,
      source: r.source,
      version: r.currentVersion,
      status: r.status,
      firstSeenAt: r.firstSeenAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      chars: r.chars,
    })),
    nextCursor:
      rows.length > f.limit && last ? encodeCursor({ updatedAt: new Date(last.updatedAt), id: last.id }) : null,
  };
}

export type ReportVersionDetail = {
  version: number;
  contentHash: string;
  fetchedAt: string;
  crawlRunId: string | null;
  title: string | null;
  publishedAt: string | null;
  agency: string | null;
  reportYear: number | null;
  text: string;
  sections: Array<{ level: number; heading: string }>;
  attachments: Array<{ url: string; name: string }>;
};

export type ReportDetail = Omit<ReportListItem, 'chars'> & {
  duplicateOfId: string | null;
  /** Every URL the report was seen at, with how it was found (primary, alias, near-duplicate). */
  aliases: Array<{ url: string; kind: string; firstSeenAt: string; lastSeenAt: string }>;
  versions: Array<{
    version: number;
    contentHash: string;
    fetchedAt: string;
    chars: number;
    crawlRunId: string | null;
  }>;
  current: ReportVersionDetail;
};

type VersionRow = {
  version: number;
  contentHash: string;
  fetchedAt: Date;
  crawlRunId: string | null;
  record: unknown;
  text: string;
  sections: unknown;
  attachments: unknown;
};

function versionDetail(v: VersionRow): ReportVersionDetail {
  const record = (v.record ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof record[k] === 'string' ? (record[k] as string) : null);
  return {
    version: v.version,
    contentHash: v.contentHash,
    fetchedAt: v.fetchedAt.toISOString(),
    crawlRunId: v.crawlRunId,
    title: str('title'),
    publishedAt: str('publishedAt'),
    agency: str('agency'),
    reportYear: typeof record.reportYear === 'number' ? record.reportYear : null,
    text: v.text,
    sections: Array.isArray(v.sections) ? (v.sections as ReportVersionDetail['sections']) : [],
    attachments: Array.isArray(v.attachments) ? (v.attachments as ReportVersionDetail['attachments']) : [],
  };
}

/** A report with its aliases, its versions (oldest first) and its current version in full; null if unknown. */
export async function reportDetail(prisma: PrismaClient, id: string): Promise<ReportDetail | null> {
  const r = await prisma.report.findUnique({
    where: { id },
    include: {
      urls: { orderBy: [{ firstSeenAt: 'asc' }, { url: 'asc' }] },
      versions: {
        orderBy: { version: 'asc' },
        select: { version: true, contentHash: true, fetchedAt: true, crawlRunId: true, text: true },
      },
    },
  });
  if (!r) return null;
  const current = await reportVersion(prisma, id, r.currentVersion);
  if (!current) return null;
  return {
    id: r.id,
    siteId: r.siteId,
    url: r.canonicalUrl,
    title: r.title,
    agency: r.agency,
    reportYear: r.reportYear,
    publishedAt: r.publishedAt,
    source: r.source,
    version: r.currentVersion,
    status: r.status,
    firstSeenAt: r.firstSeenAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    duplicateOfId: r.duplicateOfId,
    aliases: r.urls.map((u) => ({
      url: u.url,
      kind: u.kind,
      firstSeenAt: u.firstSeenAt.toISOString(),
      lastSeenAt: u.lastSeenAt.toISOString(),
    })),
    versions: r.versions.map((v) => ({
      version: v.version,
      contentHash: v.contentHash,
      fetchedAt: v.fetchedAt.toISOString(),
      chars: v.text.length,
      crawlRunId: v.crawlRunId,
    })),
    current,
  };
}

export async function reportVersion(
  prisma: PrismaClient,
  reportId: string,
  version: number,
): Promise<ReportVersionDetail | null> {
  const v = await prisma.reportVersion.findUnique({ where: { reportId_version: { reportId, version } } });
  return v ? versionDetail(v) : null;
}

/** Reports (not merged duplicates) per site id, for the sites page. */
export async function reportCountsBySite(prisma: PrismaClient): Promise<Map<string, number>> {
  const groups = await prisma.report.groupBy({
    by: ['siteId'],
    where: { duplicateOfId: null },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.siteId, g._count._all]));
}
