// What `govwatch reextract` reads and writes besides the snapshots (raw-snapshots.ts) and the
// store itself: the site's options, the pass's run, and the text kept from attachments.
import type { AttachmentText } from '@govwatch/extract';
import type { PrismaClient } from './generated/prisma/client.ts';

/**
 * `link`: the page is a document report (a PDF/DOCX linked from a list), with the title and date
 * its list link gave it, which its archived bytes do not hold.
 */
export type KeptAttachment = AttachmentText & { url: string; link?: { title: string; listDate: string | null } };

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
 * A document report's archived bytes are the file itself; what is kept is its list link's title
 * and date (as stored: the list's date, or the file's own where the list showed none).
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
      | {
          textSource?: string;
          textAttachment?: { url?: string; kind?: AttachmentText['kind'] };
          title?: string | null;
          publishedAt?: string | null;
        }
      | undefined;
    const file = record?.textAttachment;
    if (version && record?.textSource === 'attachment' && file?.url && file.kind) {
      kept.set(page.url, { text: version.text, kind: file.kind, url: file.url });
    } else if (version && record?.textSource === 'document' && file?.url && file.kind && record.title) {
      const link = { title: record.title, listDate: record.publishedAt ?? null };
      kept.set(page.url, { text: version.text, kind: file.kind, url: file.url, link });
    }
  }
  return kept;
}
