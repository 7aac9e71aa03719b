// Which report a record belongs to: (a) its URL or an alias, (b) the exact content hash, (c) the
// same agency + year + title (a moved page), (d) a near-duplicate text (SimHash candidates,
// confirmed on shingle Jaccard). Reads only; the writes follow in versions.ts.
//
// Round trips: (a)–(d), the replay check and the page's previous hash are one query (lookup);
// near-duplicate candidates are searched only when (a)–(c) found nothing, and come with their
// current text, so Jaccard needs no further read. (b) picks the version first and then its report:
// joined the other way round, a plan without statistics hashed the whole Report table.
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import {
  hammingDistance,
  NEAR_DUPLICATE_MAX_DISTANCE,
  NEAR_DUPLICATE_MIN_JACCARD,
  shingleJaccard,
  shingles,
} from '../simhash.ts';
import type { Prepared } from './prepare.ts';
import { prismaSql, type Sql } from './sql.ts';
import type { JobRecord, StoreOutcome } from './types.ts';

export type Match = {
  reportId: string;
  /** How the page's URL joins the report (ReportUrl.kind). */
  kind: 'url' | 'hash' | 'moved' | 'duplicate';
  outcome: 'unchanged' | 'duplicate' | 'newVersion';
  /** The version holding this content, when the report has it. */
  version?: number;
  /** Whether the report is removed (undefined: not known). */
  removed?: boolean;
};

type Alias = {
  url: string;
  reportId: string;
  kind: string;
  contentHash: string | null;
  knownVersion: number | null;
  removed: boolean;
};

/** What is known about a page before deciding, read in one round trip. */
export type Lookup = {
  /** The outcome already recorded for this (run, page): the job is a replay. */
  done: { outcome: StoreOutcome; reportId: string | null } | null;
  /** The page's lastContentHash (undefined: no Page row yet). */
  previousHash: string | null | undefined;
  aliases: Alias[];
  sameContent: { reportId: string; version: number; removed: boolean } | null;
  moved: { id: string; siteId: string; removed: boolean } | null;
  /** Near-duplicate candidates, nearest first; null when (a)–(c) matched and none were searched. */
  near: Candidate[] | null;
};

type LookupRow = {
  done: Lookup['done'];
  page: { lastContentHash: string | null } | null;
  aliases: Alias[];
  sameContent: Lookup['sameContent'];
  moved: Lookup['moved'];
  near: Candidate[] | null;
};

export async function lookup(sql: Sql, p: Prepared, record: JobRecord): Promise<Lookup> {
  const hash = record.contentHash;
  const movable = Boolean(record.agency && record.reportYear !== null && record.title);
  // Near-duplicate candidates are searched only when (a)–(c) found nothing: tested on the columns
  // already read (OFFSET 0 keeps PostgreSQL from inlining them, which would run each read twice).
  const rows = await sql.query<LookupRow>(Prisma.sql`
    SELECT done, page, aliases, "sameContent", moved,
      CASE WHEN ${p.fingerprint}::bigint IS NOT NULL AND aliases::text = '[]' AND "sameContent" IS NULL AND moved IS NULL
        THEN (SELECT coalesce(json_agg(c ORDER BY c.distance, c."firstSeenAt"), '[]'::json) FROM (${candidatesSql(p.fingerprint, record.reportYear, 5, record.agency)}) c)
      END AS near
    FROM (SELECT
      (SELECT json_build_object('outcome', outcome, 'reportId', "reportId") FROM "CrawlRunPage"
        WHERE "runId" = ${p.job.runId} AND url = ${p.pageUrl}) AS done,
      (SELECT json_build_object('lastContentHash', "lastContentHash") FROM "Page" WHERE url = ${p.pageUrl}) AS page,
      (SELECT coalesce(json_agg(json_build_object(
          'url', u.url, 'reportId', u."reportId", 'kind', u.kind, 'contentHash', u."contentHash",
          'knownVersion', (SELECT v.version FROM "ReportVersion" v WHERE v."reportId" = u."reportId" AND v."contentHash" = ${hash}),
          'removed', r.status = 'removed')), '[]'::json)
        FROM "ReportUrl" u JOIN "Report" r ON r.id = u."reportId" WHERE u.url = ANY(${p.urls}::text[])) AS aliases,
      (SELECT json_build_object('reportId', v."reportId", 'version', v.version, 'removed', r.status = 'removed')
        FROM (SELECT "reportId", version FROM "ReportVersion" WHERE "contentHash" = ${hash} ORDER BY "createdAt" LIMIT 1) v
        JOIN "Report" r ON r.id = v."reportId") AS "sameContent",
      (SELECT json_build_object('id', id, 'siteId', "siteId", 'removed', status = 'removed') FROM "Report"
        WHERE ${movable}::boolean AND agency = ${record.agency}::text AND "reportYear" = ${record.reportYear}::int AND title = ${record.title}::text
        ORDER BY "firstSeenAt" LIMIT 1) AS moved
      OFFSET 0) known`);
  const row = rows[0];
  if (!row) throw new Error('store lookup returned no row');
  return {
    done: row.done,
    previousHash: row.page ? row.page.lastContentHash : undefined,
    aliases: row.aliases,
    sameContent: row.sameContent,
    moved: row.moved,
    near: row.near,
  };
}

export async function findReport(sql: Sql, p: Prepared, record: JobRecord, known: Lookup): Promise<Match | null> {
  const hash = record.contentHash;

  const alias = known.aliases.find((a) => a.url === p.pageUrl) ?? known.aliases[0];
  if (alias) {
    const base = { reportId: alias.reportId, kind: 'url' as const, removed: alias.removed };
    if (alias.knownVersion !== null || alias.contentHash === hash) {
      return { ...base, outcome: 'unchanged', ...(alias.knownVersion !== null ? { version: alias.knownVersion } : {}) };
    }
    if (alias.kind === 'duplicate' && (await isNearDuplicateOf(sql, alias.reportId, p))) {
      // A copy elsewhere changed its chrome again: still a copy, not a new version of the report.
      return { ...base, outcome: 'duplicate' };
    }
    return { ...base, outcome: 'newVersion' };
  }

  const same = known.sameContent;
  if (same)
    return {
      reportId: same.reportId,
      kind: 'hash',
      outcome: 'unchanged',
      version: same.version,
      removed: same.removed,
    };

  const moved = known.moved;
  if (moved) {
    // On its own site a moved page that also changed is a revision; elsewhere, a close copy is a copy.
    if (moved.siteId !== p.job.siteId && (await isNearDuplicateOf(sql, moved.id, p))) {
      return { reportId: moved.id, kind: 'duplicate', outcome: 'duplicate', removed: moved.removed };
    }
    return { reportId: moved.id, kind: 'moved', outcome: 'newVersion', removed: moved.removed };
  }

  const near = await nearestReport(sql, p, record, known.near);
  if (near) return { reportId: near.id, kind: 'duplicate', outcome: 'duplicate', removed: near.removed };
  return null;
}

/** Is the text a near-duplicate of the report's current version (SimHash, then shingle Jaccard)? */
async function isNearDuplicateOf(sql: Sql, reportId: string, p: Prepared): Promise<boolean> {
  if (p.fingerprint === null || p.job.kind !== 'record') return false;
  // simhash as text: pg hands int8 over as a string, Prisma as a bigint.
  const rows = await sql.query<{ simhash: string | null; text: string | null }>(Prisma.sql`
    SELECT r.simhash::text AS simhash, v.text FROM "Report" r
    LEFT JOIN "ReportVersion" v ON v."reportId" = r.id AND v.version = r."currentVersion"
    WHERE r.id = ${reportId}`);
  const report = rows[0];
  if (report?.simhash === null || report?.simhash === undefined) return false;
  if (hammingDistance(BigInt(report.simhash), p.fingerprint) > NEAR_DUPLICATE_MAX_DISTANCE) return false;
  return report.text !== null && shingleJaccard(report.text, p.job.record.text) >= NEAR_DUPLICATE_MIN_JACCARD;
}

/**
 * Reports whose fingerprint is within NEAR_DUPLICATE_MAX_DISTANCE, nearest first. Reports that
 * state another reportYear never match: consecutive years share boilerplate, never identity. Nor
 * do reports of another agency: offices copy each other's wording, but a republished copy keeps
 * its issuer.
 */
export async function nearReportCandidates(
  prisma: PrismaClient,
  fingerprint: bigint | null,
  reportYear: number | null,
  limit = 5,
  agency: string | null = null,
): Promise<{ id: string; distance: number }[]> {
  const rows = await candidatesWithText(prismaSql(prisma), fingerprint, reportYear, limit, agency);
  return rows.map(({ id, distance }) => ({ id, distance }));
}

type Candidate = { id: string; distance: number; removed: boolean; text: string | null };

function candidatesWithText(
  sql: Sql,
  fingerprint: bigint | null,
  reportYear: number | null,
  limit: number,
  agency: string | null,
): Promise<Candidate[]> {
  if (fingerprint === null) return Promise.resolve([]);
  return sql.query<Candidate>(candidatesSql(fingerprint, reportYear, limit, agency));
}

function candidatesSql(
  fingerprint: bigint | null,
  reportYear: number | null,
  limit: number,
  agency: string | null,
): Prisma.Sql {
  // A null year or agency drops its condition from the text rather than testing the parameter for
  // null: the statement is prepared (sql.ts), and a generic plan of `$1 IS NULL OR agency = $1`
  // cannot use the agency index.
  return Prisma.sql`
    SELECT c.id, c.distance, c.removed, c."firstSeenAt", v.text FROM (
      SELECT id, "currentVersion", status = 'removed' AS removed, "firstSeenAt",
             bit_count((simhash # ${fingerprint}::bigint)::bit(64))::int AS distance
      FROM "Report"
      WHERE simhash IS NOT NULL
        ${reportYear === null ? Prisma.empty : Prisma.sql`AND ("reportYear" IS NULL OR "reportYear" = ${reportYear}::int)`}
        ${agency === null ? Prisma.empty : Prisma.sql`AND (agency IS NULL OR agency = ${agency}::text)`}
        AND bit_count((simhash # ${fingerprint}::bigint)::bit(64)) <= ${NEAR_DUPLICATE_MAX_DISTANCE}
      ORDER BY distance, "firstSeenAt"
      LIMIT ${limit}
    ) c LEFT JOIN "ReportVersion" v ON v."reportId" = c.id AND v.version = c."currentVersion"
    ORDER BY c.distance, c."firstSeenAt"`;
}

async function nearestReport(
  sql: Sql,
  p: Prepared,
  record: JobRecord,
  searched: Candidate[] | null,
): Promise<{ id: string; removed: boolean } | null> {
  const candidates = searched ?? (await candidatesWithText(sql, p.fingerprint, record.reportYear, 5, record.agency));
  if (candidates.length === 0) return null;
  const mine = shingles(record.text);
  for (const c of candidates) {
    if (c.text !== null && shingleJaccard(c.text, mine) >= NEAR_DUPLICATE_MIN_JACCARD)
      return { id: c.id, removed: c.removed };
  }
  return null;
}
