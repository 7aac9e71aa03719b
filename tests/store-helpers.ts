// Builders for store jobs in the store integration tests: records are made by hand, as the
// extractor would hand them over.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { PrismaClient } from '@govwatch/db';
import { contentHashOf } from '@govwatch/extract';
import type { StoreFailedJob, StoreRecordJob } from '@govwatch/jobs';

export type RecordInput = {
  runId: string;
  siteId: string;
  url: string;
  text: string;
  title?: string | null;
  agency?: string | null;
  reportYear?: number | null;
  publishedAt?: string | null;
  isReport?: boolean;
  /** The page's own (canonical) url, if the extractor saw another one. */
  recordUrl?: string;
  etag?: string;
};

function fetchMeta(runId: string, siteId: string, url: string, html: string) {
  const raw = Buffer.from(html, 'utf8');
  return {
    runId,
    siteId,
    fetchUrl: url,
    fetchedAt: new Date().toISOString(),
    status: 200,
    contentType: 'text/html; charset=utf-8',
    rawSha256: createHash('sha256').update(raw).digest('hex'),
    bodyGzipBase64: gzipSync(raw).toString('base64'),
  };
}

export function recordJob(input: RecordInput): StoreRecordJob {
  const title = input.title === undefined ? null : input.title;
  const html = `<html><head><title>${title ?? ''}</title></head><body>${input.text
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</body></html>`;
  return {
    kind: 'record',
    ...fetchMeta(input.runId, input.siteId, input.url, html),
    etag: input.etag ?? null,
    lastModified: null,
    record: {
      url: input.recordUrl ?? input.url,
      isReport: input.isReport ?? true,
      title,
      publishedAt: input.publishedAt ?? null,
      source: null,
      agency: input.agency ?? null,
      reportYear: input.reportYear ?? null,
      text: input.text,
      sections: input.text
        .split('\n')
        .filter((l) => /^[一二三四五六七八九十]+、/.test(l))
        .map((l) => ({ level: 1 as const, heading: l })),
      attachments: [],
      contentHash: contentHashOf(input.text),
    },
  };
}

export function failedJob(runId: string, siteId: string, url: string, reason: string): StoreFailedJob {
  const { bodyGzipBase64: _body, ...meta } = fetchMeta(runId, siteId, url, '');
  return { kind: 'failed', ...meta, status: 503, reason };
}

export async function seedSiteAndRuns(prisma: PrismaClient, siteId: string, runs: number): Promise<string[]> {
  await prisma.site.upsert({ where: { id: siteId }, create: { id: siteId, name: siteId, config: {} }, update: {} });
  const ids: string[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await prisma.crawlRun.create({ data: { siteId, trigger: 'cli' } });
    ids.push(run.id);
  }
  return ids;
}

/** The same report as another site republishes it: other spacing, half-width punctuation, its own header. */
export function republished(text: string): string {
  const body = text
    .split('\n')
    .map((p) => `\u3000\u3000${p.replace(/,/g, '，').replace(/\(/g, '（').replace(/\)/g, '）').replace(/:/g, '：')}`)
    .join('\n\n');
  return `来源:宜春市人民政府门户网站 发布时间:2024-01-15 浏览次数:1234\n${body}\n【打印本页】 【关闭窗口】`;
}
