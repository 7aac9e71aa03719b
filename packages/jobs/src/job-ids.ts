// Job ids, one builder per queue. BullMQ drops a job whose id already exists, so deterministic
// ids make every producer idempotent: a retried crawl re-queuing its pages, a relay re-sending
// events, or a requester re-queuing an orphaned crawl adds nothing twice.
import { canonicalUrl, sha256Hex } from '@govwatch/core';

/** One page of one run: the extract job's id, and the stem of its store job's. */
const pageKey = (runId: string, url: string): string => `${runId}-${sha256Hex(canonicalUrl(url)).slice(0, 24)}`;

export const jobIds = {
  /** The crawl job of a run started on request (scheduled jobs get BullMQ's scheduler ids). */
  crawl: (runId: string): string => `crawl-${runId}`,
  /** A run's further crawl jobs (shards 2..N), queued by its first; shard 1 is the run's crawl job. */
  crawlShard: (runId: string, shard: number): string => `crawl-${runId}-shard-${shard}`,
  extract: (runId: string, url: string): string => pageKey(runId, url),
  store: {
    /** The store job made of an extract job (its record or its failure). */
    fromExtract: (extractJobId: string): string => `${extractJobId}-store`,
    /** A page the crawler refused to pass on (a challenge page), recorded as failed. */
    blocked: (runId: string, url: string): string => `${pageKey(runId, url)}-store`,
    /** The end of a run's crawl: queued by the crawl job before it completes. */
    crawlFinished: (runId: string): string => `${runId}-finished`,
  },
  events: (eventId: string): string => `event-${eventId}`,
  /** BullMQ ids may not contain ":", so the URL goes in as a hash. */
  webhooks: (eventId: string, url: string): string => `webhook-${eventId}-${sha256Hex(url).slice(0, 16)}`,
  /** Job scheduler key of a site's nightly crawl (one per site, updated in place on restart). */
  crawlSchedule: (siteId: string): string => `site-${siteId}`,
} as const;

/** Whether a job scheduler key is a site's nightly crawl (others are left alone). */
export const isCrawlSchedule = (key: string): boolean => key.startsWith('site-');
