// Payload schemas of every queue. Workers parse their payload with these before doing anything,
// so a malformed job fails once with a clear reason instead of half-running.
import { z } from 'zod';

export const Trigger = z.enum(['schedule', 'cli', 'api', 'demo', 'reextract']);
export type Trigger = z.infer<typeof Trigger>;

/** crawl: one crawl of one site. */
export const CrawlJob = z.object({
  /** Absent on scheduled jobs: the worker starts (or joins) a run when the job fires. */
  runId: z.string().min(1).optional(),
  siteId: z.string().min(1),
  trigger: Trigger,
  /** The site's configuration as the requester read it (validated again by the worker). */
  site: z.record(z.string(), z.unknown()),
});
export type CrawlJob = z.infer<typeof CrawlJob>;

/** Conditional-GET state of a page, as fetched. */
export const FetchMeta = z.object({
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
  rawSha256: z.string().length(64),
});
export type FetchMeta = z.infer<typeof FetchMeta>;

/**
 * How the page's site may be fetched, so the extract worker can fetch an attachment the page
 * only points to (the report's text) as politely as the crawler fetched the page.
 */
export const FetchPolicy = z.object({
  /** The site's own allowPrivateNetwork (GOVWATCH_ALLOW_PRIVATE applies on top). */
  allowPrivateNetwork: z.boolean(),
  allowedHosts: z.array(z.string().min(1)),
  requestsPerSecond: z.number().positive(),
  maxConcurrency: z.number().int().positive(),
});
export type FetchPolicy = z.infer<typeof FetchPolicy>;

/** extract: one fetched page, raw bytes gzip-compressed and base64-encoded. */
export const ExtractJob = FetchMeta.extend({
  bodyGzipBase64: z.string(),
  encoding: z.string().nullish(),
  titleKeywords: z.array(z.string()).optional(),
  /** Absent on jobs from before it existed: attachments are then fetched from the page's host only. */
  fetchPolicy: FetchPolicy.optional(),
});
export type ExtractJob = z.infer<typeof ExtractJob>;

const SectionSchema = z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]), heading: z.string() });
const AttachmentSchema = z.object({ url: z.string(), name: z.string() });

export const RecordSchema = z.looseObject({
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
  contentHash: z.string(),
});

/** store: the outcome of extracting one page, or the end of a crawl. */
export const StoreJob = z.discriminatedUnion('kind', [
  FetchMeta.extend({
    kind: z.literal('record'),
    bodyGzipBase64: z.string(),
    record: RecordSchema,
  }),
  FetchMeta.extend({
    kind: z.literal('failed'),
    reason: z.string(),
    bodyGzipBase64: z.string().optional(),
  }),
  z.object({
    kind: z.literal('crawlFinished'),
    runId: z.string().min(1),
    siteId: z.string().min(1),
    stats: z.record(z.string(), z.unknown()),
  }),
  /** The daily publication-deadline check (packages/pipeline/src/watch-check.ts). */
  z.object({ kind: z.literal('watchCheck') }),
]);
export type StoreJob = z.infer<typeof StoreJob>;
export type StoreRecordJob = Extract<StoreJob, { kind: 'record' }>;
export type StoreFailedJob = Extract<StoreJob, { kind: 'failed' }>;

/** events: a relayed outbox row, for downstream consumers. */
export const EventJob = z.object({
  id: z.string(),
  type: z.enum(['report.created', 'report.updated', 'report.removed', 'report.overdue', 'report.found_late']),
  /** Null for report.overdue (no report was found; the payload names the agency). */
  reportId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type EventJob = z.infer<typeof EventJob>;

/** webhooks: one event to one webhook URL (job id `webhook-<event id>-<url hash>`). */
export const WebhookJob = z.object({
  url: z.string().url(),
  event: EventJob,
});
export type WebhookJob = z.infer<typeof WebhookJob>;
