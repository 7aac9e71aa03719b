// A report page whose body is only a link to its attachment: `govwatch crawl --site … --wait`
// fetches the page, then (in the extract stage) the DOCX it points to, and stores the report with
// the DOCX's text. A 503 on the attachment retries; a report whose attachment is gone is stored
// all the same, with the reason. Real Redis and PostgreSQL, a site served on 127.0.0.1.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '@govwatch/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalDocx } from './fixtures/attachments/docx.ts';
import { runCli, writeLocalSiteFile } from './helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from './helpers/test-queues.ts';

const SITE_ID = 'attach-site';
const COLUMN = '/zwgk/fzzfjs/';
// The corpus's attachment-only TRS page: title block, share bar, an empty TRS_Editor, 附件 link.
const PAGE = readFileSync(new URL('./fixtures/extract/cases/41-attachment-only-report.html', import.meta.url), 'utf8');

const DOCX_PARAGRAPHS = [
  '某某县2022年法治政府建设年度报告',
  '\u3000\u30002022年，某某县坚持以习近平法治思想为指导，全面推进依法行政，法治政府建设各项工作取得积极成效。',
  '一、主要举措和成效',
  '（一）深化“放管服”改革。全面推行证明事项告知承诺制，政务服务事项网上可办率达到98.5%。',
  '（二）严格规范公正文明执法。全面落实行政执法“三项制度”，开展执法案卷评查，评查案卷320卷。',
  '二、存在的不足和下一步打算',
  '基层执法力量仍显薄弱。2023年，我县将持续加强执法队伍建设，提升法治政府建设水平。',
  '某某县司法局',
  '2023年3月25日',
];
const EXPECTED_TEXT = DOCX_PARAGRAPHS.slice(1)
  .map((p) => p.trim().replace(/^\u3000+/, ''))
  .join('\n');

const pages: Record<string, { type: string; body: Buffer | string }> = {
  [COLUMN]: {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>法治政府建设_某某县人民政府</title></head><body>
<ul class="list">
<li><a href="./202303/t20230330_1.html">某某县2022年法治政府建设年度报告</a><span>2023-03-30</span></li>
<li><a href="./202203/t20220331_2.html">某某县2021年法治政府建设年度报告</a><span>2022-03-31</span></li>
<li><a href="./202103/t20210329_3.html">某某县2020年法治政府建设年度报告</a><span>2021-03-29</span></li>
</ul></body></html>`,
  },
  // Its attachment, as a DOCX (the corpus page links a PDF of the same name).
  [`${COLUMN}202303/t20230330_1.html`]: {
    type: 'text/html',
    body: PAGE.replace('./P020230330600123.pdf', './P020230330600123.docx'),
  },
  [`${COLUMN}202303/P020230330600123.docx`]: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    body: minimalDocx(DOCX_PARAGRAPHS),
  },
  // Its attachment is gone (404): the report is stored without text, saying why.
  [`${COLUMN}202203/t20220331_2.html`]: {
    type: 'text/html',
    body: PAGE.replaceAll('2022年法治政府建设年度报告', '2021年法治政府建设年度报告')
      .replace('2023-03-30', '2022-03-31')
      .replace('./P020230330600123.pdf', './P020220331000456.pdf'),
  },
  // Its attachment answers 503 once: the extract job is retried and reads it the second time.
  [`${COLUMN}202103/t20210329_3.html`]: {
    type: 'text/html',
    body: PAGE.replaceAll('2022年法治政府建设年度报告', '2020年法治政府建设年度报告')
      .replace('2023-03-30', '2021-03-29')
      .replace('./P020230330600123.pdf', './P020210329000789.docx'),
  },
  [`${COLUMN}202103/P020210329000789.docx`]: {
    type: 'application/octet-stream',
    body: minimalDocx([
      '某某县2020年法治政府建设年度报告',
      '2020年，某某县法治政府建设取得新进展。',
      '某某县司法局',
      '2021年3月26日',
    ]),
  },
};
const FLAKY = `${COLUMN}202103/P020210329000789.docx`;

let server: Server;
let origin: string;
const requests: Array<{ path: string; userAgent: string | undefined }> = [];
let database: TestDatabase;
let db: Db;
let env: Record<string, string>;
const prefix = testPrefix();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, userAgent: req.headers['user-agent'] });
    if (path === FLAKY && requests.filter((r) => r.path === FLAKY).length === 1) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      return;
    }
    const page = pages[path];
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404 Not Found</body></html>');
      return;
    }
    res.writeHead(200, { 'content-type': page.type }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  database = await createTestDatabase();
  db = createDb(database.url);
  const dir = mkdtempSync(join(tmpdir(), 'govwatch-attachments-'));
  const sitesFile = writeLocalSiteFile(dir, {
    id: SITE_ID,
    name: '某某县人民政府',
    startUrl: `${origin}${COLUMN}`,
    reportLinkPattern: '/t\\d{8}_\\d+\\.html$',
  });
  // GOVWATCH_ALLOW_PRIVATE stays 0: the site's own allowPrivateNetwork must carry to the attachment fetch.
  env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    GOVWATCH_QUEUE_PREFIX: prefix,
    GOVWATCH_ALLOW_PRIVATE: '0',
    GOVWATCH_SITES: sitesFile,
  };
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
  await new Promise((resolve) => server?.close(resolve));
  await dropPrefix(prefix);
});

describe('attachment-only report pages', () => {
  it('stores the report with the text of the DOCX it points to, retries a 503, keeps the one whose attachment is gone', async () => {
    const result = await runCli(['crawl', '--site', SITE_ID, '--wait', '--sites', env.GOVWATCH_SITES as string], env);
    expect(result.stderr).not.toMatch(/govwatch: /);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/: finished/);

    const stored = await db.prisma.report.findMany({ include: { versions: true, urls: true } });
    expect(stored).toHaveLength(3);
    const at = (path: string) => stored.find((r) => r.urls.some((u) => u.url.endsWith(path)));

    const fromDocx = at('t20230330_1.html');
    expect(fromDocx).toMatchObject({
      title: '某某县2022年法治政府建设年度报告',
      publishedAt: '2023-03-30',
      reportYear: 2022,
      agency: '某某县司法局',
    });
    const version = fromDocx?.versions[0];
    expect(version?.text).toBe(EXPECTED_TEXT);
    expect(version?.sections).toEqual([
      { level: 1, heading: '一、主要举措和成效' },
      { level: 2, heading: '（一）深化“放管服”改革' },
      { level: 2, heading: '（二）严格规范公正文明执法' },
      { level: 1, heading: '二、存在的不足和下一步打算' },
    ]);
    // The record says where its text came from.
    const record = (version?.record ?? {}) as Record<string, unknown>;
    expect(record.textSource).toBe('attachment');
    expect(record.textAttachment).toEqual({
      url: `${origin}${COLUMN}202303/P020230330600123.docx`,
      name: '某某县2022年法治政府建设年度报告.pdf',
      kind: 'docx',
    });
    expect(record.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^text: from the DOCX attachment /)]));

    // The attachment was fetched once, politely (same User-Agent as the pages).
    const docxRequests = requests.filter((r) => r.path.endsWith('P020230330600123.docx'));
    expect(docxRequests).toHaveLength(1);
    expect(docxRequests[0]?.userAgent).toMatch(/^govwatch\//);

    // A missing attachment (404, not retried) leaves the page's own record, with the reason.
    const missing = at('t20220331_2.html');
    expect(missing).toMatchObject({ title: '某某县2021年法治政府建设年度报告', reportYear: 2021 });
    const missingRecord = (missing?.versions[0]?.record ?? {}) as Record<string, unknown>;
    expect(missing?.versions[0]?.text).toBe('');
    expect(missingRecord.textSource).toBe('page');
    expect(missingRecord.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^text: attachment .+P020220331000456\.pdf not read: HTTP 404/)]),
    );
    expect(requests.filter((r) => r.path.endsWith('P020220331000456.pdf'))).toHaveLength(1);

    // A 503 on the attachment retries the extract job; the second attempt reads it.
    const retried = at('t20210329_3.html');
    expect(retried?.versions[0]?.text).toBe('2020年，某某县法治政府建设取得新进展。\n某某县司法局\n2021年3月26日');
    expect(((retried?.versions[0]?.record ?? {}) as Record<string, unknown>).textSource).toBe('attachment');
    expect(requests.filter((r) => r.path === FLAKY)).toHaveLength(2);
  });

  it('keeps the attachment text when the pages are re-extracted (reextract reads no files)', async () => {
    const versionsBefore = await db.prisma.reportVersion.count();
    const result = await runCli(['reextract', '--site', SITE_ID], env);
    expect(result.code).toBe(0);
    expect(await db.prisma.reportVersion.count()).toBe(versionsBefore);
    const report = await db.prisma.report.findFirstOrThrow({
      where: { urls: { some: { url: { endsWith: 't20230330_1.html' } } } },
      include: { versions: true },
    });
    expect(report.currentVersion).toBe(1);
    expect(report.versions[0]?.text).toBe(EXPECTED_TEXT);
  });
});
