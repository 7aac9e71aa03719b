// The pipeline benchmark of issue 13, in one run on one machine:
//  - a world of BENCH_HOSTS (200) fixture hosts on 127.0.0.2 … 127.0.0.201, BENCH_PAGES (5,000)
//    pages of 20–80 KB, about 10 % reports (packages/fixture-site big-site.ts), each host limited
//    to BENCH_HOST_RPS (2) requests/s by its site config;
//  - govwatch crawls it with its workers as separate processes (`govwatch worker crawl|extract|
//    store`), real Redis and PostgreSQL: first crawl, unchanged re-crawl, re-crawl after 1 % of
//    the reports changed;
//  - a plain Crawlee CheerioCrawler (plain-crawlee.ts) fetches the same URL list and writes
//    title + text per page, before and after govwatch's first crawl (the load may drift);
//  - the host limiter's Redis cost per request, worker RSS, Redis memory, CLI start-up.
// Redis: a private redis-server on a free port when one is installed (commandstats and
// used_memory then count this benchmark alone), else REDIS_URL with a fresh prefix.
// BENCH_PROFILE=DIR writes a CPU profile of every worker process there (node --cpu-prof).

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger, loadConfig } from '@govwatch/core';
import { upsertSites } from '@govwatch/db';
import { type BigSite, startBigSite } from '@govwatch/fixture-site';
import { createRuntime, type Runtime, redisHostLimiter, requestCrawl } from '@govwatch/pipeline';
import { Site } from '@govwatch/sites';
import { Redis } from 'ioredis';
import { cliArgv, repoRoot } from '../helpers/cli.ts';
import { freePort, procCpuMs, procKb } from '../helpers/process-stats.ts';
import { createTestDatabase } from '../helpers/test-db.ts';
import { testPrefix } from '../helpers/test-queues.ts';

const hosts = Number(process.env.BENCH_HOSTS ?? 200);
export const pipelineOptions = {
  hosts,
  pages: Number(process.env.BENCH_PAGES ?? 5000),
  hostRps: Number(process.env.BENCH_HOST_RPS ?? 2),
  changedShare: 0.01,
  // One crawl job per site, each mostly waiting for its host's next turn: as many at once as there
  // are hosts, or the crawl worker, not politeness, sets the pace (4 jobs × 2 requests/s = 8/s).
  crawlConcurrency: Number(process.env.BENCH_CRAWL_CONCURRENCY ?? hosts) || undefined,
  extractConcurrency: Number(process.env.BENCH_EXTRACT_CONCURRENCY ?? 0) || undefined,
  storeConcurrency: Number(process.env.BENCH_STORE_CONCURRENCY ?? 0) || undefined,
  plainConcurrency: Number(process.env.BENCH_PLAIN_CONCURRENCY ?? 16),
  timeoutMs: Number(process.env.BENCH_TIMEOUT_MS ?? 900_000),
};
export type PipelineOptions = typeof pipelineOptions;

type Kind = 'crawl' | 'extract' | 'store';
const KINDS: Kind[] = ['crawl', 'extract', 'store'];

export type CrawlPass = {
  label: string;
  ms: number;
  requests: number;
  byStatus: Record<number, number>;
  conditionalRequests: number;
  /** Known non-report pages the crawls left unfetched (revisitNotReportsDays), from the runs' figures. */
  notDue: number;
  pagesStored: number;
  outcomes: Record<string, number>;
  runsFinished: number;
  runsFailed: number;
  versionsCreated: number;
  pagesPerSecond: number;
  requestsPerSecond: number;
  /** Redis commands (INFO commandstats, whole server) per request sent. */
  redisCommandsPerRequest: number | null;
  redisUsedMemoryPeakMb: number | null;
  workerRssPeakMb: Record<Kind, number>;
  /** CPU time (user + system) per request, by worker process, in ms: less sensitive to the machine's load than time. */
  cpuMsPerRequest: Record<Kind, number>;
  loadavg: number[];
};

export type PlainPass = {
  pages: number;
  ms: number;
  cpuMs: number;
  cpuMsPerPage: number;
  pagesPerSecond: number;
  peakRssMb: number | null;
  loadavg: number[];
};

export type PipelineBenchResult = {
  options: PipelineOptions;
  startedAt: string;
  redis: string;
  world: { hosts: number; pages: number; reports: number; meanPageKb: number; minPageKb: number; maxPageKb: number };
  plain: PlainPass[];
  plainPagesPerSecond: number;
  first: CrawlPass;
  recrawl: CrawlPass;
  changed: CrawlPass & { reportsChanged: number };
  ratio: number;
  recrawlSpeedup: number;
  politenessCeiling: number;
  ceiling: number;
  ofCeiling: number;
  limiter: { requests: number; commandsPerRequest: number; roundTripsPerRequest: number; ms: number };
  memory: {
    workerPeakRssMb: Record<Kind, number>;
    redisUsedMb: { before: number | null; peakDuring: number | null; after: number | null };
  };
  cliStartMs: { help: number[]; sites: number[]; helpMedian: number; sitesMedian: number };
  checks: { name: string; ok: boolean; detail: string }[];
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

/** A private redis-server (no persistence) when one is installed; else the shared REDIS_URL. */
export async function startRedis(dir: string): Promise<{ url: string; label: string; stop(): Promise<void> }> {
  const bin = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(existsSync);
  if (!bin || process.env.BENCH_SHARED_REDIS) {
    const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    return {
      url,
      label: `${url} (shared: commandstats and memory include other clients)`,
      stop: async () => undefined,
    };
  }
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    const ok = await r
      .connect()
      .then(() => r.ping())
      .then(
        () => true,
        () => false,
      );
    r.disconnect();
    if (ok) break;
    await sleep(50);
  }
  return {
    url,
    label: `private redis-server on 127.0.0.1:${port} (${execFileSync(bin, ['--version'], { encoding: 'utf8' }).split(' ')[2] ?? ''})`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function commandStats(redis: Redis): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const line of (await redis.info('commandstats')).split('\n')) {
    const m = /^cmdstat_([^:]+):calls=(\d+)/.exec(line);
    if (m?.[1]) out.set(m[1], Number(m[2]));
  }
  return out;
}
const totalOf = (s: Map<string, number>, skip: string[] = ['info']) =>
  [...s].filter(([k]) => !skip.includes(k)).reduce((n, [, v]) => n + v, 0);

async function usedMemoryMb(redis: Redis): Promise<number> {
  const m = /used_memory:(\d+)/.exec(await redis.info('memory'));
  return Math.round((Number(m?.[1] ?? 0) / 1024 / 1024) * 10) / 10;
}

/** User + system CPU time of a process so far, in ms (0 once it is gone). */
const cpuMs = (pid: number): number => procCpuMs(pid) ?? 0;

type Workers = { procs: Record<Kind, ChildProcess>; stop(): Promise<void> };

function startWorkers(env: Record<string, string>, logDir: string, profileDir: string | undefined): Workers {
  const procs = {} as Record<Kind, ChildProcess>;
  for (const kind of KINDS) {
    const nodeArgs = profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${kind}.cpuprofile`]
      : [];
    const child = spawn(process.execPath, [...nodeArgs, ...cliArgv(['worker', kind])], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const log: Buffer[] = [];
    child.stderr?.on('data', (c: Buffer) => log.push(c));
    child.on('exit', () => writeFileSync(join(logDir, `${kind}.log`), Buffer.concat(log)));
    procs[kind] = child;
  }
  return {
    procs,
    async stop() {
      await Promise.all(
        Object.values(procs).map(
          (p) =>
            new Promise<void>((resolve) => {
              if (p.exitCode !== null) return resolve();
              const force = setTimeout(() => p.kill('SIGKILL'), 30_000);
              p.once('exit', () => {
                clearTimeout(force);
                resolve();
              });
              p.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

async function waitForWorkers(rt: Runtime, workers: Workers): Promise<void> {
  for (let i = 0; i < 600; i++) {
    for (const kind of KINDS) {
      const code = workers.procs[kind].exitCode;
      if (code !== null) throw new Error(`worker ${kind} exited with ${code} before the benchmark started`);
    }
    const live = await Promise.all(KINDS.map((k) => rt.queues[k].getWorkers()));
    if (live.every((w) => w.length > 0)) return;
    await sleep(100);
  }
  throw new Error('workers did not start within 60 s');
}

function runPlain(urlsFile: string, outFile: string, concurrency: number): Promise<PlainPass> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'tests/bench/plain-crawlee.ts'), urlsFile, outFile, String(concurrency)],
      {
        cwd: join(repoRoot, 'tests'),
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`plain crawlee exited with ${code}`));
      const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
        pages: number;
        ms: number;
        cpuMs: number;
        peakRssMb: number | null;
      };
      resolve({ ...r, cpuMsPerPage: r.cpuMs / r.pages, pagesPerSecond: r.pages / (r.ms / 1000), loadavg: load() });
    });
  });
}

/** Spawn → first byte on stdout, in ms, of `govwatch ARGS`. */
function firstOutputMs(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first = Number.NaN;
    const child = spawn(process.execPath, cliArgv(args), {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout.once('data', () => {
      first = performance.now() - t0;
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('exit', () => resolve(Math.round(first)));
  });
}

/**
 * The host limiter alone, against the same Redis before any worker runs: `hosts` hosts, two
 * callers per host (a site's maxConcurrency), `perHost` requests each at the world's rate.
 * Every command the server ran (INFO commandstats, including those inside the Lua script) per request.
 */
export async function limiterCost(
  redisUrl: string,
  hosts: number,
  perHost: number,
  rps: number,
  opts: { requestMs?: number; slotTtlMs?: number } = {},
) {
  const redis = new Redis(redisUrl);
  const limiter = redisHostLimiter(redis, `bench-limiter-${Date.now()}`, { slotTtlMs: opts.slotTtlMs });
  const limits = { requestsPerSecond: rps, maxConcurrency: 2 };
  await redis.ping();
  const before = await commandStats(redis);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: hosts }, async (_, h) => {
      const host = `127.0.0.${2 + h}:80`;
      let left = perHost;
      const caller = async () => {
        while (left-- > 0) await limiter.schedule(host, limits, async () => sleep(opts.requestMs ?? 2));
      };
      await Promise.all([caller(), caller()]);
    }),
  );
  const ms = performance.now() - t0;
  const after = await commandStats(redis);
  redis.disconnect();
  const requests = hosts * perHost;
  const delta = (k: string) => (after.get(k) ?? 0) - (before.get(k) ?? 0);
  const total = totalOf(after) - totalOf(before);
  // Round trips: each EVALSHA, and one MULTI … EXEC for the release.
  const roundTrips = delta('evalsha') + delta('evalsha_ro') + delta('exec');
  return {
    requests,
    commandsPerRequest: total / requests,
    roundTripsPerRequest: roundTrips / requests,
    ms: Math.round(ms),
  };
}

export async function runPipelineBench(
  options: PipelineOptions = pipelineOptions,
  say: (line: string) => void = () => undefined,
): Promise<PipelineBenchResult> {
  const startedAt = new Date().toISOString();
  const dir = mkdtempSync(join(tmpdir(), 'govwatch-pipeline-bench-'));
  const profileDir = process.env.BENCH_PROFILE;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const redisServer = await startRedis(dir);
    cleanups.push(() => redisServer.stop());
    say(`redis: ${redisServer.label}`);
    const t = performance.now();
    const world: BigSite = await startBigSite({ hosts: options.hosts, pages: options.pages });
    cleanups.push(() => world.close());
    say(
      `world: ${world.pages.length} pages on ${options.hosts} hosts, built in ${Math.round(performance.now() - t)} ms`,
    );
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const prefix = testPrefix();
    const siteEntries = world.sites({ requestsPerSecond: options.hostRps, maxConcurrency: 2, maxPages: 10_000 });
    const sitesFile = join(dir, 'sites.yaml');
    writeFileSync(sitesFile, `sites:\n${siteEntries.map((s) => `  - ${JSON.stringify(s)}`).join('\n')}\n`);
    const env: Record<string, string> = {
      DATABASE_URL: database.url,
      REDIS_URL: redisServer.url,
      GOVWATCH_QUEUE_PREFIX: prefix,
      GOVWATCH_SITES: sitesFile,
      LOG_LEVEL: 'warn',
      ...(options.crawlConcurrency ? { GOVWATCH_CRAWL_CONCURRENCY: String(options.crawlConcurrency) } : {}),
      ...(options.extractConcurrency ? { GOVWATCH_EXTRACT_CONCURRENCY: String(options.extractConcurrency) } : {}),
      ...(options.storeConcurrency ? { GOVWATCH_STORE_CONCURRENCY: String(options.storeConcurrency) } : {}),
    };
    const rt = createRuntime(loadConfig({ ...process.env, ...env }), createLogger('warn', 'bench'));
    cleanups.push(() => rt.close());
    const sites = siteEntries.map((s) => Site.parse(s));
    await upsertSites(
      rt.db.prisma,
      sites.map((s) => ({ id: s.id, name: s.name, config: s })),
    );

    // Page sizes, from a sample of the world.
    const sizes: number[] = [];
    for (const p of world.pages.filter((_, i) => i % 7 === 0))
      sizes.push((await (await fetch(p.url)).arrayBuffer()).byteLength / 1024);
    world.resetCounts();

    const cliStartMs = { help: [] as number[], sites: [] as number[] };
    for (let i = 0; i < 5; i++) {
      cliStartMs.help.push(await firstOutputMs(['--help'], env));
      cliStartMs.sites.push(await firstOutputMs(['sites', '--sites', sitesFile], env));
    }
    say(
      `CLI start-up to first output: --help ${cliStartMs.help.join(', ')} ms; sites ${cliStartMs.sites.join(', ')} ms`,
    );

    const limiter = await limiterCost(redisServer.url, options.hosts, 6, options.hostRps);
    say(
      `host limiter alone: ${limiter.commandsPerRequest.toFixed(1)} Redis commands and ${limiter.roundTripsPerRequest.toFixed(2)} round trips per request`,
    );

    const urlsFile = join(dir, 'urls.txt');
    writeFileSync(urlsFile, `${world.pages.map((p) => p.url).join('\n')}\n`);
    const plain: PlainPass[] = [];
    const plainOnce = async () => {
      say('plain Crawlee CheerioCrawler …');
      const r = await runPlain(urlsFile, join(dir, 'plain.jsonl'), options.plainConcurrency);
      say(
        `plain Crawlee: ${r.pages} pages in ${r.ms} ms, ${r.pagesPerSecond.toFixed(1)} pages/s, ${r.cpuMsPerPage.toFixed(2)} CPU ms/page, peak RSS ${r.peakRssMb} MB (load ${r.loadavg.join(' ')})`,
      );
      world.resetCounts();
      plain.push(r);
    };
    await plainOnce();

    const redisUsed = {
      before: null as number | null,
      peakDuring: null as number | null,
      after: null as number | null,
    };
    const workers = startWorkers(env, dir, profileDir);
    cleanups.push(() => workers.stop());
    await waitForWorkers(rt, workers);
    redisUsed.before = await usedMemoryMb(rt.redis);
    const versions = () => rt.db.prisma.reportVersion.count();

    const crawlAll = async (label: string): Promise<CrawlPass> => {
      world.resetCounts();
      const versionsBefore = await versions();
      const statsBefore = await commandStats(rt.redis);
      const rssPeak: Record<Kind, number> = { crawl: 0, extract: 0, store: 0 };
      let memPeak = 0;
      const cpuBefore = Object.fromEntries(KINDS.map((k) => [k, cpuMs(workers.procs[k].pid ?? 0)])) as Record<
        Kind,
        number
      >;
      say(`${label}: ${sites.length} crawls …`);
      const t0 = performance.now();
      // Eight requests at a time, as a scheduler would: 200 at once wait past Prisma's 2 s
      // transaction start limit on a loaded machine.
      const runIds: string[] = [];
      const pending = [...sites];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let s = pending.shift(); s; s = pending.shift()) runIds.push((await requestCrawl(rt, s, 'cli')).runId);
        }),
      );
      const deadline = Date.now() + options.timeoutMs;
      for (;;) {
        for (const kind of KINDS)
          rssPeak[kind] = Math.max(rssPeak[kind], procKb(workers.procs[kind].pid ?? 0, 'VmRSS'));
        memPeak = Math.max(memPeak, await usedMemoryMb(rt.redis));
        const running = await rt.db.prisma.crawlRun.count({ where: { id: { in: runIds }, status: 'running' } });
        if (running === 0) break;
        if (Date.now() > deadline)
          throw new Error(`${label}: ${running} runs still running after ${options.timeoutMs} ms`);
        for (const kind of KINDS)
          if (workers.procs[kind].exitCode !== null) throw new Error(`${label}: worker ${kind} died (log in ${dir})`);
        await sleep(200);
      }
      const ms = performance.now() - t0;
      const statsAfter = await commandStats(rt.redis);
      const counts = world.counts();
      const cpuMsPerRequest = Object.fromEntries(
        KINDS.map((k) => [
          k,
          Math.round(((cpuMs(workers.procs[k].pid ?? 0) - cpuBefore[k]) / Math.max(counts.requests, 1)) * 100) / 100,
        ]),
      ) as Record<Kind, number>;
      const grouped = await rt.db.prisma.crawlRunPage.groupBy({
        by: ['outcome'],
        where: { runId: { in: runIds } },
        _count: { _all: true },
      });
      const runs = await rt.db.prisma.crawlRun.groupBy({
        by: ['status'],
        where: { id: { in: runIds } },
        _count: { _all: true },
      });
      const runCount = (status: string) => runs.find((r) => r.status === status)?._count._all ?? 0;
      const pagesStored = grouped.reduce((n, g) => n + g._count._all, 0);
      const runStats = await rt.db.prisma.crawlRun.findMany({ where: { id: { in: runIds } }, select: { stats: true } });
      const notDue = runStats.reduce((n, r) => n + Number((r.stats as { notDue?: number } | null)?.notDue ?? 0), 0);
      const pass: CrawlPass = {
        label,
        ms: Math.round(ms),
        requests: counts.requests,
        byStatus: counts.byStatus,
        conditionalRequests: counts.conditional,
        notDue,
        pagesStored,
        outcomes: Object.fromEntries(grouped.map((g) => [g.outcome, g._count._all])),
        runsFinished: runCount('finished'),
        runsFailed: runs.filter((r) => r.status !== 'finished').reduce((n, r) => n + r._count._all, 0),
        versionsCreated: (await versions()) - versionsBefore,
        // Pages a crawl fetched and settled (200 or 304): what both crawlers are compared on.
        pagesPerSecond: counts.requests / (ms / 1000),
        requestsPerSecond: counts.requests / (ms / 1000),
        redisCommandsPerRequest: counts.requests
          ? (totalOf(statsAfter) - totalOf(statsBefore)) / counts.requests
          : null,
        redisUsedMemoryPeakMb: memPeak,
        workerRssPeakMb: Object.fromEntries(KINDS.map((k) => [k, Math.round(rssPeak[k] / 1024)])) as Record<
          Kind,
          number
        >,
        cpuMsPerRequest,
        loadavg: load(),
      };
      redisUsed.peakDuring = Math.max(redisUsed.peakDuring ?? 0, memPeak);
      say(
        `${label}: ${pass.ms} ms, ${pass.requests} requests (${JSON.stringify(pass.byStatus)}, ${pass.notDue} pages not due), ${pass.pagesPerSecond.toFixed(1)} pages/s, ` +
          `${pass.pagesStored} pages stored ${JSON.stringify(pass.outcomes)}, ${pass.versionsCreated} versions, runs ${pass.runsFinished} finished / ${pass.runsFailed} not; ` +
          `RSS ${JSON.stringify(pass.workerRssPeakMb)} MB, CPU ms/request ${JSON.stringify(cpuMsPerRequest)}, Redis peak ${memPeak} MB, ${pass.redisCommandsPerRequest?.toFixed(1)} Redis commands/request (load ${pass.loadavg.join(' ')})`,
      );
      return pass;
    };

    const first = await crawlAll('first crawl');
    await plainOnce();
    const recrawl = await crawlAll('unchanged re-crawl');
    const changedUrls = world.changeReports(options.changedShare);
    const changedPass = await crawlAll(`re-crawl, ${changedUrls.length} reports changed`);
    // Completed jobs are removed at once; give the last events a moment to leave, then read memory.
    await sleep(2000);
    redisUsed.after = await usedMemoryMb(rt.redis);
    const workerPeakRssMb = Object.fromEntries(
      KINDS.map((k) => [k, Math.round(procKb(workers.procs[k].pid ?? 0, 'VmHWM') / 1024)]),
    ) as Record<Kind, number>;
    await workers.stop();

    const plainPagesPerSecond = plain.reduce((n, p) => n + p.pagesPerSecond, 0) / plain.length;
    const politenessCeiling = options.hosts * options.hostRps;
    const ceiling = Math.min(politenessCeiling, plainPagesPerSecond);
    const ratio = first.pagesPerSecond / plainPagesPerSecond;
    const recrawlSpeedup = first.ms / recrawl.ms;
    const expectedStored = world.pages.filter((p) => p.kind !== 'list').length;
    const checks = [
      {
        name: 'first crawl: every run finished',
        ok: first.runsFinished === sites.length,
        detail: `${first.runsFinished}/${sites.length}`,
      },
      {
        name: 'first crawl: every article page stored',
        ok: first.pagesStored === expectedStored,
        detail: `${first.pagesStored}/${expectedStored}`,
      },
      {
        name: 'plain Crawlee wrote every page',
        ok: plain.every((p) => p.pages === world.pages.length),
        detail: plain.map((p) => p.pages).join(', '),
      },
      {
        name: 'unchanged re-crawl: 0 new versions',
        ok: recrawl.versionsCreated === 0,
        detail: String(recrawl.versionsCreated),
      },
      {
        name: 'unchanged re-crawl: every run finished',
        ok: recrawl.runsFinished === sites.length,
        detail: `${recrawl.runsFinished}/${sites.length}`,
      },
      {
        name: `${changedUrls.length} changed reports: ${changedUrls.length} new versions`,
        ok: changedPass.versionsCreated === changedUrls.length,
        detail: String(changedPass.versionsCreated),
      },
      { name: 'end to end ≥ 0.6 × plain Crawlee (pages/s)', ok: ratio >= 0.6, detail: ratio.toFixed(3) },
      {
        name: 'many hosts ≥ 0.8 of min(politeness, plain Crawlee)',
        ok: first.pagesPerSecond / ceiling >= 0.8,
        detail: (first.pagesPerSecond / ceiling).toFixed(3),
      },
      {
        name: 'unchanged re-crawl ≥ 5 × faster than the first',
        ok: recrawlSpeedup >= 5,
        detail: `${recrawlSpeedup.toFixed(2)}×`,
      },
      {
        name: 'worker RSS ≤ 300 MB',
        ok: KINDS.every((k) => workerPeakRssMb[k] <= 300),
        detail: JSON.stringify(workerPeakRssMb),
      },
      {
        name: 'CLI start-up ≤ 0.3 s (median, --help)',
        ok: median(cliStartMs.help) <= 300,
        detail: `${median(cliStartMs.help)} ms`,
      },
    ];
    return {
      options,
      startedAt,
      redis: redisServer.label,
      world: {
        hosts: options.hosts,
        pages: world.pages.length,
        reports: world.pages.filter((p) => p.kind === 'report').length,
        meanPageKb: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length),
        minPageKb: Math.round(Math.min(...sizes)),
        maxPageKb: Math.round(Math.max(...sizes)),
      },
      plain,
      plainPagesPerSecond,
      first,
      recrawl,
      changed: { ...changedPass, reportsChanged: changedUrls.length },
      ratio,
      recrawlSpeedup,
      politenessCeiling,
      ceiling,
      ofCeiling: first.pagesPerSecond / ceiling,
      limiter,
      memory: { workerPeakRssMb, redisUsedMb: redisUsed },
      cliStartMs: { ...cliStartMs, helpMedian: median(cliStartMs.help), sitesMedian: median(cliStartMs.sites) },
      checks,
    };
  } finally {
    // Last in, first out: workers stop before the database and Redis they use go away.
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
