// Metrics and the queue dashboard: a crawl worker process with GOVWATCH_METRICS_PORT crawls the
// fixture site and its /metrics shows the fetches; the API's /metrics shows queue depth; bull-board
// answers only with the token.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApi } from '@govwatch/api-service';
import { createLogger, loadConfig } from '@govwatch/core';
import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import { createRuntime, type Runtime, requestCrawl } from '@govwatch/pipeline';
import { parseSites } from '@govwatch/sites';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliArgv, repoRoot } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

const TOKEN = 'metrics-test-token';
const prefix = testPrefix();
let database: TestDatabase;
let fixture: FixtureSite;
let rt: Runtime;
let api: Awaited<ReturnType<typeof buildApi>>;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await startFixtureSite({ reportCount: 4 });
  rt = createRuntime(
    loadConfig({
      REDIS_URL: redisUrl,
      DATABASE_URL: database.url,
      GOVWATCH_QUEUE_PREFIX: prefix,
      GOVWATCH_API_TOKEN: TOKEN,
    }),
    createLogger('silent'),
  );
  api = await buildApi(rt, []);
});
afterAll(async () => {
  await api?.close();
  await rt?.close();
  await fixture?.close();
  await database?.drop();
  await dropPrefix(prefix);
});

/** A port nothing listens on now (asked of the kernel, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The value of one sample line, e.g. metric('govwatch_not_modified_total') or with labels. */
const sample = (text: string, name: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : undefined;
};

describe('worker metrics on GOVWATCH_METRICS_PORT', () => {
  it('counts fetches, bytes, fetch time and host-limiter waits of a crawl', async () => {
    const [site] = parseSites(
      fixture.siteYaml({ only: ['fixture-main'], defaults: { requestsPerSecond: 50 } }),
      'fixture',
    );
    if (!site) throw new Error('no fixture site');
    await rt.db.prisma.site.create({ data: { id: site.id, name: site.name, config: {} } });
    const port = await freePort();
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      GOVWATCH_QUEUE_PREFIX: prefix,
      GOVWATCH_METRICS_PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    const worker = spawn(process.execPath, cliArgv(['worker', 'crawl']), {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = ''; // shown when the worker never gets going
    worker.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => worker.on('exit', resolve));
    try {
      await requestCrawl(rt, site, 'cli');
      let text = '';
      for (let i = 0; i < 150; i++) {
        await new Promise((r) => setTimeout(r, 200));
        text = await fetch(`http://127.0.0.1:${port}/metrics`).then(
          (r) => r.text(),
          () => '',
        );
        if ((sample(text, 'govwatch_pages_fetched_total{status_class="2xx"}') ?? 0) >= 5) break;
      }
      expect(
        sample(text, 'govwatch_pages_fetched_total{status_class="2xx"}'),
        `worker stderr: ${stderr}`,
      ).toBeGreaterThanOrEqual(5);
      expect(sample(text, 'govwatch_fetched_bytes_total')).toBeGreaterThan(5_000);
      expect(sample(text, 'govwatch_fetch_duration_seconds_count')).toBeGreaterThanOrEqual(5);
      expect(sample(text, 'govwatch_host_limiter_wait_seconds_count')).toBeGreaterThanOrEqual(5);
      // The crawl's pages wait in the extract queue (no extract worker runs here).
      expect(sample(text, 'govwatch_queue_jobs{queue="extract",state="waiting"}')).toBeGreaterThan(0);
      expect(text).toContain('govwatch_process_resident_memory_bytes');
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      worker.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

describe('API /metrics and the queue dashboard', () => {
  it('serves Prometheus text with the depth of every queue', async () => {
    const res = await api.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    for (const q of ['crawl', 'extract', 'store', 'events', 'webhooks'])
      expect(res.body).toContain(`govwatch_queue_jobs{queue="${q}",state="waiting"}`);
    expect(res.body).toContain('# TYPE govwatch_job_duration_seconds histogram');
    expect(res.body).toContain('# TYPE govwatch_webhook_deliveries_total counter');
  });

  it('shows bull-board only with the token (Bearer, or Basic with the token as password)', async () => {
    const bare = await api.inject({ method: 'GET', url: '/admin/queues' });
    expect(bare.statusCode).toBe(401);
    expect(bare.headers['www-authenticate']).toMatch(/^Basic/);
    const bearer = await api.inject({
      method: 'GET',
      url: '/admin/queues',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(bearer.statusCode).toBe(200);
    expect(bearer.body).toContain('govwatch queues');
    const basic = `Basic ${Buffer.from(`ops:${TOKEN}`).toString('base64')}`;
    const queues = await api.inject({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: { authorization: basic },
    });
    expect(queues.statusCode).toBe(200);
    expect(
      queues
        .json()
        .queues.map((q: { name: string }) => q.name)
        .sort(),
    ).toEqual(['crawl', 'events', 'extract', 'store', 'webhooks']);
    expect(
      (await api.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { authorization: 'Bearer nope' } }))
        .statusCode,
    ).toBe(401);
    const other = createRuntime(
      loadConfig({ REDIS_URL: redisUrl, DATABASE_URL: database.url, GOVWATCH_QUEUE_PREFIX: prefix }),
      createLogger('silent'),
    );
    const noToken = await buildApi(other, []);
    try {
      const res = await noToken.inject({ method: 'GET', url: '/admin/queues', headers: { authorization: 'Bearer x' } });
      expect(res.body).toContain('writes_disabled');
      expect(res.statusCode).toBe(401);
    } finally {
      await noToken.close();
      await other.close();
    }
  });
});

describe('Grafana dashboard', () => {
  it('charts only metrics that the processes export', async () => {
    const { readFileSync } = await import('node:fs');
    const dash = JSON.parse(readFileSync(`${repoRoot}/infra/grafana/govwatch.json`, 'utf8')) as {
      panels: Array<{ targets: Array<{ expr: string }> }>;
    };
    const exported = (await api.inject({ method: 'GET', url: '/metrics' })).body;
    const names = new Set(
      [...exported.matchAll(/^# TYPE (\S+) (\S+)/gm)].flatMap(([, n, type]) =>
        type === 'histogram' ? [`${n}_bucket`, `${n}_count`, `${n}_sum`] : [n as string],
      ),
    );
    const used = dash.panels.flatMap((p) =>
      p.targets.flatMap((t) => [...t.expr.matchAll(/\b(govwatch_[a-z_]+)/g)].map((m) => m[1] as string)),
    );
    expect(used.length).toBeGreaterThan(10);
    for (const name of used) expect(names, name).toContain(name);
  });
});
