// What both phases of a crawl share: the site's rules, politeness, figures and error counting.
import type { Logger } from '@govwatch/core';
import type { CrawlStats } from '@govwatch/jobs';
import { fetchPolicyOf, type Site } from '@govwatch/sites';
import {
  errorKind,
  type Fetcher,
  type FetchOptions,
  type HostLimiter,
  type Robots,
  withCrawlDelay,
} from '../fetch/index.ts';
import type { LinkRules } from './links.ts';

// The crawl's figures are part of the job contract (they travel on the crawlFinished job).
export type { CrawlStats } from '@govwatch/jobs';

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

export function emptyStats(): CrawlStats {
  return {
    listPagesFetched: 0,
    reportLinksFound: 0,
    pagesFetched: 0,
    notModified: 0,
    unchangedBytes: 0,
    pagesQueued: 0,
    alreadySettled: 0,
    notDue: 0,
    bytes: 0,
    robotsDisallowed: 0,
    browserRetries: 0,
    errors: {},
    discoveryComplete: true,
    seenUrls: [],
    warnings: [],
    durationMs: 0,
  };
}

export type ContextDeps = {
  log: Logger;
  /** The process's polite fetcher (host limiter, robots cache). */
  fetcher: Fetcher;
  chromiumPath: string;
  onProgress?: (stats: CrawlStats) => void;
  /** Aborting stops the crawl after its in-flight requests; crawlSite then throws CrawlInterruptedError. */
  signal?: AbortSignal;
};

/** `stats`: where the crawl's routes count (crawl-site.ts gives each request its own, request-scope.ts). */
export function createCrawlContext(site: Site, deps: ContextDeps, stats: CrawlStats = emptyStats()): CrawlContext {
  const fetchOptions = deps.fetcher.optionsFor(fetchPolicyOf(site));
  const robotsByOrigin = new Map<string, Promise<Robots>>();
  let lastProgressAt = 0;
  const robotsFor = (origin: string) => {
    let robots = robotsByOrigin.get(origin);
    if (!robots) {
      robots = deps.fetcher.robots(origin, fetchOptions).then((r) => {
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
    limiter: deps.fetcher.limiter,
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
