// src/jobs.ts
import { z } from "zod";
var Trigger = z.enum(["schedule", "cli", "api", "demo", "reextract"]);
var CrawlJob = z.object({
  /** Absent on scheduled jobs: the worker starts (or joins) a run when the job fires. */
  runId: z.string().min(1).optional(),
  siteId: z.string().min(1),
  trigger: Trigger,
  /** The site's configuration as the requester read it (validated again by the worker). */
  site: z.record(z.string(), z.unknown())
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
var SectionSchema = z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), heading: z.string() });
var AttachmentSchema = z.object({ url: z.string(), name: z.string() });
var RecordSchema = z.looseObject({
  url: z.string(),
  isReport: z.boolean(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
  source: z.string().nullable(),
  agency: z.string().nullable(),
  reportYear: z.number().int().nullable(),
  text: z.string(),
  sections: z.array(SectionSchema),
  attachments: z.array(AttachmentSchema),
  contentHash: z.string()
});
var StoreJob = z.discriminatedUnion("kind", [
  FetchMeta.extend({
    kind: z.literal("record"),
    bodyGzipBase64: z.string(),
    record: RecordSchema
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
    stats: z.record(z.string(), z.unknown())
  })
]);
var EventJob = z.object({
  id: z.string(),
  type: z.enum(["report.created", "report.updated", "report.removed"]),
  reportId: z.string(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string()
});
var WebhookJob = z.object({
  url: z.string().url(),
  event: EventJob
});
export {
  CrawlJob,
  EventJob,
  ExtractJob,
  FetchMeta,
  FetchPolicy,
  RecordSchema,
  StoreJob,
  Trigger,
  WebhookJob
};
//# sourceMappingURL=jobs.js.map
