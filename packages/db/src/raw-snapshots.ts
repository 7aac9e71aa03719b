// Reads of the raw snapshot archive (RawSnapshot: gzip bytes, content-addressed by sha256) for
// `govwatch reextract` and `govwatch export --format warc`. Metadata is listed first and the bytes
// fetched in small batches, so memory stays flat however large a site's archive is.
import type { PrismaClient } from './generated/prisma/client.ts';

export type SnapshotRef = {
  sha256: string;
  /** URL the bytes were fetched from (the page's fetch URL when it is the page's latest snapshot). */
  url: string;
  siteId: string;
  contentType: string | null;
  fetchedAt: Date;
  /** Size of the raw (uncompressed) bytes. */
  size: number;
};

export type Snapshot = SnapshotRef & { gzip: Uint8Array };

type RefRow = Omit<SnapshotRef, 'size'> & { size: number | bigint };

/**
 * Every archived snapshot of a site, oldest first: each page's latest (Page.lastRawSha256) and
 * every earlier one stored for a page of the site (RawSnapshot.url is the canonical URL of the page
 * that first brought the bytes, which is how ReportVersion.rawSha256 snapshots are reached too).
 * One entry per (sha256, url).
 */
export async function siteSnapshotRefs(prisma: PrismaClient, siteId: string): Promise<SnapshotRef[]> {
  const rows = await prisma.$queryRaw<RefRow[]>`
    SELECT DISTINCT ON (sha256, url) sha256, url, "siteId", "contentType", "fetchedAt", size FROM (
      SELECT s.sha256, p."fetchUrl" AS url, p."siteId", s."contentType", coalesce(p."lastFetchedAt", s."fetchedAt") AS "fetchedAt", s.size
      FROM "Page" p JOIN "RawSnapshot" s ON s.sha256 = p."lastRawSha256"
      WHERE p."siteId" = ${siteId}
      UNION ALL
      SELECT s.sha256, s.url, p."siteId", s."contentType", s."fetchedAt", s.size
      FROM "RawSnapshot" s JOIN "Page" p ON p.url = s.url
      WHERE p."siteId" = ${siteId}
    ) refs
    ORDER BY sha256, url, "fetchedAt"`;
  return rows
    .map((r) => ({ ...r, size: Number(r.size) }))
    .sort((a, b) => a.fetchedAt.getTime() - b.fetchedAt.getTime() || a.url.localeCompare(b.url));
}

/** The gzip bytes of snapshots, by sha256. */
export async function snapshotBytes(prisma: PrismaClient, sha256s: string[]): Promise<Map<string, Uint8Array>> {
  const rows = await prisma.rawSnapshot.findMany({
    where: { sha256: { in: sha256s } },
    select: { sha256: true, content: true },
  });
  return new Map(rows.map((r) => [r.sha256, r.content]));
}

/** Snapshots with their bytes, in the order given, fetched batchSize at a time. */
export async function* withSnapshotBytes(
  prisma: PrismaClient,
  refs: SnapshotRef[],
  batchSize = 20,
): AsyncIterable<Snapshot> {
  for (let i = 0; i < refs.length; i += batchSize) {
    const batch = refs.slice(i, i + batchSize);
    const bytes = await snapshotBytes(prisma, [...new Set(batch.map((r) => r.sha256))]);
    for (const ref of batch) {
      const gzip = bytes.get(ref.sha256);
      if (gzip) yield { ...ref, gzip };
    }
  }
}

export type PageSnapshotRef = {
  siteId: string;
  /** Canonical URL of the page. */
  pageUrl: string;
  fetchUrl: string;
  /** Page status before re-extraction: ok | notReport | failed | blocked. */
  status: string;
  etag: string | null;
  lastModified: string | null;
  lastFetchedAt: Date | null;
  sha256: string;
  contentType: string | null;
  snapshotFetchedAt: Date;
};

/**
 * Each page's latest snapshot (what re-extraction works from), for one site or all. Pages that
 * are gone are left out: re-extracting them must not bring a removed report back.
 */
export async function latestPageSnapshotRefs(prisma: PrismaClient, siteId?: string): Promise<PageSnapshotRef[]> {
  const pages = await prisma.page.findMany({
    where: { lastRawSha256: { not: null }, status: { not: 'gone' }, ...(siteId ? { siteId } : {}) },
    orderBy: [{ siteId: 'asc' }, { url: 'asc' }],
    select: {
      siteId: true,
      url: true,
      fetchUrl: true,
      status: true,
      etag: true,
      lastModified: true,
      lastFetchedAt: true,
      lastRawSha256: true,
    },
  });
  const shas = [...new Set(pages.map((p) => p.lastRawSha256 as string))];
  const meta = new Map<string, { contentType: string | null; fetchedAt: Date }>();
  for (let i = 0; i < shas.length; i += 1000) {
    const rows = await prisma.rawSnapshot.findMany({
      where: { sha256: { in: shas.slice(i, i + 1000) } },
      select: { sha256: true, contentType: true, fetchedAt: true },
    });
    for (const r of rows) meta.set(r.sha256, { contentType: r.contentType, fetchedAt: r.fetchedAt });
  }
  const refs: PageSnapshotRef[] = [];
  for (const p of pages) {
    const sha256 = p.lastRawSha256 as string;
    const m = meta.get(sha256);
    if (!m) continue; // the page points at bytes that were never archived
    refs.push({
      siteId: p.siteId,
      pageUrl: p.url,
      fetchUrl: p.fetchUrl,
      status: p.status,
      etag: p.etag,
      lastModified: p.lastModified,
      lastFetchedAt: p.lastFetchedAt,
      sha256,
      contentType: m.contentType,
      snapshotFetchedAt: m.fetchedAt,
    });
  }
  return refs;
}
