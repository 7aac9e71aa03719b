// The yardstick of the pipeline benchmark: a plain Crawlee CheerioCrawler fetching a given URL list
// and writing title + text per page to a JSON-lines file, nothing else (no politeness, no state,
// no storage). Run as its own process by pipeline-bench.ts:
//   node --import tsx tests/bench/plain-crawlee.ts URLS_FILE OUT_FILE CONCURRENCY
// Prints one JSON line: pages written, crawl time (run() start → end), CPU time of the process and peak RSS.
import { createWriteStream, readFileSync } from 'node:fs';
import { CheerioCrawler, Configuration, LogLevel, log } from '@crawlee/cheerio';
import { procKb } from '../helpers/process-stats.ts';

const [urlsFile, outFile, concurrencyArg] = process.argv.slice(2);
if (!urlsFile || !outFile) throw new Error('usage: plain-crawlee.ts URLS_FILE OUT_FILE [CONCURRENCY]');
const urls = readFileSync(urlsFile, 'utf8').split('\n').filter(Boolean);
const concurrency = Number(concurrencyArg ?? 16);
log.setLevel(LogLevel.OFF);

const out = createWriteStream(outFile);
let pages = 0;
const crawler = new CheerioCrawler(
  {
    // Full concurrency from the start, as govwatch's crawler runs (autoscaling ramps up over 10 s steps).
    minConcurrency: concurrency,
    maxConcurrency: concurrency,
    maxRequestRetries: 1,
    useSessionPool: false,
    async requestHandler({ $, request }) {
      const title = $('title').text().trim();
      const text = $('body').text().replace(/\s+/g, ' ').trim();
      out.write(`${JSON.stringify({ url: request.url, title, text })}\n`);
      pages++;
    },
  },
  new Configuration({ persistStorage: false }),
);
const started = performance.now();
await crawler.run(urls);
const ms = performance.now() - started;
await new Promise<void>((resolve) => out.end(resolve));
const hwmKb = procKb(process.pid, 'VmHWM');
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ pages, ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), peakRssMb: hwmKb ? Math.round(hwmKb / 1024) : null })}\n`,
);
