// pnpm test:load — the load row of issue 16: LOAD_SITES (20) fixture sites of LOAD_PAGES (500)
// pages each (startBigSite: one server per host on 127.0.0.2 …), crawled at once by two
// `govwatch worker` processes of each kind (crawl, extract, store) against a private redis-server
// and PostgreSQL cluster started here. Checks that every page is stored, that no job failed
// without a recorded reason and that Redis's used_memory comes back near where it started, and
// prints a table with each worker process's peak RSS and what Redis still holds afterwards.
// Exit code 1 when a check fails.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig } from '@govwatch/core';
import { upsertSites } from '@govwatch/db';
import { createTestDatabase } from '@govwatch/db/testing';
import { startBigSite } from '@govwatch/fixture-site';
import { createRuntime, requestCrawl } from '@govwatch/pipeline';
import { Site } from '@govwatch/sites';
import { procKb } from '../helpers/process-stats.ts';
import { startPrivatePostgres, startPrivateRedis } from './private-services.ts';

const SITES = Number(process.env.LOAD_SITES ?? 20);
const PAGES = Number(process.env.LOAD_PAGES ?? 500);
const RPS = Number(process.env.LOAD_RPS ?? 10);
const KINDS = ['crawl', 'extract', 'store'] as const;
type Kind = (typeof KINDS)[number];
const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'govwatch-load-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const rows: Array<[string, string, boolean | null]> = [];
const row = (what: string, value: string, ok: boolean | null = null) => rows.push([what, value, ok]);

const redis = await startPrivateRedis(join(work, 'redis'));
const pg = await startPrivatePostgres();
const world = await startBigSite({ hosts: SITES, pages: SITES * PAGES });
const database = await createTestDatabase(pg.adminUrl);
const prefix = `load-${Date.now()}`;
const sitesPath = join(work, 'sites.yaml');
const entries = world.sites({ requestsPerSecond: RPS, maxConcurrency: 2, maxPages: PAGES * 2 });
writeFileSync(sitesPath, `sites:\n${entries.map((s) => `  - ${JSON.stringify(s)}`).join('\n')}\n`);
const env: Record<string, string> = {
  REDIS_URL: redis.url,
  DATABASE_URL: database.url,
  GOVWATCH_QUEUE_PREFIX: prefix,
  GOVWATCH_SITES: sitesPath,
  // Either crawl worker may take every site (a crawl job mostly waits for its host's next turn).
  GOVWATCH_CRAWL_CONCURRENCY: String(SITES),
  LOG_LEVEL: 'warn',
};
const rt = createRuntime(loadConfig(env), createLogger('silent'));
const procs: Array<{ kind: Kind; child: ChildProcess; log: string }> = [];
const started = Date.now();
try {
  const sites = entries.map((e) => Site.parse(e));
  await upsertSites(
    rt.db.prisma,
    sites.map((s) => ({ id: s.id, name: s.name, config: s })),
  );
  for (const kind of KINDS)
    for (let i = 0; i < 2; i++) {
      const log = join(work, `${kind}-${i}.log`);
      const child = spawn(process.execPath, [join(root, 'services/cli/bin/govwatch.mjs'), 'worker', kind], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const chunks: Buffer[] = [];
      child.stderr?.on('data', (c: Buffer) => chunks.push(c));
      child.on('exit', () => writeFileSync(log, Buffer.concat(chunks)));
      procs.push({ kind, child, log });
    }
  for (let i = 0; ; i++) {
    const live = await Promise.all(KINDS.map((k) => rt.queues[k].getWorkers()));
    if (live.every((w) => w.length >= 2)) break;
    if (i > 600) throw new Error('workers did not start in 60 s');
    await sleep(100);
  }
  const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await rt.redis.info('memory'))?.[1] ?? 0);
  const before = await usedMemory();
  say(`load: ${SITES} sites × ${PAGES} pages, ${RPS} requests/s per host; Redis ${mb(before)} MB before`);

  const t0 = Date.now();
  const runIds: string[] = [];
  for (const site of sites) runIds.push((await requestCrawl(rt, site, 'cli')).runId);
  let peak = before;
  for (let lastSay = 0; ; ) {
    peak = Math.max(peak, await usedMemory());
    const running = await rt.db.prisma.crawlRun.count({ where: { id: { in: runIds }, status: 'running' } });
    if (running === 0) break;
    const dead = procs.find((p) => p.child.exitCode !== null);
    if (dead) throw new Error(`a ${dead.kind} worker exited with ${dead.child.exitCode} (log: ${dead.log})`);
    if (Date.now() - t0 > 30 * 60_000) throw new Error(`${running} runs still running after 30 minutes`);
    if (Date.now() - lastSay > 30_000) {
      lastSay = Date.now();
      const settled = await rt.db.prisma.crawlRunPage.count({ where: { runId: { in: runIds } } });
      say(`  ${Math.round((Date.now() - t0) / 1000)} s: ${settled} pages settled, ${running} runs running`);
    }
    await sleep(500);
  }
  const seconds = (Date.now() - t0) / 1000;
  // Peak RSS of each worker process over the whole run (the kernel's high-water mark).
  const rss = procs.map((p) => ({ kind: p.kind, mb: Math.round(procKb(p.child.pid ?? 0, 'VmHWM') / 1024) }));
  const peakRedis = Number(/used_memory_peak:(\d+)/.exec(await rt.redis.info('memory'))?.[1] ?? peak);

  const runs = await rt.db.prisma.crawlRun.findMany({ where: { id: { in: runIds } } });
  const expectedPerSite = PAGES - 2; // two list pages per host
  const settledByRun = await rt.db.prisma.crawlRunPage.groupBy({
    by: ['runId'],
    where: { runId: { in: runIds } },
    _count: { _all: true },
  });
  const stored = settledByRun.reduce((n, g) => n + g._count._all, 0);
  const short = settledByRun.filter((g) => g._count._all !== expectedPerSite).length + (SITES - settledByRun.length);
  const outcomes = await rt.db.prisma.crawlRunPage.groupBy({
    by: ['outcome'],
    where: { runId: { in: runIds } },
    _count: { _all: true },
  });
  const failedWithoutReason = await rt.db.prisma.crawlRunPage.count({
    where: { runId: { in: runIds }, outcome: 'failed', reason: null },
  });
  const failedJobs = Object.fromEntries(
    await Promise.all(KINDS.map(async (k) => [k, await rt.queues[k].getJobCountByTypes('failed')] as const)),
  );
  const requests = world.counts();

  // Redis afterwards: the stage queues empty (completed jobs are removed at once); what stays is
  // BullMQ's event stream per queue (capped at its maxLen), the report events waiting in the
  // `events` queue for consumers (7 days) and the small per-host keys (limiter, robots cache).
  await sleep(3000);
  const after = await usedMemory();
  const keyBytes = async (pattern: string) => {
    let total = 0;
    let count = 0;
    let cursor = '0';
    do {
      const [next, keys] = await rt.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        total += Number((await rt.redis.memory('USAGE', key)) ?? 0);
        count++;
      }
    } while (cursor !== '0');
    return { total, count };
  };
  const streams = await keyBytes(`${prefix}:*:events`);
  const streamEntries = (
    await Promise.all(
      ['crawl', 'extract', 'store', 'events', 'webhooks'].map((q) => rt.redis.xlen(`${prefix}:${q}:events`)),
    )
  ).reduce((a, b) => a + b, 0);
  const eventJobs = await rt.queues.events.getJobCountByTypes('waiting', 'wait');
  const eventsQueue = await keyBytes(`${prefix}:events:*`);
  eventsQueue.total -= Number((await rt.redis.memory('USAGE', `${prefix}:events:events`)) ?? 0); // counted with the streams
  const everything = await keyBytes('*');

  const finished = runs.filter((r) => r.status === 'finished').length;
  row('sites × pages, workers', `${SITES} × ${PAGES}, 2 each of crawl / extract / store (processes)`);
  row('runs finished', `${finished} / ${SITES}`, finished === SITES);
  row(
    'pages settled (stored or recorded)',
    `${stored} / ${SITES * expectedPerSite} (${outcomes.map((o) => `${o.outcome} ${o._count._all}`).join(', ')}); runs short: ${short}`,
    stored === SITES * expectedPerSite && short === 0,
  );
  row('requests to the sites', `${requests.requests} (${JSON.stringify(requests.byStatus)})`);
  row(
    'failed jobs (crawl / extract / store); failed pages without a reason',
    `${failedJobs.crawl} / ${failedJobs.extract} / ${failedJobs.store}; ${failedWithoutReason}`,
    Object.values(failedJobs).every((n) => n === 0) && failedWithoutReason === 0,
  );
  row(
    'time',
    `${seconds.toFixed(1)} s (${(stored / seconds).toFixed(1)} pages/s; load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
  row('worker peak RSS (VmHWM), MB', rss.map((r) => `${r.kind} ${r.mb}`).join(', '));
  // "Near its start": what stays is bounded by policy (stream caps, the events queue's 7 days), not by the crawl's size.
  const nearStart = after - before < 16 * 1024 * 1024 && after - before < (peakRedis - before) / 2;
  row('Redis used_memory: before / peak / after', `${mb(before)} / ${mb(peakRedis)} / ${mb(after)} MB`, nearStart);
  row(
    'Redis after, by kind',
    `BullMQ event streams ${mb(streams.total)} MB (${streamEntries} entries in ${streams.count} streams); ` +
      `events queue ${mb(eventsQueue.total)} MB (${eventJobs} report events waiting for consumers); ` +
      `other keys ${mb(everything.total - streams.total - eventsQueue.total)} MB; ${everything.count} keys in all`,
  );
} catch (err) {
  row('error', (err as Error).message, false);
} finally {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  await Promise.all(
    procs.map(
      (p) =>
        new Promise<void>((resolve) => {
          if (p.child.exitCode !== null) return resolve();
          const force = setTimeout(() => p.child.kill('SIGKILL'), 30_000);
          p.child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
        }),
    ),
  );
  await rt.close().catch(() => undefined);
  await database.drop().catch(() => undefined);
  await world.close();
  redis.stop();
  try {
    pg.stop();
  } catch {}
  if (rows.every(([, , ok]) => ok !== false)) rmSync(work, { recursive: true, force: true });
  else say(`worker logs kept in ${work}`);
}

const width = Math.max(...rows.map(([w]) => w.length));
for (const [what, value, ok] of rows)
  console.log(`${what.padEnd(width)}  ${value}${ok === null ? '' : ok ? '  ok' : '  FAIL'}`);
console.log(`(${Math.round((Date.now() - started) / 1000)} s in all)`);
process.exit(rows.every(([, , ok]) => ok !== false) ? 0 : 1);
