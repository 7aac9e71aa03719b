import { formatSummary, type RunSummary } from '@govwatch/db';
import { ensureWorkers, requestCrawl, waitForRun, type Runtime } from '@govwatch/pipeline';
import { findSite, type Site } from '@govwatch/sites';
import { type Context, out } from '../context.ts';
import { progressReporter } from './progress.ts';

export async function crawlCommand(ctx: Context, opts: { site: string; wait?: boolean; sites?: string; timeout?: string }) {
  const { file, sites } = ctx.sites(opts.sites);
  const site = findSite(sites, opts.site, file);
  const rt = await ctx.runtime();
  const summary = await crawlAndMaybeWait(rt, site, 'cli', opts.wait ?? false, Number(opts.timeout ?? 6 * 3600) * 1000);
  if (summary) await out(formatSummary(summary));
  await rt.close();
  return summary;
}

export async function crawlAndMaybeWait(
  rt: Runtime,
  site: Site,
  trigger: 'cli' | 'demo',
  wait: boolean,
  timeoutMs: number,
): Promise<RunSummary | null> {
  const { runId, joined } = await requestCrawl(rt, site, trigger);
  process.stderr.write(`${joined ? 'joined running' : 'started'} crawl run ${runId} of ${site.id}\n`);
  if (!wait) return null;
  const workers = await ensureWorkers(rt);
  const progress = progressReporter();
  try {
    return await waitForRun(rt, runId, { timeoutMs, onProgress: progress.update });
  } finally {
    progress.stop();
    await Promise.all(workers.map((w) => w.close()));
  }
}
