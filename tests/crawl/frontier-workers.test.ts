// The durable frontier with real crawl worker processes (issue 16): a crawl worker SIGKILLed twice
// mid-crawl is replaced and the run carries on from where it stopped, and one run split across two
// crawl workers fetches no page twice. Pages fetched are counted from the fixture site's own
// request log; extract and store run in this process.
import { type ChildProcess, spawn } from 'node:child_process';
import { createLogger, loadConfig } from '@govwatch/core';
import { upsertSites } from '@govwatch/db';
import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import { createRuntime, type Runtime, requestCrawl, startWorker, waitForRun } from '@govwatch/pipeline';
import { parseSites, type Site } from '@govwatch/sites';
import type { Worker } from 'bullmq';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliArgv, repoRoot, userEnv } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

const REPORT_PATH = /\/t\d{8}_\d+\.html$/;
const LEASE_MS = 1500; // a dead worker's leases and crawl job come back within seconds
const SLOT_TTL_MS = 1500; // and its host concurrency slots (held 90 s each kill before they were renewed)

let fixture: FixtureSite;
let database: TestDatabase;
let rt: Runtime;
const prefix = testPrefix();
const pageWorkers: Worker[] = [];
const crawlWorkers: ChildProcess[] = [];
const env = () =>
  userEnv({
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    GOVWATCH_QUEUE_PREFIX: prefix,
    GOVWATCH_ALLOW_PRIVATE: '1',
    GOVWATCH_CRAWL_LEASE_MS: String(LEASE_MS),
    GOVWATCH_HOST_SLOT_TTL_MS: String(SLOT_TTL_MS),
    GOVWATCH_CRAWL_CONCURRENCY: '1',
    LOG_LEVEL: 'info',
  });

// Each test has its own database and fixture site: the same pages on another site would be the
// same reports to the store.
beforeEach(async () => {
  database = await createTestDatabase();
  rt = createRuntime(
    loadConfig({ REDIS_URL: redisUrl, DATABASE_URL: database.url, GOVWATCH_QUEUE_PREFIX: prefix }),
    createLogger('silent'),
  );
  pageWorkers.push(startWorker('extract', rt), startWorker('store', rt));
  fixture = await startFixtureSite({ reportCount: 60, latencyMs: 20 });
});
afterEach(async () => {
  for (const w of crawlWorkers.splice(0)) w.kill('SIGKILL');
  await Promise.all(pageWorkers.splice(0).map((w) => w.close()));
  await rt?.close();
  await fixture?.close();
  await database?.drop();
});
afterAll(async () => {
  await dropPrefix(prefix);
});

function siteOf(id: string, extra: Record<string, unknown> = {}): Site {
  const yaml = fixture.siteYaml({
    only: ['fixture-main'],
    defaults: { requestsPerSecond: 15, maxPages: 5000, ...extra },
    overrides: { 'fixture-main': { id } },
  });
  const site = parseSites(yaml, 'fixture')[0];
  if (!site) throw new Error('no fixture-main site');
  return site;
}

/** A `govwatch worker crawl` process; its log lines collected. */
function crawlWorker(): { child: ChildProcess; log: string[] } {
  const child = spawn(process.execPath, cliArgv(['worker', 'crawl']), { cwd: repoRoot, env: env() });
  const log: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => log.push(...chunk.toString().split('\n')));
  crawlWorkers.push(child);
  return { child, log };
}

const until = async (what: string, check: () => boolean, timeoutMs = 120_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Requests of the crawl by page (robots.txt aside): how often each was fetched. */
function fetchesByPage(): Map<string, number> {
  const hits = new Map<string, number>();
  for (const e of fixture.log) {
    if (e.path === '/robots.txt') continue;
    const page = `${e.method} ${e.path}`;
    hits.set(page, (hits.get(page) ?? 0) + 1);
  }
  return hits;
}
const twice = (hits: Map<string, number>) => [...hits].filter(([, n]) => n > 1).map(([page]) => page);
const reportFetches = () => fixture.log.filter((e) => REPORT_PATH.test(e.path)).length;

async function storedOnce(siteId: string) {
  const expected = fixture.reports.filter((r) => r.siteId === 'fixture-main').map((r) => r.title);
  const reports = await rt.db.prisma.report.findMany({
    where: { siteId },
    select: { title: true, _count: { select: { versions: true } } },
  });
  expect(reports.map((r) => r.title).sort()).toEqual([...expected].sort());
  expect(reports.every((r) => r._count.versions === 1)).toBe(true);
}

describe('the crawl frontier survives its crawl workers', () => {
  it('carries on after the crawl worker is SIGKILLed twice, fetching again only what was in flight', async () => {
    const site = siteOf('frontier-kill');
    await upsertSites(rt.db.prisma, [{ id: site.id, name: site.name, config: site }]);
    let worker = crawlWorker();
    const { runId } = await requestCrawl(rt, site, 'cli');
    const reports = fixture.reports.filter((r) => r.siteId === 'fixture-main').length;
    for (const share of [0.25, 0.6]) {
      // (before the frontier, each kill held the crawl up for its job lock, 2 minutes: hence the wait)
      await until(`${share * 100} % of the report pages fetched`, () => reportFetches() >= reports * share, 300_000);
      worker.child.kill('SIGKILL');
      worker = crawlWorker();
    }
    const summary = await waitForRun(rt, runId, { timeoutMs: 600_000, pollMs: 200 });
    expect(summary.status).toBe('finished');
    await storedOnce(site.id);
    const hits = fetchesByPage();
    // A request in flight at a kill may be fetched again: at most maxConcurrency per kill.
    const again = twice(hits);
    console.log(`SIGKILL twice: ${hits.size} pages, fetched twice: ${again.length} ${again.join(', ')}`);
    expect(again.length).toBeLessThanOrEqual(2 * site.maxConcurrency);
    // The run's figures count each page once, however often a worker died: a page fetched again
    // after a kill was counted by the worker that completed it only.
    const stats = summary.stats as { pagesFetched: number; listPagesFetched: number; pagesQueued: number };
    expect(stats.pagesFetched).toBe(hits.size);
    expect(stats.listPagesFetched + stats.pagesQueued).toBe(hits.size);
    expect(stats.pagesQueued).toBe(summary.pagesSettled);
  }, 900_000);

  it('splits one run across two crawl workers without fetching any page twice, with exact counts', async () => {
    const site = siteOf('frontier-shards', { crawlShards: 2 });
    expect(site.crawlShards).toBe(2);
    await upsertSites(rt.db.prisma, [{ id: site.id, name: site.name, config: site }]);
    const workers = [crawlWorker(), crawlWorker()]; // one crawl job each (GOVWATCH_CRAWL_CONCURRENCY 1)
    const { runId } = await requestCrawl(rt, site, 'cli');
    const summary = await waitForRun(rt, runId, { timeoutMs: 120_000, pollMs: 200 });
    expect(summary.status).toBe('finished');
    await storedOnce(site.id);
    const hits = fetchesByPage();
    expect(twice(hits)).toEqual([]);
    const fetched = [...hits.values()].reduce((a, b) => a + b, 0);
    const stats = summary.stats as { pagesFetched: number; listPagesFetched: number; pagesQueued: number };
    expect(stats.pagesFetched).toBe(fetched);
    expect(stats.listPagesFetched + stats.pagesQueued).toBe(fetched);
    expect(stats.pagesQueued).toBe(summary.pagesSettled);
    // Both workers crawled part of the run.
    await until('both crawl jobs to end', () => workers.every((w) => w.log.some((l) => l.includes('crawl job done'))));
    const done = workers.map((w) => {
      const line = w.log.find((l) => l.includes('crawl job done')) ?? '';
      return Number(/"requestsDone":(\d+)/.exec(line)?.[1] ?? 0);
    });
    console.log(`two crawl workers: ${fetched} pages fetched, requests done per worker ${done.join(' + ')}`);
    expect(done.every((n) => n > 0)).toBe(true);
    expect((done[0] ?? 0) + (done[1] ?? 0)).toBe(fetched);
  }, 200_000);
});
