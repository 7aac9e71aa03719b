// src/crawl/crawl-context.ts
import { fetchPolicyOf } from "@govwatch/sites";
import { errorKind, withCrawlDelay } from "../fetch/index.js";
var PROGRESS_EVERY_MS = 250;
function emptyStats() {
  return {
    listPagesFetched: 0,
    reportLinksFound: 0,
    pagesFetched: 0,
    notModified: 0,
    unchangedBytes: 0,
    pagesQueued: 0,
    alreadySettled: 0,
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
  const fetchOptions = deps.fetcher.optionsFor(fetchPolicyOf(site));
  const robotsByOrigin = /* @__PURE__ */ new Map();
  let lastProgressAt = 0;
  const robotsFor = (origin) => {
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
      reportLinkPattern: site.reportLinkPattern ? new RegExp(site.reportLinkPattern) : void 0,
      listLinkPattern: site.listLinkPattern ? new RegExp(site.listLinkPattern) : void 0
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
      const now = Date.now();
      if (now - lastProgressAt < PROGRESS_EVERY_MS) return;
      lastProgressAt = now;
      deps.onProgress?.(stats);
    }
  };
}
export {
  createCrawlContext,
  emptyStats
};
//# sourceMappingURL=crawl-context.js.map
