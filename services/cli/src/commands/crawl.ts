import { formatSummary, type RunSummary } from '@govwatch/db';
import { ensureWorkers, requestCrawl, waitForRun, type Runtime } from '@govwatch/pipeline';
import { findSite, type Site } from '@govwatch/sites';
import cliProgress from 'cli-progress';
import { type Context, out } from '../context.ts';

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

/** A progress bar on a TTY, a plain line every few seconds otherwise; both on stderr. */
function progressReporter() {
  const tty = process.stderr.isTTY;
  const bar = tty
    ? new cliProgress.SingleBar(
        { stream: process.stderr, format: '{bar} {value}/{total} pages stored | list pages {list} | report links {links}' },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  let lastLine = Date.now(); // a plain line every 5 s, the first after 5 s (short crawls print only the summary)
  return {
    update(s: RunSummary, crawl: { listPages?: number; reportLinks?: number; queued?: number }) {
      const total = Math.max(crawl.queued ?? s.pagesQueued, s.pagesSettled);
      const payload = { list: crawl.listPages ?? 0, links: crawl.reportLinks ?? 0 };
      if (bar) {
        if (!started) bar.start(total, s.pagesSettled, payload);
        started = true;
        bar.setTotal(total);
        bar.update(s.pagesSettled, payload);
      } else if (Date.now() - lastLine > 5000) {
        lastLine = Date.now();
        process.stderr.write(`progress: ${s.pagesSettled}/${total} pages stored, ${payload.list} list pages, ${payload.links} report links\n`);
      }
    },
    stop() {
      if (started) bar?.stop();
    },
  };
}
