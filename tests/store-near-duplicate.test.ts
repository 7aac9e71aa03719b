// Evidence for NEAR_DUPLICATE_MAX_DISTANCE: republished copies of one report sit a few bits apart,
// different reports — even one agency's reports of consecutive years, outline and set phrases
// shared — sit far beyond the threshold. The second half stores them and counts the reports.
import {
  createDb,
  type Db,
  hammingDistance,
  NEAR_DUPLICATE_MAX_DISTANCE,
  NEAR_DUPLICATE_MIN_JACCARD,
  shingleJaccard,
  simhash,
  storePage,
} from '@govwatch/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { recordJob, republished, seedSiteAndRuns } from './store-helpers.ts';
import { JIADING_2023, YICHUN_2022, YICHUN_2023 } from './store-texts.ts';

const toHalfWidth = (t: string) =>
  t
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[“”]/g, '"')
    .replace(/、/g, ',')
    .replace(/。/g, '.');
const reflowed = (t: string) =>
  t
    .split('\n')
    .map((p) => `\u3000\u3000${p.replace(/,/g, ', ')}`)
    .join('\n\n');
const newHeader = (title: string) => (t: string) =>
  `${title}\n发布日期:2024-01-15 来源:市政府办公室 浏览次数:562 【字体:大 中 小】\n${t.split('\n').slice(0, -2).join('\n')}\n分享到: 【打印】 【关闭】`;

const VARIANTS: Record<string, (t: string) => string> = {
  whitespace: reflowed,
  'punctuation width': toHalfWidth,
  'header and footer': newHeader('宜春市公安局2023年法治政府建设工作情况报告'),
  'other site template': republished,
  'all of them': (t) => newHeader('关于2023年法治政府建设情况的报告')(reflowed(toHalfWidth(t))),
};

const fp = (t: string) => {
  const h = simhash(t);
  if (h === null) throw new Error('text too short for a fingerprint');
  return h;
};

describe('near-duplicate threshold', () => {
  it('keeps republished copies within it and different reports far beyond it', () => {
    const table: string[] = [];
    for (const [name, text] of Object.entries({ YICHUN_2023, YICHUN_2022, JIADING_2023 })) {
      for (const [variant, make] of Object.entries(VARIANTS)) {
        const copy = make(text);
        const d = hammingDistance(fp(text), fp(copy));
        const j = shingleJaccard(text, copy);
        table.push(`${name} vs ${variant}: ${d} bits, Jaccard ${j.toFixed(3)}`);
        // Both stages pass with room to spare.
        expect(d, `${name} / ${variant}`).toBeLessThanOrEqual(NEAR_DUPLICATE_MAX_DISTANCE - 3);
        expect(j, `${name} / ${variant}`).toBeGreaterThanOrEqual(NEAR_DUPLICATE_MIN_JACCARD + 0.05);
      }
    }
    const pairs: Array<[string, string, string]> = [
      ['YICHUN_2023 vs YICHUN_2022 (same agency, consecutive years)', YICHUN_2023, YICHUN_2022],
      ['YICHUN_2023 vs JIADING_2023 (same year, other agency)', YICHUN_2023, JIADING_2023],
      ['YICHUN_2022 vs JIADING_2023', YICHUN_2022, JIADING_2023],
    ];
    for (const [name, a, b] of pairs) {
      const d = hammingDistance(fp(a), fp(b));
      const j = shingleJaccard(a, b);
      table.push(`${name}: ${d} bits, Jaccard ${j.toFixed(3)}`);
      // Either stage alone keeps them apart, with a wide margin.
      expect(d, name).toBeGreaterThan(NEAR_DUPLICATE_MAX_DISTANCE + 6);
      expect(j, name).toBeLessThan(NEAR_DUPLICATE_MIN_JACCARD / 3);
    }
    const a = YICHUN_2023;
    const quarterReplaced = a.slice(0, (a.length * 3) / 4) + YICHUN_2022.slice((YICHUN_2022.length * 3) / 4);
    const jq = shingleJaccard(a, quarterReplaced);
    table.push(
      `YICHUN_2023 vs a quarter replaced: ${hammingDistance(fp(a), fp(quarterReplaced))} bits, Jaccard ${jq.toFixed(3)}`,
    );
    expect(jq).toBeLessThan(NEAR_DUPLICATE_MIN_JACCARD);
    console.info(
      `near-duplicate evidence (SimHash ≤ ${NEAR_DUPLICATE_MAX_DISTANCE} bits, then Jaccard ≥ ${NEAR_DUPLICATE_MIN_JACCARD}):\n  ${table.join('\n  ')}`,
    );
  });
});

describe('near-duplicates in the store', () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb(database.url);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('stores one report for every republished copy and a second one for the year before', async () => {
    const sites = ['ycgaj', 'ycgov', 'jxgaj', 'ycrd', 'ycsf', 'ycfz'];
    const runIds: string[] = [];
    for (const site of sites) runIds.push(...(await seedSiteAndRuns(db.prisma, site, 1)));
    const job = (i: number, text: string, extra: Partial<Parameters<typeof recordJob>[0]> = {}) =>
      recordJob({
        runId: runIds[i] as string,
        siteId: sites[i] as string,
        url: `http://www.${sites[i]}.gov.cn/fzzfjs/2024/report.html`,
        text,
        title: '宜春市公安局2023年法治政府建设工作情况报告',
        agency: '宜春市公安局',
        reportYear: 2023,
        ...extra,
      });

    const original = await storePage(db.prisma, job(0, YICHUN_2023));
    expect(original.outcome).toBe('created');
    const copies = Object.values(VARIANTS).slice(1);
    for (const [k, make] of copies.entries()) {
      // Other sites name the report their own way and do not always state agency or year.
      const result = await storePage(
        db.prisma,
        job(k + 1, make(YICHUN_2023), { title: `转发:${k}号 法治政府建设情况`, agency: null, reportYear: null }),
      );
      expect(result, Object.keys(VARIANTS)[k + 1]).toMatchObject({ outcome: 'duplicate', reportId: original.reportId });
    }

    // The year before, with nothing but its text to go on (no agency, year or title to compare).
    const previous = await storePage(
      db.prisma,
      job(0, YICHUN_2022, {
        url: 'http://www.ycgaj.gov.cn/fzzfjs/2023/report.html',
        title: null,
        agency: null,
        reportYear: null,
      }),
    );
    expect(previous.outcome).toBe('created');

    expect(await db.prisma.report.count()).toBe(2);
    const urls = await db.prisma.reportUrl.findMany({ where: { reportId: original.reportId as string } });
    expect(urls).toHaveLength(copies.length + 1);
  });

  it("keeps another agency's report apart even when it reuses the wording", async () => {
    const [runId] = await seedSiteAndRuns(db.prisma, 'wzgaj', 1);
    // One office's report copied by another, names swapped: near-identical text, other issuer.
    const copied = YICHUN_2023.replaceAll('宜春', '萍乡');
    expect(shingleJaccard(YICHUN_2023, copied)).toBeGreaterThan(NEAR_DUPLICATE_MIN_JACCARD);
    const result = await storePage(
      db.prisma,
      recordJob({
        runId: runId as string,
        siteId: 'wzgaj',
        url: 'http://www.pxgaj.gov.cn/fzzfjs/2024/report.html',
        text: copied,
        title: '萍乡市公安局2023年法治政府建设工作情况报告',
        agency: '萍乡市公安局',
        reportYear: 2023,
      }),
    );
    expect(result.outcome).toBe('created');
  });
});

describe('near-duplicates stored by four concurrent store workers', () => {
  let database: TestDatabase;
  const dbs: Db[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 4; i++) dbs.push(createDb(database.url));
  });
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.close()));
    await database?.drop();
  });

  it('makes one report per original, whatever order the copies arrive in, and nothing on a second pass', async () => {
    const prisma = (dbs[0] as Db).prisma;
    const sites = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6'];
    const groups = [
      { name: 'yichun-2023', text: YICHUN_2023, agency: '宜春市公安局', reportYear: 2023 },
      { name: 'yichun-2022', text: YICHUN_2022, agency: '宜春市公安局', reportYear: 2022 },
      { name: 'jiading-2023', text: JIADING_2023, agency: '上海市公安局嘉定分局', reportYear: 2023 },
    ];
    const pass = async (round: number) => {
      const runs: Record<string, string> = {};
      for (const site of sites) runs[site] = (await seedSiteAndRuns(prisma, site, 1))[0] as string;
      const jobs: { group: string; job: ReturnType<typeof recordJob> }[] = [];
      for (const g of groups) {
        // The original and every republished variant, each on its own site.
        for (const [i, make] of [(t: string) => t, ...Object.values(VARIANTS)].entries()) {
          const site = sites[i] as string;
          const title = `${g.agency}${g.reportYear}年法治政府建设工作情况报告`;
          const url = `http://www.${site}.gov.cn/fzzfjs/${g.name}.html`;
          jobs.push({
            group: g.name,
            job: recordJob({
              runId: runs[site] as string,
              siteId: site,
              url,
              text: make(g.text),
              title,
              agency: g.agency,
              reportYear: g.reportYear,
            }),
          });
        }
      }
      // A copy whose agency and year the extractor missed: it may match any agency's report.
      const url = 'http://www.c6.gov.cn/fzzfjs/copy.html';
      jobs.push({
        group: 'yichun-2023',
        job: recordJob({ runId: runs.c6 as string, siteId: 'c6', url, text: republished(YICHUN_2023), title: null }),
      });
      // A fixed shuffle, different each pass, so copies of one report race each other.
      const order = jobs
        .map((j, i) => ({ j, k: (i * 7919 + round * 104729) % 101 }))
        .sort((a, b) => a.k - b.k)
        .map((x) => x.j);
      const queue = [...order];
      const outcomes: string[] = [];
      await Promise.all(
        dbs.map(async (db) => {
          for (let next = queue.shift(); next; next = queue.shift())
            outcomes.push((await storePage(db.prisma, next.job)).outcome);
        }),
      );
      return { jobs, outcomes };
    };

    const first = await pass(0);
    expect(first.outcomes.filter((o) => o === 'created')).toHaveLength(groups.length);
    const reports = await prisma.report.findMany({ include: { versions: true, urls: true } });
    expect(reports).toHaveLength(groups.length);
    for (const r of reports) expect(r.versions, `report ${r.canonicalUrl}`).toHaveLength(1);
    // Every copy's URL joined the report of its own original.
    const reportOfUrl = new Map(reports.flatMap((r) => r.urls.map((u) => [u.url, r.id] as const)));
    for (const g of groups) {
      const ids = new Set(first.jobs.filter((j) => j.group === g.name).map((j) => reportOfUrl.get(j.job.fetchUrl)));
      expect(ids.size, g.name).toBe(1);
      expect(ids.has(undefined), g.name).toBe(false);
    }
    expect(await prisma.event.count({ where: { type: 'report.created' } })).toBe(groups.length);

    const second = await pass(1);
    expect(
      second.outcomes.every((o) => o === 'unchanged' || o === 'duplicate'),
      second.outcomes.join(','),
    ).toBe(true);
    expect(await prisma.report.count()).toBe(groups.length);
    expect(await prisma.reportVersion.count()).toBe(groups.length);
    expect(await prisma.event.count()).toBe(groups.length);
  });
});
