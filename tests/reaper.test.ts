// No run stays `running` for ever: runs whose jobs Redis lost are resumed (their crawl queued
// again under its fixed id) or failed with the reason; live and young runs are left alone.
import { createLogger, loadConfig } from '@govwatch/core';
import { startOrJoinRun, upsertSites } from '@govwatch/db';
import { createRuntime, type Runtime, reapRuns } from '@govwatch/pipeline';
import { parseSites } from '@govwatch/sites';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from './helpers/test-queues.ts';

const prefix = testPrefix();
let database: TestDatabase;
let rt: Runtime;
const site = parseSites(
  `sites:\n  - id: gov-a\n    name: 某市公安局\n    startUrls: ['http://127.0.0.1:9/index.html']\n    allowPrivateNetwork: true\n`,
  'reaper.yaml',
)[0] as object;

beforeAll(async () => {
  database = await createTestDatabase();
  rt = createRuntime(
    loadConfig({ REDIS_URL: redisUrl, DATABASE_URL: database.url, GOVWATCH_QUEUE_PREFIX: prefix }),
    createLogger('silent'),
  );
  await upsertSites(rt.db.prisma, [
    { id: 'gov-a', name: '某市公安局', config: site },
    { id: 'gov-b', name: '某区公安分局', config: { ...site, id: 'gov-b' } },
    { id: 'gov-gone', name: '已删除', config: { id: 'gov-gone' } },
  ]);
});
afterAll(async () => {
  await rt?.close();
  await database?.drop();
  await dropPrefix(prefix);
});

const later = (minutes: number) => Date.now() + minutes * 60_000;

describe('reapRuns', () => {
  it('resumes a run whose crawl job vanished, once, and leaves young runs alone', async () => {
    const { runId } = await startOrJoinRun(rt.db.prisma, 'gov-a', 'cli');
    expect(await reapRuns(rt)).toEqual({ resumed: [], failed: [] }); // too young: its job may be on its way
    expect(await reapRuns(rt, { now: later(5) })).toEqual({ resumed: [runId], failed: [] });
    const job = await rt.queues.crawl.getJob(`crawl-${runId}`);
    expect(job?.data).toMatchObject({ runId, siteId: 'gov-a', trigger: 'cli', site: { id: 'gov-a' } });
    // The resumed crawl is queued: a second pass leaves it be.
    expect(await reapRuns(rt, { now: later(5) })).toEqual({ resumed: [], failed: [] });
    await job?.remove();
    await rt.db.prisma.crawlRun.update({ where: { id: runId }, data: { status: 'finished' } });
  });

  it('fails a run that lost its jobs and cannot be resumed, saying why', async () => {
    const { runId } = await startOrJoinRun(rt.db.prisma, 'gov-gone', 'schedule');
    const reaped = await reapRuns(rt, { now: later(5) });
    expect(reaped.resumed).toEqual([]);
    expect(reaped.failed).toEqual([
      { runId, reason: expect.stringMatching(/jobs were lost and site gov-gone has no valid configuration/) },
    ]);
    const run = await rt.db.prisma.crawlRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/jobs were lost/);
  });

  it('resumes a crawled run whose pages stopped settling only once no page work is queued and it is stale', async () => {
    const { runId } = await startOrJoinRun(rt.db.prisma, 'gov-b', 'api');
    await rt.db.prisma.crawlRun.update({ where: { id: runId }, data: { crawlDone: true, pagesQueued: 3 } });
    await rt.db.prisma.crawlRunPage.create({ data: { runId, url: 'http://127.0.0.1:9/a.html', outcome: 'created' } });
    expect((await reapRuns(rt, { now: later(10) })).resumed).not.toContain(runId); // not stale yet
    const pending = await rt.queues.store.add(
      'failed',
      {
        kind: 'failed',
        runId,
        siteId: 'gov-a',
        fetchUrl: 'http://127.0.0.1:9/b.html',
        fetchedAt: new Date().toISOString(),
        status: 200,
        reason: 'x',
      } as never,
      { delay: 3600_000 },
    );
    expect((await reapRuns(rt, { now: later(45) })).resumed).not.toContain(runId); // page work still queued
    await pending.remove();
    expect((await reapRuns(rt, { now: later(45) })).resumed).toContain(runId);
    await (await rt.queues.crawl.getJob(`crawl-${runId}`))?.remove();
  });
});
