// Events to downstream against the real Redis and PostgreSQL: the relay puts every outbox event on
// the `events` queue and one job per webhook URL on `webhooks`; the webhook worker POSTs signed
// JSON to a local HTTP server, retries with exponential backoff and dead-letters after N attempts,
// which `govwatch events --failed` then lists.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, createLogger, loadConfig } from '@govwatch/core';
import { storePage } from '@govwatch/db';
import { createRuntime, type Runtime, relayOnce, startWorker } from '@govwatch/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliArgv, repoRoot, runCli, userEnv } from './helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from './helpers/test-queues.ts';
import { recordJob, seedSiteAndRuns } from './store-helpers.ts';
import { JIADING_2023, YICHUN_2022, YICHUN_2023 } from './store-texts.ts';

const SECRET = 'test-secret-密钥';
const ATTEMPTS = 3;
const BACKOFF_MS = 200;

type Hit = { path: string; at: number; body: string; headers: IncomingMessage['headers'] };

let database: TestDatabase;
let prefix: string;
let server: Server;
let base: string;
let rt: Runtime;
let worker: ReturnType<typeof startWorker> | undefined;
const hits: Hit[] = [];
const flakyCount = new Map<string, number>();

function startServer(): Promise<void> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      hits.push({ path: req.url ?? '', at: Date.now(), body, headers: req.headers });
      const delivery = String(req.headers['x-govwatch-delivery']);
      if (req.url === '/ok') return res.writeHead(204).end();
      if (req.url === '/flaky') {
        // Fails twice per delivery, then accepts: succeeds on the last allowed attempt.
        const n = (flakyCount.get(delivery) ?? 0) + 1;
        flakyCount.set(delivery, n);
        return res.writeHead(n <= 2 ? 500 : 200).end(n <= 2 ? 'try later' : 'ok');
      }
      return res.writeHead(503).end('down');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

const until = async (check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};

beforeAll(async () => {
  database = await createTestDatabase();
  prefix = testPrefix();
  await startServer();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    GOVWATCH_QUEUE_PREFIX: prefix,
    GOVWATCH_WEBHOOKS: `${base}/ok, ${base}/flaky,${base}/down`,
    GOVWATCH_WEBHOOK_SECRET: SECRET,
    GOVWATCH_WEBHOOK_ATTEMPTS: String(ATTEMPTS),
    GOVWATCH_WEBHOOK_BACKOFF_MS: String(BACKOFF_MS),
  });
  rt = createRuntime(config, createLogger('silent'));
  const [run] = await seedSiteAndRuns(rt.db.prisma, 'ycgaj', 1);
  for (const [url, text, year] of [
    ['http://www.ycgaj.gov.cn/fzzfjs/t1.html', YICHUN_2023, 2023],
    ['http://www.ycgaj.gov.cn/fzzfjs/t2.html', JIADING_2023, 2023],
  ] as const) {
    await storePage(
      rt.db.prisma,
      recordJob({ runId: run as string, siteId: 'ycgaj', url, text, title: `报告${url.slice(-7)}`, reportYear: year }),
    );
  }
});

afterAll(async () => {
  await worker?.close();
  await rt?.close();
  await new Promise((r) => server?.close(r));
  if (prefix) await dropPrefix(prefix);
  await database?.drop();
});

describe('webhook configuration', () => {
  it('reads comma-separated URLs and refuses a bad URL or a missing secret with one clear line', () => {
    expect(
      loadConfig({ GOVWATCH_WEBHOOKS: ' http://a.example/h ,https://b.example/h', GOVWATCH_WEBHOOK_SECRET: 's' })
        .webhooks,
    ).toMatchObject({
      urls: ['http://a.example/h', 'https://b.example/h'],
      attempts: 8,
    });
    expect(loadConfig({}).webhooks.urls).toEqual([]);
    expect(() => loadConfig({ GOVWATCH_WEBHOOKS: 'http://a.example/h' })).toThrow(
      new ConfigError('invalid environment: GOVWATCH_WEBHOOK_SECRET: required when GOVWATCH_WEBHOOKS is set'),
    );
    expect(() => loadConfig({ GOVWATCH_WEBHOOKS: 'ftp://a.example/h', GOVWATCH_WEBHOOK_SECRET: 's' })).toThrow(
      /GOVWATCH_WEBHOOKS: not an http\(s\) URL/,
    );
  });
});

describe('relay and webhook delivery', () => {
  let eventIds: string[];

  it('relays each event to the events queue and one webhooks job per URL, once', async () => {
    eventIds = (await rt.db.prisma.event.findMany({ orderBy: { id: 'asc' } })).map((e) => e.id.toString());
    expect(eventIds).toHaveLength(2);
    expect(await relayOnce(rt)).toBe(2);
    expect(await relayOnce(rt)).toBe(0);

    const events = await rt.queues.events.getJobs(['waiting']);
    expect(events.map((j) => j.data.id).sort()).toEqual([...eventIds].sort());
    expect(events[0]?.data).toMatchObject({ type: 'report.created', payload: { siteId: 'ycgaj' } });

    const jobs = await rt.queues.webhooks.getJobs(['waiting']);
    expect(jobs).toHaveLength(6);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(6);
    expect(jobs[0]?.opts).toMatchObject({ attempts: ATTEMPTS, backoff: { type: 'exponential', delay: BACKOFF_MS } });
  });

  it('POSTs signed JSON, retries with exponential backoff and dead-letters after the last attempt', async () => {
    worker = startWorker('webhooks', rt);
    const deliveries = () => rt.db.prisma.webhookDelivery.findMany({ orderBy: [{ url: 'asc' }, { eventId: 'asc' }] });
    await until(async () => (await deliveries()).filter((d) => d.status !== 'retrying').length === 6);
    const rows = await deliveries();
    const byPath = (path: string) => rows.filter((r) => r.url === `${base}${path}`);
    expect(byPath('/ok').map((r) => [r.status, r.attempts, r.lastStatus])).toEqual([
      ['delivered', 1, 204],
      ['delivered', 1, 204],
    ]);
    expect(byPath('/flaky').map((r) => [r.status, r.attempts, r.lastStatus])).toEqual([
      ['delivered', 3, 200],
      ['delivered', 3, 200],
    ]);
    expect(byPath('/down').map((r) => [r.status, r.attempts, r.lastStatus, r.lastError])).toEqual([
      ['dead', 3, 503, 'HTTP 503'],
      ['dead', 3, 503, 'HTTP 503'],
    ]);
    expect(byPath('/ok').every((r) => r.deliveredAt instanceof Date)).toBe(true);
    expect(byPath('/down').every((r) => r.deliveredAt === null)).toBe(true);

    // Every request: the event as JSON, signed with HMAC-SHA256 of the exact body.
    expect(hits).toHaveLength(2 * (1 + 3 + 3));
    for (const hit of hits) {
      const event = JSON.parse(hit.body);
      expect(hit.headers['content-type']).toBe('application/json');
      expect(hit.headers['x-govwatch-event']).toBe(event.type);
      expect(hit.headers['x-govwatch-delivery']).toBe(event.id);
      expect(eventIds).toContain(event.id);
      expect(event).toMatchObject({ type: 'report.created', payload: { siteId: 'ycgaj' } });
      const hex = createHmac('sha256', SECRET).update(Buffer.from(hit.body, 'utf8')).digest('hex');
      expect(hit.headers['x-govwatch-signature']).toBe(`sha256=${hex}`);
    }

    // Exponential backoff: the second retry waits about twice as long as the first.
    for (const id of eventIds) {
      const times = hits.filter((h) => h.path === '/down' && h.headers['x-govwatch-delivery'] === id).map((h) => h.at);
      expect(times).toHaveLength(3);
      const [t0, t1, t2] = times as [number, number, number];
      expect(t1 - t0).toBeGreaterThanOrEqual(BACKOFF_MS * 0.9);
      expect(t2 - t1).toBeGreaterThanOrEqual(BACKOFF_MS * 2 * 0.9);
    }

    // The dead-lettered jobs stay in BullMQ's failed set too, for inspection.
    expect((await rt.queues.webhooks.getJobs(['failed'])).map((j) => j.data.url)).toEqual([
      `${base}/down`,
      `${base}/down`,
    ]);
  });

  it('lists dead-lettered deliveries with `events --failed` and recent events with `events`', async () => {
    const env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, GOVWATCH_QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent' };
    const failed = await runCli(['events', '--failed'], env);
    expect(failed.code).toBe(0);
    const lines = failed.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('event\ttype\treport\turl\tattempts\tlast status\tlast error\tgave up at');
    const rows = lines.slice(1).map((l) => l.split('\t'));
    expect(rows.map((r) => r[0]).sort()).toEqual([...eventIds].sort());
    for (const r of rows) expect(r.slice(3, 7)).toEqual([`${base}/down`, '3', '503', 'HTTP 503']);

    const recent = await runCli(['events', '--json'], env);
    const events = recent.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.map((e) => e.id)).toEqual([...eventIds].reverse());
    expect(events.every((e) => e.relayedAt !== null)).toBe(true);
  });
});

describe('govwatch worker store', () => {
  it('relays new events and delivers their webhooks in the same process, and stops on SIGTERM', async () => {
    // No other webhook worker may take the job: the child process alone must deliver it.
    await worker?.close();
    worker = undefined;
    const child = spawn(process.execPath, cliArgv(['worker', 'store']), {
      cwd: repoRoot,
      env: userEnv({
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        GOVWATCH_QUEUE_PREFIX: prefix,
        GOVWATCH_WEBHOOKS: `${base}/ok`,
        GOVWATCH_WEBHOOK_SECRET: SECRET,
        LOG_LEVEL: 'warn',
      }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const [run] = await rt.db.prisma.crawlRun.findMany({ take: 1 });
      const stored = await storePage(
        rt.db.prisma,
        recordJob({
          runId: run?.id as string,
          siteId: 'ycgaj',
          url: 'http://www.ycgaj.gov.cn/fzzfjs/t3.html',
          text: YICHUN_2022,
          title: '报告t3',
          reportYear: 2022,
        }),
      );
      expect(stored.outcome).toBe('created');
      const event = await rt.db.prisma.event.findFirstOrThrow({
        where: { reportId: stored.reportId as string },
        orderBy: { id: 'desc' },
      });
      const id = event.id.toString();
      // The row is written once the answer is in, a moment after the server saw the request.
      await until(
        async () =>
          (await rt.db.prisma.webhookDelivery.count({ where: { eventId: event.id, status: 'delivered' } })) === 1,
        90_000,
      );
      const hit = hits.find((h) => h.headers['x-govwatch-delivery'] === id);
      expect(hit?.headers['x-govwatch-signature']).toBe(
        `sha256=${createHmac('sha256', SECRET)
          .update(hit?.body ?? '')
          .digest('hex')}`,
      );
      expect(await rt.db.prisma.webhookDelivery.findMany({ where: { eventId: event.id } })).toMatchObject([
        { status: 'delivered', attempts: 1 },
      ]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, stderr).toBe(0);
  });
});
