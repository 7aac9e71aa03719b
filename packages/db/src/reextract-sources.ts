// What `govwatch reextract` reads and writes besides the snapshots (raw-snapshots.ts) and the
// store itself: the site's options, the pass's run, and the text kept from attachments.
import type { AttachmentText } from '@govwatch/extract';
import type { PrismaClient } from './generated/prisma/client.ts';

export type KeptAttachment = AttachmentText & { url: string };

/** The site's stored configuration, or null when the site is not in the database. */
export async function storedSiteConfig(prisma: PrismaClient, siteId: string): Promise<Record<string, unknown> | null> {
  const site = await prisma.site.findUnique({ where: { id: siteId }, select: { config: true } });
  if (!site) return null;
  return (site.config ?? {}) as Record<string, unknown>;
}

/** Every site that has at least one page with an archived snapshot. */
export async function sitesWithSnapshots(prisma: PrismaClient): Promise<string[]> {
  const pages = await prisma.page.findMany({
    where: { lastRawSha256: { not: null } },
    distinct: ['siteId'],
    select: { siteId: true },
  });
  return pages.map((p) => p.siteId);
}

/** A re-extraction pass is a CrawlRun with trigger `reextract`. */
export async function startReextractRun(prisma: PrismaClient, siteId: string): Promise<string> {
  const run = await prisma.crawlRun.create({ data: { siteId, trigger: 'reextract' } });
  return run.id;
}

/** Record a page the pass could not store (kept once per run and url). */
export async function recordPageFailure(
  prisma: PrismaClient,
  runId: string,
  url: string,
  reason: string,
): Promise<void> {
  await prisma.crawlRunPage.createMany({ data: [{ runId, url, outcome: 'failed', reason }], skipDuplicates: true });
}

/**
 * Re-extraction reads no files: where a page's report took its text from an attachment, the text
 * stored from that attachment is kept, or an attachment-only page would become an empty version.
 */
export async function keptAttachmentTexts(
  prisma: PrismaClient,
  pageUrls: string[],
): Promise<Map<string, KeptAttachment>> {
  const pages = await prisma.page.findMany({
    where: { url: { in: pageUrls }, reportId: { not: null } },
    select: {
      url: true,
      report: { select: { versions: { orderBy: { version: 'desc' }, take: 1, select: { text: true, record: true } } } },
    },
  });
  const kept = new Map<string, KeptAttachment>();
  for (const page of pages) {
    const version = page.report?.versions[0];
    const record = version?.record as
      | { textSource?: string; textAttachment?: { url?: string; kind?: AttachmentText['kind'] } }
      | undefined;
    const file = record?.textAttachment;
    if (version && record?.textSource === 'attachment' && file?.url && file.kind) {
      kept.set(page.url, { text: version.text, kind: file.kind, url: file.url });
    }
  }
  return kept;
}
