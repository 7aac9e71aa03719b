// pnpm bench — the crawl benchmarks (crawl-bench.ts): prints a table, writes
// tests/bench/results/crawl.json and crawl.md; then runs the extraction benchmark
// (extract-bench.ts, `pnpm bench:extract`) as a child process when that file exists.
// Needs Redis and PostgreSQL (pnpm services). Exit code 1 when a check fails.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CrawlBenchResult, runCrawlBench } from './crawl-bench.ts';

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(here, 'results');

/** The commit measured: BENCH_COMMIT when the tree is a copy without .git, else HEAD (+dirty). */
function commitMeasured(): string {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages', 'services', 'prisma'], { cwd: here, encoding: 'utf8' }).trim();
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}
const commit = commitMeasured();

const s = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function rows(r: CrawlBenchResult): [string, string, string][] {
  const { first: f, recrawl: c } = r;
  return [
    ['wall time, CLI process (spawn → exit)', s(f.wallMs), s(c.wallMs)],
    ['  run time in process (CrawlRun started → finished)', s(f.runMs), s(c.runMs)],
    ['  crawl phase (stats.durationMs)', s(f.crawlPhaseMs), s(c.crawlPhaseMs)],
    ['  outside the run (startup, connect, shutdown)', s(f.outsideRunMs), s(c.outsideRunMs)],
    ['  of which CLI startup (spawn → CrawlRun created)', s(f.timeline.runCreated), s(c.timeline.runCreated)],
    ['requests sent', String(f.requests), String(c.requests)],
    ['  list-page requests', String(f.listRequests), String(c.listRequests)],
    ['  report-page requests', String(f.reportRequests), String(c.reportRequests)],
    ['  report-page requests with If-None-Match/If-Modified-Since', String(f.reportRequestsConditional), `${c.reportRequestsConditional} (${pct(r.conditionalShare)})`],
    ['304 responses', String(f.responses304), String(c.responses304)],
    ['pages handed to extract → store', String(f.pagesQueued), String(c.pagesQueued)],
    ['versions created', String(f.versionsCreated), String(c.versionsCreated)],
    ['peak RSS of the CLI process', f.peakRssMb === null ? 'n/a' : `${f.peakRssMb} MB`, c.peakRssMb === null ? 'n/a' : `${c.peakRssMb} MB`],
  ];
}

function markdown(r: CrawlBenchResult): string {
  const o = r.options;
  const t = (f: CrawlBenchResult['first']) =>
    `CLI loaded and run created ${s(f.timeline.runCreated)}, first request ${s(f.timeline.firstRequest)}, ` +
    `discovery to ${s(f.timeline.lastListRequest)} (${f.timeline.listRate.toFixed(0)} req/s), ` +
    `report pages ${s(f.timeline.firstReportRequest)}–${s(f.timeline.lastRequest)} (${f.timeline.reportRate.toFixed(0)} req/s), ` +
    `run finished ${s(f.timeline.runFinished)}, exit ${s(f.timeline.exit)}`;
  const lines = [
    '# Crawl benchmarks',
    '',
    `Fixture site (tests/fixture-site) with ${r.expectedReports} report pages in section fixture-main, ${o.latencyMs} ms latency per request,`,
    `site limits requestsPerSecond ${o.requestsPerSecond}, maxConcurrency ${o.maxConcurrency}; \`govwatch crawl --site fixture-main --wait\`,`,
    `real Redis and a fresh PostgreSQL database, everything on 127.0.0.1. Commit ${commit}; Node ${r.node}, ${r.cpus} CPUs,`,
    `load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end (a shared machine: figures vary run to run); ${r.startedAt}.`,
    '',
    '## Benchmark 1: first crawl vs re-crawl of the unchanged site',
    '',
    '| | first crawl | re-crawl |',
    '| --- | ---: | ---: |',
    ...rows(r).map(([k, a, b]) => `| ${k.replace(/^ {2}/, '&nbsp;&nbsp;')} | ${a} | ${b} |`),
    '',
    `**Re-crawl / first crawl (CLI wall time): ${r.ratio.toFixed(3)}** (target ≤ ${r.target}: ${r.ratio <= r.target ? 'met' : 'missed'}).`,
    `Run time in process: ${r.ratioInProcess.toFixed(3)}; crawl phase: ${r.ratioCrawlPhase.toFixed(3)}.`,
    '',
    'Where the time went (seconds after the CLI was spawned; request times from the fixture\'s log):',
    '',
    `- first crawl: ${t(r.first)}`,
    `- re-crawl: ${t(r.recrawl)}`,
    '',
    '## Benchmark 2: pipeline throughput and memory (first crawl)',
    '',
    '| metric | value |',
    '| --- | ---: |',
    `| pages stored per second (run time) | ${r.pagesStoredPerSecond.toFixed(1)} |`,
    `| pages stored per second (CLI wall time) | ${r.pagesStoredPerSecondWall.toFixed(1)} |`,
    `| pages stored | ${r.first.pagesStored} |`,
    `| peak RSS, CLI process | ${r.first.peakRssMb === null ? 'n/a' : `${r.first.peakRssMb} MB`} |`,
    '',
    `Peak RSS from ${r.first.rssSource}. The CLI ran every stage (crawl, extract, store) in its own process,`,
    `with the default concurrency of 4 jobs per stage.`,
    '',
    '## Checks',
    '',
    ...r.checks.map((c) => `- [${c.ok ? 'x' : ' '}] ${c.name}: ${c.detail}`),
    '',
  ];
  return lines.join('\n');
}

function printTable(r: CrawlBenchResult): void {
  const all = [['', 'first crawl', 're-crawl'] as [string, string, string], ...rows(r)];
  const w = [0, 1, 2].map((i) => Math.max(...all.map((row) => row[i]?.length ?? 0)));
  for (const row of all) console.log(`${row[0].padEnd(w[0] ?? 0)}  ${row[1].padStart(w[1] ?? 0)}  ${row[2].padStart(w[2] ?? 0)}`);
  console.log('');
  console.log(`re-crawl / first crawl (wall): ${r.ratio.toFixed(3)}  (target ≤ ${r.target}; in process ${r.ratioInProcess.toFixed(3)}, crawl phase ${r.ratioCrawlPhase.toFixed(3)})`);
  console.log(`pipeline: ${r.pagesStoredPerSecond.toFixed(1)} pages stored/s (run time), ${r.pagesStoredPerSecondWall.toFixed(1)} (wall); peak RSS ${r.first.peakRssMb ?? 'n/a'} MB`);
  for (const c of r.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
}

function runChild(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit', cwd: join(here, '../..') });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

const result = await runCrawlBench(undefined, (line) => console.error(line));
printTable(result);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'crawl.json'), `${JSON.stringify({ commit, machine: cpus()[0]?.model, loadavg: loadavg(), ...result }, null, 2)}\n`);
writeFileSync(join(resultsDir, 'crawl.md'), markdown(result));
console.log(`\nresults: ${join('tests/bench/results', 'crawl.json')}, ${join('tests/bench/results', 'crawl.md')}`);
let code = result.checks.every((c) => c.ok) ? 0 : 1;

const extractBench = join(here, 'extract-bench.ts');
if (existsSync(extractBench)) {
  console.log('\n== extraction benchmark (tests/bench/extract-bench.ts) ==');
  const extractCode = await runChild(extractBench);
  if (extractCode !== 0) code = 1;
}
process.exit(code);
