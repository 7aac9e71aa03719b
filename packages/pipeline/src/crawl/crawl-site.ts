// One crawl of one site: discovery over list pages, then conditional fetches of report pages.
// A fresh crawler and in-memory request queue per phase and per crawl (crawlee #1602, #4056).
import type { Site } from '@govwatch/sites';
import { Configuration, LogLevel, log as crawleeLog } from '@crawlee/basic';
import { type ContextDeps, type CrawlStats, createCrawlContext } from './crawl-context.ts';
import { discoverReports } from './discover.ts';
import { fetchReports, type ReportSink } from './fetch-reports.ts';
import { assertPublicUrl } from './ssrf.ts';

crawleeLog.setLevel(LogLevel.OFF); // we log through pino; stdout belongs to the CLI

export type { CrawlStats } from './crawl-context.ts';
export type { PageState } from './fetch-reports.ts';
export type CrawlDeps = ContextDeps & ReportSink;

export async function crawlSite(site: Site, deps: CrawlDeps): Promise<CrawlStats> {
  const started = Date.now();
  const ctx = createCrawlContext(site, deps);
  // A site on a private network is refused as a whole, with one clear error, before any request.
  if (!ctx.fetchOptions.allowPrivateNetwork) for (const url of site.startUrls) await assertPublicUrl(new URL(url));
  const config = new Configuration({ persistStorage: false, purgeOnStart: false });

  const { reports, complete } = await discoverReports(site, ctx, config);
  ctx.stats.discoveryComplete = complete;
  if (reports.size === 0) {
    ctx.stats.warnings.push(
      site.render === 'http'
        ? `no report links found on ${site.startUrls.join(', ')}: if the list is filled by JavaScript, set render: browser for site ${site.id}`
        : `no report links found on ${site.startUrls.join(', ')}: check titleKeywords / reportLinkPattern of site ${site.id}`,
    );
  }
  const { gone } = await fetchReports(reports, site.maxPages - ctx.stats.listPagesFetched, ctx, deps, config);
  ctx.stats.seenUrls = [...reports.keys()].filter((url) => !gone.has(url));
  ctx.stats.durationMs = Date.now() - started;
  return ctx.stats;
}
