// Nightly schedules and on-demand requests, against real Redis (BullMQ job schedulers) and PostgreSQL.

import { buildApi } from '@govwatch/api-service';
import { createLogger, loadConfig } from '@govwatch/core';
import { createRuntime, type Runtime, requestCrawl, syncSchedules, trimEventsQueue } from '@govwatch/pipeline';
import { parseSites } from '@govwatch/sites';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

const yaml = (schedule2: string) => `
sites:
  - id: wuhan-gaj
    name: 武汉市公安局
    startUrls: [https://gaj.wuhan.gov.cn/]
  - id: jiading-gaj
    name: 上海市公安局嘉定分局
    startUrls: [https://www.jiading.gov.cn/]
    schedule: "${schedule2}"
`;

const prefix = testPrefix();
let database: TestDatabase;
let rt: Runtime;

beforeAll(async () => {
  database = await createTestDatabase();
  rt = createRuntime(
    loadConfig({
      REDIS_URL: redisUrl,
      DATABASE_URL: database.url,
      GOVWATCH_QUEUE_PREFIX: prefix,
      GOVWATCH_API_TOKEN: 'schedules-test',
    }),
    createLogger('silent'),
  );
});
afterAll(async () => {
  await rt?.close();
  await database?.drop();
  await dropPrefix(prefix);
});

describe('schedules', () => {
  it('keeps one scheduler per site across restarts, in Asia/Shanghai, updated in place', async () => {
    await syncSchedules(rt, parseSites(yaml('30 3 * * *'), 'sites.yaml'));
    await syncSchedules(rt, parseSites(yaml('30 3 * * *'), 'sites.yaml')); // a restart
    await syncSchedules(rt, parseSites(yaml('45 4 * * *'), 'sites.yaml')); // a restart with an edited cron
    const schedulers = await rt.queues.crawl.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz]).sort()).toEqual([
      ['site-jiading-gaj', '45 4 * * *', 'Asia/Shanghai'],
      ['site-wuhan-gaj', '0 2 * * *', 'Asia/Shanghai'],
    ]);
    // One delayed job per scheduler: the next firing, not one per restart.
    expect(await rt.queues.crawl.getDelayedCount()).toBe(2);
    // A site removed from the file loses its schedule.
    await syncSchedules(rt, parseSites(yaml('45 4 * * *'), 'sites.yaml').slice(0, 1));
    expect((await rt.queues.crawl.getJobSchedulers()).map((s) => s.key)).toEqual(['site-wuhan-gaj']);
  });
});

describe('on-demand crawls', () => {
  it('joins the running crawl of a site instead of starting another (CLI and API alike)', async () => {
    const sites = parseSites(yaml('0 2 * * *'), 'sites.yaml');
    const site = sites[0];
    if (!site) throw new Error('no site');
    const first = await requestCrawl(rt, site, 'cli');
    const second = await requestCrawl(rt, site, 'cli');
    expect(first.joined).toBe(false);
    expect(second).toEqual({ runId: first.runId, joined: true });

    const api = await buildApi(rt, sites);
    const response = await api.inject({
      method: 'POST',
      url: `/sites/${site.id}/crawl`,
      headers: { authorization: 'Bearer schedules-test' },
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ runId: first.runId, joined: true });
    expect(
      (
        await api.inject({
          method: 'POST',
          url: '/sites/nope/crawl',
          headers: { authorization: 'Bearer schedules-test' },
        })
      ).statusCode,
    ).toBe(404);

    const waiting = await rt.queues.crawl.getJobs(['waiting']);
    expect(waiting.filter((j) => j.data.siteId === site.id)).toHaveLength(1);
    expect(await rt.db.prisma.crawlRun.count({ where: { siteId: site.id } })).toBe(1);
  });
});

describe('orphaned runs', () => {
  it('queues the crawl again when a joined run lost its job (its requester died before queueing it)', async () => {
    const sites = parseSites(yaml('0 2 * * *'), 'sites.yaml');
    const site = sites[1];
    if (!site) throw new Error('no site');
    const first = await requestCrawl(rt, site, 'cli');
    await rt.queues.crawl.remove(`crawl-${first.runId}`); // as if the process died between the two writes
    const again = await requestCrawl(rt, site, 'api');
    expect(again).toEqual({ runId: first.runId, joined: true });
    expect((await rt.queues.crawl.getJob(`crawl-${first.runId}`))?.data.runId).toBe(first.runId);
    // A job that exists is never duplicated.
    await requestCrawl(rt, site, 'cli');
    expect((await rt.queues.crawl.getJobs(['waiting'])).filter((j) => j.data.siteId === site.id)).toHaveLength(1);
  });
});

describe('events queue', () => {
  it('drops events nobody consumed within the retention, and only those', async () => {
    const event = (id: string) => ({
      id,
      type: 'report.created' as const,
      reportId: 'r',
      payload: {},
      createdAt: new Date().toISOString(),
    });
    await rt.queues.events.add('report.created', event('1'), { jobId: 'event-1' });
    await new Promise((r) => setTimeout(r, 50));
    await rt.queues.events.add('report.created', event('2'), { jobId: 'event-2' });
    expect(await trimEventsQueue(rt, 40)).toBe(1);
    expect((await rt.queues.events.getJobs(['waiting'])).map((j) => j.id)).toEqual(['event-2']);
  });
});
