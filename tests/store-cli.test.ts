// The store's CLI commands against the real PostgreSQL and Redis: history, diff, and export in its
// report forms (NDJSON as before, --site, CSV).
import { createDb, type Db, storePage } from '@govwatch/db';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { redisUrl } from './helpers/test-queues.ts';
import { recordJob, seedSiteAndRuns } from './store-helpers.ts';
import { JIADING_2023, YICHUN_2023 } from './store-texts.ts';

let database: TestDatabase;
let db: Db;
let env: Record<string, string>;
let reportId: string;
let jiadingId: string;
const SITE = 'ycgaj';
const URL = 'http://www.ycgaj.gov.cn/fzzfjs/2024/t1.html';
const TITLE = '宜春市公安局2023年法治政府建设工作情况报告';
const REVISED = YICHUN_2023.replace('圆满完成各项任务目标', '圆满完成各项任务目标,群众满意度持续提升');

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, LOG_LEVEL: 'silent' };
  const runs = await seedSiteAndRuns(db.prisma, SITE, 2);
  await seedSiteAndRuns(db.prisma, 'jiading', 1);
  const job = (i: number, text: string) =>
    recordJob({
      runId: runs[i] as string,
      siteId: SITE,
      url: URL,
      text,
      title: TITLE,
      agency: '宜春市公安局',
      reportYear: 2023,
    });
  reportId = (await storePage(db.prisma, job(0, YICHUN_2023))).reportId as string;
  await storePage(db.prisma, job(1, REVISED));
  const [jrun] = await db.prisma.crawlRun.findMany({ where: { siteId: 'jiading' } });
  jiadingId = (
    await storePage(
      db.prisma,
      recordJob({
        runId: jrun?.id as string,
        siteId: 'jiading',
        url: 'https://www.jiading.gov.cn/gaj/fzzf/1.html',
        text: JIADING_2023,
        title: '上海市公安局嘉定分局2023年法治政府建设情况报告',
        agency: '上海市公安局嘉定分局',
        reportYear: 2023,
      }),
    )
  ).reportId as string;
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('govwatch history', () => {
  it('lists every version with fetchedAt, contentHash, chars and crawl run', async () => {
    const r = await runCli(['history', reportId], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const versions = await db.prisma.reportVersion.findMany({ where: { reportId }, orderBy: { version: 'asc' } });
    expect(versions).toHaveLength(2);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toContain(`report ${reportId}`);
    expect(lines[0]).toContain('current version 2');
    expect(r.stdout).toContain(URL);
    const header = lines.findIndex((l) => l.startsWith('version\t'));
    expect(lines[header]).toBe('version\tfetchedAt\tcontentHash\tchars\tcrawlRunId');
    const rows = lines.slice(header + 1).map((l) => l.split('\t'));
    expect(rows).toEqual(
      versions.map((v) => [
        String(v.version),
        v.fetchedAt.toISOString(),
        v.contentHash,
        String(v.text.length),
        v.crawlRunId,
      ]),
    );
  });

  it('prints JSON with --json and fails with one line for an unknown report', async () => {
    const json = JSON.parse((await runCli(['history', reportId, '--json'], env)).stdout);
    expect(json).toMatchObject({ id: reportId, currentVersion: 2, versions: [{ version: 1 }, { version: 2 }] });
    const missing = await runCli(['history', 'no-such-report'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('govwatch: no report no-such-report');
  });
});

describe('govwatch diff', () => {
  it('prints the unified line diff of the last two versions by default', async () => {
    const r = await runCli(['diff', reportId], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^={10,}\\n--- ${reportId}@v1\\t`, 'm'));
    expect(r.stdout).toContain(`+++ ${reportId}@v2`);
    const removed = r.stdout.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'));
    const added = r.stdout.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    expect(removed).toHaveLength(1);
    expect(added).toHaveLength(1);
    expect(added[0]).toContain('群众满意度持续提升');
    expect(removed[0]).not.toContain('群众满意度持续提升');
  });

  it('takes two versions, in either order, and refuses unknown ones', async () => {
    const backwards = await runCli(['diff', reportId, '2', '1'], env);
    expect(backwards.stdout.split('\n').find((l) => l.startsWith('-') && !l.startsWith('---'))).toContain(
      '群众满意度持续提升',
    );
    const same = await runCli(['diff', reportId, '1', '1'], env);
    expect(same.stdout.split('\n').filter((l) => /^[+-][^+-]/.test(l))).toEqual([]);
    const bad = await runCli(['diff', reportId, '1', '9'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('has no version 9');
  });
});

describe('govwatch export (reports)', () => {
  it('keeps NDJSON as before: the record keys plus id, siteId, version, firstSeenAt, updatedAt, urls', async () => {
    const r = await runCli(['export'], env);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((x) => x.id).sort()).toEqual([reportId, jiadingId].sort());
    const row = rows.find((x) => x.id === reportId);
    for (const key of [
      'url',
      'isReport',
      'title',
      'publishedAt',
      'source',
      'agency',
      'reportYear',
      'text',
      'sections',
      'attachments',
      'contentHash',
    ]) {
      expect(row).toHaveProperty(key);
    }
    expect(row).toMatchObject({ siteId: SITE, version: 2, urls: [URL], text: REVISED, title: TITLE });
    expect(Number.isNaN(Date.parse(row.firstSeenAt))).toBe(false);

    const later = await runCli(['export', '--since', new Date(Date.now() + 60_000).toISOString()], env);
    expect(later.stdout).toBe('');
    const site = await runCli(['export', '--site', 'jiading'], env);
    expect(
      site.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([jiadingId]);
  });

  it('writes CSV with a header row and properly quoted text', async () => {
    const r = await runCli(['export', '--format', 'csv'], env);
    expect(r.code).toBe(0);
    const [header, ...rows] = parse(r.stdout) as string[][];
    expect(header).toEqual([
      'id',
      'siteId',
      'url',
      'isReport',
      'title',
      'publishedAt',
      'source',
      'agency',
      'reportYear',
      'version',
      'status',
      'contentHash',
      'firstSeenAt',
      'updatedAt',
      'urls',
      'sections',
      'attachments',
      'text',
    ]);
    expect(rows).toHaveLength(2);
    const byId = new Map(
      rows.map((row) => [row[0], Object.fromEntries((header as string[]).map((h, i) => [h, row[i]]))]),
    );
    const row = byId.get(reportId) as Record<string, string>;
    // Text has commas, quotes-free Chinese punctuation and newlines: it must come back exactly.
    expect(row.text).toBe(REVISED);
    expect(row.text).toContain('\n');
    expect(row.title).toBe(TITLE);
    expect(row.version).toBe('2');
    expect(row.source).toBe('');
    expect(JSON.parse(row.urls as string)).toEqual([URL]);
    expect(JSON.parse(row.sections as string).length).toBeGreaterThan(0);
  });

  it('rejects bad option combinations with one line', async () => {
    // (Each CLI start costs seconds: two cases here, the rest of checkOptions is plain code.)
    for (const args of [
      ['export', '--since', '2020-01-01', '--after', '3'],
      ['export', '--format', 'warc'],
    ]) {
      const r = await runCli(args, env);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
