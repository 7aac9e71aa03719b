// pnpm test:fault — the reliability table of issue 16, measured with real processes: a private
// redis-server and postgres on their own ports (started here, killed and restarted here), the
// fixture site on 127.0.0.1, and `govwatch worker crawl|extract|store` as separate processes that
// the scenarios SIGKILL. Prints one row per fault: pages expected / stored / fetched twice /
// duplicate versions, the run's outcome and its duration. Exit code 1 when a row fails.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig } from '@govwatch/core';
import { upsertSites } from '@govwatch/db';
import { createTestDatabase } from '@govwatch/db/testing';
import { startFixtureSite } from '@govwatch/fixture-site';
import { createRuntime, type Runtime, requestCrawl, waitForRun } from '@govwatch/pipeline';
import { parseSites } from '@govwatch/sites';
import { startPrivatePostgres, startPrivateRedis } from './private-services.ts';

const REPORTS = Number(process.env.FAULT_REPORTS ?? 100);
// `--only REGEX` runs the rows whose name matches (and 'no fault', which sets what is expected);
// `--quick` the rows marked quick (what `pnpm test` runs: a few minutes in all).
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new RegExp(process.argv[onlyArg + 1] ?? '', 'i') : null;
const quick = process.argv.includes('--quick');
for (const bin of ['redis-server', 'redis-cli'])
  try {
    execFileSync('bash', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `test:fault needs ${bin} (apt-get install redis-server) and PostgreSQL's server (apt-get install postgresql)`,
    );
  }
const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'govwatch-fault-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (line: string) => process.stderr.write(`${line}\n`);

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

// --- private Redis (an append-only file, so a killed server can come back with its data) and PostgreSQL
const redis = await startPrivateRedis(join(work, 'redis'), { appendOnly: true });
const pg = await startPrivatePostgres();
const redisUrl = redis.url;
const pgAdminUrl = pg.adminUrl;

// --- fixture site and workers --------------------------------------------------------------
const fixture = await startFixtureSite({ reportCount: REPORTS });
const sitesPath = join(work, 'sites.yaml');
writeFileSync(
  sitesPath,
  fixture.siteYaml({ only: ['fixture-main'], defaults: { requestsPerSecond: 40, maxPages: 5000 } }),
);
const parsedSite = parseSites(
  fixture.siteYaml({ only: ['fixture-main'], defaults: { requestsPerSecond: 40, maxPages: 5000 } }),
  sitesPath,
)[0];
if (!parsedSite) throw new Error('no fixture-main site');
const site = parsedSite;

type Stage = 'crawl' | 'extract' | 'store';
type Scenario = {
  name: string;
  env: Record<string, string>;
  /** By stage, or any other name for a further worker of a stage. */
  workers: Map<string, ChildProcess>;
  rt: Runtime;
  runId: string;
  settled(): Promise<number>;
};

function spawnWorker(s: Scenario, stage: Stage, name: string = stage) {
  const child = spawn(process.execPath, [join(root, 'services/cli/bin/govwatch.mjs'), 'worker', stage], {
    env: { ...process.env, ...s.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // A worker that dies on its own (not killed by the scenario) is the failure this suite hunts:
  // say so at once, with the end of its stderr, instead of waiting out the run's timeout.
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-2000);
  });
  child.on('exit', (code, signal) => {
    if (signal === 'SIGKILL' || s.workers.get(name) !== child) return;
    say(`  worker ${name} exited by itself (code ${code}, signal ${signal}):\n${tail}`);
  });
  s.workers.set(name, child);
}
function kill(s: Scenario, name: string) {
  const child = s.workers.get(name);
  s.workers.delete(name);
  child?.kill('SIGKILL');
}

type Row = {
  fault: string;
  expected: number;
  stored: number;
  fetchedTwice: number;
  duplicated: number;
  /** Extract and store jobs moved to failed: an outage or a kill must fail none. */
  failedJobs: number;
  outcome: string;
  seconds: number;
  ok: boolean;
};
const rows: Row[] = [];
let expected = 0;

async function scenario(
  name: string,
  fault: (s: Scenario) => Promise<void>,
  opts: { quick?: boolean; site?: typeof site; env?: Record<string, string> } = {},
) {
  if (name !== 'no fault' && ((only && !only.test(name)) || (quick && !opts.quick))) return;
  say(`fault: ${name} …`);
  const database = await createTestDatabase(pgAdminUrl);
  const prefix = `fault-${Date.now()}`;
  const env = {
    REDIS_URL: redisUrl,
    DATABASE_URL: database.url,
    GOVWATCH_QUEUE_PREFIX: prefix,
    GOVWATCH_SITES: sitesPath,
    GOVWATCH_ALLOW_PRIVATE: '1',
    GOVWATCH_REAPER_INTERVAL_MS: '3000',
    GOVWATCH_REAPER_GRACE_MS: '5000',
    GOVWATCH_REAPER_STALE_MS: '20000',
    LOG_LEVEL: 'warn',
    ...opts.env,
  };
  const rt = createRuntime(loadConfig(env), createLogger('silent'));
  const started = Date.now();
  const s: Scenario = {
    name,
    env,
    rt,
    runId: '',
    workers: new Map(),
    settled: async () => rt.db.prisma.crawlRunPage.count({ where: { runId: s.runId } }),
  };
  fixture.clearLog();
  try {
    for (const stage of ['crawl', 'extract', 'store'] as const) spawnWorker(s, stage);
    const crawled = opts.site ?? site;
    await upsertSites(rt.db.prisma, [{ id: crawled.id, name: crawled.name, config: crawled }]);
    s.runId = (await requestCrawl(rt, crawled, 'cli')).runId;
    await fault(s);
    const summary = await waitForRun(rt, s.runId, { timeoutMs: 15 * 60_000, pollMs: 500 });
    const stored = summary.pagesSettled;
    const reportHits = new Map<string, number>();
    for (const e of fixture.log)
      if (/\/t\d{8}_\d+\.html$/.test(e.path)) reportHits.set(e.path, (reportHits.get(e.path) ?? 0) + 1);
    const fetchedTwice = [...reportHits.values()].filter((n) => n > 1).length;
    const dupes = await rt.db.prisma.$queryRaw<
      Array<{ n: bigint }>
    >`SELECT count(*) AS n FROM (SELECT "reportId" FROM "ReportVersion" GROUP BY "reportId", "contentHash" HAVING count(*) > 1) d`;
    const duplicated = Number(dupes[0]?.n ?? 0);
    const failedJobs =
      (await rt.queues.extract.getJobCountByTypes('failed')) + (await rt.queues.store.getJobCountByTypes('failed'));
    if (name === 'no fault') expected = stored;
    const ok = summary.status === 'finished' && stored === expected && duplicated === 0 && failedJobs === 0;
    rows.push({
      fault: name,
      expected,
      stored,
      fetchedTwice,
      duplicated,
      failedJobs,
      outcome: `${summary.status}${summary.error ? ` (${summary.error})` : ''}`,
      seconds: Math.round((Date.now() - started) / 1000),
      ok,
    });
  } catch (err) {
    rows.push({
      fault: name,
      expected,
      stored: await s.settled().catch(() => -1),
      fetchedTwice: -1,
      duplicated: -1,
      failedJobs: -1,
      outcome: `error: ${(err as Error).message}`,
      seconds: Math.round((Date.now() - started) / 1000),
      ok: false,
    });
  } finally {
    for (const stage of [...s.workers.keys()]) kill(s, stage);
    await rt.close().catch(() => undefined);
    await database.drop().catch(() => undefined);
  }
}

const atFraction = (s: Scenario, f: number) =>
  waitFor(
    `${Math.round(f * 100)} % settled`,
    async () => (await s.settled()) >= Math.max(1, Math.floor(expected * f)),
    10 * 60_000,
  );
/** Until the crawl has fetched this share of the report pages (from the site's request log). */
const crawledFraction = (f: number) =>
  waitFor(
    `${Math.round(f * 100)} % fetched`,
    () => fixture.log.filter((e) => /\/t\d{8}_\d+\.html$/.test(e.path)).length >= Math.max(1, Math.floor(expected * f)),
    10 * 60_000,
  );

try {
  await scenario('no fault', async () => undefined);
  await scenario(
    'SIGKILL extract and store workers',
    async (s) => {
      await atFraction(s, 0.3);
      kill(s, 'extract');
      kill(s, 'store');
      await sleep(1000);
      spawnWorker(s, 'extract');
      spawnWorker(s, 'store');
    },
    { quick: true },
  );
  // Each kill costs about the crawl job's lock (2 x GOVWATCH_CRAWL_LEASE_MS, 120 s by default) and
  // the replacement's start-up. The killed worker's host slots hardly count here: with requests of
  // a few ms it seldom holds one at the kill, and one it holds frees within GOVWATCH_HOST_SLOT_TTL_MS.
  await scenario('SIGKILL the crawl worker twice', async (s) => {
    for (const f of [0.25, 0.6]) {
      await crawledFraction(f);
      kill(s, 'crawl');
      spawnWorker(s, 'crawl');
    }
  });
  // One run's crawl as two crawl jobs (crawlShards) on two crawl worker processes, one job each.
  await scenario('two crawl workers share one run', async (s) => spawnWorker(s, 'crawl', 'crawl-2'), {
    site: { ...site, crawlShards: 2 },
    env: { GOVWATCH_CRAWL_CONCURRENCY: '1' },
  });
  await scenario('Redis killed 5 s, restarted with AOF', async (s) => {
    await atFraction(s, 0.3);
    redis.kill();
    await sleep(5000);
    await redis.start({ keepData: true });
  });
  await scenario(
    'Redis killed, restarted without its data',
    async (s) => {
      await atFraction(s, 0.3);
      redis.kill();
      await sleep(2000);
      await redis.start({ keepData: false });
    },
    { quick: true },
  );
  await scenario(
    'PostgreSQL stopped 30 s',
    async (s) => {
      await atFraction(s, 0.3);
      pg.pause();
      await sleep(30_000);
      pg.resume();
    },
    { quick: true },
  );
  await scenario('PostgreSQL stopped 90 s', async (s) => {
    await atFraction(s, 0.3);
    pg.pause();
    await sleep(90_000);
    pg.resume();
  });
} finally {
  await fixture.close();
  redis.kill();
  try {
    pg.stop();
  } catch {}
  rmSync(work, { recursive: true, force: true });
}

const header = ['fault', 'expected', 'stored', 'fetched twice', 'duplicated', 'failed jobs', 'outcome', 's', ''];
const table = [
  header,
  ...rows.map((r) =>
    [
      r.fault,
      r.expected,
      r.stored,
      r.fetchedTwice,
      r.duplicated,
      r.failedJobs,
      r.outcome,
      r.seconds,
      r.ok ? 'ok' : 'FAIL',
    ].map(String),
  ),
];
const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
for (const row of table)
  console.log(
    row
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
process.exit(rows.every((r) => r.ok) ? 0 : 1);
