// A report published as a PDF or DOCX linked straight from the list (column) page, no HTML page
// around it: `govwatch crawl --site … --wait` takes the link (its text matches the site's title
// keywords) as a report, fetches the file politely and conditionally, reads its text, and stores
// the report with the link's title, the list's date and the file as its one attachment. A file that
// cannot be read (corrupt, a scan without text) is recorded as failed with the reason. An unchanged
// re-crawl asks for each file conditionally and gets 304s. Real Redis and PostgreSQL, a site served
// on 127.0.0.1.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '@govwatch/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalDocx } from './fixtures/attachments/docx.ts';
import { cjkPdf, textlessPdf } from './fixtures/attachments/pdf.ts';
import { runCli, writeLocalSiteFile } from './helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from './helpers/test-queues.ts';

const SITE_ID = 'document-site';
const LIST = '/zwgk/fzzfjs/index.html';

const PDF_TITLE = '某某区2023年法治政府建设年度报告';
const PDF_PARAGRAPHS = [
  '2023年，某某区坚持以习近平法治思想为指导，全面推进依法行政，法治政府建设各项工作取得积极成效。',
  '一、主要举措和成效',
  '（一）深化“放管服”改革。全面推行证明事项告知承诺制，政务服务事项网上可办率达到99.2%。',
  '二、存在的不足和下一步打算',
  '基层执法力量仍显薄弱。2024年，我区将持续加强执法队伍建设。',
  '某某区人民政府',
  '2024年3月18日',
];
const DOCX_TITLE = '某某区2022年法治政府建设年度报告';

/** Paths as the server sees them (decoded); the list links them as a CMS writes them. */
const FILES = {
  pdf: '/files/2023法治政府建设年度报告.pdf',
  docx: '/files/P020230329000111.docx',
  corrupt: '/files/P020220330000222.pdf',
  scanned: '/files/P020210331000333.pdf',
  tooBig: '/files/P020200331000444.pdf',
  newsPdf: '/files/P020240101000555.pdf',
  // A report page by the site's pattern whose server answers with the PDF itself.
  patternPdf: '/zwgk/fzzfjs/201904/t20190401_9.html',
};
const PATTERN_TITLE = '某某区2018年法治政府建设年度报告';

const LIST_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>法治政府建设_某某区人民政府</title></head><body>
<div class="nav"><a href="/">首页</a></div>
<ul class="list">
<li><a href="${FILES.pdf}">${PDF_TITLE}</a><span>2024-03-20</span></li>
<li><a href="${FILES.docx}" title="${DOCX_TITLE}">某某区2022年法治政府建设年度...</a><span>2023-03-29</span></li>
<li><a href="${FILES.corrupt}">某某区2021年法治政府建设年度报告</a><span>2022-03-30</span></li>
<li><a href="${FILES.scanned}">某某区2020年法治政府建设年度报告</a><span>2021-03-31</span></li>
<li><a href="${FILES.tooBig}">某某区2019年法治政府建设年度报告</a><span>2020-03-31</span></li>
<li><a href="${FILES.newsPdf}">关于春节假期安排的通知</a><span>2024-01-01</span></li>
<li><a href="${FILES.patternPdf}">2018年度报告</a><span>2019-04-01</span></li>
</ul></body></html>`;

const PDF = 'application/pdf';
const bodies: Record<string, { type: string; body: Buffer }> = {
  [LIST]: { type: 'text/html; charset=utf-8', body: Buffer.from(LIST_HTML) },
  [FILES.pdf]: { type: PDF, body: Buffer.from(cjkPdf(PDF_TITLE, PDF_PARAGRAPHS)) },
  [FILES.docx]: {
    type: 'application/octet-stream',
    body: minimalDocx([
      DOCX_TITLE,
      '2022年，某某区法治政府建设取得新进展，行政复议案件办结率达到100%。',
      '某某区人民政府',
      '2023年3月28日',
    ]),
  },
  [FILES.corrupt]: { type: PDF, body: Buffer.from('%PDF-1.7\n\u0000garbage, cut short by a broken upload') },
  [FILES.scanned]: { type: PDF, body: Buffer.from(textlessPdf()) },
  // Over the 20 MB limit on documents: the fetch stops reading there.
  [FILES.tooBig]: { type: PDF, body: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 0x20)]) },
  [FILES.newsPdf]: { type: PDF, body: Buffer.from(cjkPdf('关于春节假期安排的通知', ['春节放假七天。'])) },
  [FILES.patternPdf]: {
    type: PDF,
    body: Buffer.from(
      cjkPdf(PATTERN_TITLE, [
        '2018年，某某区深入推进依法行政，加快建设法治政府，重大行政决策全部经过合法性审查。',
        '某某区人民政府',
        '2019年3月29日',
      ]),
    ),
  },
};
const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
const LAST_MODIFIED = 'Wed, 20 Mar 2024 08:00:00 GMT';

let server: Server;
let origin: string;
const requests: Array<{ path: string; status: number; headers: IncomingHttpHeaders }> = [];
let database: TestDatabase;
let db: Db;
let env: Record<string, string>;
let dir: string;
const prefix = testPrefix();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = bodies[path];
    const log = (status: number) => requests.push({ path, status, headers: req.headers });
    if (!file) {
      log(404);
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404 Not Found</body></html>');
      return;
    }
    const etag = etagOf(file.body);
    if (req.headers['if-none-match'] === etag) {
      log(304);
      res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED }).end();
      return;
    }
    log(200);
    res
      .writeHead(200, {
        'content-type': file.type,
        etag,
        'last-modified': LAST_MODIFIED,
        'content-length': file.body.length,
      })
      .end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  database = await createTestDatabase();
  db = createDb(database.url);
  dir = mkdtempSync(join(tmpdir(), 'govwatch-documents-'));
  const sitesFile = writeLocalSiteFile(dir, {
    id: SITE_ID,
    name: '某某区人民政府',
    startUrl: `${origin}${LIST}`,
    reportLinkPattern: '/t\\d{8}_\\d+\\.html$',
  });
  env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    GOVWATCH_QUEUE_PREFIX: prefix,
    GOVWATCH_SITES: sitesFile,
  };
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
  await new Promise((resolve) => server?.close(resolve));
  await dropPrefix(prefix);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const fileUrl = (path: string) => new URL(path, origin).href;
const hits = (path: string) => requests.filter((r) => r.path === path);

describe('reports published as a PDF or DOCX linked from the list page', () => {
  it('stores each readable one with the link title, year, list date and its text; records the unreadable ones as failed', async () => {
    const result = await runCli(['crawl', '--site', SITE_ID, '--wait'], env);
    expect(result.stderr).not.toMatch(/govwatch: /);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/: finished/);

    const stored = await db.prisma.report.findMany({ include: { versions: true, urls: true } });
    const at = (path: string) => stored.find((r) => r.urls.some((u) => u.url === fileUrl(path)));
    expect(stored).toHaveLength(3);

    const pdf = at(FILES.pdf);
    expect(pdf).toMatchObject({
      title: PDF_TITLE,
      reportYear: 2023,
      publishedAt: '2024-03-20', // the list's date, not the signature's
      agency: '某某区人民政府',
      currentVersion: 1,
    });
    const pdfVersion = pdf?.versions[0];
    expect(pdfVersion?.text).toContain('政务服务事项网上可办率达到99.2%');
    expect(pdfVersion?.text.startsWith(PDF_PARAGRAPHS[0] as string)).toBe(true); // the title line is not text
    expect(pdfVersion?.sections).toEqual([
      { level: 1, heading: '一、主要举措和成效' },
      { level: 2, heading: '（一）深化“放管服”改革' },
      { level: 1, heading: '二、存在的不足和下一步打算' },
    ]);
    // The document is the report's one attachment; the record says its text is the document's.
    expect(pdfVersion?.attachments).toEqual([{ url: fileUrl(FILES.pdf), name: PDF_TITLE }]);
    const record = (pdfVersion?.record ?? {}) as Record<string, unknown>;
    expect(record).toMatchObject({
      isReport: true,
      pageKind: 'report',
      textSource: 'document',
      textAttachment: { url: fileUrl(FILES.pdf), name: PDF_TITLE, kind: 'pdf' },
    });

    // A DOCX served as application/octet-stream; its link text is cut short, its title attribute is not.
    const docx = at(FILES.docx);
    expect(docx).toMatchObject({ title: DOCX_TITLE, reportYear: 2022, publishedAt: '2023-03-29' });
    expect(docx?.versions[0]?.text).toContain('行政复议案件办结率达到100%');
    expect(((docx?.versions[0]?.record ?? {}) as Record<string, unknown>).textAttachment).toMatchObject({
      kind: 'docx',
    });

    // A report link by the site's pattern that answers with a PDF: titled by the file's opening line.
    const byPattern = at(FILES.patternPdf);
    expect(byPattern).toMatchObject({ title: PATTERN_TITLE, reportYear: 2018, publishedAt: '2019-03-29' });
    expect(byPattern?.versions[0]?.text).toContain('重大行政决策全部经过合法性审查');
    expect(((byPattern?.versions[0]?.record ?? {}) as Record<string, unknown>).textSource).toBe('document');

    // The news PDF's link does not match the keywords: never fetched.
    expect(hits(FILES.newsPdf)).toHaveLength(0);
    // Every document was fetched once, politely.
    for (const path of [FILES.pdf, FILES.docx, FILES.corrupt, FILES.scanned]) {
      expect(hits(path), path).toHaveLength(1);
      expect(hits(path)[0]?.headers['user-agent']).toMatch(/^govwatch\//);
    }
  });

  it('records a PDF it cannot read as failed, with the reason, and stores nothing of it', async () => {
    const pages = await db.prisma.page.findMany();
    const page = (path: string) => pages.find((p) => p.url === fileUrl(path));
    expect(page(FILES.corrupt)).toMatchObject({ status: 'failed', reportId: null });
    expect(page(FILES.corrupt)?.failReason).toMatch(/^document unreadable: the PDF cannot be read: /);
    expect(page(FILES.scanned)).toMatchObject({ status: 'failed', reportId: null });
    expect(page(FILES.scanned)?.failReason).toBe('document unreadable: the PDF has no text (a scanned image?)');
    expect(page(FILES.tooBig)).toMatchObject({ status: 'failed', reportId: null });
    expect(page(FILES.tooBig)?.failReason).toMatch(/^too_large: .*over the 20971520-byte limit/);

    const runs = await runCli(['runs', '--site', SITE_ID], env);
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(/failed page .*P020220330000222\.pdf: document unreadable: the PDF cannot be read/);
    expect(runs.stdout).toMatch(/failed page .*P020210331000333\.pdf: document unreadable: the PDF has no text/);
  });

  it('asks for each stored document conditionally on an unchanged re-crawl, and stores nothing new', async () => {
    const versionsBefore = await db.prisma.reportVersion.count();
    requests.length = 0;
    const result = await runCli(['crawl', '--site', SITE_ID, '--wait'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/: finished/);
    for (const path of [FILES.pdf, FILES.docx]) {
      expect(
        hits(path).map((r) => r.status),
        path,
      ).toEqual([304]);
      expect(hits(path)[0]?.headers['if-none-match']).toBe(etagOf(bodies[path]?.body as Buffer));
      expect(hits(path)[0]?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    }
    expect(await db.prisma.reportVersion.count()).toBe(versionsBefore);
    expect(await db.prisma.report.count()).toBe(3);
  });

  it('re-extracts a document report from its archived file, keeping its link title (no new version)', async () => {
    const versionsBefore = await db.prisma.reportVersion.count();
    requests.length = 0;
    const result = await runCli(['reextract', '--site', SITE_ID], env);
    expect(result.code).toBe(0);
    expect(requests).toHaveLength(0); // from the archive, not the site
    expect(await db.prisma.reportVersion.count()).toBe(versionsBefore);
    const pages = await db.prisma.page.findMany();
    const page = (path: string) => pages.find((p) => p.url === fileUrl(path));
    expect(page(FILES.pdf)?.status).toBe('ok');
    expect(page(FILES.docx)?.status).toBe('ok');
    // The unreadable ones stay failed, for the same reason.
    expect(page(FILES.scanned)).toMatchObject({
      status: 'failed',
      failReason: 'document unreadable: the PDF has no text (a scanned image?)',
    });
    const pdf = await db.prisma.report.findFirstOrThrow({
      where: { urls: { some: { url: fileUrl(FILES.pdf) } } },
      include: { versions: true },
    });
    expect(pdf).toMatchObject({ title: PDF_TITLE, publishedAt: '2024-03-20', currentVersion: 1 });
  });
});
