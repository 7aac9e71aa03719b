// storePage against the real PostgreSQL: identity (URL, alias, hash, moved page, near-duplicate),
// versions, outbox events, run outcomes, raw snapshots, idempotence and concurrency.
import { gunzipSync } from 'node:zlib';
import { createDb, type Db, isRetryableConflict, storePage } from '@govwatch/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { failedJob, recordJob, republished, seedSiteAndRuns } from './store-helpers.ts';
import { JIADING_2023, YICHUN_2022, YICHUN_2023 } from './store-texts.ts';

let database: TestDatabase;
let db: Db;
let runs: string[];
const SITE = 'yichun-gaj';
const OTHER = 'yichun-gov';
const URL_2023 = 'http://www.yichun.gov.cn/ycsgaj/fzzfjs/202401/t20240110_5512.html';

const yichun2023 = (runId: string, overrides: Partial<Parameters<typeof recordJob>[0]> = {}) =>
  recordJob({
    runId,
    siteId: SITE,
    url: URL_2023,
    text: YICHUN_2023,
    title: '宜春市公安局2023年法治政府建设工作情况报告',
    agency: '宜春市公安局',
    reportYear: 2023,
    publishedAt: '2024-01-10',
    ...overrides,
  });

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url);
  runs = await seedSiteAndRuns(db.prisma, SITE, 8);
  await seedSiteAndRuns(db.prisma, OTHER, 0);
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const run = (i: number) => {
  const id = runs[i];
  if (!id) throw new Error(`no run ${i}`);
  return id;
};

describe('storePage', () => {
  let reportId: string;

  it('creates a report, its first version, its URL, an event, the run outcome and the raw snapshot', async () => {
    const job = yichun2023(run(0), { etag: '"abc"' });
    const result = await storePage(db.prisma, job);
    expect(result).toMatchObject({ outcome: 'created', version: 1 });
    reportId = result.reportId as string;

    const report = await db.prisma.report.findUniqueOrThrow({
      where: { id: reportId },
      include: { versions: true, urls: true },
    });
    expect(report).toMatchObject({
      siteId: SITE,
      canonicalUrl: URL_2023,
      title: '宜春市公安局2023年法治政府建设工作情况报告',
      agency: '宜春市公安局',
      reportYear: 2023,
      currentVersion: 1,
      status: 'active',
      contentHash: job.record.contentHash,
    });
    expect(report.simhash).not.toBeNull();
    expect(report.versions).toHaveLength(1);
    expect(report.versions[0]).toMatchObject({
      version: 1,
      text: YICHUN_2023,
      crawlRunId: run(0),
      rawSha256: job.rawSha256,
    });
    expect(report.urls.map((u) => [u.url, u.kind])).toEqual([[URL_2023, 'primary']]);

    const events = await db.prisma.event.findMany({ where: { reportId } });
    expect(events.map((e) => e.type)).toEqual(['report.created']);

    const page = await db.prisma.page.findUniqueOrThrow({ where: { url: URL_2023 } });
    expect(page).toMatchObject({ status: 'ok', reportId, etag: '"abc"', lastRawSha256: job.rawSha256, missCount: 0 });

    const outcome = await db.prisma.crawlRunPage.findUniqueOrThrow({
      where: { runId_url: { runId: run(0), url: URL_2023 } },
    });
    expect(outcome).toMatchObject({ outcome: 'created', reportId });

    const snapshot = await db.prisma.rawSnapshot.findUniqueOrThrow({ where: { sha256: job.rawSha256 } });
    expect(gunzipSync(snapshot.content).toString('utf8')).toContain('放管服');
    expect(snapshot.size).toBe(gunzipSync(Buffer.from(job.bodyGzipBase64, 'base64')).length);
  });

  it('replays a retried job without a second version, event or outcome', async () => {
    const result = await storePage(db.prisma, yichun2023(run(0)));
    expect(result).toEqual({ outcome: 'created', reportId, replayed: true });
    expect(await db.prisma.reportVersion.count({ where: { reportId } })).toBe(1);
    expect(await db.prisma.event.count({ where: { reportId } })).toBe(1);
    expect(await db.prisma.crawlRunPage.count({ where: { runId: run(0) } })).toBe(1);
  });

  it('keeps the same content unchanged, moves lastSeenAt, and reads the URL through canonicalUrl', async () => {
    const before = await db.prisma.page.findUniqueOrThrow({ where: { url: URL_2023 } });
    const messy =
      URL_2023.replace('http://www.yichun.gov.cn', 'HTTP://WWW.YICHUN.GOV.CN:80') +
      '?from=timeline&isappinstalled=0#p2';
    const result = await storePage(db.prisma, yichun2023(run(1), { url: messy }));
    expect(result).toMatchObject({ outcome: 'unchanged', reportId, version: 1 });
    const after = await db.prisma.page.findUniqueOrThrow({ where: { url: URL_2023 } });
    expect(after.lastSeenAt.getTime()).toBeGreaterThan(before.lastSeenAt.getTime());
    expect(after.lastChangedAt?.getTime()).toBe(before.lastChangedAt?.getTime());
    expect(await db.prisma.page.count()).toBe(1);
    expect(await db.prisma.event.count({ where: { reportId } })).toBe(1);
  });

  it('stores a changed text as a new version with a report.updated event', async () => {
    const revised = YICHUN_2023.replace('通报51期', '通报52期').replace(
      '专此报告。',
      '专此报告。\n(2024年1月12日更正)',
    );
    const result = await storePage(db.prisma, yichun2023(run(2), { text: revised }));
    expect(result).toMatchObject({ outcome: 'updated', reportId, version: 2 });
    const report = await db.prisma.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(report.currentVersion).toBe(2);
    const events = await db.prisma.event.findMany({ where: { reportId }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['report.created', 'report.updated']);
    expect(events[1]?.payload).toMatchObject({ version: 2, previousVersion: 1 });
  });

  it('takes a text equal to an older version as unchanged (no flapping versions)', async () => {
    const result = await storePage(db.prisma, yichun2023(run(3)));
    expect(result).toMatchObject({ outcome: 'unchanged', reportId, version: 1 });
    expect(await db.prisma.reportVersion.count({ where: { reportId } })).toBe(2);
  });

  it('links the same content at another URL as an alias (exact hash), whatever its spacing', async () => {
    const url = 'http://www.yichun.gov.cn/zwgk/fdzdgknr/fzzfjs/art_2024_88.html';
    const spaced = YICHUN_2023.split('\n')
      .map((p) => `\u3000\u3000${p.replace(/,/g, '，')}`)
      .join('\n\n');
    const result = await storePage(db.prisma, yichun2023(run(3), { siteId: OTHER, url, text: spaced }));
    expect(result).toMatchObject({ outcome: 'unchanged', reportId });
    const alias = await db.prisma.reportUrl.findUniqueOrThrow({ where: { url } });
    expect(alias).toMatchObject({ reportId, kind: 'hash' });
    expect(await db.prisma.report.count()).toBe(1);
  });

  it('links a republished copy with another header as a near-duplicate, and it stays one', async () => {
    const url = 'http://www.yichun.gov.cn/art/2024/1/15/art_12_99.html';
    const copy = republished(YICHUN_2023);
    const first = await storePage(
      db.prisma,
      yichun2023(run(4), { siteId: OTHER, url, text: copy, title: '宜春市公安局2023年法治政府建设情况' }),
    );
    expect(first).toMatchObject({ outcome: 'duplicate', reportId });
    expect(await db.prisma.reportUrl.findUniqueOrThrow({ where: { url } })).toMatchObject({ kind: 'duplicate' });

    const again = await storePage(db.prisma, yichun2023(run(5), { siteId: OTHER, url, text: copy }));
    expect(again).toMatchObject({ outcome: 'unchanged', reportId });

    const rechromed = await storePage(
      db.prisma,
      yichun2023(run(6), {
        siteId: OTHER,
        url,
        text: copy.replace('浏览次数:1234', '浏览次数:1301 【字号:大 中 小】'),
      }),
    );
    expect(rechromed).toMatchObject({ outcome: 'duplicate', reportId });
    expect(await db.prisma.report.count()).toBe(1);
    expect(await db.prisma.reportVersion.count({ where: { reportId } })).toBe(2);
  });

  it('follows a moved page by agency + year + title', async () => {
    const url = 'http://www.yichun.gov.cn/ycsgaj/xxgk/fzzfjs/202402/t20240201_6001.html';
    const extended = `${YICHUN_2023}\n附:2023年度行政执法数据统计\n${YICHUN_2022.slice(0, 900)}`;
    const result = await storePage(db.prisma, yichun2023(run(6), { url, text: extended }));
    expect(result).toMatchObject({ outcome: 'updated', reportId, version: 3 });
    expect(await db.prisma.reportUrl.findUniqueOrThrow({ where: { url } })).toMatchObject({ kind: 'moved' });
    expect(await db.prisma.report.count()).toBe(1);
  });

  it("keeps the same agency's report of the year before apart", async () => {
    const result = await storePage(
      db.prisma,
      recordJob({
        runId: run(6),
        siteId: SITE,
        url: 'http://www.yichun.gov.cn/ycsgaj/fzzfjs/202301/t20230110_4410.html',
        text: YICHUN_2022,
        title: '宜春市公安局2022年法治政府建设工作情况报告',
        agency: '宜春市公安局',
        reportYear: 2022,
      }),
    );
    expect(result.outcome).toBe('created');
    expect(result.reportId).not.toBe(reportId);
  });

  it('records a page that is no report as notReport, and a failure with its reason', async () => {
    const newsUrl = 'http://www.yichun.gov.cn/ycsgaj/gzdt/202401/t20240111_5520.html';
    const news = await storePage(
      db.prisma,
      recordJob({
        runId: run(6),
        siteId: SITE,
        url: newsUrl,
        text: '市公安局召开法治政府建设工作推进会。',
        isReport: false,
      }),
    );
    expect(news).toEqual({ outcome: 'notReport' });
    expect(await db.prisma.page.findUniqueOrThrow({ where: { url: newsUrl } })).toMatchObject({
      status: 'notReport',
      reportId: null,
    });

    const failed = await storePage(db.prisma, failedJob(run(6), SITE, URL_2023, 'HTTP 503 after 3 attempts'));
    expect(failed).toEqual({ outcome: 'failed' });
    const page = await db.prisma.page.findUniqueOrThrow({ where: { url: URL_2023 } });
    expect(page).toMatchObject({ status: 'failed', failReason: 'HTTP 503 after 3 attempts', etag: null, reportId });
    expect(
      await db.prisma.crawlRunPage.findUniqueOrThrow({ where: { runId_url: { runId: run(6), url: URL_2023 } } }),
    ).toMatchObject({ outcome: 'failed', reason: 'HTTP 503 after 3 attempts' });
  });

  it('rejects a body whose sha256 is not the one announced', async () => {
    const job = yichun2023(run(7), { url: 'http://www.yichun.gov.cn/x.html' });
    await expect(storePage(db.prisma, { ...job, rawSha256: '0'.repeat(64) })).rejects.toThrow(/rawSha256/);
  });
});

describe('pages that are no report (one statement, no transaction)', () => {
  it('replays a retried job unchanged, keeps what a failure must not forget, and records racing duplicates once', async () => {
    const site = 'plain-pages';
    const [r1, r2, r3] = await seedSiteAndRuns(db.prisma, site, 3);
    if (!r1 || !r2 || !r3) throw new Error('runs');
    const url = 'http://www.yichun.gov.cn/ycsgaj/tzgg/202401/t20240112_5530.html';
    const notice = recordJob({
      runId: r1,
      siteId: site,
      url,
      text: '关于开展冬季消防安全检查的通知',
      isReport: false,
      etag: '"a1"',
    });
    expect(await storePage(db.prisma, notice)).toEqual({ outcome: 'notReport' });
    const first = await db.prisma.page.findUniqueOrThrow({ where: { url } });
    expect(first).toMatchObject({ status: 'notReport', etag: '"a1"', lastRawSha256: notice.rawSha256 });
    expect(await db.prisma.rawSnapshot.count({ where: { sha256: notice.rawSha256 } })).toBe(1);

    // The same job again, and a failure of the same page in the same run: both replay the first outcome.
    expect(await storePage(db.prisma, notice)).toEqual({ outcome: 'notReport', replayed: true });
    expect(await storePage(db.prisma, failedJob(r1, site, url, 'HTTP 503'))).toEqual({
      outcome: 'notReport',
      replayed: true,
    });
    expect(await db.prisma.page.findUniqueOrThrow({ where: { url } })).toEqual(first);

    // A failure in the next run forgets the validators but keeps the content hash and the last body.
    expect(await storePage(db.prisma, failedJob(r2, site, url, 'HTTP 503'))).toEqual({ outcome: 'failed' });
    expect(await db.prisma.page.findUniqueOrThrow({ where: { url } })).toMatchObject({
      status: 'failed',
      failReason: 'HTTP 503',
      etag: null,
      lastContentHash: first.lastContentHash,
      lastRawSha256: notice.rawSha256,
      firstSeenAt: first.firstSeenAt,
      lastChangedAt: first.lastChangedAt,
    });

    // The same job delivered four times at once: one outcome row, one first store, the rest replays.
    const again = { ...notice, runId: r3 };
    const results = await Promise.all(Array.from({ length: 4 }, () => storePage(db.prisma, again)));
    expect(results.filter((r) => !r.replayed)).toEqual([{ outcome: 'notReport' }]);
    expect(await db.prisma.crawlRunPage.count({ where: { url } })).toBe(3);
    expect(await db.prisma.page.findUniqueOrThrow({ where: { url } })).toMatchObject({
      status: 'notReport',
      failReason: null,
      etag: '"a1"',
    });
  });
});

describe('storePage under concurrency', () => {
  it('four concurrent workers with duplicate and conflicting jobs make one report and one version per content', async () => {
    const site = 'jiading-gaj';
    const [r1, r2] = await seedSiteAndRuns(db.prisma, site, 2);
    if (!r1 || !r2) throw new Error('runs');
    const url = 'https://www.jiading.gov.cn/gaj/fzzfjs/content_912.html';
    const base = {
      siteId: site,
      title: '嘉定公安分局2023年法治政府建设情况',
      agency: '上海市公安局嘉定分局',
      reportYear: 2023,
    };
    const revised = JIADING_2023.replace('9000余处', '9100余处');
    for (let round = 0; round < 3; round++) {
      const jobs = [
        recordJob({ ...base, runId: r1, url, text: JIADING_2023 }),
        recordJob({ ...base, runId: r1, url, text: JIADING_2023 }), // the same job delivered twice
        recordJob({ ...base, runId: r1, url: `${url}?from=groupmessage`, text: JIADING_2023 }),
        recordJob({ ...base, runId: r2, url: 'https://www.jiading.gov.cn/gaj/fzzfjs/', recordUrl: url, text: revised }),
        recordJob({ ...base, runId: r2, url: 'https://www.jiading.gov.cn/fzzf/c_912.html', text: revised }),
        recordJob({
          ...base,
          runId: r2,
          url: 'https://gaj.sh.gov.cn/jd/c_912.html',
          text: `\u3000\u3000${JIADING_2023}`,
        }),
      ];
      // Four workers drain the burst.
      const queue = [...jobs];
      const outcomes: string[] = []; // first-time outcomes (replays repeat the recorded one)
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let job = queue.shift(); job; job = queue.shift()) {
            const result = await storePage(db.prisma, job);
            if (!result.replayed) outcomes.push(result.outcome);
          }
        }),
      );
      const reports = await db.prisma.report.findMany({ where: { siteId: site }, include: { versions: true } });
      expect(reports).toHaveLength(1);
      const hashes = reports[0]?.versions.map((v) => v.contentHash).sort();
      expect(hashes).toEqual([jobs[0]?.record.contentHash, jobs[3]?.record.contentHash].sort());
      expect(await db.prisma.event.count({ where: { reportId: reports[0]?.id, type: 'report.created' } })).toBe(1);
      expect(outcomes.filter((o) => o === 'created').length).toBe(round === 0 ? 1 : 0);
      // One outcome per (run, canonical URL): r1 saw one page (three spellings), r2 three.
      expect(await db.prisma.crawlRunPage.count({ where: { runId: { in: [r1, r2] } } })).toBe(4);
    }
  });
});

describe('isRetryableConflict', () => {
  it('recognizes the unique violations PostgreSQL raises through Prisma, and nothing else', async () => {
    const url = 'http://www.yichun.gov.cn/conflict.html';
    const report = await db.prisma.report.findFirstOrThrow();
    await db.prisma.reportUrl.create({ data: { url, reportId: report.id } });
    const viaModel = await db.prisma.reportUrl.create({ data: { url, reportId: report.id } }).catch((e: unknown) => e);
    expect(isRetryableConflict(viaModel)).toBe(true);
    const viaRaw = await db.prisma
      .$executeRaw`INSERT INTO "ReportUrl" (url, "reportId") VALUES (${url}, ${report.id})`.catch((e: unknown) => e);
    expect(isRetryableConflict(viaRaw)).toBe(true);
    const missingRun = await db.prisma.crawlRunPage
      .create({ data: { runId: 'no-such-run', url, outcome: 'created' } })
      .catch((e: unknown) => e);
    expect(missingRun).toBeInstanceOf(Error);
    expect(isRetryableConflict(missingRun)).toBe(false);
    expect(isRetryableConflict(new Error('connection refused'))).toBe(false);
  });
});
