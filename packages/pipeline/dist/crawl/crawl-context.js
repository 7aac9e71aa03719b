// src/crawl/crawl-context.ts
import { fetchPolicyOf } from "@govwatch/sites";
import { fetchOptionsFor, HttpStatusError } from "./fetch-page.js";
import { withCrawlDelay } from "./robots.js";
function errorKind(err) {
  if (err instanceof HttpStatusError) return `http_${err.status}`;
  const e = err;
  if (e?.name === "TimeoutError" || /timeout/i.test(e?.message ?? "")) return "timeout";
  if (e?.name === "BlockedAddressError") return "private_address";
  if (e?.name === "OffSiteError") return "off_site";
  if (e?.name === "RobotsDisallowedError") return "robots";
  if (e?.name === "TooLargeError") return "too_large";
  if (e?.name === "BlockedError") return "blocked";
  return "network";
}
function emptyStats() {
  return {
    listPagesFetched: 0,
    reportLinksFound: 0,
    pagesFetched: 0,
    notModified: 0,
    unchangedBytes: 0,
    pagesQueued: 0,
    bytes: 0,
    robotsDisallowed: 0,
    browserRetries: 0,
    errors: {},
    discoveryComplete: true,
    seenUrls: [],
    warnings: [],
    durationMs: 0
  };
}
function createCrawlContext(site, deps) {
  const stats = emptyStats();
  const fetchOptions = fetchOptionsFor(fetchPolicyOf(site), deps);
  const robotsByOrigin = /* @__PURE__ */ new Map();
  const robotsFor = (origin) => {
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
      reportLinkPattern: site.reportLinkPattern ? new RegExp(site.reportLinkPattern) : void 0,
      listLinkPattern: site.listLinkPattern ? new RegExp(site.listLinkPattern) : void 0
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
    progress: () => deps.onProgress?.(stats)
  };
}
export {
  createCrawlContext,
  emptyStats,
  errorKind
};
//# sourceMappingURL=crawl-context.js.map
