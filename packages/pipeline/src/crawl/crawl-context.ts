// What both phases of a crawl share: the site's rules, politeness, figures and error counting.
import type { Logger } from '@govwatch/core';
import { fetchPolicyOf, type Site } from '@govwatch/sites';
import { type FetchOptions, fetchOptionsFor, HttpStatusError } from './fetch-page.ts';
import type { HostLimiter } from './host-limiter.ts';
import type { LinkRules } from './links.ts';
import { type Robots, withCrawlDelay } from './robots.ts';

export type CrawlStats = {
  listPagesFetched: number;
  reportLinksFound: number;
  pagesFetched: number;
  notModified: number;
  unchangedBytes: number;
  pagesQueued: number;
  bytes: number;
  robotsDisallowed: number;
  browserRetries: number;
  errors: Record<string, number>;
  discoveryComplete: boolean;
  seenUrls: string[];
  warnings: string[];
  durationMs: number;
};

export type CrawlContext = {
  log: Logger;
  stats: CrawlStats;
  rules: LinkRules;
  limiter: HostLimiter;
  fetchOptions: FetchOptions;
  chromiumPath: string;
  onSite(url: string): boolean;
  allowedByRobots(url: string): Promise<boolean>;
  robotsFor(origin: string): Promise<Robots>;
  countError(err: unknown): void;
  progress(): void;
};

const PROGRESS_EVERY_MS = 250;

export function errorKind(err: unknown): string {
  if (err instanceof HttpStatusError) return `http_${err.status}`;
  const e = err as Error;
  if (e?.name === 'TimeoutError' || /timeout/i.test(e?.message ?? '')) return 'timeout';
  if (e?.name === 'BlockedAddressError') return 'private_address';
  if (e?.name === 'OffSiteError') return 'off_site';
  if (e?.name === 'RobotsDisallowedError') return 'robots';
  if (e?.name === 'TooLargeError') return 'too_large';
  if (e?.name === 'BlockedError') return 'blocked';
  return 'network';
}

export function emptyStats(): CrawlStats {
  return {
    listPagesFetched: 0, reportLinksFound: 0, pagesFetched: 0, notModified: 0, unchangedBytes: 0,
    pagesQueued: 0, bytes: 0, robotsDisallowed: 0, browserRetries: 0, errors: {}, discoveryComplete: true,
    seenUrls: [], warnings: [], durationMs: 0,
  };
}

export type ContextDeps = {
  log: Logger;
  limiter: HostLimiter;
  userAgent: string;
  allowPrivateNetwork: boolean;
  chromiumPath: string;
  robots: (origin: string, fetchOptions: FetchOptions) => Promise<Robots>;
  onProgress?: (stats: CrawlStats) => void;
  /** Aborting stops the crawl after its in-flight requests; crawlSite then throws CrawlInterruptedError. */
  signal?: AbortSignal;
};

export function createCrawlContext(site: Site, deps: ContextDeps): CrawlContext {
  const stats = emptyStats();
  const fetchOptions = fetchOptionsFor(fetchPolicyOf(site), deps);
  const robotsByOrigin = new Map<string, Promise<Robots>>();
  let lastProgressAt = 0;
  const robotsFor = (origin: string) => {
    let robots = robotsByOrigin.get(origin);
    if (!robots) {
      robots = deps.robots(origin, fetchOptions).then((r) => {
        fetchOptions.limits = withCrawlDelay(fetchOptions.limits, r);
        return r;
      });
      robotsByOrigin.set(origin, robots);
    }
    return robots;
  };
  return {
    log: deps.log,
    stats,
    rules: {
      titleKeywords: site.titleKeywords,
      reportLinkPattern: site.reportLinkPattern ? new RegExp(site.reportLinkPattern) : undefined,
      listLinkPattern: site.listLinkPattern ? new RegExp(site.listLinkPattern) : undefined,
    },
    limiter: deps.limiter,
    fetchOptions,
    chromiumPath: deps.chromiumPath,
    onSite: (url) => fetchOptions.isAllowedHost(new URL(url).host),
    robotsFor,
    async allowedByRobots(url) {
      const robots = await robotsFor(new URL(url).origin);
      if (robots.isAllowed(url)) return true;
      stats.robotsDisallowed++;
      return false;
    },
    countError(err) {
      const kind = errorKind(err);
      stats.errors[kind] = (stats.errors[kind] ?? 0) + 1;
    },
    progress: () => {
      // Called for every page; the crawl worker turns each call into a Redis script and an event,
      // and readers (crawl --wait) poll every 100 ms: a few a second say as much. crawlSite sends
      // the last figures when it ends.
      const now = Date.now();
      if (now - lastProgressAt < PROGRESS_EVERY_MS) return;
      lastProgressAt = now;
      deps.onProgress?.(stats);
    },
  };
}
