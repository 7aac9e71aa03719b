// crawlSite, loaded on first use: crawlee (its crawler, statistics, storage and event classes) is
// the crawl worker's alone, and the extract and store workers, the API and most CLI commands that
// import this package should not carry it (about 20 MB of each process's RSS).
import type { Site } from '@govwatch/sites';
import type { CrawlDeps, CrawlStats } from './crawl-site.ts';

export type { CrawlDeps, CrawlStats } from './crawl-site.ts';

export async function crawlSite(site: Site, deps: CrawlDeps): Promise<CrawlStats | null> {
  return (await import('./crawl-site.ts')).crawlSite(site, deps);
}
