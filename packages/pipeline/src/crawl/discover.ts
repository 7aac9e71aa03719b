// Phase 1 of a crawl: walk list pages (and sitemaps, feeds, Hanweb dataproxy groups) and
// collect the report links. BasicCrawler with our own fetch, or PlaywrightCrawler when the site
// needs a browser to fill its lists.
import { randomUUID } from 'node:crypto';
import { canonicalUrl } from '@govwatch/core';
import { decodeHtml } from '@govwatch/extract';
import type { Site } from '@govwatch/sites';
import { BasicCrawler, type Configuration, type RequestOptions, RequestQueue } from '@crawlee/basic';
import { launchOptions } from './browser.ts';
import { discoverFromXml, looksLikeXml } from './feeds.ts';
import { fetchPage } from './fetch-page.ts';
import { dataproxyGroup, findDataproxy } from './hanweb.ts';
import { discoverLinks } from './links.ts';
import { assertPublicUrl } from './ssrf.ts';
import type { CrawlContext } from './crawl-context.ts';

type ListData = {
  depth: number;
  /** Fetched with our own client even in browser mode (XML, dataproxy POSTs). */
  raw?: boolean;
  proxy?: { url: string; body: string; start: number; step: number; perPage: number };
};

export type Discovery = { reports: Map<string, { url: string; title: string }>; complete: boolean };

export async function discoverReports(site: Site, ctx: CrawlContext, config: Configuration): Promise<Discovery> {
  const { stats, rules } = ctx;
  const reports = new Map<string, { url: string; title: string }>();
  let complete = true;
  const queue = await RequestQueue.open(`list-${randomUUID()}`, { config });

  // Every list page links every other page of its column: check each link once.
  const seen = new Set<string>();
  const enqueue = async (url: string, data: ListData, extra: Partial<RequestOptions> = {}) => {
    const uniqueKey = extra.uniqueKey ?? canonicalUrl(url);
    if (seen.has(uniqueKey)) return;
    seen.add(uniqueKey);
    if (!ctx.onSite(url) || !(await ctx.allowedByRobots(url))) return;
    await queue.addRequest({ url, uniqueKey, userData: data, skipNavigation: data.raw, ...extra });
  };
  const enqueueProxyGroup = async (p: NonNullable<ListData['proxy']>, depth: number) => {
    const req = dataproxyGroup(p.url, p.body, p.start, p.step, p.perPage);
    await enqueue(req.url, { depth, raw: true, proxy: p }, { method: 'POST', payload: req.body, uniqueKey: `${req.url}#${req.body}` });
  };

  /** Everything found on one list response: reports, more list pages, Hanweb groups. */
  const handle = async (body: string, pageUrl: string, contentType: string | null, data: ListData) => {
    stats.listPagesFetched++;
    if (looksLikeXml(body, contentType)) {
      const found = discoverFromXml(body, pageUrl, rules);
      addReports(found.reports);
      if (data.proxy && found.hanweb && data.proxy.start + data.proxy.step <= found.hanweb.totalRecords) {
        await enqueueProxyGroup({ ...data.proxy, start: data.proxy.start + data.proxy.step }, data.depth);
      }
      if (data.depth < site.maxDepth) for (const url of found.lists) await enqueue(url, { depth: data.depth + 1, raw: true });
      return;
    }
    const found = discoverLinks(body, pageUrl, rules);
    addReports(found.reports);
    if (data.depth >= site.maxDepth) return;
    for (const url of found.lists) await enqueue(url, { depth: data.depth + 1 });
    const proxy = site.render === 'http' ? findDataproxy(body, pageUrl) : null; // a browser runs jpage itself
    if (proxy) await enqueueProxyGroup({ url: proxy.url, body: proxy.body, start: 1, step: proxy.step, perPage: proxy.end - proxy.start + 1 }, data.depth + 1);
    ctx.progress();
  };
  const addReports = (found: Array<{ url: string; title: string }>) => {
    for (const r of found) {
      if (!ctx.onSite(r.url)) continue;
      const key = canonicalUrl(r.url);
      if (!reports.has(key)) reports.set(key, r);
    }
    stats.reportLinksFound = reports.size;
  };
  /** XML, dataproxy and every page of an http site: our own polite fetch. */
  const fetchRaw = async (request: { url: string; method: string; payload?: string | Buffer; userData: ListData }) => {
    const page = await fetchPage(request.url, {
      ...ctx.fetchOptions,
      method: request.method === 'POST' ? 'POST' : 'GET',
      body: request.payload ? String(request.payload) : undefined,
      contentType: request.method === 'POST' ? 'application/x-www-form-urlencoded' : undefined,
    });
    stats.pagesFetched++;
    stats.bytes += page.body.length;
    const contentType = page.headers.get('content-type');
    const { html } = decodeHtml(page.body, contentType, site.encoding);
    await handle(html, page.url, contentType, request.userData);
  };

  for (const url of site.startUrls) await enqueue(url, { depth: 0, raw: site.render === 'http' || /\.xml($|\?)/i.test(url) });
  if (site.sitemaps) {
    for (const origin of new Set(site.startUrls.map((u) => new URL(u).origin))) {
      const robots = await ctx.robotsFor(origin);
      for (const sitemap of robots.sitemaps) await enqueue(sitemap, { depth: 0, raw: true }); // an entry point, like a start URL
    }
  }

  const common = {
    requestQueue: queue,
    maxRequestsPerCrawl: site.maxPages,
    maxRequestRetries: 2,
    maxConcurrency: site.maxConcurrency,
    minConcurrency: site.maxConcurrency, // see fetch-reports.ts: the Redis limiter bounds the load
    requestHandlerTimeoutSecs: 90,
    failedRequestHandler: ({ request }: { request: { url: string } }, error: Error) => {
      complete = false;
      ctx.countError(error);
      ctx.log.warn({ url: request.url, err: error.message }, 'list page failed');
    },
  };
  if (site.render === 'browser') {
    const [{ PlaywrightCrawler }, { chromium }] = await Promise.all([import('@crawlee/playwright'), import('playwright')]);
    const crawler = new PlaywrightCrawler(
      {
        ...common,
        launchContext: { launcher: chromium, launchOptions: launchOptions(ctx.chromiumPath) },
        browserPoolOptions: { useFingerprints: false },
        preNavigationHooks: [
          async ({ request, page }) => {
            const url = new URL(request.url);
            if (!ctx.fetchOptions.allowPrivateNetwork) await assertPublicUrl(url);
            // The browser's navigation waits for the host's next rate slot like any fetch.
            await ctx.limiter.schedule(url.host, ctx.fetchOptions.limits, async () => undefined);
            await page.setExtraHTTPHeaders({ 'user-agent': ctx.fetchOptions.userAgent });
          },
        ],
        requestHandler: async ({ page, request }) => {
          const data = request.userData as ListData;
          if (request.skipNavigation) return fetchRaw({ ...request, userData: data });
          // Lists filled by scripts (jpage, JSON) are complete once the network is quiet.
          await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
          stats.pagesFetched++;
          await handle(await page.content(), page.url(), 'text/html', data);
        },
      },
      config,
    );
    await crawler.run();
    await crawler.teardown();
  } else {
    const crawler = new BasicCrawler(
      { ...common, requestHandler: ({ request }) => fetchRaw({ ...request, userData: request.userData as ListData }) },
      config,
    );
    await crawler.run();
  }
  await queue.drop();
  return { reports, complete };
}
