// pnpm bench:store — the store stage alone: stores per second with 1 and 4 store workers on
// 5,000 distinct reports, on 5,000 near-duplicates (1,000 reports, each also republished at
// four other sites' URLs: other spacing, punctuation width, header and footer) and on 5,000
// pages that are no report (nine in ten of a crawl's pages).
//
// Each worker is its own process (as store workers are), with its own Prisma client, storing one
// job at a time through storePage (STORE_BENCH_CONCURRENCY=N: N at a time) — the store worker's
// work without BullMQ around it. Every
// cell starts from an empty, migrated database. Jobs are built (gzip, sha256, contentHash)
// before the clock starts; storePage's own decoding (gunzip, sha256 check, SimHash) is timed.
//
// Per cell it also counts, client-side, every SQL statement sent (pg's Client.query: statements
// and round trips per store, and where their time goes) — pg_stat_statements is not loaded on the shared
// PostgreSQL, and loading it needs a server restart. STORE_BENCH_PROFILE=1 also writes a CPU
// profile of worker 0 while the clock runs (in the temp dir) and prints its heaviest functions.
//
// Prints a table and writes tests/bench/results/store.json. Needs PostgreSQL (pnpm services).
import { fork } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDb, type Db, indexPendingSearch, SEARCH_INDEX_BATCH, storePage } from '@govwatch/db';
import { createTestDatabase } from '@govwatch/db/testing';
import type { StoreRecordJob } from '@govwatch/jobs';
import pg from 'pg';
import { procCpuMs, procCpuTimes } from '../helpers/process-stats.ts';
import { recordJob, republished } from '../store-helpers.ts';
import { YICHUN_2022, YICHUN_2023 } from '../store-texts.ts';

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(here, 'results');
const JOBS = Number(process.env.STORE_BENCH_JOBS ?? 5000);
const WORKERS = (process.env.STORE_BENCH_WORKERS ?? '1,4').split(',').map(Number);
const SCENARIOS = (process.env.STORE_BENCH_SCENARIOS ?? 'distinct,nearDuplicates,notReports').split(',') as Scenario[];
// After each cell, the search indexer (packages/db/src/search-index.ts) catches up, timed apart:
// the store no longer pays for search, so this is where that cost shows. STORE_BENCH_SEARCH_INDEX=0 skips it.
const SEARCH_INDEX = process.env.STORE_BENCH_SEARCH_INDEX !== '0';
// Jobs each worker process stores at once (the store worker's GOVWATCH_STORE_CONCURRENCY).
const CONCURRENCY = Number(process.env.STORE_BENCH_CONCURRENCY ?? 1);
const TARGET = 500; // stores/s with 4 workers (issue 13)
const COPIES = 5; // near-duplicates: each report and four republished copies
const SITES = ['bench-a', 'bench-b', 'bench-c', 'bench-d', 'bench-e'];

type Scenario = 'distinct' | 'nearDuplicates' | 'notReports';
type QueryStat = { calls: number; ms: number };
type WorkerResult = {
  jobs: number;
  ms: number;
  cpuMs: number;
  /** Of cpuMs, in the kernel (system calls: the socket to PostgreSQL). */
  sysMs: number;
  backendCpuMs: number | null;
  backendSysMs: number | null;
  outcomes: Record<string, number>;
  queries: Record<string, QueryStat>;
  roundTrips: number;
};
type Cell = {
  scenario: Scenario;
  workers: number;
  jobs: number;
  seconds: number;
  storesPerSecond: number;
  versionsCreated: number;
  versionsPerSecond: number;
  reports: number;
  outcomes: Record<string, number>;
  roundTripsPerStore: number;
  statementsPerStore: number;
  /** The worker processes' own CPU (user + system) per store: prepare, Prisma, the pg driver. */
  workerCpuMsPerStore: number;
  /** Of which in the kernel (socket writes and reads, mostly). */
  workerSysMsPerStore: number;
  /** The PostgreSQL backends' CPU per store (from /proc: a local server only; else null). */
  postgresCpuMsPerStore: number | null;
  postgresSysMsPerStore: number | null;
  topStatements: { sql: string; callsPerStore: number; msPerStore: number }[];
  /** The search indexer's catch-up after the stores (null: skipped). */
  search: SearchCatchUp | null;
};
type SearchCatchUp = { reports: number; seconds: number; perSecond: number; postgresCpuMsPerReport: number | null };

// --- deterministic report texts -------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The characters of two real reports: texts drawn from them read like the genre to SimHash. */
const POOL = [...new Set([...`${YICHUN_2023}${YICHUN_2022}`].filter((c) => /\p{Script=Han}/u.test(c)))];
const HEADINGS = ['一', '二', '三', '四', '五', '六'];

/** A report of ~3,000 characters: six headed sections of random sentences from the pool. */
function reportText(seed: number): string {
  const rnd = mulberry32(seed);
  const lines: string[] = [];
  for (const h of HEADINGS) {
    lines.push(`${h}、${Array.from({ length: 8 }, () => POOL[Math.floor(rnd() * POOL.length)]).join('')}`);
    for (let p = 0; p < 4; p++) {
      const len = 90 + Math.floor(rnd() * 60);
      let s = '';
      for (let i = 0; i < len; i++) s += i > 0 && i % 23 === 0 ? '，' : POOL[Math.floor(rnd() * POOL.length)];
      lines.push(`${s}。`);
    }
  }
  return lines.join('\n');
}

const reflowed = (t: string) =>
  t
    .split('\n')
    .map((p) => `\u3000\u3000${p}`)
    .join('\n\n');
const toHalfWidth = (t: string) => t.replace(/，/g, ',').replace(/。/g, '.');
const newHeader = (t: string) => `发布日期:2024-01-15 来源:市政府办公室 浏览次数:562\n${t}\n分享到: 【打印】 【关闭】`;
const VARIANTS = [(t: string) => t, republished, reflowed, toHalfWidth, newHeader];

/** Job i of the scenario for every i < count that `mine` selects (each worker builds only its own). */
function jobsFor(
  scenario: Scenario,
  runs: Record<string, string>,
  count: number,
  mine: (i: number) => boolean,
): StoreRecordJob[] {
  const jobs: StoreRecordJob[] = [];
  for (let i = 0; i < count; i++) {
    if (!mine(i)) continue;
    const group = scenario === 'nearDuplicates' ? Math.floor(i / COPIES) : i;
    const copy = scenario === 'nearDuplicates' ? i % COPIES : 0;
    const site = SITES[copy] as string;
    const agency = `第${group % 500}市公安局`;
    const reportYear = 2014 + (Math.floor(group / 500) % 10);
    const text = (VARIANTS[copy] as (t: string) => string)(reportText(group + 1));
    jobs.push(
      recordJob({
        runId: runs[site] as string,
        siteId: site,
        url: `http://${site}.example/fzzfjs/${reportYear}/t${group}_${copy}.html`,
        text,
        // Copies 3 and 4 lose the title: found by SimHash, not by agency + year + title.
        title: copy >= 3 ? null : `${agency}${reportYear}年法治政府建设工作情况报告`,
        agency,
        reportYear,
        publishedAt: `${reportYear + 1}-01-15`,
        // News, notices and list pages: nine pages in ten of a crawl.
        isReport: scenario !== 'notReports',
      }),
    );
  }
  return jobs;
}

// --- worker process -------------------------------------------------------------------------

/**
 * A statement's text as pg_stat_statements would group it: whitespace collapsed, and literal numbers
 * and literal arrays (the advisory lock keys written into BEGIN's simple query) replaced by `?`.
 */
const statementKeys = new Map<string, string>();

function statementKey(sql: string): string {
  // Cached per text: the worker's CPU is measured, and the store sends a few texts many times.
  let key = statementKeys.get(sql);
  if (key === undefined) {
    key = normalise(sql);
    statementKeys.set(sql, key);
  }
  return key;
}

function normalise(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/'\{[^'}]*\}'/g, "'{?}'")
    .replace(/(?<![\w$"])-?\d+(?:\.\d+)?\b/g, '?');
}

/**
 * Count every statement the pg driver sends, by its text (what pg_stat_statements would show), and
 * the round trips: a statement sent while none is in flight on its connection starts one (the
 * store pipelines statements behind each other).
 */
function countQueries(backends: Set<number>): { stats: Record<string, QueryStat>; roundTrips: { n: number } } {
  const stats: Record<string, QueryStat> = {};
  const roundTrips = { n: 0 };
  const inFlight = new WeakMap<object, number>();
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: { processID?: number | null }, ...args: unknown[]) {
    if (this.processID) backends.add(this.processID);
    const pending = inFlight.get(this) ?? 0;
    if (pending === 0) roundTrips.n++;
    inFlight.set(this, pending + 1);
    const settle = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    const first = args[0] as string | { text?: string };
    const sql = statementKey(typeof first === 'string' ? first : (first?.text ?? '?'));
    const stat = stats[sql] ?? { calls: 0, ms: 0 };
    stats[sql] = stat;
    stat.calls++;
    const started = performance.now();
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      // pg.Pool#query hands the client a callback rather than awaiting a promise.
      args[last] = (...cbArgs: unknown[]) => {
        settle();
        stat.ms += performance.now() - started;
        return (callback as (...a: unknown[]) => unknown)(...cbArgs);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      return (result as Promise<unknown>).finally(() => {
        settle();
        stat.ms += performance.now() - started;
      });
    }
    settle();
    return result;
  };
  return { stats, roundTrips };
}

async function runWorker(): Promise<void> {
  const { databaseUrl, scenario, runs, index, workers, count, profileDir } = JSON.parse(
    process.env.STORE_BENCH_WORKER as string,
  );
  const backends = new Set<number>();
  const { stats: queries, roundTrips } = countQueries(backends);
  const db = createDb(databaseUrl);
  const mine = jobsFor(scenario, runs, count, (i) => i % workers === index);
  await db.prisma.$queryRaw`SELECT 1`; // connect before the clock starts
  for (const k of Object.keys(queries)) delete queries[k];
  roundTrips.n = 0;
  const backendCpuBefore = new Map([...backends].map((pid) => [pid, procCpuTimes(pid)]));
  process.send?.({ ready: true });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  // Only the timed stores: a profile of the whole process (node --cpu-prof) is mostly module
  // loading and building the jobs.
  const profiler = profileDir ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const outcomes: Record<string, number> = {};
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let job = mine[next++]; job; job = mine[next++]) {
        const { outcome } = await storePage(db.prisma, job, { maxAttempts: 20 });
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    }),
  );
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, 'worker-0.cpuprofile'), JSON.stringify(profile));
  }
  let backendMs: number | null = 0;
  let backendSys: number | null = 0;
  for (const pid of backends) {
    const now = procCpuTimes(pid);
    const before = backendCpuBefore.get(pid);
    backendMs = now === null || backendMs === null ? null : backendMs + now.cpu - (before?.cpu ?? 0);
    backendSys = now === null || backendSys === null ? null : backendSys + now.sys - (before?.sys ?? 0);
  }
  await db.close();
  const result: WorkerResult = {
    jobs: mine.length,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    sysMs: used.system / 1000,
    backendCpuMs: backendMs,
    backendSysMs: backendSys,
    outcomes,
    queries,
    roundTrips: roundTrips.n,
  };
  process.send?.({ result }, () => process.exit(0));
}

// --- coordinator ----------------------------------------------------------------------------

async function runCell(scenario: Scenario, workers: number, profileDir: string | null): Promise<Cell> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = await createTestDatabase(serverUrl);
  const db = createDb(database.url);
  try {
    const runs: Record<string, string> = {};
    for (const site of SITES) {
      await db.prisma.site.create({ data: { id: site, name: site, config: {} } });
      runs[site] = (await db.prisma.crawlRun.create({ data: { siteId: site, trigger: 'cli' } })).id;
    }
    const children = Array.from({ length: workers }, (_, index) => {
      return fork(fileURLToPath(import.meta.url), [], {
        execArgv: ['--import', 'tsx'],
        env: {
          ...process.env,
          STORE_BENCH_WORKER: JSON.stringify({
            databaseUrl: database.url,
            scenario,
            runs,
            index,
            workers,
            count: JOBS,
            profileDir: index === 0 ? profileDir : null,
          }),
        },
      });
    });
    const results = children.map(
      (child) =>
        new Promise<WorkerResult>((resolve, reject) => {
          child.on('message', (m: { result?: WorkerResult }) => m.result && resolve(m.result));
          child.on('exit', (code) => code !== 0 && reject(new Error(`store bench worker exited ${code}`)));
        }),
    );
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => child.on('message', (m: { ready?: boolean }) => m.ready && resolve())),
      ),
    );
    const started = performance.now();
    for (const child of children) child.send({ go: true });
    const done = await Promise.all(results);
    const seconds = (performance.now() - started) / 1000;

    const outcomes: Record<string, number> = {};
    const queries: Record<string, QueryStat> = {};
    for (const r of done) {
      for (const [k, v] of Object.entries(r.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
      for (const [sql, q] of Object.entries(r.queries)) {
        const s = queries[sql] ?? { calls: 0, ms: 0 };
        queries[sql] = s;
        s.calls += q.calls;
        s.ms += q.ms;
      }
    }
    const search = SEARCH_INDEX ? await catchUpSearch(db) : null;
    const versionsCreated = await db.prisma.reportVersion.count();
    const reports = await db.prisma.report.count();
    const statements = Object.values(queries).reduce((n, q) => n + q.calls, 0);
    const roundTrips = done.reduce((n, r) => n + r.roundTrips, 0);
    const topStatements = Object.entries(queries)
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 20)
      .map(([sql, q]) => ({ sql: sql.slice(0, 140), callsPerStore: q.calls / JOBS, msPerStore: q.ms / JOBS }));
    return {
      scenario,
      workers,
      jobs: JOBS,
      seconds,
      storesPerSecond: JOBS / seconds,
      versionsCreated,
      versionsPerSecond: versionsCreated / seconds,
      reports,
      outcomes,
      roundTripsPerStore: roundTrips / JOBS,
      statementsPerStore: statements / JOBS,
      workerCpuMsPerStore: done.reduce((n, r) => n + r.cpuMs, 0) / JOBS,
      workerSysMsPerStore: done.reduce((n, r) => n + r.sysMs, 0) / JOBS,
      postgresCpuMsPerStore: done.some((r) => r.backendCpuMs === null)
        ? null
        : done.reduce((n, r) => n + (r.backendCpuMs ?? 0), 0) / JOBS,
      postgresSysMsPerStore: done.some((r) => r.backendSysMs === null)
        ? null
        : done.reduce((n, r) => n + (r.backendSysMs ?? 0), 0) / JOBS,
      topStatements,
      search,
    };
  } finally {
    await db.close();
    await database.drop();
  }
}

/** Index every pending report for search, batch after batch as a store worker's indexer would. */
async function catchUpSearch(db: Db): Promise<SearchCatchUp> {
  const backends = async () =>
    (
      await db.prisma.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`
    ).map((r) => r.pid);
  const before = new Map((await backends()).map((pid) => [pid, procCpuMs(pid)]));
  const started = performance.now();
  let reports = 0;
  for (;;) {
    const { indexed } = await indexPendingSearch(db.prisma, SEARCH_INDEX_BATCH);
    reports += indexed;
    if (indexed < SEARCH_INDEX_BATCH) break;
  }
  // The last entries may wait in the GIN index's pending list: merging them is part of the cost.
  await db.prisma.$queryRaw`SELECT gin_clean_pending_list('"ReportSearchText_text_trgm_idx"'::regclass)`;
  const seconds = (performance.now() - started) / 1000;
  let cpu: number | null = 0;
  for (const pid of await backends()) {
    const now = procCpuMs(pid);
    cpu = now === null || cpu === null ? null : cpu + now - (before.get(pid) ?? 0);
  }
  return {
    reports,
    seconds,
    perSecond: reports / seconds,
    postgresCpuMsPerReport: cpu === null || reports === 0 ? null : cpu / reports,
  };
}

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};

/** The functions with the most self time in a .cpuprofile, as "name (file:line) ms". */
function heaviestFunctions(file: string, top = 12): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
    samples: number[];
  };
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const self = new Map<string, number>();
  for (const n of profile.nodes) {
    const where = n.callFrame.url
      ? `${n.callFrame.url.replace(/^.*\/(node_modules|packages|tests)\//, '$1/')}:${n.callFrame.lineNumber + 1}`
      : '';
    const key = `${n.callFrame.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0) * msPerSample);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${k}`);
}

async function main(): Promise<void> {
  const profile = process.env.STORE_BENCH_PROFILE === '1';
  const cells: Cell[] = [];
  const profiles: Record<string, string[]> = {};
  for (const scenario of SCENARIOS) {
    for (const workers of WORKERS) {
      // Profiles are large: they go to the temp dir, and only their summary into store.json.
      const profileDir = profile ? join(tmpdir(), 'govwatch-store-bench', `${scenario}-${workers}`) : null;
      if (profileDir) rmSync(profileDir, { recursive: true, force: true });
      const cell = await runCell(scenario, workers, profileDir);
      cells.push(cell);
      console.log(
        `${scenario} × ${workers} worker(s): ${cell.storesPerSecond.toFixed(0)} stores/s, ${cell.versionsPerSecond.toFixed(0)} versions/s, ` +
          `${cell.roundTripsPerStore.toFixed(1)} round trips (${cell.statementsPerStore.toFixed(1)} statements), CPU per store: worker ${cell.workerCpuMsPerStore.toFixed(2)} ms (system ${cell.workerSysMsPerStore.toFixed(2)}), ` +
          `PostgreSQL ${cell.postgresCpuMsPerStore?.toFixed(2) ?? '?'} ms (system ${cell.postgresSysMsPerStore?.toFixed(2) ?? '?'}), outcomes ${JSON.stringify(cell.outcomes)}` +
          (cell.search
            ? `; then search indexing: ${cell.search.reports} reports in ${cell.search.seconds.toFixed(2)} s ` +
              `(${cell.search.perSecond.toFixed(0)}/s, PostgreSQL ${cell.search.postgresCpuMsPerReport?.toFixed(2) ?? '?'} ms each)`
            : ''),
      );
      if (profileDir) {
        const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
        if (file) profiles[`${scenario}-${workers}`] = heaviestFunctions(join(profileDir, file));
      }
    }
  }

  const table = [
    '| scenario | store workers | jobs | time | stores/s | versions created | versions/s | reports | round trips per store | worker CPU per store | PostgreSQL CPU per store | search index: reports/s, PostgreSQL CPU each |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...cells.map(
      (c) =>
        `| ${c.scenario} | ${c.workers} | ${c.jobs} | ${c.seconds.toFixed(2)} s | ${c.storesPerSecond.toFixed(0)} | ${c.versionsCreated} | ` +
        `${c.versionsPerSecond.toFixed(0)} | ${c.reports} | ${c.roundTripsPerStore.toFixed(1)} | ${c.workerCpuMsPerStore.toFixed(2)} ms | ${c.postgresCpuMsPerStore?.toFixed(2) ?? '?'} ms | ` +
        (c.search
          ? `${c.search.perSecond.toFixed(0)}, ${c.search.postgresCpuMsPerReport?.toFixed(2) ?? '?'} ms |`
          : '– |'),
    ),
  ];
  console.log(`\n${table.join('\n')}`);
  for (const c of cells) {
    console.log(`\n${c.scenario} × ${c.workers}: heaviest statements (per store: calls, ms)`);
    for (const s of c.topStatements)
      console.log(`  ${s.callsPerStore.toFixed(2).padStart(5)}  ${s.msPerStore.toFixed(2).padStart(6)} ms  ${s.sql}`);
  }
  for (const [name, lines] of Object.entries(profiles))
    console.log(`\nCPU profile of worker 0, ${name} (self time):\n  ${lines.join('\n  ')}`);

  const distinct4 = cells.find((c) => c.scenario === 'distinct' && c.workers === 4);
  const verdict = distinct4
    ? `distinct reports, 4 workers: ${distinct4.versionsPerSecond.toFixed(0)} versions/s (target ≥ ${TARGET}: ${distinct4.versionsPerSecond >= TARGET ? 'met' : 'missed'})`
    : '';
  if (verdict) console.log(`\n${verdict}`);
  if (distinct4?.search) {
    const overall = distinct4.versionsCreated / (distinct4.seconds + distinct4.search.seconds);
    console.log(`with the search indexer's catch-up after it: ${overall.toFixed(0)} versions/s overall`);
  }

  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    join(resultsDir, 'store.json'),
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadavg: loadavg().map((l) => Number(l.toFixed(2))) },
        jobsPerCell: JOBS,
        concurrencyPerWorker: CONCURRENCY,
        searchIndex: SEARCH_INDEX,
        target: { versionsPerSecondWith4Workers: TARGET },
        cells,
        profiles,
      },
      null,
      2,
    )}\n`,
  );
}

if (process.env.STORE_BENCH_WORKER) await runWorker();
else await main();
