// One crawl job of one site's run: a crawlee crawler whose requests are leased from the run's
// durable frontier in Redis (frontier.ts, crawl-requests.ts), `list` requests (column pages,
// sitemaps, feeds, Hanweb dataproxy groups) and `report` requests side by side, so report pages are
// fetched while the lists are still being walked. A run may have several such jobs (shards) on as
// many workers; a job that dies is run again and carries on from the frontier. BasicCrawler with
// our own fetch, or PlaywrightCrawler where the site's lists need a browser (report pages are still
// fetched with our client, for conditional GETs and raw bytes). A fresh crawler per job (crawlee
// #1602, #4056).
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
import type { DocumentLink } from '@govwatch/extract';
import type { Site } from '@govwatch/sites';
import type { Page, Response as PlaywrightResponse } from 'playwright';
import { assertPublicUrl, HttpStatusError, OffSiteError, parseRetryAfter, prepareRetry } from '../fetch/index.ts';
import { guardPage, launchOptions } from './browser.ts';
import {
  type ContextDeps,
  type CrawlContext,
  type CrawlStats,
  createCrawlContext,
  emptyStats,
} from './crawl-context.ts';
import { CrawlRequests } from './crawl-requests.ts';
import type { Child, Frontier, FrontierRequest, Totals } from './frontier.ts';
import { countersOf, maxPagesWarning, statsOf } from './frontier-stats.ts';
import { type Enqueue, type ListData, listKey, listRoute } from './list-route.ts';
import { type ReportSink, reportRoute } from './report-route.ts';
import { newScope, requestScopes } from './request-scope.ts';

crawleeLog.setLevel(LogLevel.OFF); // we log through pino; stdout belongs to the CLI

export type { CrawlStats } from './crawl-context.ts';
export type { PageState } from './report-route.ts';
/** Which run's frontier this crawl job works on, and as which shard. */
export type RunFrontier = {
  frontier: Frontier;
  /** 1..site.crawlShards: the one that claims the crawl's end returns the run's figures. */
  shard: number;
  /** How long a leased request stays this job's unrenewed. */
  leaseMs: number;
};
export type CrawlDeps = ContextDeps &
  ReportSink & {
    run: RunFrontier;
    /**
     * Asked before each new request (twice a second while it says no): false holds the crawl,
     * requests in flight finishing, until it says yes (backpressure, page-backlog.ts).
     */
    mayStartRequest?: () => boolean;
  };

/** The process is shutting down: the crawl job should be retried later; the run's frontier keeps its place. */
export class CrawlInterruptedError extends Error {
  override name = 'CrawlInterruptedError';
}

/** `document`: the link names a PDF/DOCX report; its title and list date go to the extractor with it. */
type ReportData = { label: 'report'; document?: DocumentLink };

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

/** A list page of thousands of links sends them on in parts of this many, ahead of its completion. */
const FLUSH_CHILDREN_AT = 1000;

/**
 * Crawl the site as one shard of its run until the run's frontier has nothing pending and nothing
 * leased. Returns the run's figures when this job is the one that claimed the crawl's end (exactly
 * one of the run's jobs does; it queues the crawlFinished job, then calls frontier.handOff()), else null.
 */
export async function crawlSite(site: Site, deps: CrawlDeps): Promise<CrawlStats | null> {
  const { frontier, shard } = deps.run;
  const outside = newScope();
  const scopes = requestScopes(outside);
  let totals: Totals | null = null;
  const ctx = createCrawlContext(
    site,
    { ...deps, onProgress: () => totals && deps.onProgress?.(progressStats(totals)) },
    scopes.stats,
  );
  // A site on a private network is refused as a whole, with one clear error, before any request.
  if (!ctx.fetchOptions.allowPrivateNetwork) for (const url of site.startUrls) await assertPublicUrl(new URL(url));
  const runEnd = async () => statsOf(await frontier.snapshot(), site, Date.now());

  const state = await frontier.state();
  if (state.handedOff) return null; // the run's crawl is over; this job came late
  // A claim stands: the claimer's job (run again after it died) hands it off.
  if (state.finishedBy !== null) return state.finishedBy === shard ? runEnd() : null;

  const requests = new CrawlRequests(frontier, {
    batch: site.maxConcurrency,
    leaseMs: deps.run.leaseMs,
    maxPages: site.maxPages,
    onTotals: (t) => {
      totals = t;
      ctx.progress();
    },
  });
  const sink: ReportSink = handedOnRecorder(deps, scopes);
  const reportPages = reportRoute(ctx, sink, site.revisitNotReportsDays);
  const enqueue = frontierEnqueue(site, ctx, scopes, requests, (key) => reportPages.notDue(key));
  const lists = listRoute(site, ctx, enqueue);

  if (!state.seeded) {
    // Every shard may find the run unseeded; the frontier takes the first seed only.
    for (const url of site.startUrls) await enqueue.list(url, { depth: 0 });
    if (site.sitemaps) {
      for (const origin of new Set(site.startUrls.map((u) => new URL(u).origin))) {
        for (const sitemap of (await ctx.robotsFor(origin)).sitemaps) await enqueue.list(sitemap, { depth: 0 }); // an entry point
      }
    }
    await frontier.seed(site.maxPages, outside.findings, countersOf(outside.counted));
  }

  // A second guard on this job's budget (every queued request took its share of the run's already).
  let fetched = 0;
  const cutShort = () => {
    ctx.stats.discoveryComplete = false; // pages not fetched are not missing
    if (!ctx.stats.warnings.includes(maxPagesWarning(site))) ctx.stats.warnings.push(maxPagesWarning(site));
  };
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
  const inScope = <T>(request: Request, fn: () => T) => scopes.run(requests.scopeOf(request), fn);
  const failed = ({ request }: { request: Request }, error: Error) =>
    inScope(request, async () => {
      try {
        const data = request.userData as ListData | ReportData;
        if (data.label === 'report') {
          await reportPages.failed(request, error);
          if (reportPages.gone.has(request.uniqueKey)) scopes.current().findings.gone.push(request.uniqueKey);
        } else ctx.stats.discoveryComplete = false; // a list we could not read proves nothing missing
        ctx.countError(error);
        ctx.log.warn({ url: request.url, label: data.label, err: error.message }, 'request failed');
      } finally {
        await requests.complete(request); // crawlee marked it handled before calling this handler
      }
    });
  const options = {
    // crawlee 3.18 types a `requestManager` option but its option check rejects it; `requestQueue`
    // takes anything with fetchNextRequest and addRequest, and is used through the same interface.
    requestQueue: requests as unknown as RequestQueue,
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
      isTaskReadyFunction: async () => (deps.mayStartRequest?.() ?? true) && !(await requests.isEmpty()),
    },
  };
  requests.startRenewing((err) => ctx.log.debug({ err: err.message }, 'lease renewal failed; next one retries'));
  try {
    const crawler =
      site.render === 'browser'
        ? await browserCrawler(ctx, crawlerConfig(), options, route, lists.handle, inScope)
        : new BasicCrawler(
            { ...options, requestHandler: ({ request }) => inScope(request, () => route(request)) },
            crawlerConfig(),
          );
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
    // Whatever this job still holds goes back to the frontier for the run's other jobs.
    await requests.stop().catch((err: Error) => ctx.log.warn({ err: err.message }, 'could not release leases'));
  }
  if (deps.signal?.aborted)
    throw new CrawlInterruptedError(`crawl of ${site.id} interrupted by shutdown; it will be retried`);
  ctx.log.info(
    { shard, requestsDone: await requests.handledCount(), lostLeases: requests.lostLeases },
    'crawl job done',
  );

  const claimer = await frontier.claimEnd(shard);
  // Redis lost its data mid-crawl: the job's retry starts the frontier again (settled pages are skipped).
  if (claimer === 'lost') throw new Error(`the crawl frontier of run ${frontier.runId} was lost (Redis lost its data)`);
  if (claimer !== shard) return null; // another shard ends the run's crawl
  const stats = await runEnd();
  deps.onProgress?.(stats); // the last figures, which ctx.progress() may have held back
  return stats;
}

/** The progress figures (crawl --wait) from the run's totals. */
function progressStats(t: Totals): CrawlStats {
  return {
    ...emptyStats(),
    listPagesFetched: t.listPages,
    reportLinksFound: t.reportLinks,
    pagesQueued: t.queued,
    notModified: t.unchanged,
    notDue: t.notDue,
  };
}

/**
 * Links found go to the current request's findings (sent to the frontier with its completion),
 * each at most once per job: a list page links every other page of its column. The frontier
 * dedupes across jobs, applies the maxPages budget and counts robots refusals once.
 */
function frontierEnqueue(
  site: Site,
  ctx: CrawlContext,
  scopes: ReturnType<typeof requestScopes>,
  requests: CrawlRequests,
  notDue: (key: string) => boolean,
): Enqueue {
  const sent = new Set<string>();
  const add = async (key: string, kind: Child[1], request: FrontierRequest) => {
    sent.add(key);
    const allowed = (await ctx.robotsFor(new URL(request.url).origin)).isAllowed(request.url);
    // A known non-report page not yet due (revisit.ts) is seen, so never counted missing, not fetched.
    const flag = !allowed ? 0 : kind === 'r' && notDue(key) ? 2 : 1;
    const scope = scopes.current();
    scope.findings.children.push([key, kind, flag, JSON.stringify(request)]);
    if (scope.findings.children.length >= FLUSH_CHILDREN_AT) await requests.flushFindings(scope);
  };
  return {
    async list(url, data, post) {
      const uniqueKey = listKey(url, post);
      if (sent.has(uniqueKey) || !ctx.onSite(url)) return;
      // XML and POSTs are always fetched with our client, even in a browser crawl.
      const raw = site.render === 'http' || post !== undefined || /\.xml($|\?)/i.test(url);
      await add(uniqueKey, 'l', {
        url,
        uniqueKey,
        userData: { label: 'list', ...data } satisfies ListData,
        skipNavigation: raw,
        ...(post ? { method: 'POST' as const, payload: post.body } : {}),
      });
    },
    async report(link) {
      if (!ctx.onSite(link.url)) return false;
      const key = canonicalUrl(link.url);
      if (sent.has(key)) return false;
      // Only document links carry their title: an HTML report page names itself.
      const userData: ReportData = link.document
        ? { label: 'report', document: { title: link.title, ...link.document } }
        : { label: 'report' };
      await add(key, 'r', { url: link.url, uniqueKey: key, userData, skipNavigation: true });
      return true;
    },
    beyondMaxDepth(urls) {
      const findings = scopes.current().findings;
      for (const url of urls) if (ctx.onSite(url) && !sent.has(listKey(url))) findings.beyond.push(listKey(url));
    },
  };
}

/** The sink, recording in the current request's findings each page handed on (pagesQueued counts them). */
function handedOnRecorder(deps: ReportSink, scopes: ReturnType<typeof requestScopes>): ReportSink {
  const handed = (key: string, settled: 0 | 1) => scopes.current().findings.handed.push([key, settled]);
  return {
    pageState: (canonical) => deps.pageState(canonical),
    async onPage(page, document) {
      await deps.onPage(page, document);
      handed(canonicalUrl(page.url), 0);
    },
    async onBlocked(page, reason) {
      await deps.onBlocked(page, reason);
      handed(canonicalUrl(page.url), 0);
    },
    settledInRun(canonical) {
      const settled = deps.settledInRun?.(canonical) ?? false;
      if (settled) handed(canonical, 1);
      return settled;
    },
    onRevisited: (canonical, at) => deps.onRevisited?.(canonical, at),
  };
}

/** Lists rendered by Chromium; everything marked skipNavigation goes through our own client. */
async function browserCrawler(
  ctx: CrawlContext,
  config: Configuration,
  options: object,
  route: (request: Request) => Promise<void>,
  handleList: (html: string, url: string, contentType: string | null, data: ListData) => Promise<void>,
  inScope: <T>(request: Request, fn: () => T) => T,
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
      requestHandler: ({ page, request, response }) =>
        inScope(request, async () => {
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
            const err = new HttpStatusError(
              status,
              request.url,
              parseRetryAfter(last?.headers()['retry-after'] ?? null),
            );
            await prepareRetry(request, err);
            throw err;
          }
          ctx.stats.pagesFetched++;
          if (!ctx.onSite(page.url()))
            throw new OffSiteError(`list page ${request.url} ended off-site at ${page.url()}`);
          await handleList(await page.content(), page.url(), 'text/html', request.userData as ListData);
        }),
    },
    config,
  );
  return crawler;
}
