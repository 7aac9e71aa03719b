// `govwatch reextract`: run the current extractor over each page's archived raw snapshot and hand
// the result to storePage, exactly as the store worker would. storePage keeps the version when the
// content hash is the same (unchanged) and adds one where the text changed, so nothing is stored
// twice and a re-run changes nothing. Each site's pass is a CrawlRun with trigger `reextract`,
// whose CrawlRunPage rows hold every page's outcome.
import { gunzip, type Logger } from '@govwatch/core';
import {
  finishCrawl,
  type KeptAttachment,
  keptAttachmentTexts,
  latestPageSnapshotRefs,
  type PageSnapshotRef,
  type PrismaClient,
  recordPageFailure,
  type StoreOutcome,
  sitesWithSnapshots,
  snapshotBytes,
  startReextractRun,
  storedSiteConfig,
  storePage,
} from '@govwatch/db';
import { documentReport, extract, isDocumentBytes, textAttachmentOf, withAttachmentText } from '@govwatch/extract';
import { type Payload, parsePayload } from '@govwatch/jobs';

export type ReextractSummary = {
  siteId: string;
  runId: string;
  pages: number;
  /** A new report, a new version, or a page whose kind changed (report ↔ not a report). */
  changed: number;
  unchanged: number;
  failed: number;
  outcomes: Partial<Record<StoreOutcome | 'error', number>>;
};

type SiteOptions = { titleKeywords?: string[]; encoding?: string | null };

/**
 * Extract one snapshot into the store job the pipeline would have made of it. A snapshot that is a
 * PDF or DOCX (a document report's file) is read again, with the title its list link gave it.
 */
export async function reextractJob(
  ref: PageSnapshotRef,
  gzip: Uint8Array,
  runId: string,
  site: SiteOptions,
  kept?: KeptAttachment,
): Promise<Payload<'store'>> {
  const meta = {
    runId,
    siteId: ref.siteId,
    fetchUrl: ref.fetchUrl,
    fetchedAt: (ref.lastFetchedAt ?? ref.snapshotFetchedAt).toISOString(),
    status: 200,
    contentType: ref.contentType,
    etag: ref.etag,
    lastModified: ref.lastModified,
    rawSha256: ref.sha256,
    bodyGzipBase64: Buffer.from(gzip).toString('base64'),
  };
  let job: Payload<'store'>;
  try {
    const bytes = gunzip(gzip);
    // A document report's file, or a report link that answered with a file (as extract-worker.ts).
    const isFile = kept?.link !== undefined || isDocumentBytes(bytes);
    const read = isFile
      ? await documentReport({
          bytes,
          url: ref.fetchUrl,
          contentType: ref.contentType,
          link: kept?.link ?? null,
          titleKeywords: site.titleKeywords,
        })
      : null;
    if (read && 'failed' in read) return parsePayload('store', { kind: 'failed', ...meta, reason: read.failed });
    if (read) return parsePayload('store', { kind: 'record', ...meta, record: read.record });
    let record = extract({
      bytes,
      url: ref.fetchUrl,
      contentType: ref.contentType,
      encoding: site.encoding ?? null,
      titleKeywords: site.titleKeywords,
    });
    const attachment = textAttachmentOf(record);
    if (attachment && kept && kept.url === attachment.url) record = withAttachmentText(record, kept, attachment);
    job = { kind: 'record', ...meta, record };
  } catch (err) {
    job = { kind: 'failed', ...meta, reason: `extract failed: ${(err as Error).message}` };
  }
  return parsePayload('store', job);
}

/** What a page is, before and after: a report, not a report, or failed. */
const kindOfStatus = (status: string) => (status === 'ok' || status === 'notReport' ? status : 'failed');
const kindOfOutcome = (outcome: StoreOutcome) =>
  outcome === 'failed' ? 'failed' : outcome === 'notReport' ? 'notReport' : 'ok';

export async function reextractSite(
  prisma: PrismaClient,
  siteId: string,
  opts: { log?: Logger; batchSize?: number } = {},
): Promise<ReextractSummary> {
  const stored = await storedSiteConfig(prisma, siteId);
  if (!stored) throw new Error(`no site ${siteId} in the database`);
  const config = stored as SiteOptions;
  const refs = await latestPageSnapshotRefs(prisma, siteId);
  const runId = await startReextractRun(prisma, siteId);
  const summary: ReextractSummary = {
    siteId,
    runId,
    pages: refs.length,
    changed: 0,
    unchanged: 0,
    failed: 0,
    outcomes: {},
  };
  const count = (key: StoreOutcome | 'error') => {
    summary.outcomes[key] = (summary.outcomes[key] ?? 0) + 1;
  };
  const batchSize = opts.batchSize ?? 20;
  const started = Date.now();
  for (let i = 0; i < refs.length; i += batchSize) {
    const batch = refs.slice(i, i + batchSize);
    const bytes = await snapshotBytes(prisma, [...new Set(batch.map((r) => r.sha256))]);
    const kept = await keptAttachmentTexts(
      prisma,
      batch.map((r) => r.pageUrl),
    );
    for (const ref of batch) {
      const gzip = bytes.get(ref.sha256);
      try {
        if (!gzip) throw new Error(`snapshot ${ref.sha256} vanished`);
        const job = await reextractJob(ref, gzip, runId, config, kept.get(ref.pageUrl));
        if (job.kind === 'crawlFinished' || job.kind === 'watchCheck') throw new Error('unreachable');
        const { outcome } = await storePage(prisma, job);
        count(outcome);
        if (outcome === 'failed') summary.failed++;
        else if (outcome === 'created' || outcome === 'updated') summary.changed++;
        else if (kindOfOutcome(outcome) !== kindOfStatus(ref.status)) summary.changed++;
        else summary.unchanged++;
      } catch (err) {
        count('error');
        summary.failed++;
        opts.log?.warn({ site: siteId, url: ref.pageUrl, err: (err as Error).message }, 'reextract failed for a page');
        await recordPageFailure(prisma, runId, ref.pageUrl, `reextract: ${(err as Error).message}`);
      }
    }
  }
  const { outcomes: _o, siteId: _s, runId: _r, ...figures } = summary;
  await finishCrawl(prisma, runId, { pagesQueued: refs.length, reextract: figures, durationMs: Date.now() - started });
  return summary;
}

/** Every site that has pages (or the one given). */
export async function reextract(
  prisma: PrismaClient,
  opts: { siteId?: string; log?: Logger } = {},
): Promise<ReextractSummary[]> {
  const siteIds = opts.siteId ? [opts.siteId] : await sitesWithSnapshots(prisma);
  const out: ReextractSummary[] = [];
  for (const siteId of siteIds.sort()) out.push(await reextractSite(prisma, siteId, { log: opts.log }));
  return out;
}
