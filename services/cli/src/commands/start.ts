// `govwatch start`, `govwatch worker KIND`, `govwatch api`: the same start functions as the service
// processes (services/*/src/main.ts), several in one process.
import { boundHeapGrowth, onShutdown, shutdownOnSignals } from '@govwatch/core';
import { type Runtime, serveMetricsWhenConfigured } from '@govwatch/pipeline';
import type { Context } from '../context.ts';

const workerKinds = {
  crawl: async (rt: Runtime) => (await import('@govwatch/crawler-service')).startCrawler(rt),
  extract: async (rt: Runtime) => (await import('@govwatch/extractor-service')).startExtractor(rt),
  store: async (rt: Runtime) => (await import('@govwatch/store-service')).startStore(rt),
};
type WorkerKind = keyof typeof workerKinds;

/** Runtime closed last; signals end the process once every handler ran. migrate: pending migrations first. */
async function processRuntime(ctx: Context, opts: { migrate?: boolean } = {}): Promise<Runtime> {
  boundHeapGrowth(); // a long-running process (packages/core/src/heap.ts)
  shutdownOnSignals(ctx.log, process.exit);
  const rt = await ctx.runtime(opts);
  onShutdown('runtime', () => rt.close());
  return rt;
}

export async function startCommand(
  ctx: Context,
  opts: { sites?: string; migrate: boolean; api: boolean; port?: string },
) {
  const { sites } = ctx.sites(opts.sites);
  const rt = await processRuntime(ctx, { migrate: opts.migrate });
  const api = await import('@govwatch/api-service');
  await api.startScheduler(rt, sites, { migrate: false }); // applied above, before the readiness check
  for (const start of Object.values(workerKinds)) await start(rt);
  if (opts.api)
    await api.startApi(rt, sites, { port: Number(opts.port ?? rt.config.apiPort), host: rt.config.api.host });
  await serveMetricsWhenConfigured(rt);
  rt.log.info({ stages: Object.keys(workerKinds), api: opts.api }, 'govwatch running');
}

export async function workerCommand(ctx: Context, kind: string) {
  if (!Object.hasOwn(workerKinds, kind)) throw new Error(`unknown worker kind ${kind} (crawl | extract | store)`);
  const rt = await processRuntime(ctx);
  await workerKinds[kind as WorkerKind](rt);
  await serveMetricsWhenConfigured(rt);
}

export async function apiCommand(ctx: Context, opts: { sites?: string; port?: string }) {
  const { sites } = ctx.sites(opts.sites);
  const rt = await processRuntime(ctx);
  const api = await import('@govwatch/api-service');
  await api.startScheduler(rt, sites, { migrate: false });
  await api.startApi(rt, sites, { port: Number(opts.port ?? rt.config.apiPort), host: rt.config.api.host });
}
