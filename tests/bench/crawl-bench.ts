// Crawl benchmarks (issue 3), through the real CLI, real Redis and real PostgreSQL:
//
// 1. Re-crawl: a 500-report fixture site on 127.0.0.1 with a per-request latency, crawled with
//    `govwatch crawl --site fixture-main --wait` into a fresh database, then crawled again
//    unchanged. Per crawl: wall time of the CLI process, the run's own time (CrawlRun startedAt →
//    finishedAt, inside the CLI process), the crawl phase time (stats.durationMs), requests sent
//    (the fixture's request log); for the re-crawl, how many report-page requests carried
//    If-None-Match / If-Modified-Since, how many were answered 304, and the versions it created.
//    Target: the re-crawl's run time (its CrawlRun's duration, as `govwatch runs` shows it and
//    as a scheduled crawl in a running worker costs) ≤ 0.2 × the first crawl's; the ratio of
//    CLI wall times (process start and exit included) is reported beside it.
//    The site's host limit is set where it does not bind (every request still takes its turn in
//    Redis): at a binding limit both crawls send the same requests at the same pace and the
//    ratio measures the limit, not the crawler. rateBoundOptions runs that case as well.
// 2. Pipeline throughput: pages stored per second on the first crawl (run time, the CLI's own
//    startup excluded), and the peak RSS of the CLI process (GNU time's maximum resident set
//    size over the process tree, else VmHWM sampled from /proc).
//
// The fixed cost of starting the CLI (node loading the bundled CLI, crawlee, Prisma and
// BullMQ, connecting) is reported separately: spawn → the CrawlRun row is created.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDb } from '@govwatch/db';
import type { RequestLogEntry } from '@govwatch/fixture-site';
import { startFixtureSite } from '@govwatch/fixture-site';
import { cliArgv, repoRoot } from '../helpers/cli.ts';
import { procKb } from '../helpers/process-stats.ts';
import { createTestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

export type CrawlBenchOptions = {
  reportCount: number;
  latencyMs: number;
  requestsPerSecond: number;
  maxConcurrency: number;
  /** Each CLI run is killed after this long; the whole benchmark is bounded by about 2 × this. */
  cliTimeoutMs: number;
};

export const defaultOptions: CrawlBenchOptions = {
  reportCount: Number(process.env.BENCH_REPORTS ?? 500),
  latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 10),
  requestsPerSecond: Number(process.env.BENCH_RPS ?? 1000),
  maxConcurrency: Number(process.env.BENCH_CONCURRENCY ?? 8),
  cliTimeoutMs: Number(process.env.BENCH_CLI_TIMEOUT_MS ?? 240_000),
};

/** The same site with a host limit the re-crawl runs into: its requests alone need requests/rate. */
export const rateBoundOptions: CrawlBenchOptions = {
  ...defaultOptions,
  requestsPerSecond: Number(process.env.BENCH_BOUND_RPS ?? 200),
};

export type CrawlFigures = {
  exitCode: number;
  status: string;
  /** Wall time of the CLI process, spawn to exit. */
  wallMs: number;
  /** CrawlRun startedAt → finishedAt: the run itself, inside the CLI process. */
  runMs: number;
  /** stats.durationMs: crawl phase only (discovery + report fetches), not extract/store. */
  crawlPhaseMs: number;
  /** wallMs − runMs: process startup, connecting, shutdown, last poll. */
  outsideRunMs: number;
  requests: number;
  listRequests: number;
  reportRequests: number;
  reportRequestsConditional: number;
  responses304: number;
  pagesFetched: number;
  pagesQueued: number;
  pagesStored: number;
  outcomes: Record<string, number>;
  versionsCreated: number;
  reportsCreated: number;
  peakRssMb: number | null;
  rssSource: string;
  /** Where the wall time went, ms after the CLI was spawned (from the DB run row and the fixture's request log). */
  timeline: Timeline;
};

export type Timeline = {
  /** CrawlRun row created: the CLI has loaded, parsed the sites and connected. */
  runCreated: number;
  firstRequest: number;
  /** Discovery (list pages, robots.txt) ends with the last list-page request… */
  lastListRequest: number;
  /** …and report fetches start with the first report-page request. */
  firstReportRequest: number;
  lastRequest: number;
  /** CrawlRun finishedAt: every page settled. */
  runFinished: number;
  exit: number;
  /** Requests per second during discovery and during report fetches. */
  listRate: number;
  reportRate: number;
};

export type CrawlBenchResult = {
  options: CrawlBenchOptions;
  node: string;
  cpus: number;
  startedAt: string;
  first: CrawlFigures;
  recrawl: CrawlFigures;
  /** recrawl.runMs / first.runMs: the crawls' own durations (CrawlRun startedAt → finishedAt); target ≤ 0.2. */
  ratio: number;
  /** recrawl.wallMs / first.wallMs: CLI process start and exit included. */
  ratioWall: number;
  /** The least time the re-crawl's requests can take at the host's rate (requests / rate). */
  rateFloorMs: number;
  /** recrawl.crawlPhaseMs / first.crawlPhaseMs. */
  ratioCrawlPhase: number;
  target: number;
  /** Report pages of the site. */
  expectedReports: number;
  /** Share of re-crawl report-page requests with a conditional header. */
  conditionalShare: number;
  /** First crawl: pages stored / run time (s). */
  pagesStoredPerSecond: number;
  /** First crawl: pages stored / CLI wall time (s). */
  pagesStoredPerSecondWall: number;
  checks: { name: string; ok: boolean; detail: string }[];
};

const GNU_TIME = '/usr/bin/time';

type Measured = {
  code: number;
  stdout: string;
  stderr: string;
  /** Date.now() at spawn. */
  spawnedAt: number;
  wallMs: number;
  peakRssKb: number | null;
  rssSource: string;
};

/** Descendants of pid (the CLI may run child processes). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const p = out[i] as number;
    try {
      for (const tid of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').trim();
        if (children) out.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone already
    }
  }
  return out;
}

/** Run the govwatch CLI as runCli() does, timed, with the peak RSS of its process tree. */
function runCliMeasured(args: string[], env: Record<string, string>, timeoutMs: number): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the CLI runs.
  const argv = [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...cliArgv(args)];
  const [cmd, cmdArgs] = useTime ? [GNU_TIME, ['-v', process.execPath, ...argv]] : [process.execPath, argv];
  return new Promise((resolve) => {
    const started = performance.now();
    const spawnedAt = Date.now();
    let sampledKb = 0;
    const child = execFile(
      cmd,
      cmdArgs,
      {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const wallMs = performance.now() - started;
        clearInterval(sampler);
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        let peakRssKb: number | null = null;
        let rssSource = 'none';
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (useTime && m) {
          peakRssKb = Number(m[1]);
          rssSource = 'GNU time -v (max RSS over the process tree)';
        } else if (sampledKb > 0) {
          peakRssKb = sampledKb;
          rssSource = '/proc VmHWM, sampled every 100 ms';
        }
        resolve({ code, stdout, stderr, spawnedAt, wallMs, peakRssKb, rssSource });
      },
    );
    const sampler = setInterval(() => {
      if (useTime || child.pid === undefined) return;
      for (const pid of processTree(child.pid)) sampledKb = Math.max(sampledKb, procKb(pid, 'VmHWM'));
    }, 100);
  });
}

const isConditional = (e: RequestLogEntry) => Boolean(e.headers['if-none-match'] || e.headers['if-modified-since']);
const ms = (a: Date, b: Date | null) => (b ? b.getTime() - a.getTime() : Number.NaN);

export async function runCrawlBench(
  options: CrawlBenchOptions = defaultOptions,
  say: (line: string) => void = () => undefined,
  { checkRatio = true } = {},
): Promise<CrawlBenchResult> {
  const startedAt = new Date().toISOString();
  const site = await startFixtureSite({ reportCount: options.reportCount, latencyMs: options.latencyMs });
  const database = await createTestDatabase();
  const db = createDb(database.url);
  const prefix = testPrefix();
  const dir = mkdtempSync(join(tmpdir(), 'govwatch-bench-'));
  try {
    const sitesFile = join(dir, 'sites.yaml');
    writeFileSync(
      sitesFile,
      site.siteYaml({
        only: ['fixture-main'],
        defaults: {
          requestsPerSecond: options.requestsPerSecond,
          maxConcurrency: options.maxConcurrency,
          maxPages: 5000,
        },
      }),
    );
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      GOVWATCH_QUEUE_PREFIX: prefix,
      GOVWATCH_SITES: sitesFile,
    };
    const expected = site.reports.filter((r) => r.siteId === 'fixture-main');
    const reportPaths = new Set(expected.map((r) => r.path));
    const isList = (e: RequestLogEntry) => /\/index(_\d+)?\.html$/.test(e.path) || e.path.endsWith('/');

    const crawlOnce = async (label: string): Promise<CrawlFigures> => {
      site.clearLog();
      const versionsBefore = await db.prisma.reportVersion.count();
      const reportsBefore = await db.prisma.report.count();
      say(`${label}: crawl --site fixture-main --wait …`);
      const timeoutS = String(Math.floor(options.cliTimeoutMs / 1000) - 5);
      const r = await runCliMeasured(
        ['crawl', '--site', 'fixture-main', '--wait', '--timeout', timeoutS],
        env,
        options.cliTimeoutMs,
      );
      const runId = /^run (\S+) site fixture-main:/m.exec(r.stdout)?.[1];
      if (!runId) throw new Error(`${label}: no run summary (exit ${r.code}): ${r.stderr.slice(-2000)}`);
      const run = await db.prisma.crawlRun.findUniqueOrThrow({ where: { id: runId } });
      const grouped = await db.prisma.crawlRunPage.groupBy({
        by: ['outcome'],
        where: { runId },
        _count: { _all: true },
      });
      const outcomes = Object.fromEntries(grouped.map((g) => [g.outcome, g._count._all]));
      const stats = run.stats as Record<string, unknown>;
      const log = [...site.log];
      const reportReqs = log.filter((e) => reportPaths.has(e.path));
      const runMs = ms(run.startedAt, run.finishedAt);
      const at = (t: number | undefined) => (t === undefined ? Number.NaN : t - r.spawnedAt);
      const lists = log.filter(isList);
      const span = (entries: RequestLogEntry[]) => ((entries.at(-1)?.t ?? 0) - (entries[0]?.t ?? 0)) / 1000;
      const timeline: Timeline = {
        runCreated: at(run.startedAt.getTime()),
        firstRequest: at(log[0]?.t),
        lastListRequest: at(lists.at(-1)?.t),
        firstReportRequest: at(reportReqs[0]?.t),
        lastRequest: at(log.at(-1)?.t),
        runFinished: at(run.finishedAt?.getTime()),
        exit: Math.round(r.wallMs),
        listRate: lists.length / Math.max(span(lists), 0.001),
        reportRate: reportReqs.length / Math.max(span(reportReqs), 0.001),
      };
      const figures: CrawlFigures = {
        exitCode: r.code,
        status: run.status,
        wallMs: Math.round(r.wallMs),
        runMs,
        crawlPhaseMs: Number(stats.durationMs ?? Number.NaN),
        outsideRunMs: Math.round(r.wallMs - runMs),
        requests: log.length,
        listRequests: log.filter(isList).length,
        reportRequests: reportReqs.length,
        reportRequestsConditional: reportReqs.filter(isConditional).length,
        responses304: log.filter((e) => e.status === 304).length,
        pagesFetched: Number(stats.pagesFetched ?? 0),
        pagesQueued: run.pagesQueued,
        pagesStored: grouped.reduce((n, g) => n + g._count._all, 0),
        outcomes,
        versionsCreated: (await db.prisma.reportVersion.count()) - versionsBefore,
        reportsCreated: (await db.prisma.report.count()) - reportsBefore,
        peakRssMb: r.peakRssKb === null ? null : Math.round(r.peakRssKb / 1024),
        rssSource: r.rssSource,
        timeline,
      };
      say(
        `${label}: ${figures.status}, wall ${figures.wallMs} ms, run ${figures.runMs} ms, crawl phase ${figures.crawlPhaseMs} ms, ` +
          `${figures.requests} requests, ${figures.pagesStored} pages stored, ${figures.versionsCreated} versions`,
      );
      say(
        `${label}: timeline (ms after spawn) ${JSON.stringify(timeline, (_k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`,
      );
      return figures;
    };

    const first = await crawlOnce('first crawl');
    const recrawl = await crawlOnce('re-crawl');
    const target = 0.2;
    const ratio = recrawl.runMs / first.runMs;
    const conditionalShare = recrawl.reportRequests ? recrawl.reportRequestsConditional / recrawl.reportRequests : 0;
    const checks = [
      {
        name: 'first crawl finished',
        ok: first.exitCode === 0 && first.status === 'finished',
        detail: `exit ${first.exitCode}, ${first.status}`,
      },
      {
        // The fixture's generated variants differ from their base report only in agency and year;
        // the store files same-year variants as near-duplicates of one report (outcome duplicate).
        name: 'first crawl stored every report page (created or duplicate)',
        ok: (first.outcomes.created ?? 0) + (first.outcomes.duplicate ?? 0) === expected.length,
        detail: `created ${first.outcomes.created ?? 0} + duplicate ${first.outcomes.duplicate ?? 0} of ${expected.length}`,
      },
      {
        name: 're-crawl finished',
        ok: recrawl.exitCode === 0 && recrawl.status === 'finished',
        detail: `exit ${recrawl.exitCode}, ${recrawl.status}`,
      },
      {
        name: 're-crawl requested every report page once',
        ok:
          recrawl.reportRequests === expected.length &&
          new Set(site.log.filter((e) => reportPaths.has(e.path)).map((e) => e.path)).size === expected.length,
        detail: `${recrawl.reportRequests}/${expected.length}`,
      },
      {
        name: 're-crawl: every report request conditional',
        ok: recrawl.reportRequestsConditional === expected.length,
        detail: `${recrawl.reportRequestsConditional}/${recrawl.reportRequests}`,
      },
      {
        name: 're-crawl created no version',
        ok: recrawl.versionsCreated === 0,
        detail: String(recrawl.versionsCreated),
      },
      ...(checkRatio
        ? [{ name: `re-crawl ≤ ${target} × first crawl (run time)`, ok: ratio <= target, detail: ratio.toFixed(3) }]
        : []),
    ];
    return {
      options,
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      startedAt,
      first,
      recrawl,
      ratio,
      ratioWall: recrawl.wallMs / first.wallMs,
      rateFloorMs: (recrawl.requests / options.requestsPerSecond) * 1000,
      ratioCrawlPhase: recrawl.crawlPhaseMs / first.crawlPhaseMs,
      target,
      expectedReports: expected.length,
      conditionalShare,
      pagesStoredPerSecond: first.pagesStored / (first.runMs / 1000),
      pagesStoredPerSecondWall: first.pagesStored / (first.wallMs / 1000),
      checks,
    };
  } finally {
    await db.close().catch(() => undefined);
    await database.drop().catch(() => undefined);
    await site.close().catch(() => undefined);
    await dropPrefix(prefix).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
