// Payload schemas of every queue. Workers parse their payload with these before doing anything,
// so a malformed job fails once with a clear reason instead of half-running. Each schema is
// built from the type its producer already owns (Site, the extractor's record), declared once.
import { DocumentLink, ExtractedRecord, RecordContract } from '@govwatch/extract';
import { Site } from '@govwatch/sites';
import { z } from 'zod';

export const Trigger = z.enum(['schedule', 'cli', 'api', 'demo', 'reextract']);
export type Trigger = z.infer<typeof Trigger>;

/** crawl: one crawl of one site. */
export const CrawlJob = z.object({
  /** Absent on scheduled jobs: the worker starts (or joins) a run when the job fires. */
  runId: z.string().min(1).optional(),
  siteId: z.string().min(1),
  trigger: Trigger,
  /** The site's configuration as the requester read it, validated again when the job runs. */
  site: Site,
  /**
   * Which of the run's crawl jobs this is (1..site.crawlShards; absent: 1, the one that starts the
   * others). All of them lease requests from the run's one frontier.
   */
  shard: z.number().int().positive().optional(),
});
export type CrawlJob = z.infer<typeof CrawlJob>;

/** What a crawl job reports as its progress (job.updateProgress) and `crawl --wait` shows. */
export const CrawlProgress = z.object({
  runId: z.string().optional(),
  listPages: z.number().optional(),
  reportLinks: z.number().optional(),
  /** Report pages sent on to extract → store. */
  queued: z.number().optional(),
  /** Report pages the crawler found unchanged (304, identical bytes): done without the store. */
  unchanged: z.number().optional(),
  /** Known non-report pages not due for a fetch in this crawl (the site's revisitNotReportsDays). */
  notDue: z.number().optional(),
});
export type CrawlProgress = z.infer<typeof CrawlProgress>;

/** The crawler's own figures for one crawl (fetched, 304s, bytes, errors by kind). */
export const CrawlStats = z.object({
  listPagesFetched: z.number(),
  reportLinksFound: z.number(),
  pagesFetched: z.number(),
  notModified: z.number(),
  unchangedBytes: z.number(),
  pagesQueued: z.number(),
  /** Of pagesQueued: settled by an earlier attempt of this run's crawl job, so not fetched again. */
  alreadySettled: z.number().default(0),
  /** Known non-report pages the revisit policy left unfetched (seen all the same). */
  notDue: z.number().default(0),
  bytes: z.number(),
  robotsDisallowed: z.number(),
  browserRetries: z.number(),
  errors: z.record(z.string(), z.number()),
  /** Only a complete discovery can say a page is missing; a failed list page proves nothing. */
  discoveryComplete: z.boolean(),
  seenUrls: z.array(z.string()),
  warnings: z.array(z.string()),
  durationMs: z.number(),
});
export type CrawlStats = z.infer<typeof CrawlStats>;

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
  /**
   * Present when the page is a document report (a PDF/DOCX linked straight from a list page): the
   * bytes are the file, read as the report, titled by the link.
   */
  document: DocumentLink.optional(),
});
export type ExtractJob = z.infer<typeof ExtractJob>;

/**
 * The record a store job carries: the extractor's record, whose extensions (pageKind, reasons,
 * textSource) are optional on the wire — records made by hand (tests, older jobs) carry the
 * contract keys only — and whose unknown keys are kept (stored in the version's `record`).
 */
export const StoredRecord = z.looseObject({
  ...RecordContract.shape,
  ...ExtractedRecord.pick({ pageKind: true, reasons: true, textSource: true, textAttachment: true }).partial().shape,
});
export type StoredRecord = z.infer<typeof StoredRecord>;

/**
 * The crawl's figures as a crawlFinished job carries them: every key optional (a job queued by
 * an older version, or by hand, may carry fewer) and unknown keys kept, since they are stored
 * as the run's stats.
 */
export const FinishedStats = z.looseObject(CrawlStats.partial().shape);
export type FinishedStats = z.infer<typeof FinishedStats>;

/** store: the outcome of extracting one page, or the end of a crawl. */
export const StoreJob = z.discriminatedUnion('kind', [
  FetchMeta.extend({
    kind: z.literal('record'),
    bodyGzipBase64: z.string(),
    record: StoredRecord,
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
    stats: FinishedStats,
  }),
  /** The daily publication-deadline check (packages/pipeline/src/watch-check.ts). */
  z.object({ kind: z.literal('watchCheck') }),
]);
export type StoreJob = z.infer<typeof StoreJob>;
export type StoreRecordJob = Extract<StoreJob, { kind: 'record' }>;
export type StoreFailedJob = Extract<StoreJob, { kind: 'failed' }>;
export type CrawlFinishedJob = Extract<StoreJob, { kind: 'crawlFinished' }>;

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

/** webhooks: one event to one webhook URL. */
export const WebhookJob = z.object({
  url: z.string().url(),
  event: EventJob,
});
export type WebhookJob = z.infer<typeof WebhookJob>;
