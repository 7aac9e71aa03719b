// One crawl of one site, in two crawlee phases:
//  1. discovery: walk list pages (BasicCrawler + our fetch, or PlaywrightCrawler for render: browser)
//     and collect report links;
//  2. fetch: GET each report page politely and conditionally; hand changed pages to `onPage`.
// A fresh crawler and in-memory request queue per phase and per crawl (crawlee #1602, #4056).
import { randomUUID } from 'node:crypto';
import { BasicCrawler, Configuration, LogLevel, PlaywrightCrawler, RequestQueue, log as crawleeLog } from 'crawlee';
import { chromium } from 'playwright';
import { canonicalUrl, sha256Hex } from '@govwatch/core';
import type { Logger } from '@govwatch/core';
import { decodeHtml } from '@govwatch/extract';
import { allowedHostsOf, type Site } from '@govwatch/sites';
import { fetchPage, HttpStatusError, type FetchedPage, type FetchOptions } from './fetch-page.ts';
import type { HostLimiter } from './host-limiter.ts';
import { discoverLinks, type LinkRules } from './links.ts';
import type { Robots } from './robots.ts';

crawleeLog.setLevel(LogLevel.OFF); // we log through pino; stdout belongs to the CLI

export type PageState = { etag: string | null; lastModified: string | null; lastRawSha256: string | null };

export type CrawlDeps = {
  log: Logger;
  limiter: HostLimiter;
  userAgent: string;
  allowPrivateNetwork: boolean;
  chromiumPath: string;
  robots: (origin: string, fetchOptions: FetchOptions) => Promise<Robots>;
  pageState: (canonical: string) => PageState | undefined;
  /** A report page whose bytes may have changed: hand it to extraction. */
  onPage: (page: FetchedPage, state: PageState | undefined) => Promise<void>;
  onProgress?: (stats: CrawlStats) => void;
};

export type CrawlStats = {
  listPagesFetched: number;
  reportLinksFound: number;
  pagesFetched: number;
  notModified: number;
  unchangedBytes: number;
  pagesQueued: number;
  bytes: number;
  robotsDisallowed: number;
  errors: Record<string, number>;
  discoveryComplete: boolean;
  seenUrls: string[];
  warnings: string[];
  durationMs: number;
};

const BROWSER_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

const CHALLENGE = /__jsl_clearance|acw_sc__v2|Please enable JavaScript and cookies/i;

export function errorKind(err: unknown): string {
  if (err instanceof HttpStatusError) return `http_${err.status}`;
  const e = err as Error;
  if (e?.name === 'TimeoutError' || /timeout/i.test(e?.message ?? '')) return 'timeout';
  if (e?.name === 'BlockedAddressError') return 'private_address';
  if (e?.name === 'OffSiteError') return 'off_site';
  return 'network';
}

export async function crawlSite(site: Site, deps: CrawlDeps): Promise<CrawlStats> {
  const started = Date.now();
  const stats: CrawlStats = {
    listPagesFetched: 0, reportLinksFound: 0, pagesFetched: 0, notModified: 0, unchangedBytes: 0,
    pagesQueued: 0, bytes: 0, robotsDisallowed: 0, errors: {}, discoveryComplete: true, seenUrls: [],
    warnings: [], durationMs: 0,
  };
  const countError = (kind: string) => {
    stats.errors[kind] = (stats.errors[kind] ?? 0) + 1;
  };
  const hosts = new Set(allowedHostsOf(site).map((h) => h.toLowerCase()));
  const fetchOptions: FetchOptions = {
    userAgent: deps.userAgent,
    limiter: deps.limiter,
    requestsPerSecond: site.requestsPerSecond,
    allowPrivateNetwork: site.allowPrivateNetwork || deps.allowPrivateNetwork,
    isAllowedHost: (host) => hosts.has(host.toLowerCase()),
  };
  const robotsByOrigin = new Map<string, Robots>();
  const allowedByRobots = async (url: string) => {
    const origin = new URL(url).origin;
    let robots = robotsByOrigin.get(origin);
    if (!robots) {
      robots = await deps.robots(origin, fetchOptions);
      robotsByOrigin.set(origin, robots);
      const delay = robots.crawlDelaySeconds;
      if (delay && delay > 0) fetchOptions.requestsPerSecond = Math.min(fetchOptions.requestsPerSecond, 1 / delay);
    }
    if (robots.isAllowed(url)) return true;
    stats.robotsDisallowed++;
    return false;
  };
  const rules: LinkRules = {
    titleKeywords: site.titleKeywords,
    reportLinkPattern: site.reportLinkPattern ? new RegExp(site.reportLinkPattern) : undefined,
    listLinkPattern: site.listLinkPattern ? new RegExp(site.listLinkPattern) : undefined,
  };
  const reports = new Map<string, { url: string; title: string }>(); // canonical → link
  let budget = site.maxPages;
  const config = new Configuration({ persistStorage: false, purgeOnStart: false });
  const onSite = (url: string) => hosts.has(new URL(url).host.toLowerCase());

  // Phase 1: discovery over list pages.
  const listQueue = await RequestQueue.open(`list-${randomUUID()}`, { config });
  const handleListHtml = async (html: string, pageUrl: string, depth: number) => {
    stats.listPagesFetched++;
    const found = discoverLinks(html, pageUrl, rules);
    for (const r of found.reports) {
      if (!onSite(r.url)) continue;
      const key = canonicalUrl(r.url);
      if (!reports.has(key)) reports.set(key, r);
    }
    if (depth >= site.maxDepth) return;
    for (const url of found.lists) {
      if (!onSite(url) || !(await allowedByRobots(url))) continue;
      await listQueue.addRequest({ url, uniqueKey: canonicalUrl(url), userData: { depth: depth + 1 } });
    }
    deps.onProgress?.({ ...stats, reportLinksFound: reports.size });
  };
  const startRequests = [];
  for (const url of site.startUrls) {
    if (await allowedByRobots(url)) startRequests.push({ url, uniqueKey: canonicalUrl(url), userData: { depth: 0 } });
  }
  const listFailed = ({ request }: { request: { url: string } }, error: Error) => {
    stats.discoveryComplete = false;
    countError(errorKind(error));
    deps.log.warn({ url: request.url, err: error.message }, 'list page failed');
  };
  const listLimits = {
    requestQueue: listQueue,
    maxRequestsPerCrawl: budget,
    maxRequestRetries: 2,
    maxConcurrency: site.maxConcurrency,
    minConcurrency: 1,
    requestHandlerTimeoutSecs: 60,
    failedRequestHandler: listFailed,
  };
  if (site.render === 'browser') {
    const crawler = new PlaywrightCrawler(
      {
        ...listLimits,
        launchContext: {
          launcher: chromium,
          launchOptions: { executablePath: deps.chromiumPath, headless: true, args: BROWSER_ARGS },
        },
        browserPoolOptions: { useFingerprints: false },
        preNavigationHooks: [
          async ({ request, page }) => {
            const url = new URL(request.url);
            if (!fetchOptions.allowPrivateNetwork) {
              const { assertPublicUrl } = await import('./ssrf.ts');
              await assertPublicUrl(url);
            }
            await deps.limiter.acquire(url.host, fetchOptions.requestsPerSecond);
            await page.setExtraHTTPHeaders({ 'user-agent': deps.userAgent });
          },
        ],
        requestHandler: async ({ page, request }) => {
          await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
          stats.pagesFetched++;
          await handleListHtml(await page.content(), page.url(), Number(request.userData.depth ?? 0));
        },
      },
      config,
    );
    await crawler.run(startRequests);
    await crawler.teardown();
  } else {
    const crawler = new BasicCrawler(
      {
        ...listLimits,
        requestHandler: async ({ request }) => {
          const page = await fetchPage(request.url, fetchOptions);
          stats.pagesFetched++;
          stats.bytes += page.body.length;
          const { html } = decodeHtml(page.body, page.headers.get('content-type'), site.encoding);
          await handleListHtml(html, page.url, Number(request.userData.depth ?? 0));
        },
      },
      config,
    );
    await crawler.run(startRequests);
  }
  await listQueue.drop();
  budget -= stats.listPagesFetched;

  stats.reportLinksFound = reports.size;
  stats.seenUrls = [...reports.keys()];
  if (reports.size === 0) {
    stats.warnings.push(
      site.render === 'http'
        ? `no report links found on ${site.startUrls.join(', ')}; if the list is filled by JavaScript, set render: browser for site ${site.id}`
        : `no report links found on ${site.startUrls.join(', ')}; check titleKeywords / reportLinkPattern of site ${site.id}`,
    );
  }

  // Phase 2: fetch report pages, conditionally.
  const reportQueue = await RequestQueue.open(`report-${randomUUID()}`, { config });
  const reportRequests = [];
  const queuedPages = new Set<string>();
  for (const [key, link] of reports) {
    if (await allowedByRobots(link.url)) reportRequests.push({ url: link.url, uniqueKey: key });
  }
  if (reportRequests.length > 0 && budget > 0) {
    const crawler = new BasicCrawler(
      {
        requestQueue: reportQueue,
        maxRequestsPerCrawl: budget,
        maxRequestRetries: 3,
        maxConcurrency: site.maxConcurrency,
        minConcurrency: Math.min(site.maxConcurrency, 2),
        requestHandlerTimeoutSecs: 120,
        requestHandler: async ({ request }) => {
          const state = deps.pageState(request.uniqueKey);
          let page: FetchedPage;
          try {
            page = await fetchPage(request.url, {
              ...fetchOptions,
              conditional: state ? { etag: state.etag, lastModified: state.lastModified } : undefined,
            });
          } catch (err) {
            if (err instanceof HttpStatusError) {
              if (err.status < 500 && err.status !== 429) request.noRetry = true;
              // Honour Retry-After before crawlee retries (bounded so one host cannot stall a crawl).
              else if (err.retryAfterMs) await new Promise((r) => setTimeout(r, Math.min(err.retryAfterMs ?? 0, 60_000)));
            }
            throw err;
          }
          stats.pagesFetched++;
          if (page.status === 304) {
            stats.notModified++;
            return;
          }
          stats.bytes += page.body.length;
          if (state?.lastRawSha256 && state.lastRawSha256 === sha256Hex(page.body)) {
            stats.unchangedBytes++;
            return;
          }
          if (CHALLENGE.test(page.body.subarray(0, 20_000).toString('latin1')) && page.body.length < 50_000) {
            countError('blocked');
            return;
          }
          // Two links that redirect to one page must settle as one page, or the run never completes.
          const finalKey = canonicalUrl(page.url);
          if (queuedPages.has(finalKey)) return;
          queuedPages.add(finalKey);
          await deps.onPage(page, state);
          stats.pagesQueued++;
          deps.onProgress?.(stats);
        },
        failedRequestHandler: ({ request }, error) => {
          countError(errorKind(error));
          deps.log.warn({ url: request.url, err: error.message }, 'report page failed');
        },
      },
      config,
    );
    await crawler.run(reportRequests);
  }
  await reportQueue.drop();
  stats.durationMs = Date.now() - started;
  return stats;
}
