// The extract worker process: scale out by running more of these against the same Redis and PostgreSQL.
// `govwatch start` and `govwatch worker extract` call startExtractor too.
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

export async function startExtractor(rt: Runtime): Promise<void> {
  const worker = startWorker('extract', rt);
  onShutdown('extract worker', () => worker.close());
  rt.log.info({ stage: 'extract' }, 'worker running');
}

async function main(): Promise<void> {
  boundHeapGrowth();
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? 'info', 'govwatch-extractor');
  shutdownOnSignals(log, process.exit);
  await checkServices(config);
  const rt = createRuntime(config, log);
  onShutdown('runtime', () => rt.close());
  await startExtractor(rt);
  await serveMetricsWhenConfigured(rt);
}

if (isProcessEntry(import.meta.url)) {
  main().catch((err: Error) => {
    process.stderr.write(`govwatch-extractor: ${err.message}\n`);
    process.exit(1);
  });
}
