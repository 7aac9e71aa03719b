// No run stays `running` for ever: runs whose jobs Redis lost are resumed (their crawl queued
// again under its fixed id) or failed with the reason; live and young runs are left alone.
import { createLogger, loadConfig } from '@govwatch/core';
import { startOrJoinRun, upsertSites } from '@govwatch/db';
import { createRuntime, Frontier, type Runtime, reapRuns } from '@govwatch/pipeline';
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
    { id: 'gov-c', name: '某县公安局', config: { ...site, id: 'gov-c' } },
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

  it('resumes a run from its frontier when Redis kept it, and hands a claimed end to the shard that claimed it', async () => {
    const { runId } = await startOrJoinRun(rt.db.prisma, 'gov-c', 'cli');
    const frontier = new Frontier(rt.redis, prefix, runId);
    const request = {
      url: 'http://127.0.0.1:9/list_2.html',
      uniqueKey: 'list-2',
      userData: { label: 'list', depth: 1 },
    };
    const findings = {
      children: [['list-2', 'l', 1, JSON.stringify(request)]] as never,
      handed: [],
      gone: [],
      beyond: [],
    };
    await frontier.seed(100, findings, { d: {}, e: {}, inc: 0, w: [] });
    expect((await reapRuns(rt, { now: later(5) })).resumed).toContain(runId);
    // The frontier is kept: the resumed crawl job leases what was pending.
    expect(await frontier.state()).toMatchObject({ seeded: true, pending: 1, finishedBy: null });
    await (await rt.queues.crawl.getJob(`crawl-${runId}`))?.remove();

    // Shard 2 claimed the crawl's end and lost its job before queueing crawlFinished: its job is queued again.
    const lease = await frontier.lease('dead-worker', 1, 60_000);
    expect(lease.requests.map((r) => r.uniqueKey)).toEqual(['list-2']);
    await frontier.complete('dead-worker', 'list-2', 100, null, null);
    expect(await frontier.claimEnd(2)).toBe(2);
    expect((await reapRuns(rt, { now: later(5) })).resumed).toContain(runId);
    const shardJob = await rt.queues.crawl.getJob(`crawl-${runId}-shard-2`);
    expect(shardJob?.data).toMatchObject({ runId, shard: 2 });
    await shardJob?.remove();

    // Crawled, but its page jobs were lost: its frontier is dropped and the crawl starts again.
    await rt.db.prisma.crawlRun.update({ where: { id: runId }, data: { crawlDone: true, pagesQueued: 1 } });
    expect((await reapRuns(rt, { now: later(45) })).resumed).toContain(runId);
    expect((await frontier.state()).seeded).toBe(false);
    await (await rt.queues.crawl.getJob(`crawl-${runId}`))?.remove();
    await rt.db.prisma.crawlRun.update({ where: { id: runId }, data: { status: 'finished' } });
  });
});
