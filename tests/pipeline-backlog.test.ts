// Backpressure: a crawl holds while more pages than GOVWATCH_PAGE_BACKLOG wait for extract and
// store (their bodies ride in Redis), and finishes once the stages downstream catch up.
import { createLogger, loadConfig } from '@govwatch/core';
import { type BigSite, startBigSite } from '@govwatch/fixture-site';
import { createRuntime, type Runtime, requestCrawl, startWorker, waitForRun } from '@govwatch/pipeline';
import { Site } from '@govwatch/sites';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from './helpers/test-queues.ts';

const prefix = testPrefix();
const LIMIT = 4;
const SITE_CONCURRENCY = 2;
let database: TestDatabase;
let world: BigSite;
let rt: Runtime;
const workers: Worker[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  database = await createTestDatabase();
  // One host of 40 pages (36 articles), on an address no other test serves.
  world = await startBigSite({ hosts: 1, pages: 40, firstOctet: 231 });
  rt = createRuntime(
    loadConfig({
      REDIS_URL: redisUrl,
      DATABASE_URL: database.url,
      GOVWATCH_QUEUE_PREFIX: prefix,
      GOVWATCH_PAGE_BACKLOG: String(LIMIT),
    }),
    createLogger('silent'),
  );
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await rt?.close();
  await world?.close();
  await database?.drop();
  await dropPrefix(prefix);
});

describe('page backlog', () => {
  it('holds a crawl while extraction lags, then finishes it once extract and store catch up', async () => {
    const [entry] = world.sites({ requestsPerSecond: 20, maxConcurrency: SITE_CONCURRENCY });
    const site = Site.parse(entry);
    const articles = world.pages.filter((p) => p.kind !== 'list').length;
    expect(articles).toBeGreaterThan(3 * (LIMIT + SITE_CONCURRENCY));

    // Only a crawl worker: every page it hands on stays waiting in the extract queue.
    workers.push(startWorker('crawl', rt));
    const { runId } = await requestCrawl(rt, site, 'cli');
    const waiting = () => rt.queues.extract.getJobCountByTypes('waiting', 'delayed', 'prioritized');
    // Until the crawl has queued the limit, and then until the count has stopped moving for 2 s.
    let last = -1;
    let stillSince = Date.now();
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(200)) {
      const n = await waiting();
      if (n !== last) [last, stillSince] = [n, Date.now()];
      else if (n >= LIMIT && Date.now() - stillSince > 2000) break;
    }
    // The limit, plus the pages that were being fetched when the gate closed.
    expect(last).toBeGreaterThanOrEqual(LIMIT);
    expect(last).toBeLessThanOrEqual(LIMIT + SITE_CONCURRENCY);
    const crawlJob = (await rt.queues.crawl.getJobs(['active']))[0];
    expect(crawlJob?.data.runId).toBe(runId); // held, not finished
    const requestsWhileHeld = world.counts().requests;
    await sleep(1000);
    expect(world.counts().requests).toBe(requestsWhileHeld);

    workers.push(startWorker('extract', rt), startWorker('store', rt));
    const summary = await waitForRun(rt, runId, { timeoutMs: 90_000 });
    expect(summary.status).toBe('finished');
    const stored = await rt.db.prisma.crawlRunPage.count({ where: { runId } });
    expect(stored).toBe(articles);
  });
});
