// The crawl worker process: scale out by running more of these against the same Redis and PostgreSQL.
// `govwatch start` and `govwatch worker crawl` call startCrawler too.
import {
  boundHeapGrowth,
  createLogger,
  isProcessEntry,
  loadConfig,
  onShutdown,
  shutdownOnSignals,
} from '@govwatch/core';
import {
  checkServices,
  createRuntime,
  type Runtime,
  serveMetricsWhenConfigured,
  startWorker,
} from '@govwatch/pipeline';

export async function startCrawler(rt: Runtime): Promise<void> {
  const worker = startWorker('crawl', rt);
  onShutdown('crawl worker', () => worker.close());
  // Runs first (last registered): crawls can run for hours, so they stop and hand their job back
  // before worker.close() waits for them.
  onShutdown('abort crawls', () => rt.shutdown.abort());
  rt.log.info({ stage: 'crawl' }, 'worker running');
}

async function main(): Promise<void> {
  boundHeapGrowth();
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? 'info', 'govwatch-crawler');
  shutdownOnSignals(log, process.exit);
  await checkServices(config);
  const rt = createRuntime(config, log);
  onShutdown('runtime', () => rt.close());
  await startCrawler(rt);
  await serveMetricsWhenConfigured(rt);
}

if (isProcessEntry(import.meta.url)) {
  main().catch((err: Error) => {
    process.stderr.write(`govwatch-crawler: ${err.message}\n`);
    process.exit(1);
  });
}
