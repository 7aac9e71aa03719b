// src/payloads.ts
import { ExtractedRecord, RecordContract } from "@govwatch/extract";
import { Site } from "@govwatch/sites";
import { z } from "zod";
var Trigger = z.enum(["schedule", "cli", "api", "demo", "reextract"]);
var CrawlJob = z.object({
  /** Absent on scheduled jobs: the worker starts (or joins) a run when the job fires. */
  runId: z.string().min(1).optional(),
  siteId: z.string().min(1),
  trigger: Trigger,
  /** The site's configuration as the requester read it, validated again when the job runs. */
  site: Site
});
var CrawlProgress = z.object({
  runId: z.string().optional(),
  listPages: z.number().optional(),
  reportLinks: z.number().optional(),
  /** Report pages sent on to extract → store. */
  queued: z.number().optional(),
  /** Report pages the crawler found unchanged (304, identical bytes): done without the store. */
  unchanged: z.number().optional()
});
var CrawlStats = z.object({
  listPagesFetched: z.number(),
  reportLinksFound: z.number(),
  pagesFetched: z.number(),
  notModified: z.number(),
  unchangedBytes: z.number(),
  pagesQueued: z.number(),
  /** Of pagesQueued: settled by an earlier attempt of this run's crawl job, so not fetched again. */
  alreadySettled: z.number().default(0),
  bytes: z.number(),
  robotsDisallowed: z.number(),
  browserRetries: z.number(),
  errors: z.record(z.string(), z.number()),
  /** Only a complete discovery can say a page is missing; a failed list page proves nothing. */
  discoveryComplete: z.boolean(),
  seenUrls: z.array(z.string()),
  warnings: z.array(z.string()),
  durationMs: z.number()
});
var FetchMeta = z.object({
  runId: z.string().min(1),
  siteId: z.string().min(1),
  /** URL actually fetched (after redirects). */
  fetchUrl: z.string().url(),
  fetchedAt: z.string(),
  status: z.number().int(),
  contentType: z.string().nullish(),
  etag: z.string().nullish(),
  lastModified: z.string().nullish(),
  /** sha256 hex of the raw body. */
  rawSha256: z.string().length(64)
});
var FetchPolicy = z.object({
  /** The site's own allowPrivateNetwork (GOVWATCH_ALLOW_PRIVATE applies on top). */
  allowPrivateNetwork: z.boolean(),
  allowedHosts: z.array(z.string().min(1)),
  requestsPerSecond: z.number().positive(),
  maxConcurrency: z.number().int().positive()
});
var ExtractJob = FetchMeta.extend({
  bodyGzipBase64: z.string(),
  encoding: z.string().nullish(),
  titleKeywords: z.array(z.string()).optional(),
  /** Absent on jobs from before it existed: attachments are then fetched from the page's host only. */
  fetchPolicy: FetchPolicy.optional()
});
var StoredRecord = z.looseObject({
  ...RecordContract.shape,
  ...ExtractedRecord.pick({ pageKind: true, reasons: true, textSource: true, textAttachment: true }).partial().shape
});
var FinishedStats = z.looseObject(CrawlStats.partial().shape);
var StoreJob = z.discriminatedUnion("kind", [
  FetchMeta.extend({
    kind: z.literal("record"),
    bodyGzipBase64: z.string(),
    record: StoredRecord
  }),
  FetchMeta.extend({
    kind: z.literal("failed"),
    reason: z.string(),
    bodyGzipBase64: z.string().optional()
  }),
  z.object({
    kind: z.literal("crawlFinished"),
    runId: z.string().min(1),
    siteId: z.string().min(1),
    stats: FinishedStats
  }),
  /** The daily publication-deadline check (packages/pipeline/src/watch-check.ts). */
  z.object({ kind: z.literal("watchCheck") })
]);
var EventJob = z.object({
  id: z.string(),
  type: z.enum(["report.created", "report.updated", "report.removed", "report.overdue", "report.found_late"]),
  /** Null for report.overdue (no report was found; the payload names the agency). */
  reportId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string()
});
var WebhookJob = z.object({
  url: z.string().url(),
  event: EventJob
});
export {
  CrawlJob,
  CrawlProgress,
  CrawlStats,
  EventJob,
  ExtractJob,
  FetchMeta,
  FetchPolicy,
  FinishedStats,
  StoreJob,
  StoredRecord,
  Trigger,
  WebhookJob
};
//# sourceMappingURL=payloads.js.map
