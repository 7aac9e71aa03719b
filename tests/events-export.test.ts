// `govwatch export --after EVENT_ID`: the outbox as a resumable feed. Each line carries its event
// id; a consumer that passes the last id it printed gets exactly the events after it.
import { createDb, type Db, markMissing, storePage } from '@govwatch/db';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { redisUrl } from './helpers/test-queues.ts';
import { recordJob, seedSiteAndRuns } from './store-helpers.ts';
import { JIADING_2023, YICHUN_2022, YICHUN_2023 } from './store-texts.ts';

let database: TestDatabase;
let db: Db;
let env: Record<string, string>;
let runs: string[];
const SITE = 'ycgaj';
const url = (n: number) => `http://www.ycgaj.gov.cn/fzzfjs/t${n}.html`;
const job = (run: number, n: number, text: string, year: number) =>
  recordJob({
    runId: runs[run] as string,
    siteId: SITE,
    url: url(n),
    text,
    title: `宜春市公安局${year}年法治政府建设工作情况报告`,
    agency: '宜春市公安局',
    reportYear: year,
  });

const lines = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, LOG_LEVEL: 'silent' };
  runs = await seedSiteAndRuns(db.prisma, SITE, 6);
  await seedSiteAndRuns(db.prisma, 'jiading', 0);
  await storePage(db.prisma, job(0, 1, YICHUN_2023, 2023));
  await storePage(db.prisma, job(0, 2, YICHUN_2022, 2022));
  await storePage(db.prisma, job(1, 1, `${YICHUN_2023}\n宜春市公安局`, 2023));
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('export --after', () => {
  it('prints every event after the id, each with its id, and resumes from the last one printed', async () => {
    const all = lines((await runCli(['export', '--after', '0'], env)).stdout);
    expect(all.map((e) => e.type)).toEqual(['report.created', 'report.created', 'report.updated']);
    const ids = all.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    for (const e of all) {
      expect(Object.keys(e)).toEqual(['id', 'type', 'reportId', 'createdAt', 'payload']);
      expect(e.payload).toMatchObject({ siteId: SITE, reportId: e.reportId });
    }
    expect(all[2]?.payload).toMatchObject({ version: 2, previousVersion: 1 });

    // The consumer stops after the first two and comes back later; more has happened meanwhile.
    const lastSeen = all[1]?.id as string;
    await storePage(
      db.prisma,
      recordJob({
        runId: runs[2] as string,
        siteId: 'jiading',
        url: 'https://www.jiading.gov.cn/gaj/1.html',
        text: JIADING_2023,
        reportYear: 2023,
      }),
    );
    for (const r of [3, 4, 5]) await markMissing(db.prisma, SITE, [url(1)], runs[r] as string, 3);
    const resumed = lines((await runCli(['export', '--after', lastSeen], env)).stdout);
    expect(resumed.map((e) => e.type)).toEqual(['report.updated', 'report.created', 'report.removed']);
    expect(resumed[0]?.id).toBe(all[2]?.id);
    expect(resumed[2]?.payload).toMatchObject({ urls: [url(2)] });

    const last = resumed.at(-1)?.id as string;
    const nothing = await runCli(['export', '--after', last], env);
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toBe('');
  });

  it('writes events as CSV with a header row and the payload as JSON', async () => {
    const r = await runCli(['export', '--after', '0', '--format', 'csv'], env);
    expect(r.code).toBe(0);
    const [header, ...rows] = parse(r.stdout) as string[][];
    expect(header).toEqual(['id', 'type', 'reportId', 'createdAt', 'payload']);
    const events = await db.prisma.event.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => row[0])).toEqual(events.map((e) => e.id.toString()));
    expect(rows.map((row) => row[1])).toEqual(events.map((e) => e.type));
    expect(rows.map((row) => JSON.parse(row[4] as string))).toEqual(events.map((e) => e.payload));
    expect(rows.map((row) => row[3])).toEqual(events.map((e) => e.createdAt.toISOString()));
  });
});
