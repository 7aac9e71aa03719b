// Outages are waited out, not turned into failures: PostgreSQL or Redis (behind a proxy the test
// stops, so the shared servers stay up) going away neither fails a job nor spends its attempts,
// and the worker process carries on when they come back.
import { gzipBase64, loadConfig, sha256Hex } from '@govwatch/core';
import { startOrJoinRun, upsertSites } from '@govwatch/db';
import { createRuntime, type Runtime, startWorker, waitForRun } from '@govwatch/pipeline';
import { Queue, type Worker } from 'bullmq';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TcpProxy, tcpProxy } from './helpers/tcp-proxy.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from './helpers/test-queues.ts';

const prefix = testPrefix();
let database: TestDatabase;
let pgProxy: TcpProxy;
let redisProxy: TcpProxy;
let rt: Runtime;
const workers: Worker[] = [];
const lines: Array<{ msg: string; dependency?: string; level: number }> = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const via = (url: string, port: number) => {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.href;
};

beforeAll(async () => {
  database = await createTestDatabase();
  pgProxy = await tcpProxy(Number(new URL(database.url).port || 5432), new URL(database.url).hostname);
  redisProxy = await tcpProxy(Number(new URL(redisUrl).port || 6379), new URL(redisUrl).hostname);
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const config = loadConfig({
    REDIS_URL: via(redisUrl, redisProxy.port),
    DATABASE_URL: via(database.url, pgProxy.port),
    GOVWATCH_QUEUE_PREFIX: prefix,
    GOVWATCH_OUTAGE_WAIT_MS: '120000',
  });
  rt = createRuntime(config, log);
  await upsertSites(rt.db.prisma, [{ id: 'gov-a', name: '某市公安局', config: {} }]);
  workers.push(startWorker('extract', rt), startWorker('store', rt));
});
afterAll(async () => {
  await pgProxy?.start().catch(() => undefined);
  await redisProxy?.start().catch(() => undefined);
  await Promise.all(workers.map((w) => w.close()));
  await rt?.close();
  await pgProxy?.close();
  await redisProxy?.close();
  await database?.drop();
  await dropPrefix(prefix);
});

const page = (n: number) =>
  Buffer.from(
    `<html><head><title>某市公安局${2000 + n}年法治政府建设情况报告</title></head><body><p>${'某市公安局深入推进法治政府建设。'.repeat(20)}${n}</p></body></html>`,
  );
const extractJob = (runId: string, n: number) => {
  const body = page(n);
  return {
    runId,
    siteId: 'gov-a',
    fetchUrl: `http://gov-a.example/r/${runId}/${n}.html`,
    fetchedAt: new Date().toISOString(),
    status: 200,
    contentType: 'text/html; charset=utf-8',
    etag: null,
    lastModified: null,
    rawSha256: sha256Hex(body),
    bodyGzipBase64: gzipBase64(body),
    encoding: null,
    titleKeywords: ['法治政府建设'],
  };
};

describe('dependency outages', () => {
  it('waits out PostgreSQL going away: no store job fails or spends an attempt, the run finishes', async () => {
    const { runId } = await startOrJoinRun(rt.db.prisma, 'gov-a', 'cli');
    await pgProxy.stop();
    const failed: string[] = [];
    for (const w of workers) w.on('failed', (job) => failed.push(String(job?.id)));
    for (let n = 0; n < 5; n++)
      await rt.queues.extract.add('extract', extractJob(runId, n), { jobId: `${runId}-${n}` });
    await rt.queues.store.add(
      'crawlFinished',
      { kind: 'crawlFinished', runId, siteId: 'gov-a', stats: { pagesQueued: 5, discoveryComplete: false } },
      { jobId: `${runId}-finished` },
    );
    // Longer than the store's first three backoffs (0.5 + 1 + 2 s): the old behaviour spent attempts here.
    await sleep(6_000);
    const waiting = await rt.queues.store.getJobs(['active', 'waiting', 'delayed']);
    expect(waiting.length).toBeGreaterThanOrEqual(5);
    for (const job of waiting) expect(job.attemptsMade, String(job.id)).toBe(0);
    expect(lines.filter((l) => l.dependency === 'PostgreSQL' && /unreachable/.test(l.msg))).toHaveLength(1); // once a minute, not once a job
    await pgProxy.start();
    const summary = await waitForRun(rt, runId, { timeoutMs: 60_000 });
    expect(summary.status).toBe('finished');
    expect(summary.pagesSettled).toBe(5);
    expect(summary.outcomes.failed).toBeUndefined();
    expect(failed).toEqual([]);
  });

  it('crawl --wait rides through PostgreSQL going away: waitForRun waits, says so, and returns when the run ends', async () => {
    const { runId } = await startOrJoinRun(rt.db.prisma, 'gov-a', 'cli');
    for (let n = 20; n < 22; n++)
      await rt.queues.extract.add('extract', extractJob(runId, n), { jobId: `${runId}-${n}` });
    await rt.queues.store.add(
      'crawlFinished',
      { kind: 'crawlFinished', runId, siteId: 'gov-a', stats: { pagesQueued: 2, discoveryComplete: false } },
      { jobId: `${runId}-finished` },
    );
    await pgProxy.stop();
    const outages: string[] = [];
    let settled = false;
    const waiting = waitForRun(rt, runId, { timeoutMs: 60_000, onOutage: (err) => outages.push(err.message) }).finally(
      () => {
        settled = true;
      },
    );
    await sleep(3_000);
    expect(settled).toBe(false); // it used to reject at the first failed look at the run
    expect(outages).toHaveLength(1); // said once, not once a poll
    await pgProxy.start();
    const summary = await waiting;
    expect(summary.status).toBe('finished');
    expect(summary.pagesSettled).toBe(2);
  });

  it('keeps the workers alive through a Redis outage and carries on with the jobs queued meanwhile', async () => {
    const { runId } = await startOrJoinRun(rt.db.prisma, 'gov-a', 'cli');
    await redisProxy.stop();
    await sleep(3_000);
    // Queued straight to Redis while the workers' way to it is cut.
    const extract = new Queue('extract', { connection: { url: redisUrl }, prefix });
    const store = new Queue('store', { connection: { url: redisUrl }, prefix });
    try {
      for (let n = 10; n < 13; n++)
        await extract.add('extract', extractJob(runId, n), { jobId: `${runId}-${n}`, attempts: 3 });
      await store.add(
        'crawlFinished',
        { kind: 'crawlFinished', runId, siteId: 'gov-a', stats: { pagesQueued: 3, discoveryComplete: false } },
        { jobId: `${runId}-finished`, attempts: 8 },
      );
      await sleep(2_000);
      await redisProxy.start();
      const summary = await waitForRun(rt, runId, { timeoutMs: 60_000 });
      expect(summary.status).toBe('finished');
      expect(summary.pagesSettled).toBe(3);
      expect(summary.outcomes.failed).toBeUndefined();
      expect(workers.every((w) => w.isRunning())).toBe(true);
      const connectionLines = lines.filter((l) => /lost the Redis connection/.test(l.msg));
      expect(connectionLines.length).toBeGreaterThan(0);
      expect(connectionLines.length).toBeLessThanOrEqual(8); // once a minute per worker and queue, not per reconnect
    } finally {
      await extract.close();
      await store.close();
    }
  });
});
