// Which report a record belongs to: (a) its URL or an alias, (b) the exact content hash, (c) the
// same agency + year + title (a moved page), (d) a near-duplicate text (SimHash candidates,
// confirmed on shingle Jaccard). Reads only; the writes follow in versions.ts.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE, NEAR_DUPLICATE_MIN_JACCARD, shingleJaccard } from '../simhash.ts';
import type { Prepared } from './prepare.ts';
import type { JobRecord, Tx } from './types.ts';

export type Match = {
  reportId: string;
  /** How the page's URL joins the report (ReportUrl.kind). */
  kind: 'url' | 'hash' | 'moved' | 'duplicate';
  outcome: 'unchanged' | 'duplicate' | 'newVersion';
};

export async function findReport(tx: Tx, p: Prepared, record: JobRecord): Promise<Match | null> {
  const hash = record.contentHash;

  const aliases = await tx.reportUrl.findMany({ where: { url: { in: p.urls } } });
  const alias = aliases.find((a) => a.url === p.pageUrl) ?? aliases[0];
  if (alias) {
    const known = await tx.reportVersion.findUnique({
      where: { reportId_contentHash: { reportId: alias.reportId, contentHash: hash } },
      select: { id: true },
    });
    if (known || alias.contentHash === hash) return { reportId: alias.reportId, kind: 'url', outcome: 'unchanged' };
    if (alias.kind === 'duplicate' && (await isNearDuplicateOf(tx, alias.reportId, p))) {
      // A copy elsewhere changed its chrome again: still a copy, not a new version of the report.
      return { reportId: alias.reportId, kind: 'url', outcome: 'duplicate' };
    }
    return { reportId: alias.reportId, kind: 'url', outcome: 'newVersion' };
  }

  const sameContent = await tx.reportVersion.findFirst({
    where: { contentHash: hash },
    orderBy: { createdAt: 'asc' },
    select: { reportId: true },
  });
  if (sameContent) return { reportId: sameContent.reportId, kind: 'hash', outcome: 'unchanged' };

  if (record.agency && record.reportYear !== null && record.title) {
    const moved = await tx.report.findFirst({
      where: { agency: record.agency, reportYear: record.reportYear, title: record.title },
      orderBy: { firstSeenAt: 'asc' },
      select: { id: true, siteId: true },
    });
    if (moved) {
      // On its own site a moved page that also changed is a revision; elsewhere, a close copy is a copy.
      if (moved.siteId !== p.job.siteId && (await isNearDuplicateOf(tx, moved.id, p))) {
        return { reportId: moved.id, kind: 'duplicate', outcome: 'duplicate' };
      }
      return { reportId: moved.id, kind: 'moved', outcome: 'newVersion' };
    }
  }

  const near = await nearestReport(tx, p, record);
  if (near) return { reportId: near, kind: 'duplicate', outcome: 'duplicate' };
  return null;
}

/** Is the text a near-duplicate of the report's current version (SimHash, then shingle Jaccard)? */
async function isNearDuplicateOf(tx: Tx, reportId: string, p: Prepared): Promise<boolean> {
  if (p.fingerprint === null || p.job.kind !== 'record') return false;
  const report = await tx.report.findUnique({ where: { id: reportId }, select: { simhash: true } });
  if (report?.simhash === null || report?.simhash === undefined) return false;
  if (hammingDistance(report.simhash, p.fingerprint) > NEAR_DUPLICATE_MAX_DISTANCE) return false;
  return (await currentJaccard(tx, reportId, p.job.record.text)) >= NEAR_DUPLICATE_MIN_JACCARD;
}

async function currentJaccard(tx: Tx, reportId: string, text: string): Promise<number> {
  const rows = await tx.$queryRaw<{ text: string }[]>`
    SELECT v.text FROM "ReportVersion" v JOIN "Report" r ON r.id = v."reportId" AND v.version = r."currentVersion"
    WHERE r.id = ${reportId}`;
  const current = rows[0]?.text;
  return current === undefined ? 0 : shingleJaccard(current, text);
}

/**
 * Reports whose fingerprint is within NEAR_DUPLICATE_MAX_DISTANCE, nearest first. Reports that
 * state another reportYear never match: consecutive years share boilerplate, never identity. Nor
 * do reports of another agency: offices copy each other's wording, but a republished copy keeps
 * its issuer.
 */
export async function nearReportCandidates(
  tx: Tx | PrismaClient,
  fingerprint: bigint | null,
  reportYear: number | null,
  limit = 5,
  agency: string | null = null,
): Promise<{ id: string; distance: number }[]> {
  if (fingerprint === null) return [];
  return tx.$queryRaw<{ id: string; distance: number }[]>`
    SELECT id, bit_count((simhash # ${fingerprint}::bigint)::bit(64))::int AS distance
    FROM "Report"
    WHERE simhash IS NOT NULL
      AND (${reportYear}::int IS NULL OR "reportYear" IS NULL OR "reportYear" = ${reportYear}::int)
      AND (${agency}::text IS NULL OR agency IS NULL OR agency = ${agency}::text)
      AND bit_count((simhash # ${fingerprint}::bigint)::bit(64)) <= ${NEAR_DUPLICATE_MAX_DISTANCE}
    ORDER BY distance, "firstSeenAt"
    LIMIT ${limit}`;
}

async function nearestReport(tx: Tx, p: Prepared, record: JobRecord): Promise<string | null> {
  for (const candidate of await nearReportCandidates(tx, p.fingerprint, record.reportYear, 5, record.agency)) {
    if ((await currentJaccard(tx, candidate.id, record.text)) >= NEAR_DUPLICATE_MIN_JACCARD) return candidate.id;
  }
  return null;
}
