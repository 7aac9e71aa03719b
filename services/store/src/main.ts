// The store worker process: the single writer of report data. The process that stores also relays
// the outbox it writes (to the `events` queue and one `webhooks` job per URL), delivers the
// webhooks and indexes new report texts for search; this is the one place that decides so. Scale out by running more of these.
// `govwatch start` and `govwatch worker store` call startStore too.
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
  startEventRelay,
  startSearchIndexer,
  startWorker,
} from '@govwatch/pipeline';

export async function startStore(rt: Runtime): Promise<void> {
  const store = startWorker('store', rt);
  onShutdown('store worker', () => store.close());
  const webhooks = startWorker('webhooks', rt);
  onShutdown('webhooks worker', () => webhooks.close());
  const relay = startEventRelay(rt);
  onShutdown('event relay', () => relay.stop());
  const indexer = startSearchIndexer(rt, rt.config.searchIndexIntervalMs);
  onShutdown('search indexer', () => indexer.stop());
  rt.log.info({ stage: 'store', relay: true, webhooks: rt.config.webhooks.urls.length }, 'worker running');
}

async function main(): Promise<void> {
  boundHeapGrowth();
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? 'info', 'govwatch-store');
  shutdownOnSignals(log, process.exit);
  await checkServices(config);
  const rt = createRuntime(config, log);
  onShutdown('runtime', () => rt.close());
  await startStore(rt);
  await serveMetricsWhenConfigured(rt);
}

if (isProcessEntry(import.meta.url)) {
  main().catch((err: Error) => {
    process.stderr.write(`govwatch-store: ${err.message}\n`);
    process.exit(1);
  });
}
