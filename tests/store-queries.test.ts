// markMissing, export, history, diff and the outbox reads, against the real PostgreSQL.
import {
  createDb,
  type Db,
  diffVersions,
  type ExportRow,
  eventsAfter,
  exportReports,
  markMissing,
  markRelayed,
  pendingEvents,
  reportHistory,
  storePage,
} from '@govwatch/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { recordJob, seedSiteAndRuns } from './store-helpers.ts';
import { JIADING_2023, YICHUN_2022, YICHUN_2023 } from './store-texts.ts';

let database: TestDatabase;
let db: Db;
let runs: string[];
const SITE = 'ycgaj';
const U23 = 'http://www.ycgaj.gov.cn/fzzfjs/2024/t1.html';
const U22 = 'http://www.ycgaj.gov.cn/fzzfjs/2023/t1.html';
const run = (i: number) => runs[i] as string;
const job = (i: number, url: string, text: string, reportYear: number) =>
  recordJob({
    runId: run(i),
    siteId: SITE,
    url,
    text,
    title: `宜春市公安局${reportYear}年法治政府建设工作情况报告`,
    agency: '宜春市公安局',
    reportYear,
  });

let id23: string;
let id22: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  runs = await seedSiteAndRuns(db.prisma, SITE, 8);
  id23 = (await storePage(db.prisma, job(0, U23, YICHUN_2023, 2023))).reportId as string;
  id22 = (await storePage(db.prisma, job(0, U22, YICHUN_2022, 2022))).reportId as string;
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('markMissing', () => {
  it('removes a report whose page became a deletion notice, even when the notice changes every fetch', async () => {
    const site = 'jdgaj';
    const url = 'http://www.jdgaj.gov.cn/fzzfjs/2024/t9.html';
    const ids = await seedSiteAndRuns(db.prisma, site, 4);
    const at = (i: number) => ids[i] as string;
    const created = await storePage(
      db.prisma,
      recordJob({
        runId: at(0),
        siteId: site,
        url,
        text: JIADING_2023,
        title: '嘉定公安分局2023年法治政府建设情况',
        agency: '上海市公安局嘉定分局',
        reportYear: 2023,
      }),
    );
    for (let i = 1; i <= 3; i++) {
      // Still linked from the list, but now a notice with a counter that differs on every fetch.
      const notice = recordJob({
        runId: at(i),
        siteId: site,
        url,
        text: `该信息已删除（访问次数：${i * 17}）`,
        title: null,
        isReport: false,
      });
      expect((await storePage(db.prisma, notice)).outcome).toBe('notReport');
      const missing = await markMissing(db.prisma, site, [url], at(i));
      expect(missing.removed).toEqual(i < 3 ? [] : [created.reportId]);
    }
  });

  it('counts misses per complete crawl, once per run, and removes the report at the threshold', async () => {
    expect(await markMissing(db.prisma, SITE, [U23, U22], run(0))).toEqual({ missed: 0, gone: [], removed: [] });

    expect(await markMissing(db.prisma, SITE, [U23], run(1))).toMatchObject({ missed: 1, removed: [] });
    // A retried crawlFinished job counts nothing twice.
    expect(await markMissing(db.prisma, SITE, [U23], run(1))).toMatchObject({ missed: 0, removed: [] });
    expect(await markMissing(db.prisma, SITE, [U23], run(2))).toMatchObject({ missed: 1, removed: [] });
    expect((await db.prisma.page.findUniqueOrThrow({ where: { url: U22 } })).missCount).toBe(2);

    const third = await markMissing(db.prisma, SITE, [`${U23}?from=timeline`], run(3));
    expect(third).toEqual({ missed: 1, gone: [U22], removed: [id22] });
    expect(await db.prisma.report.findUniqueOrThrow({ where: { id: id22 } })).toMatchObject({ status: 'removed' });
    expect(await db.prisma.page.findUniqueOrThrow({ where: { url: U22 } })).toMatchObject({
      status: 'gone',
      missCount: 3,
    });
    const removed = await db.prisma.event.findMany({ where: { reportId: id22, type: 'report.removed' } });
    expect(removed).toHaveLength(1);
    expect(removed[0]?.payload).toMatchObject({ reportId: id22, urls: [U22], runId: run(3) });
    expect(await db.prisma.report.findUniqueOrThrow({ where: { id: id23 } })).toMatchObject({ status: 'active' });

    // A later run: no second removal.
    expect(await markMissing(db.prisma, SITE, [U23], run(4))).toEqual({ missed: 0, gone: [], removed: [] });
  });

  it('brings a removed report back when it is seen again', async () => {
    const result = await storePage(db.prisma, job(5, U22, YICHUN_2022, 2022));
    expect(result).toMatchObject({ outcome: 'unchanged', reportId: id22 });
    expect(await db.prisma.report.findUniqueOrThrow({ where: { id: id22 } })).toMatchObject({ status: 'active' });
    expect(await db.prisma.page.findUniqueOrThrow({ where: { url: U22 } })).toMatchObject({
      status: 'ok',
      missCount: 0,
    });
    const last = await db.prisma.event.findFirstOrThrow({ where: { reportId: id22 }, orderBy: { id: 'desc' } });
    expect(last).toMatchObject({ type: 'report.updated', payload: expect.objectContaining({ restored: true }) });
  });

  it('resets a page seen again before the threshold', async () => {
    await markMissing(db.prisma, SITE, [U22], run(5));
    expect((await db.prisma.page.findUniqueOrThrow({ where: { url: U23 } })).missCount).toBe(1);
    await markMissing(db.prisma, SITE, [U22, U23], run(6));
    expect((await db.prisma.page.findUniqueOrThrow({ where: { url: U23 } })).missCount).toBe(0);
  });
});

describe('history, diff, export and events', () => {
  it('lists versions and diffs them line by line', async () => {
    const revised = YICHUN_2023.replace('通报51期', '通报52期');
    expect(await storePage(db.prisma, job(7, U23, revised, 2023))).toMatchObject({ outcome: 'updated', version: 2 });

    const history = await reportHistory(db.prisma, id23);
    expect(history).toMatchObject({ id: id23, currentVersion: 2, urls: [U23] });
    expect(history?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(history?.versions[1]).toMatchObject({
      crawlRunId: run(7),
      title: '宜春市公安局2023年法治政府建设工作情况报告',
    });
    expect(await reportHistory(db.prisma, 'no-such-report')).toBeNull();

    const diff = await diffVersions(db.prisma, id23);
    expect(diff).toContain(`--- ${id23}@v1`);
    expect(diff).toContain(`+++ ${id23}@v2`);
    expect(diff).toMatch(/^-.*通报51期/m);
    expect(diff).toMatch(/^\+.*通报52期/m);
    expect(diff.split('\n').filter((l) => /^[-+][^-+]/.test(l))).toHaveLength(2);

    const first = await diffVersions(db.prisma, id22);
    expect(first).toContain('@empty');
    expect(first).toMatch(/^\+专此报告|^\+特此报告/m);
    expect(await diffVersions(db.prisma, id23, 2, 1)).toMatch(/^\+.*通报51期/m);
    await expect(diffVersions(db.prisma, id23, 1, 9)).rejects.toThrow(/no version 9/);
  });

  it('exports every report with its current version, in pages, and since a date', async () => {
    const other = await storePage(
      db.prisma,
      recordJob({
        runId: run(7),
        siteId: SITE,
        url: 'http://www.ycgaj.gov.cn/jd.html',
        text: JIADING_2023,
        title: '嘉定公安分局2023年法治政府建设情况',
        agency: '上海市公安局嘉定分局',
        reportYear: 2023,
      }),
    );
    const rows: ExportRow[] = [];
    for await (const row of exportReports(db.prisma, { batchSize: 2 })) rows.push(row);
    expect(rows.map((r) => r.id).sort()).toEqual([id23, id22, other.reportId].sort());
    const r23 = rows.find((r) => r.id === id23);
    expect(r23).toMatchObject({
      siteId: SITE,
      url: U23,
      isReport: true,
      title: '宜春市公安局2023年法治政府建设工作情况报告',
      agency: '宜春市公安局',
      reportYear: 2023,
      version: 2,
      urls: [U23],
      status: 'active',
    });
    expect(r23?.text).toContain('通报52期');
    expect(r23?.sections.length).toBeGreaterThan(0);
    expect(Object.keys(r23 ?? {})).toEqual(
      expect.arrayContaining([
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
        'id',
        'siteId',
        'version',
        'firstSeenAt',
        'updatedAt',
        'urls',
      ]),
    );
    expect(JSON.parse(JSON.stringify(r23))).toEqual(r23);

    const since = new Date(
      (await db.prisma.report.findUniqueOrThrow({ where: { id: other.reportId as string } })).updatedAt,
    );
    const recent: string[] = [];
    for await (const row of exportReports(db.prisma, { since })) recent.push(row.id);
    expect(recent).toEqual([other.reportId]);
  });

  it('hands pending events to the relay and marks them relayed', async () => {
    const pending = await pendingEvents(db.prisma, 3);
    expect(pending).toHaveLength(3);
    expect(pending[0]).toMatchObject({ type: 'report.created', reportId: id23 });
    expect(typeof pending[0]?.id).toBe('string');
    expect(
      await markRelayed(
        db.prisma,
        pending.map((e) => e.id),
      ),
    ).toBe(3);
    expect(
      await markRelayed(
        db.prisma,
        pending.map((e) => e.id),
      ),
    ).toBe(0);
    const rest = await pendingEvents(db.prisma, 100);
    expect(rest.map((e) => e.id)).not.toContain(pending[0]?.id);
    expect(rest[0] && BigInt(rest[0].id) > BigInt(pending[2]?.id ?? 0)).toBe(true);

    const all = await eventsAfter(db.prisma, null);
    const after = await eventsAfter(db.prisma, pending[1]?.id ?? null);
    expect(after.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
  });
});
