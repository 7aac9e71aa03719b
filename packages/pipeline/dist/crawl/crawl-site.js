// src/crawl/crawl-site.ts
import { randomUUID } from "node:crypto";
import { freemem, totalmem } from "node:os";
import { canonicalUrl } from "@govwatch/core";
import { BasicCrawler, Configuration, LocalEventManager, LogLevel, log as crawleeLog, RequestQueue } from "@crawlee/basic";
import { guardPage, launchOptions } from "./browser.js";
import { assertPublicUrl, HttpStatusError, OffSiteError, parseRetryAfter, prepareRetry } from "../fetch/index.js";
import { createCrawlContext } from "./crawl-context.js";
import { listKey, listRoute } from "./list-route.js";
import { reportRoute } from "./report-route.js";
crawleeLog.setLevel(LogLevel.OFF);
var CrawlInterruptedError = class extends Error {
  name = "CrawlInterruptedError";
};
var quietSystemInfo = {
  systemInfoIntervalMillis: 6e4,
  memoryMbytes: Math.round(totalmem() / 1024 / 1024 * 0.25)
};
function shrinkSeenCache(queue, slots = 4096) {
  const cache = queue.requestSeenCache;
  if (cache && typeof cache.size === "number" && typeof cache.clear === "function") {
    cache.size = slots;
    cache.clear();
  }
}
function crawlerConfig() {
  const config = new Configuration({ persistStorage: false, purgeOnStart: false, ...quietSystemInfo });
  const events = new LocalEventManager(config);
  Object.assign(events, {
    getMemoryInfo: async () => {
      const total = totalmem();
      const free = freemem();
      return { totalBytes: total, freeBytes: free, usedBytes: total - free, mainProcessBytes: process.memoryUsage.rss(), childProcessesBytes: 0 };
    }
  });
  config.useEventManager(events);
  return config;
}
async function crawlSite(site, deps) {
  const started = Date.now();
  const ctx = createCrawlContext(site, deps);
  if (!ctx.fetchOptions.allowPrivateNetwork) for (const url of site.startUrls) await assertPublicUrl(new URL(url));
  const config = crawlerConfig();
  const queue = await RequestQueue.open(`crawl-${randomUUID()}`, { config });
  shrinkSeenCache(queue);
  let queuedRequests = 0;
  const cutShort = () => {
    ctx.stats.discoveryComplete = false;
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
  const reports = /* @__PURE__ */ new Map();
  const seenLists = /* @__PURE__ */ new Set();
  const enqueue = {
    async list(url, data, post) {
      const uniqueKey = listKey(url, post);
      if (seenLists.has(uniqueKey)) return;
      seenLists.add(uniqueKey);
      if (!ctx.onSite(url) || !await ctx.allowedByRobots(url)) return;
      const userData = { label: "list", ...data };
      const raw = site.render === "http" || post !== void 0 || /\.xml($|\?)/i.test(url);
      if (!takeBudget()) return;
      await queue.addRequest({
        url,
        uniqueKey,
        userData,
        skipNavigation: raw,
        ...post ? { method: "POST", payload: post.body } : {}
      });
    },
    isKnownList: (url) => seenLists.has(listKey(url)) || !ctx.onSite(url),
    async report(link) {
      if (!ctx.onSite(link.url)) return;
      const key = canonicalUrl(link.url);
      if (reports.has(key)) return;
      reports.set(key, link);
      ctx.stats.reportLinksFound = reports.size;
      if (!await ctx.allowedByRobots(link.url)) return;
      if (!takeBudget()) return;
      await queue.addRequest({ url: link.url, uniqueKey: key, userData: { label: "report" }, skipNavigation: true });
    }
  };
  const lists = listRoute(site, ctx, enqueue);
  const reportPages = reportRoute(ctx, deps);
  for (const url of site.startUrls) await enqueue.list(url, { depth: 0 });
  if (site.sitemaps) {
    for (const origin of new Set(site.startUrls.map((u) => new URL(u).origin))) {
      for (const sitemap of (await ctx.robotsFor(origin)).sitemaps) await enqueue.list(sitemap, { depth: 0 });
    }
  }
  let fetched = 0;
  const route = async (request) => {
    if (request.retryCount === 0 && ++fetched > site.maxPages) return cutShort();
    const data = request.userData;
    try {
      if (data.label === "report") return await reportPages.handle(request);
      return await lists.fetchAndHandle({ url: request.url, method: request.method, payload: request.payload, userData: data });
    } catch (err) {
      await prepareRetry(request, err);
      throw err;
    }
  };
  const failed = ({ request }, error) => {
    const data = request.userData;
    if (data.label === "report") reportPages.failed(request, error);
    else ctx.stats.discoveryComplete = false;
    ctx.countError(error);
    ctx.log.warn({ url: request.url, label: data.label, err: error.message }, "request failed");
  };
  const options = {
    requestQueue: queue,
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
    failedRequestHandler: failed
  };
  try {
    const crawler = site.render === "browser" ? await browserCrawler(ctx, config, options, route, lists.handle) : new BasicCrawler({ ...options, requestHandler: ({ request }) => route(request) }, config);
    const stop = () => crawler.stop("govwatch is shutting down");
    deps.signal?.addEventListener("abort", stop, { once: true });
    try {
      await crawler.run();
    } finally {
      deps.signal?.removeEventListener("abort", stop);
      if (site.render === "browser") await crawler.teardown();
    }
  } finally {
    await queue.drop();
    await reportPages.close();
  }
  if (deps.signal?.aborted) throw new CrawlInterruptedError(`crawl of ${site.id} interrupted by shutdown; it will be retried`);
  ctx.stats.seenUrls = [...reports.keys()].filter((url) => !reportPages.gone.has(url));
  if (reports.size === 0) {
    ctx.stats.discoveryComplete = false;
    ctx.stats.warnings.push(
      site.render === "http" ? `no report links found on ${site.startUrls.join(", ")}: if the list is filled by JavaScript, set render: browser for site ${site.id}` : `no report links found on ${site.startUrls.join(", ")}: check titleKeywords / reportLinkPattern of site ${site.id}`
    );
  }
  ctx.stats.durationMs = Date.now() - started;
  deps.onProgress?.(ctx.stats);
  return ctx.stats;
}
async function browserCrawler(ctx, config, options, route, handleList) {
  const [{ PlaywrightCrawler }, { chromium }] = await Promise.all([import("@crawlee/playwright"), import("playwright")]);
  const lastNavigation = /* @__PURE__ */ new WeakMap();
  const crawler = new PlaywrightCrawler({
    ...options,
    launchContext: { launcher: chromium, launchOptions: launchOptions(ctx.chromiumPath) },
    browserPoolOptions: { useFingerprints: false },
    preNavigationHooks: [
      async ({ request, page }) => {
        const url = new URL(request.url);
        if (!ctx.fetchOptions.allowPrivateNetwork) await assertPublicUrl(url);
        await ctx.limiter.schedule(url.host, ctx.fetchOptions.limits, async () => void 0);
        await page.setExtraHTTPHeaders({ "user-agent": ctx.fetchOptions.userAgent });
        await guardPage(page, ctx.fetchOptions);
        page.on("response", (response) => {
          if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) lastNavigation.set(page, response);
        });
      }
    ],
    requestHandler: async ({ page, request, response }) => {
      if (request.skipNavigation) return route(request);
      await page.waitForLoadState("networkidle", { timeout: 15e3 }).catch(() => void 0);
      const last = lastNavigation.get(page) ?? response;
      const status = last?.status() ?? 0;
      if (status >= 400) {
        const err = new HttpStatusError(status, request.url, parseRetryAfter(last?.headers()["retry-after"] ?? null));
        await prepareRetry(request, err);
        throw err;
      }
      ctx.stats.pagesFetched++;
      if (!ctx.onSite(page.url())) throw new OffSiteError(`list page ${request.url} ended off-site at ${page.url()}`);
      await handleList(await page.content(), page.url(), "text/html", request.userData);
    }
  }, config);
  return crawler;
}
export {
  CrawlInterruptedError,
  crawlSite
};
//# sourceMappingURL=crawl-site.js.map
