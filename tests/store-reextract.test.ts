// `govwatch reextract` against the real PostgreSQL: the current extractor runs over each page's
// archived raw snapshot and storePage keeps what did not change, versions what did, and records
// every outcome in a CrawlRun of trigger reextract.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createDb, type Db, markMissing, storePage } from '@govwatch/db';
import { contentHashOf, extract } from '@govwatch/extract';
import type { StoreFailedJob, StoreRecordJob } from '@govwatch/jobs';
import { reextract } from '@govwatch/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { redisUrl } from './helpers/test-queues.ts';
import { seedSiteAndRuns } from './store-helpers.ts';
import { JIADING_2023, YICHUN_2022, YICHUN_2023 } from './store-texts.ts';

const SITE = 'ycgaj';
const HOST = 'http://www.ycgaj.gov.cn';

function reportPage(title: string, text: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}_宜春市公安局</title></head><body>
<div class="nav">您的当前位置：首页 &gt; 法治政府建设</div><div class="article"><h1>${title}</h1>
<div class="info">发布日期：2024-01-10 来源：宜春市公安局</div>
<div class="content">${text
    .split('\n')
    .map((p) => `<p>${p}</p>`)
    .join('\n')}</div></div>
<div class="footer">分享到： 【打印】 【关闭】</div></body></html>`;
}

const LIST_PAGE = `<html><head><meta charset="utf-8"><title>法治政府建设</title></head><body><ul>${[1, 2, 3, 4, 5]
  .map(
    (i) => `<li><a href="/t${i}.html">宜春市公安局202${i}年法治政府建设工作情况报告</a><span>2024-01-0${i}</span></li>`,
  )
  .join('')}</ul></body></html>`;

function fetched(runId: string, url: string, html: string) {
  const raw = Buffer.from(html, 'utf8');
  return {
    runId,
    siteId: SITE,
    fetchUrl: url,
    fetchedAt: '2024-02-01T08:00:00.000Z',
    status: 200,
    contentType: 'text/html; charset=utf-8',
    etag: `"${url.length}"`,
    lastModified: null,
    rawSha256: createHash('sha256').update(raw).digest('hex'),
    bodyGzipBase64: gzipSync(raw).toString('base64'),
  };
}

/** What the current extractor makes of the page, as the pipeline would store it. */
function currentJob(runId: string, url: string, html: string): StoreRecordJob {
  const meta = fetched(runId, url, html);
  return { kind: 'record', ...meta, record: extract({ bytes: Buffer.from(html), url, contentType: meta.contentType }) };
}

let database: TestDatabase;
let db: Db;
const pages = {
  same: `${HOST}/fzzfjs/t2023.html`,
  oldChrome: `${HOST}/fzzfjs/t2022.html`,
  list: `${HOST}/fzzfjs/list.html`,
  wasFailed: `${HOST}/fzzfjs/jd2023.html`,
  gone: `${HOST}/fzzfjs/old.html`,
};
let oldChromeReport: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  const [run, run2, run3, run4] = (await seedSiteAndRuns(db.prisma, SITE, 4)) as [string, string, string, string];

  // 1. Stored by the current extractor: nothing to change.
  await storePage(
    db.prisma,
    currentJob(run, pages.same, reportPage('宜春市公安局2023年法治政府建设工作情况报告', YICHUN_2023)),
  );

  // 2. Stored by an "older extractor" that left chrome in the text: re-extraction must version it.
  const html2022 = reportPage('宜春市公安局2022年法治政府建设工作情况报告', YICHUN_2022);
  const current2022 = currentJob(run, pages.oldChrome, html2022);
  const oldText = `${current2022.record.text}\n分享到： 【打印】 【关闭】`;
  const old = { ...current2022, record: { ...current2022.record, text: oldText, contentHash: contentHashOf(oldText) } };
  oldChromeReport = (await storePage(db.prisma, old)).reportId as string;

  // 3. A list page: not a report, before and after.
  await storePage(db.prisma, currentJob(run, pages.list, LIST_PAGE));

  // 4. A report the older extractor failed on (its bytes archived): re-extraction creates it.
  const failed: StoreFailedJob = {
    kind: 'failed',
    ...fetched(run, pages.wasFailed, reportPage('上海市公安局嘉定分局2023年法治政府建设情况报告', JIADING_2023)),
    reason: 'extract failed: old bug',
  };
  await storePage(db.prisma, failed);

  // 5. A page that disappeared from the site (gone): left alone, its report stays removed.
  await storePage(
    db.prisma,
    currentJob(
      run,
      pages.gone,
      reportPage('宜春市公安局2021年法治政府建设工作情况报告', `${YICHUN_2022}\n（2021年版）`),
    ),
  );
  for (const r of [run2, run3, run4])
    await markMissing(db.prisma, SITE, [pages.same, pages.oldChrome, pages.list, pages.wasFailed], r, 3);
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('reextract', () => {
  it('stores a new version only where the record changed, and a report the old extractor missed', async () => {
    const eventsBefore = await db.prisma.event.count();
    const goneReport = await db.prisma.page.findUniqueOrThrow({ where: { url: pages.gone } });
    expect(goneReport.status).toBe('gone');

    const [summary, ...others] = await reextract(db.prisma, { siteId: SITE });
    expect(others).toEqual([]);
    expect(summary).toMatchObject({ siteId: SITE, pages: 4, changed: 2, unchanged: 2, failed: 0 });
    expect(summary?.outcomes).toEqual({ unchanged: 1, updated: 1, notReport: 1, created: 1 });

    // The old-chrome report got version 2 with the current extractor's text, from the same raw bytes.
    const versions = await db.prisma.reportVersion.findMany({
      where: { reportId: oldChromeReport },
      orderBy: { version: 'asc' },
    });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]?.text).not.toContain('分享到');
    expect(versions[1]?.rawSha256).toBe(versions[0]?.rawSha256);
    expect(versions[1]?.crawlRunId).toBe(summary?.runId);
    expect(versions[1]?.fetchedAt.toISOString()).toBe('2024-02-01T08:00:00.000Z');

    const created = await db.prisma.page.findUniqueOrThrow({ where: { url: pages.wasFailed } });
    // A failed store forgot the page's validators (so no 304 hides it); re-extraction keeps that.
    expect(created).toMatchObject({ status: 'ok', etag: null, failReason: null });
    expect(created.reportId).not.toBeNull();

    // Events for exactly the two changes; the gone page's report stays removed.
    const events = await db.prisma.event.findMany({
      where: { id: { gt: BigInt(eventsBefore) } },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.type).sort()).toEqual(['report.created', 'report.updated']);
    const gone = await db.prisma.page.findUniqueOrThrow({ where: { url: pages.gone } });
    expect(gone.status).toBe('gone');
    expect(await db.prisma.report.findUniqueOrThrow({ where: { id: gone.reportId as string } })).toMatchObject({
      status: 'removed',
    });

    // The run holds every outcome and is finished.
    const run = await db.prisma.crawlRun.findUniqueOrThrow({
      where: { id: summary?.runId as string },
      include: { pages: true },
    });
    expect(run).toMatchObject({ trigger: 'reextract', status: 'finished', pagesQueued: 4 });
    expect(Object.fromEntries(run.pages.map((p) => [p.url, p.outcome]))).toEqual({
      [pages.same]: 'unchanged',
      [pages.oldChrome]: 'updated',
      [pages.list]: 'notReport',
      [pages.wasFailed]: 'created',
    });
  });

  it('changes nothing when run again, and prints its summary from the CLI', async () => {
    const versions = await db.prisma.reportVersion.count();
    const events = await db.prisma.event.count();
    const r = await runCli(['reextract', '--site', SITE], {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      LOG_LEVEL: 'silent',
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^reextract site ${SITE} \\(run [0-9a-f-]{36}\\): pages 4, changed 0 \\(new 0, updated 0\\), unchanged 4, failed 0\\n$`,
      ),
    );
    expect(await db.prisma.reportVersion.count()).toBe(versions);
    expect(await db.prisma.event.count()).toBe(events);
  });

  it('does not make a crawl request join a running re-extraction', async () => {
    const { startOrJoinRun } = await import('@govwatch/db');
    await db.prisma.crawlRun.updateMany({ where: { siteId: SITE, status: 'running' }, data: { status: 'finished' } });
    const running = await db.prisma.crawlRun.create({ data: { siteId: SITE, trigger: 'reextract' } });
    const crawl = await startOrJoinRun(db.prisma, SITE, 'cli');
    expect(crawl.joined).toBe(false);
    expect(crawl.runId).not.toBe(running.id);
    expect(await db.prisma.crawlRun.findUniqueOrThrow({ where: { id: running.id } })).toMatchObject({
      status: 'running',
    });
  });
});
