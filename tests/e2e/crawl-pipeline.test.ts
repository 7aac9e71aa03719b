// End to end: `govwatch crawl --site … --wait` against the fixture site, through real Redis
// (BullMQ crawl → extract → store) into a real PostgreSQL database of this file's own.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '@govwatch/db';
import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

const CHROME = [
  '分享到',
  '扫一扫在手机打开当前页',
  '【打印】',
  '【关闭】',
  '您的当前位置',
  '版权所有',
  '网站标识码',
  '全国各省市政府网站',
];

let site: FixtureSite;
let database: TestDatabase;
let db: Db;
let env: Record<string, string>;
const prefix = testPrefix();

beforeAll(async () => {
  site = await startFixtureSite();
  database = await createTestDatabase();
  db = createDb(database.url);
  const dir = mkdtempSync(join(tmpdir(), 'govwatch-e2e-'));
  const sitesFile = join(dir, 'sites.yaml');
  writeFileSync(sitesFile, site.siteYaml({ only: ['fixture-main'], defaults: { requestsPerSecond: 50 } }));
  env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, GOVWATCH_QUEUE_PREFIX: prefix, GOVWATCH_SITES: sitesFile };
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
  await site?.close();
  await dropPrefix(prefix);
});

describe('crawl --site fixture-main --wait', () => {
  it('stores every report of the site with its metadata and chrome-free text', async () => {
    const result = await runCli(['crawl', '--site', 'fixture-main', '--wait'], env);
    expect(result.stderr).not.toMatch(/govwatch: /);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/: finished/);

    const expected = site.reports.filter((r) => r.siteId === 'fixture-main');
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(new Set(expected.map((r) => r.encoding))).toEqual(new Set(['utf-8', 'gbk']));
    const stored = await db.prisma.report.findMany({ include: { versions: true, urls: true } });
    expect(stored).toHaveLength(expected.length);
    for (const want of expected) {
      const got = stored.find((r) => r.urls.some((u) => u.url.endsWith(want.path)));
      expect(got, `report at ${want.path}`).toBeDefined();
      expect(got).toMatchObject({
        title: want.title,
        publishedAt: want.publishedAt,
        reportYear: want.reportYear,
        agency: want.agency,
        currentVersion: 1,
      });
      const text = got?.versions[0]?.text ?? '';
      expect(text).toBe(want.text);
      for (const chrome of CHROME) expect(text).not.toContain(chrome);
    }
    // News items in the list are not reports and are never stored as such.
    const titles = stored.map((r) => r.title);
    for (const news of site.nonReports.filter((n) => n.siteId === 'fixture-main'))
      expect(titles).not.toContain(news.title);
    // Each creation is announced through the outbox.
    expect(await db.prisma.event.count({ where: { type: 'report.created' } })).toBe(expected.length);
  });

  it('re-crawls the unchanged site with conditional requests and creates no new version', async () => {
    const versionsBefore = await db.prisma.reportVersion.count();
    site.clearLog();
    const result = await runCli(['crawl', '--site', 'fixture-main', '--wait'], env);
    expect(result.code).toBe(0);
    expect(await db.prisma.reportVersion.count()).toBe(versionsBefore);
    expect(await db.prisma.event.count({ where: { type: 'report.updated' } })).toBe(0);

    const reportPaths = new Set(site.reports.filter((r) => r.siteId === 'fixture-main').map((r) => r.path));
    const reportRequests = site.log.filter((e) => reportPaths.has(e.path));
    expect(reportRequests.length).toBe(reportPaths.size);
    for (const request of reportRequests) {
      expect(request.headers['if-none-match'], request.path).toBeTruthy();
      expect(request.status).toBe(304);
    }
    expect(result.stdout).toMatch(/reports new 0 \/ updated 0/);
  });

  it('stores a changed report as a new version and announces report.updated', async () => {
    const target = site.reports.find((r) => r.siteId === 'fixture-main' && r.encoding === 'utf-8');
    if (!target) throw new Error('no utf-8 report in the fixture');
    const firstParagraph = target.text.split('\n')[0] ?? '';
    site.mutate(target.path, (html) =>
      html.replace(firstParagraph.slice(0, 12), `${firstParagraph.slice(0, 12)}（修订）`),
    );
    const result = await runCli(['crawl', '--site', 'fixture-main', '--wait'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/reports new 0 \/ updated 1/);
    const report = await db.prisma.report.findFirstOrThrow({
      where: { urls: { some: { url: { endsWith: target.path } } } },
      include: { versions: { orderBy: { version: 'asc' } } },
    });
    expect(report.currentVersion).toBe(2);
    expect(report.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(report.versions[1]?.text).toContain('（修订）');
    expect(report.versions[0]?.text).not.toContain('（修订）');
    expect(await db.prisma.event.count({ where: { type: 'report.updated', reportId: report.id } })).toBe(1);
  });

  it('marks a report removed only after its page is missing on three consecutive crawls', async () => {
    const target = site.reports.find((r) => r.siteId === 'fixture-main' && r.encoding === 'gbk');
    if (!target) throw new Error('no gbk report in the fixture');
    site.remove(target.path);
    const report = () =>
      db.prisma.report.findFirstOrThrow({ where: { urls: { some: { url: { endsWith: target.path } } } } });
    for (let crawl = 1; crawl <= 3; crawl++) {
      const result = await runCli(['crawl', '--site', 'fixture-main', '--wait'], env);
      expect(result.code).toBe(0);
      expect((await report()).status).toBe(crawl < 3 ? 'active' : 'removed');
      if (crawl === 3) expect(result.stdout).toMatch(/removed 1/);
    }
    expect(await db.prisma.event.count({ where: { type: 'report.removed' } })).toBe(1);

    // The page comes back with the very same bytes: the report is active again.
    site.restore(target.path);
    const back = await runCli(['crawl', '--site', 'fixture-main', '--wait'], env);
    expect(back.code).toBe(0);
    expect((await report()).status).toBe('active');
  });
});
