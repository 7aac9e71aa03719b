// One crawl of one site: a single crawlee crawler whose queue holds `list` requests (column pages,
// sitemaps, feeds, Hanweb dataproxy groups) and `report` requests, so report pages are fetched
// while the lists are still being walked. BasicCrawler with our own fetch, or PlaywrightCrawler
// where the site's lists need a browser (report pages are still fetched with our client, for
// conditional GETs and raw bytes). A fresh crawler and in-memory request list per crawl (crawlee
// #1602, #4056; crawl-requests.ts).
import { freemem, totalmem } from 'node:os';
import {
  BasicCrawler,
  Configuration,
  log as crawleeLog,
  LocalEventManager,
  LogLevel,
  type Request,
  type RequestQueue,
} from '@crawlee/basic';
import { canonicalUrl } from '@govwatch/core';
import type { Site } from '@govwatch/sites';
import type { Page, Response as PlaywrightResponse } from 'playwright';
import { assertPublicUrl, HttpStatusError, OffSiteError, parseRetryAfter, prepareRetry } from '../fetch/index.ts';
import { guardPage, launchOptions } from './browser.ts';
import { type ContextDeps, type CrawlContext, type CrawlStats, createCrawlContext } from './crawl-context.ts';
import { CrawlRequests } from './crawl-requests.ts';
import { type Enqueue, type ListData, listKey, listRoute } from './list-route.ts';
import { type ReportSink, reportRoute } from './report-route.ts';

crawleeLog.setLevel(LogLevel.OFF); // we log through pino; stdout belongs to the CLI

export type { CrawlStats } from './crawl-context.ts';
export type { PageState } from './report-route.ts';
export type CrawlDeps = ContextDeps &
  ReportSink & {
    /**
     * Asked before each new request (twice a second while it says no): false holds the crawl,
     * requests in flight finishing, until it says yes (backpressure, page-backlog.ts).
     */
    mayStartRequest?: () => boolean;
  };

/** The process is shutting down: the crawl job should be retried later, from the start. */
export class CrawlInterruptedError extends Error {
  override name = 'CrawlInterruptedError';
}

type ReportData = { label: 'report' };

/**
 * Each crawler's event manager measures the machine at its start and every second after, for
 * autoscaling, and on Linux that spawns `ps` (crawlee's getMemoryInfo → psTree), which forks this
 * whole process: with 20 crawls at once, 25 % of the crawl worker's CPU went to spawning ps
 * (pipeline benchmark profile). Our crawlers run at a fixed concurrency (min = max) and the Redis
 * host limiter bounds the load, so autoscaling needs few samples: one a minute, of this process's
 * own memory, and the memory budget given rather than measured at every start.
 */
const quietSystemInfo = {
  systemInfoIntervalMillis: 60_000,
  memoryMbytes: Math.round((totalmem() / 1024 / 1024) * 0.25),
};

function crawlerConfig(): Configuration {
  const config = new Configuration({ persistStorage: false, purgeOnStart: false, ...quietSystemInfo });
  const events = new LocalEventManager(config);
  // getMemoryInfo is private in crawlee's types; replacing it on the instance is the one hook.
  Object.assign(events, {
    getMemoryInfo: async () => {
      const total = totalmem();
      const free = freemem();
      return {
        totalBytes: total,
        freeBytes: free,
        usedBytes: total - free,
        mainProcessBytes: process.memoryUsage.rss(),
        childProcessesBytes: 0,
      };
    },
  });
  config.useEventManager(events);
  return config;
}

export async function crawlSite(site: Site, deps: CrawlDeps): Promise<CrawlStats> {
  const started = Date.now();
  const ctx = createCrawlContext(site, deps);
  // A site on a private network is refused as a whole, with one clear error, before any request.
  if (!ctx.fetchOptions.allowPrivateNetwork) for (const url of site.startUrls) await assertPublicUrl(new URL(url));
  const config = crawlerConfig();
  const queue = new CrawlRequests();

  // The page budget is counted here, not by crawlee's maxRequestsPerCrawl: that one stops silently
  // (a crawl cut short must not look complete) and counts retries against the budget. A link is
  // queued only while the budget has room: a list of 40,000 links with maxPages 200 queued them
  // all (37 s to drain and 528 MB, or over 600 s and 1.1 GB).
  let queuedRequests = 0;
  const cutShort = () => {
    ctx.stats.discoveryComplete = false; // pages not fetched are not missing
    const warning = `stopped at maxPages (${site.maxPages}) for site ${site.id}`;
    if (!ctx.stats.warnings.includes(warning)) ctx.stats.warnings.push(warning);
  };
  const takeBudget = () => {
    if (queuedRequests >= site.maxPages) {
      cutShort();
      return false;
    }
    queuedRequests++;
    return true;
  };
  const reports = new Map<string, { url: string; title: string }>();
  // Every list page links every other page of its column: look at each link once.
  const seenLists = new Set<string>();
  const enqueue: Enqueue = {
    async list(url, data, post) {
      const uniqueKey = listKey(url, post);
      if (seenLists.has(uniqueKey)) return;
      seenLists.add(uniqueKey);
      if (!ctx.onSite(url) || !(await ctx.allowedByRobots(url))) return;
      const userData: ListData = { label: 'list', ...data };
      // XML and POSTs are always fetched with our client, even in a browser crawl.
      const raw = site.render === 'http' || post !== undefined || /\.xml($|\?)/i.test(url);
      if (!takeBudget()) return;
      await queue.addRequest({
        url,
        uniqueKey,
        userData,
        skipNavigation: raw,
        ...(post ? { method: 'POST' as const, payload: post.body } : {}),
      });
    },
    isKnownList: (url) => seenLists.has(listKey(url)) || !ctx.onSite(url),
    async report(link) {
      if (!ctx.onSite(link.url)) return;
      const key = canonicalUrl(link.url);
      if (reports.has(key)) return;
      reports.set(key, link);
      ctx.stats.reportLinksFound = reports.size;
      if (!(await ctx.allowedByRobots(link.url))) return;
      if (reportPages.skipNotDue(key)) return; // the revisit policy (revisit.ts): seen, not fetched
      if (!takeBudget()) return;
      await queue.addRequest({
        url: link.url,
        uniqueKey: key,
        userData: { label: 'report' } satisfies ReportData,
        skipNavigation: true,
      });
    },
  };
  const lists = listRoute(site, ctx, enqueue);
  const reportPages = reportRoute(ctx, deps, site.revisitNotReportsDays);

  for (const url of site.startUrls) await enqueue.list(url, { depth: 0 });
  if (site.sitemaps) {
    for (const origin of new Set(site.startUrls.map((u) => new URL(u).origin))) {
      for (const sitemap of (await ctx.robotsFor(origin)).sitemaps) await enqueue.list(sitemap, { depth: 0 }); // an entry point
    }
  }

  // A second guard on the budget (every queued request took its share of it already).
  let fetched = 0;
  const route = async (request: Request) => {
    if (request.retryCount === 0 && ++fetched > site.maxPages) return cutShort();
    const data = request.userData as ListData | ReportData;
    try {
      if (data.label === 'report') return await reportPages.handle(request);
      return await lists.fetchAndHandle({
        url: request.url,
        method: request.method,
        payload: request.payload,
        userData: data,
      });
    } catch (err) {
      await prepareRetry(request, err);
      throw err;
    }
  };
  const failed = async ({ request }: { request: Request }, error: Error) => {
    const data = request.userData as ListData | ReportData;
    if (data.label === 'report') await reportPages.failed(request, error);
    else ctx.stats.discoveryComplete = false; // a list we could not read proves nothing missing
    ctx.countError(error);
    ctx.log.warn({ url: request.url, label: data.label, err: error.message }, 'request failed');
  };
  const options = {
    // crawlee 3.18 types a `requestManager` option but its option check rejects it; `requestQueue`
    // takes anything with fetchNextRequest and addRequest, and is used through the same interface.
    requestQueue: queue as unknown as RequestQueue,
    maxRequestRetries: 3,
    // Start at full concurrency: crawlee's autoscaling adds a slot every 10 s, longer than a whole
    // re-crawl; the Redis host limiter is what bounds the load on the site.
    maxConcurrency: site.maxConcurrency,
    minConcurrency: site.maxConcurrency,
    requestHandlerTimeoutSecs: 150,
    // Sessions rotate proxies and cookies, which we use neither of (a session object per request
    // was 5 % of a re-crawl's CPU); error statuses are checked by our client and, for browser
    // lists, in the request handler.
    useSessionPool: false,
    // Statistics saved to an in-memory key-value store nobody reads, at each crawl's end: 3 % of
    // an unchanged re-crawl's CPU (crawlee's argument checks on every write).
    statisticsOptions: { persistenceOptions: { enable: false } },
    failedRequestHandler: failed,
    // Held while the stages downstream are behind: the pool asks again every 0.5 s; a held crawl is
    // not finished while requests remain, and stop() still ends it.
    autoscaledPoolOptions: {
      isTaskReadyFunction: async () => (deps.mayStartRequest?.() ?? true) && !(await queue.isEmpty()),
    },
  };
  try {
    const crawler =
      site.render === 'browser'
        ? await browserCrawler(ctx, config, options, route, lists.handle)
        : new BasicCrawler({ ...options, requestHandler: ({ request }) => route(request) }, config);
    const stop = () => crawler.stop('govwatch is shutting down');
    deps.signal?.addEventListener('abort', stop, { once: true });
    try {
      await crawler.run();
    } finally {
      deps.signal?.removeEventListener('abort', stop);
      if (site.render === 'browser') await crawler.teardown();
    }
  } finally {
    await reportPages.close();
  }
  if (deps.signal?.aborted)
    throw new CrawlInterruptedError(`crawl of ${site.id} interrupted by shutdown; it will be retried`);

  ctx.stats.seenUrls = [...reports.keys()].filter((url) => !reportPages.gone.has(url));
  if (reports.size === 0) {
    // A site that suddenly lists nothing (redesign, challenge, script-filled list) has not lost
    // every report: nothing may be counted missing.
    ctx.stats.discoveryComplete = false;
    ctx.stats.warnings.push(
      site.render === 'http'
        ? `no report links found on ${site.startUrls.join(', ')}: if the list is filled by JavaScript, set render: browser for site ${site.id}`
        : `no report links found on ${site.startUrls.join(', ')}: check titleKeywords / reportLinkPattern of site ${site.id}`,
    );
  }
  ctx.stats.durationMs = Date.now() - started;
  deps.onProgress?.(ctx.stats); // the last figures, which ctx.progress() may have held back
  return ctx.stats;
}

/** Lists rendered by Chromium; everything marked skipNavigation goes through our own client. */
async function browserCrawler(
  ctx: CrawlContext,
  config: Configuration,
  options: object,
  route: (request: Request) => Promise<void>,
  handleList: (html: string, url: string, contentType: string | null, data: ListData) => Promise<void>,
) {
  const [{ PlaywrightCrawler }, { chromium }] = await Promise.all([
    import('@crawlee/playwright'),
    import('playwright'),
  ]);
  /** The main frame's last document response: after a challenge's reload, the page's own. */
  const lastNavigation = new WeakMap<Page, PlaywrightResponse>();
  const crawler = new PlaywrightCrawler(
    {
      ...options,
      launchContext: { launcher: chromium, launchOptions: launchOptions(ctx.chromiumPath) },
      browserPoolOptions: { useFingerprints: false },
      preNavigationHooks: [
        async ({ request, page }) => {
          const url = new URL(request.url);
          if (!ctx.fetchOptions.allowPrivateNetwork) await assertPublicUrl(url);
          // The browser's navigation waits for the host's next rate turn like any fetch.
          await ctx.limiter.schedule(url.host, ctx.fetchOptions.limits, async () => undefined);
          await page.setExtraHTTPHeaders({ 'user-agent': ctx.fetchOptions.userAgent });
          await guardPage(page, ctx.fetchOptions);
          page.on('response', (response) => {
            if (response.request().isNavigationRequest() && response.frame() === page.mainFrame())
              lastNavigation.set(page, response);
          });
        },
      ],
      requestHandler: async ({ page, request, response }) => {
        if (request.skipNavigation) return route(request);
        // Lists filled by scripts (jpage, JSON) are complete once the network is quiet; a WAF
        // challenge has set its cookie and reloaded the page by then.
        await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
        // crawlee hands error pages to the handler (it throws only on 401/403/429, and only with its
        // session pool): a page still answering an error is a failed list, not an empty one that
        // proves reports gone.
        const last = lastNavigation.get(page) ?? response;
        const status = last?.status() ?? 0;
        if (status >= 400) {
          const err = new HttpStatusError(status, request.url, parseRetryAfter(last?.headers()['retry-after'] ?? null));
          await prepareRetry(request, err);
          throw err;
        }
        ctx.stats.pagesFetched++;
        if (!ctx.onSite(page.url())) throw new OffSiteError(`list page ${request.url} ended off-site at ${page.url()}`);
        await handleList(await page.content(), page.url(), 'text/html', request.userData as ListData);
      },
    },
    config,
  );
  return crawler;
}
