// pnpm bench — first the pipeline benchmark (pipeline-bench.ts, issue 13: govwatch beside a plain
// Crawlee crawl on 200 hosts): prints a table, writes tests/bench/results.json and
// results/pipeline.md. Then the crawl benchmarks (crawl-bench.ts): a table,
// tests/bench/results/crawl.json and crawl.md; then the extraction benchmark (extract-bench.ts,
// `pnpm bench:extract`) as a child process when that file exists. BENCH_ONLY=pipeline|crawl runs
// one of the first two. Needs Redis and PostgreSQL (pnpm services). Exit code 1 when a check fails.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CrawlBenchResult, defaultOptions, rateBoundOptions, runCrawlBench } from './crawl-bench.ts';
import { pipelineOptions, runPipelineBench } from './pipeline-bench.ts';
import { pipelineMarkdown } from './pipeline-report.ts';

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = join(here, 'results');

/** The commit measured: BENCH_COMMIT when the tree is a copy without .git, else HEAD (+dirty). */
function commitMeasured(): string {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages', 'services', 'prisma'], {
      cwd: here,
      encoding: 'utf8',
    }).trim();
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
    [
      '  report-page requests with If-None-Match/If-Modified-Since',
      String(f.reportRequestsConditional),
      `${c.reportRequestsConditional} (${pct(r.conditionalShare)})`,
    ],
    ['304 responses', String(f.responses304), String(c.responses304)],
    ['pages handed to extract → store', String(f.pagesQueued), String(c.pagesQueued)],
    ['versions created', String(f.versionsCreated), String(c.versionsCreated)],
    [
      'peak RSS of the CLI process',
      f.peakRssMb === null ? 'n/a' : `${f.peakRssMb} MB`,
      c.peakRssMb === null ? 'n/a' : `${c.peakRssMb} MB`,
    ],
  ];
}

const timelineOf = (f: CrawlBenchResult['first']) =>
  `CLI loaded and run created ${s(f.timeline.runCreated)}, first request ${s(f.timeline.firstRequest)}, ` +
  `discovery to ${s(f.timeline.lastListRequest)} (${f.timeline.listRate.toFixed(0)} req/s), ` +
  `report pages ${s(f.timeline.firstReportRequest)}–${s(f.timeline.lastRequest)} (${f.timeline.reportRate.toFixed(0)} req/s), ` +
  `run finished ${s(f.timeline.runFinished)}, exit ${s(f.timeline.exit)}`;

function comparison(r: CrawlBenchResult, target: boolean): string[] {
  const verdict = target ? ` (target ≤ ${r.target}: ${r.ratio <= r.target ? 'met' : 'missed'})` : '';
  return [
    '| | first crawl | re-crawl |',
    '| --- | ---: | ---: |',
    ...rows(r).map(([k, a, b]) => `| ${k.replace(/^ {2}/, '&nbsp;&nbsp;')} | ${a} | ${b} |`),
    '',
    `**Re-crawl / first crawl, run time: ${r.ratio.toFixed(3)}**${verdict}. CLI wall time: ${r.ratioWall.toFixed(3)}; crawl phase: ${r.ratioCrawlPhase.toFixed(3)}.`,
    `At ${r.options.requestsPerSecond} requests/s the re-crawl's ${r.recrawl.requests} requests need at least ${s(r.rateFloorMs)}.`,
    '',
    "Where the time went (seconds after the CLI was spawned; request times from the fixture's log):",
    '',
    `- first crawl: ${timelineOf(r.first)}`,
    `- re-crawl: ${timelineOf(r.recrawl)}`,
  ];
}

function markdown(r: CrawlBenchResult, bound: CrawlBenchResult): string {
  const o = r.options;
  const lines = [
    '# Crawl benchmarks',
    '',
    `Fixture site (packages/fixture-site) with ${r.expectedReports} report pages in section fixture-main, ${o.latencyMs} ms latency per request,`,
    `site limits maxConcurrency ${o.maxConcurrency} and requestsPerSecond ${o.requestsPerSecond} (benchmark 1) or ${bound.options.requestsPerSecond} (1b);`,
    `\`govwatch crawl --site fixture-main --wait\`, real Redis and a fresh PostgreSQL database per benchmark, everything on 127.0.0.1.`,
    `Commit ${commit}; Node ${r.node}, ${r.cpus} CPUs, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} at the end`,
    `(a shared machine: figures vary run to run); ${r.startedAt}.`,
    '',
    "Run time is the CrawlRun's own duration (started → finished, every page settled), as `govwatch runs` reports it",
    'and as a scheduled crawl in a running `govwatch start` costs; CLI wall time adds starting and stopping the process.',
    '',
    '## Benchmark 1: first crawl vs re-crawl of the unchanged site',
    '',
    `The host limit (${o.requestsPerSecond} requests/s) is above what the crawl reaches, so this measures the crawler and the`,
    'pipeline; every request still takes its turn from the Redis host limiter.',
    '',
    ...comparison(r, true),
    '',
    `## Benchmark 1b: the same with a host limit of ${bound.options.requestsPerSecond} requests/s`,
    '',
    'At a limit the crawl runs into, both crawls send the same list and report requests at the same pace: the',
    're-crawl cannot take less than its requests / rate, whatever the crawler does. No target here.',
    '',
    ...comparison(bound, false),
    '',
    '## Benchmark 2: pipeline throughput and memory (first crawl of benchmark 1)',
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

function printTable(title: string, r: CrawlBenchResult): void {
  console.log(`\n${title} (host limit ${r.options.requestsPerSecond} requests/s)`);
  const all = [['', 'first crawl', 're-crawl'] as [string, string, string], ...rows(r)];
  const w = [0, 1, 2].map((i) => Math.max(...all.map((row) => row[i]?.length ?? 0)));
  for (const row of all)
    console.log(`${row[0].padEnd(w[0] ?? 0)}  ${row[1].padStart(w[1] ?? 0)}  ${row[2].padStart(w[2] ?? 0)}`);
  console.log('');
  console.log(
    `re-crawl / first crawl, run time: ${r.ratio.toFixed(3)} (target ≤ ${r.target}); CLI wall ${r.ratioWall.toFixed(3)}; ` +
      `crawl phase ${r.ratioCrawlPhase.toFixed(3)}; rate floor of the re-crawl ${s(r.rateFloorMs)}`,
  );
  console.log(
    `pipeline: ${r.pagesStoredPerSecond.toFixed(1)} pages stored/s (run time), ${r.pagesStoredPerSecondWall.toFixed(1)} (wall); peak RSS ${r.first.peakRssMb ?? 'n/a'} MB`,
  );
  for (const c of r.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
}

function runChild(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', script], {
      stdio: 'inherit',
      cwd: join(here, '../..'),
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

const say = (line: string) => console.error(line);
const only = process.env.BENCH_ONLY;
let code = 0;
mkdirSync(resultsDir, { recursive: true });
if (!only || only === 'pipeline') {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
  const r = await runPipelineBench(pipelineOptions, say);
  const table = pipelineMarkdown(r, { commit, machine, profiled: Boolean(process.env.BENCH_PROFILE) });
  console.log(`\npipeline benchmark (issue 13)\n\n${table.join('\n')}\n`);
  for (const c of r.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  writeFileSync(
    join(here, 'results.json'),
    `${JSON.stringify({ commit, machine, loadavg: loadavg(), ...r }, null, 2)}\n`,
  );
  writeFileSync(
    join(resultsDir, 'pipeline.md'),
    `# Pipeline benchmark\n\n${table.join('\n')}\n\n## Checks\n\n${r.checks.map((c) => `- [${c.ok ? 'x' : ' '}] ${c.name}: ${c.detail}`).join('\n')}\n`,
  );
  console.log('\nresults: tests/bench/results.json, tests/bench/results/pipeline.md');
  if (!r.checks.every((c) => c.ok)) code = 1;
}
if (only === 'pipeline') process.exit(code);

const result = await runCrawlBench(defaultOptions, say);
const bound = await runCrawlBench(rateBoundOptions, say, { checkRatio: false });
printTable('benchmark 1', result);
printTable('benchmark 1b', bound);
const json = { commit, machine: cpus()[0]?.model, loadavg: loadavg(), ...result, rateBound: bound };
writeFileSync(join(resultsDir, 'crawl.json'), `${JSON.stringify(json, null, 2)}\n`);
writeFileSync(join(resultsDir, 'crawl.md'), markdown(result, bound));
console.log(`\nresults: ${join('tests/bench/results', 'crawl.json')}, ${join('tests/bench/results', 'crawl.md')}`);
if (![...result.checks, ...bound.checks].every((c) => c.ok)) code = 1;

const extractBench = join(here, 'extract-bench.ts');
if (existsSync(extractBench) && only !== 'crawl') {
  console.log('\n== extraction benchmark (tests/bench/extract-bench.ts) ==');
  const extractCode = await runChild(extractBench);
  if (extractCode !== 0) code = 1;
}
process.exit(code);
