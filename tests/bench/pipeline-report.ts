// The pipeline benchmark's result as a Markdown table: printed by `pnpm bench` and copied into
// README's Performance section.
import type { CrawlPass, PipelineBenchResult, PlainPass } from './pipeline-bench.ts';

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const f1 = (x: number) => x.toFixed(1);
const cpuRow = (c: Record<string, number>) =>
  `${c.crawl?.toFixed(1)} + ${c.extract?.toFixed(1)} + ${c.store?.toFixed(1)} = ${cpuTotal(c).toFixed(1)} ms`;
const cpuTotal = (c: Record<string, number>) => (c.crawl ?? 0) + (c.extract ?? 0) + (c.store ?? 0);
const cpuRatio = (r: PipelineBenchResult) =>
  cpuTotal(r.first.cpuMsPerRequest) / (r.plain.reduce((n, p) => n + p.cpuMsPerPage, 0) / r.plain.length);
const loadOf = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');

function govwatchRow(p: CrawlPass): string {
  const statuses = Object.entries(p.byStatus)
    .map(([k, v]) => `${v}×${k}`)
    .join(', ');
  return `| govwatch, ${p.label} | ${s(p.ms)} | ${p.requests} (${statuses}) | ${f1(p.pagesPerSecond)} | ${p.pagesStored} | ${p.versionsCreated} | ${loadOf(p.loadavg)} |`;
}

function plainRow(p: PlainPass, i: number): string {
  return `| plain Crawlee CheerioCrawler, run ${i + 1} | ${s(p.ms)} | ${p.pages} | ${f1(p.pagesPerSecond)} | (title + text to a file) | – | ${loadOf(p.loadavg)} |`;
}

export function pipelineMarkdown(
  r: PipelineBenchResult,
  context: { commit: string; machine: string; profiled: boolean },
): string[] {
  const o = r.options;
  const conc = (v: number | undefined) => (v === undefined ? 'default' : String(v));
  const m = r.memory;
  return [
    `World: ${r.world.hosts} fixture hosts (127.0.0.2 … 127.0.0.${r.world.hosts + 1}, one server each), ${r.world.pages} pages ` +
      `(${r.world.reports} reports, the rest news, notices and list pages), ${r.world.minPageKb}–${r.world.maxPageKb} KB (mean ${r.world.meanPageKb} KB); ` +
      `each host limited to ${o.hostRps} requests/s by its site config (ceiling ${r.politenessCeiling} requests/s).`,
    `govwatch: \`govwatch worker crawl|extract|store\` as three processes, concurrency crawl ${conc(o.crawlConcurrency)} / extract ${conc(o.extractConcurrency)} / store ${conc(o.storeConcurrency)}; ` +
      `PostgreSQL 127.0.0.1 (a fresh database); Redis: ${r.redis}. Plain Crawlee: ${o.plainConcurrency} concurrent requests, no host limit.` +
      (context.profiled
        ? ' The workers ran under `node --cpu-prof` (BENCH_PROFILE), which costs them a few per cent.'
        : ''),
    `Commit ${context.commit}, ${context.machine}, ${r.startedAt}; load average (1, 5, 15 min) per row: a shared machine, compare ratios within one run.`,
    '',
    '| pass | time | requests | pages/s | pages stored | new versions | load |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...r.plain.map(plainRow),
    govwatchRow(r.first),
    govwatchRow(r.recrawl),
    govwatchRow(r.changed),
    '',
    '| figure | value | target |',
    '| --- | --- | --- |',
    `| end to end vs plain Crawlee (pages/s, first crawl / mean of the plain runs) | **${r.ratio.toFixed(2)}** (${f1(r.first.pagesPerSecond)} / ${f1(r.plainPagesPerSecond)}) | ≥ 0.6, aim 1.0 |`,
    `| many hosts: first crawl / min(politeness ${r.politenessCeiling}, plain Crawlee ${f1(r.plainPagesPerSecond)}) | **${r.ofCeiling.toFixed(2)}** | ≥ 0.8 |`,
    `| unchanged re-crawl vs first: time | **${r.recrawlSpeedup.toFixed(1)}× faster** (${s(r.recrawl.ms)} vs ${s(r.first.ms)}; ${r.recrawl.requests} vs ${r.first.requests} requests, ${r.recrawl.conditionalRequests} conditional, ${r.recrawl.notDue ?? 0} known non-report pages not due) | ≥ 5× |`,
    `| re-crawl after ${r.changed.reportsChanged} of ${r.world.reports} reports changed | ${s(r.changed.ms)}, ${r.changed.versionsCreated} new versions | as many versions as changes |`,
    `| host limiter alone: Redis commands (in its script included) / round trips per request | ${f1(r.limiter.commandsPerRequest)} / ${r.limiter.roundTripsPerRequest.toFixed(2)} | |`,
    `| whole pipeline: Redis commands per request (first crawl, re-crawl) | ${f1(r.first.redisCommandsPerRequest ?? Number.NaN)}, ${f1(r.recrawl.redisCommandsPerRequest ?? Number.NaN)} | |`,
    `| CPU per request, first crawl: crawl + extract + store worker = total; plain Crawlee (whole process, its start included) | ${cpuRow(r.first.cpuMsPerRequest)}; ${r.plain.map((p) => p.cpuMsPerPage.toFixed(1)).join(', ')} ms: **${cpuRatio(r).toFixed(2)}** as much CPU per page as plain Crawlee's mean | (the load-independent view of the first row) |`,
    `| CPU per request, unchanged re-crawl | ${cpuRow(r.recrawl.cpuMsPerRequest)} | |`,
    `| peak RSS: crawl / extract / store worker | ${m.workerPeakRssMb.crawl} / ${m.workerPeakRssMb.extract} / ${m.workerPeakRssMb.store} MB | ≤ 300 MB |`,
    `| Redis used_memory: before / peak during / after | ${m.redisUsedMb.before} / ${m.redisUsedMb.peakDuring} / ${m.redisUsedMb.after} MB | back near the start |`,
    `| CLI start-up to first output, median of 5: \`--help\`, \`sites\` | ${r.cliStartMs.helpMedian} ms, ${r.cliStartMs.sitesMedian} ms | ≤ 300 ms |`,
  ];
}
