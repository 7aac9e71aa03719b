// A job that fails for good still settles its page, so the run ends and `crawl --wait` returns.
import { createLogger, gzipBase64, loadConfig, sha256Hex } from '@govwatch/core';
import { startOrJoinRun, upsertSites } from '@govwatch/db';
import { createRuntime, type Runtime, startWorker, waitForRun } from '@govwatch/pipeline';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from './helpers/test-queues.ts';

const prefix = testPrefix();
let database: TestDatabase;
let rt: Runtime;
const workers: Worker[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  rt = createRuntime(
    loadConfig({ REDIS_URL: redisUrl, DATABASE_URL: database.url, GOVWATCH_QUEUE_PREFIX: prefix }),
    createLogger('silent'),
  );
  await upsertSites(rt.db.prisma, [{ id: 'gov-a', name: '某市公安局', config: {} }]);
  workers.push(startWorker('extract', rt), startWorker('store', rt));
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await rt?.close();
  await database?.drop();
  await dropPrefix(prefix);
});

const meta = (runId: string, url: string, body: Buffer) => ({
  runId,
  siteId: 'gov-a',
  fetchUrl: url,
  fetchedAt: new Date().toISOString(),
  status: 200,
  contentType: 'text/html; charset=utf-8',
  etag: null,
  lastModified: null,
  rawSha256: sha256Hex(body),
});

describe('final failures settle the run', () => {
  it('finishes a run whose store job can never succeed (corrupt body) and records why', async () => {
    const { runId } = await startOrJoinRun(rt.db.prisma, 'gov-a', 'cli');
    const good = Buffer.from(
      '<html><head><title>某市公安局2023年法治政府建设情况报告</title></head><body><p>2023年，某市公安局深入推进法治政府建设。</p></body></html>',
    );
    // The extract stage passes the bytes on; the store finds they do not match their hash.
    await rt.queues.extract.add('extract', {
      ...meta(runId, 'http://gov-a.example/a.html', good),
      bodyGzipBase64: gzipBase64(Buffer.from('other bytes')),
    });
    await rt.queues.store.add('crawlFinished', {
      kind: 'crawlFinished',
      runId,
      siteId: 'gov-a',
      stats: { pagesQueued: 1, discoveryComplete: false },
    });
    const summary = await waitForRun(rt, runId, { timeoutMs: 60_000 });
    expect(summary.status).toBe('finished');
    expect(summary.outcomes).toEqual({ failed: 1 });
    const page = await rt.db.prisma.crawlRunPage.findFirstOrThrow({ where: { runId } });
    expect(page.reason).toMatch(/^store failed: .*sha256/i);
  });

  it('marks the run failed when its crawlFinished job fails for good', async () => {
    await upsertSites(rt.db.prisma, [{ id: 'gov-b', name: '某区公安分局', config: {} }]);
    const { runId } = await startOrJoinRun(rt.db.prisma, 'gov-b', 'cli');
    // A crawlFinished for a run id that does not exist fails on every attempt; use a real run but
    // a payload the schema refuses, which is unrecoverable at once.
    await rt.queues.store.add('crawlFinished', {
      kind: 'crawlFinished',
      runId,
      siteId: 'gov-b',
      stats: 'not an object',
    } as never);
    const summary = await waitForRun(rt, runId, { timeoutMs: 60_000 });
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(/^store failed: invalid store job/);
  });
});
