// Report search with its deferred index (packages/db/src/search-index.ts), against the real
// PostgreSQL: a stored report is found before the indexer reaches it and after; a new version
// answers with its own text at every moment, never with the text it replaced.
import {
  createDb,
  type Db,
  INDEXER_LOCK,
  indexPendingSearch,
  pendingSearchCount,
  searchReports,
  storePage,
} from '@govwatch/db';
import { metricsText, startSearchIndexer } from '@govwatch/pipeline';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { recordJob, seedSiteAndRuns } from './store-helpers.ts';
import { JIADING_2023, YICHUN_2022, YICHUN_2023 } from './store-texts.ts';

let database: TestDatabase;
let db: Db;
let runs: string[];
const SITE = 'ycgaj';
const OLD_PHRASE = '圆满完成各项任务目标';
const NEW_PHRASE = '全面完成年度考核指标';
const YICHUN_2023_REVISED = YICHUN_2023.replace(OLD_PHRASE, NEW_PHRASE);

const store = (run: number, url: string, text: string, reportYear: number) =>
  storePage(
    db.prisma,
    recordJob({
      runId: runs[run] as string,
      siteId: SITE,
      url,
      text,
      title: `宜春市公安局${reportYear}年法治政府建设工作情况报告`,
      agency: '宜春市公安局',
      reportYear,
    }),
  );
const found = async (q: string) => (await searchReports(db.prisma, { q, limit: 50 })).items.map((r) => r.id).sort();
const searchRows = () =>
  db.prisma.reportSearchText.findMany({ select: { reportId: true, version: true }, orderBy: { reportId: 'asc' } });

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  runs = await seedSiteAndRuns(db.prisma, SITE, 4);
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('report search with the deferred index', () => {
  let id23: string;
  let id22: string;

  it('finds a report the moment it is stored, and the same once indexed', async () => {
    expect(YICHUN_2022).not.toContain(OLD_PHRASE);
    id23 = (await store(0, 'http://www.ycgaj.gov.cn/fzzfjs/2024/t1.html', YICHUN_2023, 2023)).reportId as string;
    id22 = (await store(0, 'http://www.ycgaj.gov.cn/fzzfjs/2023/t1.html', YICHUN_2022, 2022)).reportId as string;
    expect(await pendingSearchCount(db.prisma)).toBe(2);
    expect(await searchRows()).toEqual([]);
    expect(await found(OLD_PHRASE)).toEqual([id23]);
    expect(await found('法治政府建设')).toEqual([id22, id23].sort());

    expect(await indexPendingSearch(db.prisma, 500)).toEqual({ indexed: 2, ran: true });
    expect(await pendingSearchCount(db.prisma)).toBe(0);
    expect((await searchRows()).map((r) => r.version)).toEqual([1, 1]);
    expect(await found(OLD_PHRASE)).toEqual([id23]);
    expect(await found('法治政府建设')).toEqual([id22, id23].sort());
    expect(await found('量子计算')).toEqual([]);
    expect(await indexPendingSearch(db.prisma, 500)).toEqual({ indexed: 0, ran: true });
  });

  it('answers with a new version’s text before and after indexing, never the replaced one', async () => {
    const v2 = await store(1, 'http://www.ycgaj.gov.cn/fzzfjs/2024/t1.html', YICHUN_2023_REVISED, 2023);
    expect(v2).toMatchObject({ reportId: id23, version: 2 });
    expect(await pendingSearchCount(db.prisma)).toBe(1);
    // The search table still holds version 1's text: the current text decides.
    expect(await found(OLD_PHRASE)).toEqual([]);
    expect(await found(NEW_PHRASE)).toEqual([id23]);

    expect(await indexPendingSearch(db.prisma, 500)).toEqual({ indexed: 1, ran: true });
    const row = await db.prisma.reportSearchText.findUniqueOrThrow({ where: { reportId: id23 } });
    expect(row.version).toBe(2);
    expect(row.text).toContain(NEW_PHRASE);
    expect(await found(OLD_PHRASE)).toEqual([]);
    expect(await found(NEW_PHRASE)).toEqual([id23]);
  });

  it('takes at most a batch at a time, and one indexer at a time', async () => {
    await store(2, 'http://www.jdgaj.gov.cn/fzzfjs/2024/t2.html', JIADING_2023, 2023);
    await store(2, 'http://www.ycgaj.gov.cn/fzzfjs/2024/t3.html', `${YICHUN_2022}\n附:2022年执法数据统计表`, 2022);
    expect(await pendingSearchCount(db.prisma)).toBe(2);

    // Another process indexing (its transaction holds the lock): this one skips its turn.
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1)', [INDEXER_LOCK]);
      expect(await indexPendingSearch(db.prisma, 500)).toEqual({ indexed: 0, ran: false });
      await other.query('COMMIT');
    } finally {
      await other.end();
    }

    expect(await indexPendingSearch(db.prisma, 1)).toEqual({ indexed: 1, ran: true });
    expect(await pendingSearchCount(db.prisma)).toBe(1);
    expect(await indexPendingSearch(db.prisma, 1)).toEqual({ indexed: 1, ran: true });
    expect(await pendingSearchCount(db.prisma)).toBe(0);
  });

  it('is kept up to date by the loop store workers run', async () => {
    const created = await store(
      3,
      'http://www.jdgaj.gov.cn/fzzfjs/2024/t4.html',
      `${JIADING_2023}\n补充:执法监督月报`,
      2024,
    );
    expect(await pendingSearchCount(db.prisma)).toBe(1);
    const indexer = startSearchIndexer({ db, log: pino({ level: 'silent' }) }, 50);
    try {
      await expect.poll(() => pendingSearchCount(db.prisma), { timeout: 10_000 }).toBe(0);
    } finally {
      await indexer.stop();
    }
    expect(
      (await db.prisma.reportSearchText.findUniqueOrThrow({ where: { reportId: created.reportId as string } })).text,
    ).toContain('执法监督月报');
    const metrics = (await metricsText()).body;
    expect(metrics).toMatch(/^govwatch_search_indexed_total [1-9]/m);
    expect(metrics).toMatch(/^govwatch_search_pending_reports 0$/m);
  });
});
