export * from './runtime.ts';
export * from './run-crawl.ts';
export * from './scheduler.ts';
export * from './event-relay.ts';
export { startWorker } from './workers/start-worker.ts';
// The job contract's names the CLI and services use, re-exported where they always were.
export { type CrawlProgress, type StageName, stages, type WorkerQueue } from '@govwatch/jobs';
export { crawlSite, type CrawlStats } from './crawl/crawl-site.ts';
export { discoverFromXml } from './crawl/feeds.ts';
export { findDataproxy } from './crawl/hanweb.ts';
export { discoverLinks } from './crawl/links.ts';
export { redisHostLimiter } from './fetch/host-limiter.ts';
export { isPrivateAddress, assertPublicUrl } from './fetch/ssrf.ts';
export { createFetcher, type Fetcher } from './fetch/fetcher.ts';
export { migrateAndUpsertSites } from './sites-setup.ts';
export * from './reextract.ts';
export { redeliverDeadWebhooks } from './webhook-redeliver.ts';
export * from './watch-check.ts';
export * from './reaper.ts';
