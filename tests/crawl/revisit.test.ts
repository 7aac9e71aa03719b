// The revisit policy end to end (crawl, extract and store workers in this process, real Redis and
// PostgreSQL, the fixture site): a second crawl leaves the known non-report pages unfetched until
// they come due, still fetches every report conditionally, and counts nothing missing.
import { createLogger, loadConfig } from '@govwatch/core';
import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import { createRuntime, type Runtime, requestCrawl, startWorker, waitForRun } from '@govwatch/pipeline';
import { parseSites, type Site } from '@govwatch/sites';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

const prefix = testPrefix();
let database: TestDatabase;
let fixture: FixtureSite;
let rt: Runtime;
let site: Site;
const workers: Worker[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await startFixtureSite();
  rt = createRuntime(
    loadConfig({ REDIS_URL: redisUrl, DATABASE_URL: database.url, GOVWATCH_QUEUE_PREFIX: prefix }),
    createLogger('silent'),
  );
  const [parsed] = parseSites(
    fixture.siteYaml({ only: ['fixture-main'], defaults: { requestsPerSecond: 50, maxConcurrency: 4 } }),
    'fixture',
  );
  if (!parsed) throw new Error('no fixture site');
  site = parsed;
  workers.push(startWorker('crawl', rt), startWorker('extract', rt), startWorker('store', rt));
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await rt?.close();
  await fixture?.close();
  await database?.drop();
  await dropPrefix(prefix);
});

async function crawl(crawled: Site = site) {
  fixture.clearLog();
  const { runId } = await requestCrawl(rt, crawled, 'cli');
  const summary = await waitForRun(rt, runId, { timeoutMs: 90_000 });
  expect(summary.status).toBe('finished');
  const requested = new Map(fixture.log.map((e) => [e.path, e]));
  return { summary, stats: summary.stats as Record<string, number>, requested };
}

const pathOf = (url: string) => new URL(url).pathname;
const pages = () => rt.db.prisma.page.findMany({ where: { siteId: site.id } });

describe('revisit policy (revisitNotReportsDays, default 7)', () => {
  it('skips known non-report pages until they come due, refetches reports conditionally, counts nothing missing', async () => {
    const first = await crawl();
    expect(site.revisitNotReportsDays).toBe(7);
    const notReports = (await pages()).filter((p) => p.status === 'notReport');
    const reports = (await pages()).filter((p) => p.status === 'ok');
    expect(notReports.length).toBeGreaterThan(0);
    expect(reports.length).toBeGreaterThan(0);
    for (const p of notReports) expect(first.requested.has(pathOf(p.url))).toBe(true);

    // The next night: the non-report pages are not due, the reports are asked for conditionally.
    const second = await crawl();
    expect(second.stats.notDue).toBe(notReports.length);
    for (const p of notReports) expect(second.requested.has(pathOf(p.url)), p.url).toBe(false);
    for (const p of reports) {
      const request = second.requested.get(pathOf(p.url));
      expect(request?.headers['if-none-match'], p.url).toBeTruthy();
      expect(request?.status).toBe(304);
    }
    expect(second.stats.notModified).toBe(reports.length);
    // Seen all the same: no page counted missing, no report removed.
    const after = await pages();
    expect(after.map((p) => [p.url, p.status, p.missCount]).sort()).toEqual(
      [...notReports, ...reports].map((p) => [p.url, p.status, 0]).sort(),
    );
    expect(await rt.db.prisma.report.count({ where: { siteId: site.id, status: 'active' } })).toBe(reports.length);

    // Eight days later (their last fetch moved back): every one is due, fetched conditionally.
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
    await rt.db.prisma.page.updateMany({
      where: { url: { in: notReports.map((p) => p.url) } },
      data: { lastFetchedAt: eightDaysAgo },
    });
    // Two requests a second: the crawl lasts seconds, so a check's time and the crawl's end differ.
    const third = await crawl({ ...site, requestsPerSecond: 2 });
    expect(third.stats.notDue).toBe(0);
    for (const p of notReports) {
      const request = third.requested.get(pathOf(p.url));
      expect(request?.headers['if-none-match'], p.url).toBeTruthy();
      expect(request?.status).toBe(304);
    }
    // A 304 never reaches the store: the crawl itself restarts their period, from the time of
    // that check (as the store records a fetch), not the crawl's end: a nightly crawl would
    // otherwise find a page due after P days not due until the night after.
    for (const p of (await pages()).filter((p) => p.status === 'notReport')) {
      const checkedAt = third.requested.get(pathOf(p.url))?.t ?? 0;
      expect(Math.abs((p.lastFetchedAt?.getTime() ?? 0) - checkedAt), p.url).toBeLessThan(1000);
    }
    const fourth = await crawl();
    expect(fourth.stats.notDue).toBe(notReports.length);
  });

  it('fetches every page every crawl with revisitNotReportsDays: 0', async () => {
    const everyCrawl = { ...site, revisitNotReportsDays: 0 };
    fixture.clearLog();
    const { runId } = await requestCrawl(rt, everyCrawl, 'cli');
    const summary = await waitForRun(rt, runId, { timeoutMs: 90_000 });
    expect((summary.stats as Record<string, number>).notDue).toBe(0);
    const requested = new Set(fixture.log.map((e) => e.path));
    for (const p of await pages()) expect(requested.has(pathOf(p.url)), p.url).toBe(true);
  });
});
