// The API process: the HTTP API and the per-site crawl schedules (workers run elsewhere).
// `govwatch start` and `govwatch api` call startScheduler and startApi too.
import {
  boundHeapGrowth,
  createLogger,
  isProcessEntry,
  loadConfig,
  onShutdown,
  shutdownOnSignals,
} from '@govwatch/core';
import { checkServices, createRuntime, migrateAndUpsertSites, type Runtime, syncSchedules } from '@govwatch/pipeline';
import { loadSites, type Site } from '@govwatch/sites';
import { buildApi } from './app.ts';

export { buildApi } from './app.ts';

/** Record the site file's sites and keep one nightly crawl schedule per site (BullMQ job schedulers). */
export async function startScheduler(rt: Runtime, sites: Site[], opts: { migrate: boolean }): Promise<void> {
  await migrateAndUpsertSites(rt, sites, opts);
  await syncSchedules(rt, sites);
  rt.log.info({ sites: sites.length, tz: rt.config.timezone }, 'schedules synced');
}

export async function startApi(rt: Runtime, sites: Site[], listen: { port: number; host: string }): Promise<string> {
  const app = await buildApi(rt, sites);
  onShutdown('http api', () => app.close());
  const address = await app.listen(listen);
  rt.log.info({ address }, 'api listening');
  return address;
}

async function main(): Promise<void> {
  boundHeapGrowth();
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? 'info', 'govwatch-api');
  shutdownOnSignals(log, process.exit);
  const sites = loadSites(config.sitesPath);
  await checkServices(config);
  const rt = createRuntime(config, log);
  onShutdown('runtime', () => rt.close());
  await startScheduler(rt, sites, { migrate: false });
  await startApi(rt, sites, { port: config.apiPort, host: config.api.host });
}

if (isProcessEntry(import.meta.url)) {
  main().catch((err: Error) => {
    process.stderr.write(`govwatch-api: ${err.message}\n`);
    process.exit(1);
  });
}
