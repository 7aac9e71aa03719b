// src/job-ids.ts
import { canonicalUrl, sha256Hex } from "@govwatch/core";
var pageKey = (runId, url) => `${runId}-${sha256Hex(canonicalUrl(url)).slice(0, 24)}`;
var jobIds = {
  /** The crawl job of a run started on request (scheduled jobs get BullMQ's scheduler ids). */
  crawl: (runId) => `crawl-${runId}`,
  extract: (runId, url) => pageKey(runId, url),
  store: {
    /** The store job made of an extract job (its record or its failure). */
    fromExtract: (extractJobId) => `${extractJobId}-store`,
    /** A page the crawler refused to pass on (a challenge page), recorded as failed. */
    blocked: (runId, url) => `${pageKey(runId, url)}-store`,
    /** The end of a run's crawl: queued by the crawl job before it completes. */
    crawlFinished: (runId) => `${runId}-finished`
  },
  events: (eventId) => `event-${eventId}`,
  /** BullMQ ids may not contain ":", so the URL goes in as a hash. */
  webhooks: (eventId, url) => `webhook-${eventId}-${sha256Hex(url).slice(0, 16)}`,
  /** Job scheduler key of a site's nightly crawl (one per site, updated in place on restart). */
  crawlSchedule: (siteId) => `site-${siteId}`
};
var isCrawlSchedule = (key) => key.startsWith("site-");
export {
  isCrawlSchedule,
  jobIds
};
//# sourceMappingURL=job-ids.js.map
