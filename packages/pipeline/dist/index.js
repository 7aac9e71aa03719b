// src/index.ts
export * from "./runtime.js";
export * from "./run-crawl.js";
export * from "./scheduler.js";
export * from "./event-relay.js";
import { startWorker } from "./workers/start-worker.js";
import { stages } from "@govwatch/jobs";
import { crawlSite } from "./crawl/crawl-site.js";
import { discoverFromXml } from "./crawl/feeds.js";
import { findDataproxy } from "./crawl/hanweb.js";
import { discoverLinks } from "./crawl/links.js";
import { redisHostLimiter } from "./fetch/host-limiter.js";
import { isPrivateAddress, assertPublicUrl } from "./fetch/ssrf.js";
import { createFetcher } from "./fetch/fetcher.js";
import { migrateAndUpsertSites } from "./sites-setup.js";
export * from "./reextract.js";
import { redeliverDeadWebhooks } from "./webhook-redeliver.js";
export * from "./watch-check.js";
export {
  assertPublicUrl,
  crawlSite,
  createFetcher,
  discoverFromXml,
  discoverLinks,
  findDataproxy,
  isPrivateAddress,
  migrateAndUpsertSites,
  redeliverDeadWebhooks,
  redisHostLimiter,
  stages,
  startWorker
};
//# sourceMappingURL=index.js.map
