// The HTTP API against the real PostgreSQL and Redis: filters and Chinese search, keyset pages,
// NDJSON, report details and diffs, auth, validation, limits, Host checks, probes, OpenAPI.
import { buildApi } from '@govwatch/api-service';
import { createLogger, loadConfig } from '@govwatch/core';
import { createRuntime, type Runtime } from '@govwatch/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';
import { reportWorldSites, seedReportWorld } from './report-world.ts';

type FastifyInstance = Awaited<ReturnType<typeof buildApi>>;

const TOKEN = 'test-write-token-1234';
const prefix = testPrefix();
const sites = reportWorldSites;
let database: TestDatabase;
const runtimes: Runtime[] = [];
let api: FastifyInstance; // writes enabled (token set)
let open: FastifyInstance; // no token configured
const ids: Record<string, string> = {};

function runtime(env: Record<string, string> = {}): Runtime {
  const rt = createRuntime(
    loadConfig({ REDIS_URL: redisUrl, DATABASE_URL: database.url, GOVWATCH_QUEUE_PREFIX: prefix, ...env }),
    createLogger('silent'),
  );
  runtimes.push(rt);
  return rt;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const rt = runtime({ GOVWATCH_API_TOKEN: TOKEN });
  Object.assign(ids, await seedReportWorld(rt.db.prisma));
  api = await buildApi(rt, sites);
  open = await buildApi(runtime(), sites);
});
afterAll(async () => {
  await api?.close();
  await open?.close();
  for (const rt of runtimes) await rt.close();
  await database?.drop();
  await dropPrefix(prefix);
});

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe('GET /reports', () => {
  it('lists the newest change first, with agency, year, date and version', async () => {
    const res = await get(api, '/reports');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((r: { id: string }) => r.id)).toEqual([ids.y23, ids.j23, ids.y22]);
    expect(body.items[0]).toMatchObject({ agency: '宜春市公安局', reportYear: 2023, version: 2, siteId: 'ycgaj' });
    expect(body.nextCursor).toBeNull();
  });

  it('finds a two-character Chinese word in the text (q=复议), and nothing for a word no report has', async () => {
    const found = (await get(api, `/reports?q=${encodeURIComponent('复议')}`)).json();
    expect(found.items.map((r: { id: string }) => r.id).sort()).toEqual([ids.y22, ids.j23].sort());
    expect(
      (await get(api, `/reports?q=${encodeURIComponent('嘉定')}`)).json().items.map((r: { id: string }) => r.id),
    ).toEqual([ids.j23]);
    expect((await get(api, `/reports?q=${encodeURIComponent('量子计算')}`)).json().items).toEqual([]);
    // LIKE wildcards in a query match themselves only: as a wildcard, % would match 法治政府建设.
    expect((await get(api, `/reports?q=${encodeURIComponent('法治%建设')}`)).json().items).toEqual([]);
  });

  it('filters by site, agency, year and since', async () => {
    const idsOf = async (qs: string) =>
      (await get(api, `/reports?${qs}`)).json().items.map((r: { id: string }) => r.id);
    expect(await idsOf('site=jdgaj')).toEqual([ids.j23]);
    expect(await idsOf(`agency=${encodeURIComponent('宜春市公安局')}&reportYear=2022`)).toEqual([ids.y22]);
    expect(await idsOf('since=2999-01-01T00:00:00Z')).toEqual([]);
    expect(await idsOf('site=ycgaj&order=asc')).toEqual([ids.y22, ids.y23]);
  });

  it('pages with a cursor: every report once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
        await get(api, `/reports?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([ids.y23, ids.j23, ids.y22]);
  });

  it('streams NDJSON when asked with Accept: application/x-ndjson', async () => {
    const res = await get(api, `/reports?q=${encodeURIComponent('复议')}`, { accept: 'application/x-ndjson' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string });
    expect(lines.map((l) => l.id).sort()).toEqual([ids.y22, ids.j23].sort());
  });

  it('answers a bad parameter with 400 and a message of its own, never a library message or path', async () => {
    for (const qs of [
      'limit=abc',
      'limit=0',
      'reportYear=x',
      'since=yesterday',
      'site[]=a',
      'site=a&site=b',
      'cursor=bm9wZQ',
      'order=up',
      'nope=1',
    ]) {
      const res = await get(api, `/reports?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      const body = res.json();
      expect(body.error.code, qs).toBe('bad_request');
      expect(JSON.stringify(body), qs).not.toMatch(/prisma|\.ts|node_modules|at \w+ \(/i);
    }
  });
});

describe('GET /reports/:id, versions and diff', () => {
  it('gives the record, versions, aliases and attachments', async () => {
    const r = (await get(api, `/reports/${ids.y23}`)).json();
    expect(r).toMatchObject({ id: ids.y23, version: 2, title: '宜春市公安局2023年法治政府建设工作情况报告' });
    expect(r.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(r.aliases.map((a: { url: string }) => a.url)).toContain('http://www.ycgaj.gov.cn/2024/t1.html');
    expect(r.current.text).toContain('全面完成各项任务目标');
    expect(Array.isArray(r.current.attachments)).toBe(true);
    expect(r.current.sections.length).toBeGreaterThan(0);
    const v1 = (await get(api, `/reports/${ids.y23}/versions/1`)).json();
    expect(v1.text).toContain('圆满完成各项任务目标');
    expect((await get(api, `/reports/${ids.y23}/versions/9`)).statusCode).toBe(404);
    expect((await get(api, '/reports/no-such-report')).json()).toEqual({
      error: { code: 'not_found', message: 'no report no-such-report' },
    });
  });

  it('diffs two versions line by line', async () => {
    const d = (await get(api, `/reports/${ids.y23}/diff?from=1&to=2`)).json();
    expect(d).toMatchObject({ from: 1, to: 2, added: 2, removed: 1 });
    expect(d.lines.filter((l: { op: string }) => l.op === 'add').map((l: { text: string }) => l.text)).toContain(
      '附:2023年度执法数据统计表。',
    );
    expect(d.lines.find((l: { op: string }) => l.op === 'del').text).toContain('圆满完成');
    expect((await get(api, `/reports/${ids.y23}/diff`)).json()).toMatchObject({ from: 1, to: 2 });
    expect((await get(api, `/reports/${ids.y23}/diff?from=abc`)).statusCode).toBe(400);
  });
});

describe('writes and access', () => {
  const crawl = (app: FastifyInstance, headers: Record<string, string> = {}, payload?: string) =>
    app.inject({ method: 'POST', url: '/sites/ycgaj/crawl', headers, payload });

  it('refuses every write when no token is configured', async () => {
    const res = await crawl(open, { authorization: 'Bearer anything' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('writes_disabled');
    expect((await open.inject({ method: 'POST', url: '/events/redeliver' })).statusCode).toBe(401);
  });

  it('needs the bearer token, then starts or joins a crawl (202 with the run id)', async () => {
    expect((await crawl(api)).statusCode).toBe(401);
    expect((await crawl(api, { authorization: 'Bearer wrong-token-of-same-len' })).statusCode).toBe(401);
    const first = await crawl(api, { authorization: `Bearer ${TOKEN}` });
    expect(first.statusCode).toBe(202);
    const second = await crawl(api, { authorization: `Bearer ${TOKEN}` });
    expect(second.json()).toEqual({ runId: first.json().runId, joined: true });
    expect((await get(api, `/runs/${first.json().runId}`)).json()).toMatchObject({
      siteId: 'ycgaj',
      status: 'running',
    });
    expect(
      (await api.inject({ method: 'POST', url: '/sites/nope/crawl', headers: { authorization: `Bearer ${TOKEN}` } }))
        .statusCode,
    ).toBe(404);
  });

  it('cannot be driven by a cross-site form post or a rebound DNS name', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const form = await crawl(api, { ...auth, 'content-type': 'text/plain' }, 'x=1');
    expect(form.statusCode).toBe(415);
    expect((await crawl(api, { 'content-type': 'text/plain' }, 'x=1')).statusCode).toBe(401);
    expect((await crawl(api, { ...auth, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    const rebound = await crawl(api, { ...auth, host: 'evil.example' });
    expect(rebound.statusCode).toBe(421);
    expect(rebound.json().error.code).toBe('host_not_allowed');
    expect((await get(api, '/reports', { host: 'evil.example:8080' })).statusCode).toBe(421);
    expect((await get(api, '/reports', { host: '127.0.0.1:8080' })).statusCode).toBe(200);
    expect((await get(api, '/reports', { host: 'localhost' })).statusCode).toBe(200);
    // An IP literal cannot be a rebound name: probes and scrapers that address a pod by IP get in.
    expect((await get(api, '/health', { host: '10.1.2.3:8080' })).statusCode).toBe(200);
    expect((await get(api, '/reports', { host: '[::1]:8080' })).statusCode).toBe(200);
  });

  it('answers 413 to a body over 1 MB', async () => {
    const res = await crawl(
      api,
      { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('body_too_large');
  });

  it('keeps reads open unless a read token is set', async () => {
    const guarded = await buildApi(
      runtime({ GOVWATCH_API_TOKEN: TOKEN, GOVWATCH_API_READ_TOKEN: 'reader-token' }),
      sites,
    );
    try {
      expect((await get(guarded, '/reports')).statusCode).toBe(401);
      expect((await get(guarded, '/reports', { authorization: 'Bearer reader-token' })).statusCode).toBe(200);
      expect((await get(guarded, '/reports', { authorization: `Bearer ${TOKEN}` })).statusCode).toBe(200);
      expect((await get(guarded, '/health')).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('runs, sites, events', () => {
  it('validates run parameters', async () => {
    expect((await get(api, '/runs?limit=abc')).statusCode).toBe(400);
    expect((await get(api, '/runs?site[]=a')).statusCode).toBe(400);
    expect((await get(api, '/runs/not-a-uuid')).statusCode).toBe(400);
    expect((await get(api, '/runs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const runs = (await get(api, '/runs?site=ycgaj&limit=2')).json();
    expect(runs).toHaveLength(2);
    expect(runs[0].siteId).toBe('ycgaj');
    expect((await get(api, '/sites')).json().map((s: { id: string }) => s.id)).toEqual(['ycgaj', 'jdgaj']);
  });

  it('reads the outbox after an id, resumably', async () => {
    const all = (await get(api, '/events?after=0')).json();
    expect(all.events.length).toBe(4); // three created, one updated
    expect(all.events.map((e: { type: string }) => e.type).filter((t: string) => t === 'report.updated')).toHaveLength(
      1,
    );
    const rest = (await get(api, `/events?after=${all.events[1].id}`)).json();
    expect(rest.events.map((e: { id: string }) => e.id)).toEqual(all.events.slice(2).map((e: { id: string }) => e.id));
    expect(rest.next).toBe(all.next);
    expect((await get(api, '/events?after=abc')).statusCode).toBe(400);
  });

  it('redelivers dead-lettered webhook deliveries with fresh attempts', async () => {
    const rt = runtimes[0] as Runtime;
    const event = await rt.db.prisma.event.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await rt.db.prisma.webhookDelivery.create({
      data: { eventId: event.id, url: 'http://127.0.0.1:9/hook', status: 'dead', attempts: 8, lastError: 'HTTP 500' },
    });
    const res = await api.inject({
      method: 'POST',
      url: '/events/redeliver',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ requeued: 1 });
    const row = await rt.db.prisma.webhookDelivery.findFirstOrThrow({ where: { eventId: event.id } });
    expect(row).toMatchObject({ status: 'retrying', attempts: 0 });
    const jobs = await rt.queues.webhooks.getJobs(['waiting']);
    expect(jobs.map((j) => j.data.url)).toEqual(['http://127.0.0.1:9/hook']);
    expect(
      (
        await api.inject({ method: 'POST', url: '/events/redeliver', headers: { authorization: `Bearer ${TOKEN}` } })
      ).json(),
    ).toEqual({ requeued: 0 });
  });

  it('redelivers from the command line too: govwatch events --redeliver', async () => {
    const rt = runtimes[0] as Runtime;
    await rt.db.prisma.webhookDelivery.updateMany({ data: { status: 'dead', attempts: 8 } });
    const env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, GOVWATCH_QUEUE_PREFIX: prefix };
    const first = await runCli(['events', '--redeliver'], env);
    expect(first).toMatchObject({ code: 0, stdout: 'requeued 1 dead-lettered webhook deliveries\n' });
    expect((await runCli(['events', '--redeliver', '--json'], env)).stdout).toBe('{"requeued":0}\n');
    expect(await rt.db.prisma.webhookDelivery.count({ where: { status: 'retrying', attempts: 0 } })).toBe(1);
  });
});

describe('probes and documentation', () => {
  it('is live and ready while Redis and PostgreSQL answer, and names the one that does not', async () => {
    expect((await get(api, '/health')).json()).toEqual({ ok: true });
    expect((await get(api, '/ready')).json()).toEqual({ ok: true, redis: 'ok', postgres: 'ok' });
    // Redis gone: the runtime's connection is closed under it (as when the server stops).
    const downRedis = runtime();
    downRedis.redis.disconnect();
    const downPg = runtime({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none' });
    const noRedis = await buildApi(downRedis, sites);
    const noPg = await buildApi(downPg, sites);
    try {
      const r = await get(noRedis, '/ready');
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({
        error: { code: 'not_ready', message: 'Redis does not answer' },
        redis: 'down',
        postgres: 'ok',
      });
      const p = await get(noPg, '/ready');
      expect(p.statusCode).toBe(503);
      expect(p.json().error.message).toBe('PostgreSQL does not answer');
      expect((await get(noPg, '/health')).statusCode).toBe(200);
    } finally {
      await noRedis.close();
      await noPg.close();
      for (const rt of [downRedis, downPg]) {
        runtimes.splice(runtimes.indexOf(rt), 1);
        await rt.close();
      }
    }
  });

  it('publishes an OpenAPI document with a schema for every route, and browsable docs', async () => {
    const doc = (await get(api, '/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/reports',
      '/reports/{id}',
      '/reports/{id}/versions/{n}',
      '/reports/{id}/diff',
      '/sites',
      '/sites/{id}/crawl',
      '/runs',
      '/runs/{id}',
      '/events',
      '/events/redeliver',
      '/health',
      '/ready',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
      for (const op of Object.values(doc.paths[path]) as Array<{ responses: object }>)
        expect(Object.keys(op.responses).length, path).toBeGreaterThan(0);
    }
    expect(doc.paths['/reports'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['site', 'agency', 'reportYear', 'since', 'q', 'cursor', 'limit']),
    );
    const docs = await get(api, '/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
