import { failedPages, type RunSummary } from '@govwatch/db';
import { ensureWorkers, type Runtime, requestCrawl, WaitTimeoutError, waitForRun } from '@govwatch/pipeline';
import { findSite, type Site } from '@govwatch/sites';
import { type Context, out } from '../context.ts';
import { formatSummary } from './format.ts';
import { progressReporter } from './progress.ts';

export async function crawlCommand(
  ctx: Context,
  opts: { site: string; wait?: boolean; sites?: string; timeout?: string },
) {
  const { file, sites } = ctx.sites(opts.sites);
  const site = findSite(sites, opts.site, file);
  const rt = await ctx.runtime();
  const summary = await crawlAndMaybeWait(rt, site, 'cli', opts.wait ?? false, Number(opts.timeout ?? 6 * 3600) * 1000);
  if (summary) await out(formatSummary(summary, await failedPages(rt.db.prisma, summary.id)));
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
    const summary = await waitForRun(rt, runId, {
      timeoutMs,
      onProgress: progress.update,
      onOutage: (err) =>
        progress.note(
          `waiting for Redis or PostgreSQL to answer again (${err.message.split('\n')[0]}); the run goes on`,
        ),
      // Workers can die (or be stopped) while we wait: say which stage is unserved, and serve it here.
      onStall: async (idle, idleForMs) => {
        if (idle.length === 0) return;
        progress.note(
          `no progress for ${Math.round(idleForMs / 1000)} s: no live ${idle.join(', ')} worker in this deployment ` +
            `(prefix ${rt.config.queuePrefix}, ${redisLabel(rt.config.redisUrl)}); running one in this process`,
        );
        workers.push(...(await ensureWorkers(rt)));
      },
    });
    progress.finish(summary);
    return summary;
  } catch (err) {
    // Out of time: hand a crawl this process runs back to the queue at once instead of finishing it first.
    if (err instanceof WaitTimeoutError) rt.shutdown.abort();
    throw err;
  } finally {
    progress.stop();
    await Promise.all(workers.map((w) => w.close()));
  }
}

/** redis://host:port/db without credentials, for messages. */
function redisLabel(url: string): string {
  const u = new URL(url);
  return `redis ${u.host} db ${u.pathname.slice(1) || '0'}`;
}
