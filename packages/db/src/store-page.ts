// The store stage: the only writer of report data. One job, one transaction: the Page's crawl
// state, the raw snapshot, the report (found by URL, exact hash, moved page or near-duplicate,
// else created), its version, the outbox event and the run's outcome row all commit together.
//
// Idempotence and races. Deciding which report a record belongs to reads the whole Report table
// (aliases, hashes, fingerprints), which no unique constraint can guard: two workers storing the
// same content at two URLs would both find nothing and both create a report. So report records
// take one transaction-scoped advisory lock (STORE_LOCK_KEY) before they read anything; the
// decision is milliseconds, far below the crawl's polite request rate, so the lock costs nothing
// that matters. The unique constraints stay the last line of defence — (reportId, contentHash),
// (reportId, version), Report.canonicalUrl, CrawlRunPage (runId, url) — and a transaction that
// trips one (or a serialization failure / deadlock) is retried from the start.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { canonicalUrl } from '@govwatch/core';
import type { StoreFailedJob, StoreRecordJob } from '@govwatch/jobs';
import { Prisma, type PrismaClient } from './generated/prisma/client.ts';
import { hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE, NEAR_DUPLICATE_MIN_JACCARD, shingleJaccard, simhash } from './simhash.ts';

export type StoreOutcome = 'created' | 'updated' | 'unchanged' | 'duplicate' | 'notReport' | 'failed';

export type StoreResult = {
  outcome: StoreOutcome;
  reportId?: string;
  /** Version the page's content is now stored as (created/updated/unchanged via URL). */
  version?: number;
  /** True when this (runId, url) had already been stored: a retried or duplicated job. */
  replayed?: boolean;
};

export type StoreOptions = {
  /** Attempts of the whole transaction on a unique violation, serialization failure or deadlock. */
  maxAttempts?: number;
};

/** The job itself is wrong (no retry can help): the worker should fail it permanently. */
export class StoreInputError extends Error {
  override name = 'StoreInputError';
}

/** Key of the advisory lock that serializes report identity decisions (store and markMissing). */
export const STORE_LOCK_KEY = 0x6f7677_01; // "gov" + 1

type Tx = Prisma.TransactionClient;
type StoreJobInput = StoreRecordJob | StoreFailedJob;
type JobRecord = StoreRecordJob['record'];

type Snapshot = { gz: Uint8Array<ArrayBuffer>; size: number };

type Prepared = {
  job: StoreJobInput;
  pageUrl: string;
  /** Every canonical URL this page stands for (fetch URL first, then the record's own url). */
  urls: string[];
  fetchedAt: Date;
  snapshot: Snapshot | null;
  fingerprint: bigint | null;
};

export async function lockStore(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STORE_LOCK_KEY}::bigint)`;
}

function decodeSnapshot(job: StoreJobInput): Snapshot | null {
  if (!job.bodyGzipBase64) return null;
  const gz = Buffer.from(job.bodyGzipBase64, 'base64');
  let raw: Buffer;
  try {
    raw = gunzipSync(gz);
  } catch (err) {
    throw new StoreInputError(`bodyGzipBase64 of ${job.fetchUrl} is not gzip: ${(err as Error).message}`);
  }
  const sha = createHash('sha256').update(raw).digest('hex');
  if (sha !== job.rawSha256) {
    throw new StoreInputError(`rawSha256 of ${job.fetchUrl} does not match its body (${job.rawSha256} vs ${sha})`);
  }
  const bytes = new Uint8Array(new ArrayBuffer(gz.length));
  bytes.set(gz);
  return { gz: bytes, size: raw.length };
}

function safeCanonical(url: string): string | null {
  try {
    return canonicalUrl(url);
  } catch {
    return null;
  }
}

function prepare(job: StoreJobInput): Prepared {
  const pageUrl = safeCanonical(job.fetchUrl);
  if (!pageUrl) throw new StoreInputError(`fetchUrl is not an absolute URL: ${job.fetchUrl}`);
  const urls = [pageUrl];
  if (job.kind === 'record') {
    const own = safeCanonical(job.record.url);
    if (own && own !== pageUrl) urls.push(own);
  }
  const fetched = new Date(job.fetchedAt);
  return {
    job,
    pageUrl,
    urls,
    fetchedAt: Number.isNaN(fetched.getTime()) ? new Date() : fetched,
    snapshot: decodeSnapshot(job),
    fingerprint: job.kind === 'record' && job.record.isReport ? simhash(job.record.text) : null,
  };
}

const RETRYABLE_SQLSTATE = new Set(['23505', '40001', '40P01']);

/** Unique violation, serialization failure or deadlock: the transaction can simply run again. */
export function isRetryableConflict(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === 'P2002' || err.code === 'P2034') return true;
    const meta = err.meta as Record<string, unknown> | undefined;
    const code = meta?.code ?? (meta?.driverAdapterError as { cause?: { originalCode?: string } } | undefined)?.cause?.originalCode;
    if (typeof code === 'string' && RETRYABLE_SQLSTATE.has(code)) return true;
  }
  const message = err instanceof Error ? err.message : String(err);
  return /\b(23505|40001|40P01)\b|unique constraint|could not serialize|deadlock detected/i.test(message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Store one extracted page (or one page that failed). Idempotent: a retried or duplicated job
 * for the same (runId, url) returns the outcome recorded the first time and changes nothing.
 */
export async function storePage(
  prisma: PrismaClient,
  job: StoreRecordJob | StoreFailedJob,
  options: StoreOptions = {},
): Promise<StoreResult> {
  const prepared = prepare(job);
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => storeInTransaction(tx, prepared), {
        maxWait: 10_000,
        timeout: 60_000,
      });
    } catch (err) {
      if (attempt >= maxAttempts || !isRetryableConflict(err)) throw err;
      await sleep(10 * attempt + Math.random() * 20);
    }
  }
}

async function storeInTransaction(tx: Tx, p: Prepared): Promise<StoreResult> {
  const { job } = p;
  const isReport = job.kind === 'record' && job.record.isReport;
  if (isReport) await lockStore(tx);

  const done = await tx.crawlRunPage.findUnique({ where: { runId_url: { runId: job.runId, url: p.pageUrl } } });
  if (done) {
    return { outcome: done.outcome as StoreOutcome, reportId: done.reportId ?? undefined, replayed: true };
  }

  if (p.snapshot) {
    await tx.rawSnapshot.createMany({
      data: [
        {
          sha256: job.rawSha256,
          content: p.snapshot.gz,
          size: p.snapshot.size,
          contentType: job.contentType ?? null,
          url: p.pageUrl,
          fetchedAt: p.fetchedAt,
        },
      ],
      skipDuplicates: true,
    });
  }

  let result: StoreResult;
  let reason: string | null = null;
  if (job.kind === 'failed') {
    reason = job.reason;
    await upsertPage(tx, p, {
      status: 'failed',
      failReason: job.reason,
      // Forget validators: a conditional GET must not answer 304 for a page we never stored.
      etag: null,
      lastModified: null,
      ...(p.snapshot ? { lastRawSha256: job.rawSha256 } : {}),
    });
    result = { outcome: 'failed' };
  } else if (!job.record.isReport) {
    const kind = (job.record as { pageKind?: unknown }).pageKind;
    reason = typeof kind === 'string' ? kind : null;
    await upsertPage(tx, p, {
      ...validators(job),
      status: 'notReport',
      failReason: null,
      lastContentHash: job.record.contentHash,
      // missCount is left alone: a report page replaced by a notice (whose bytes may change every
      // fetch) is missing, and markMissing must be able to count it up to removal.
    });
    result = { outcome: 'notReport' };
  } else {
    result = await storeReport(tx, p, job, job.record);
  }

  await tx.crawlRunPage.createMany({
    data: [{ runId: job.runId, url: p.pageUrl, outcome: result.outcome, reason, reportId: result.reportId ?? null }],
    skipDuplicates: true,
  });
  return result;
}

function validators(job: StoreJobInput) {
  return {
    etag: job.etag ?? null,
    lastModified: job.lastModified ?? null,
    lastRawSha256: job.rawSha256,
  };
}

type PageData = {
  status: string;
  failReason: string | null;
  etag?: string | null;
  lastModified?: string | null;
  lastRawSha256?: string | null;
  lastContentHash?: string | null;
  missCount?: number;
  reportId?: string;
  lastChangedAt?: Date;
};

async function upsertPage(tx: Tx, p: Prepared, data: PageData) {
  const now = new Date();
  const common = {
    ...data,
    fetchUrl: p.job.fetchUrl,
    lastFetchedAt: p.fetchedAt,
    ...(data.missCount === 0 ? { lastSeenAt: now, lastMissRunId: null } : {}),
  };
  return tx.page.upsert({
    where: { url: p.pageUrl },
    create: { url: p.pageUrl, siteId: p.job.siteId, ...common, lastChangedAt: data.lastChangedAt ?? now },
    update: common,
  });
}

type Match = {
  reportId: string;
  /** How the page's URL joins the report (ReportUrl.kind). */
  kind: 'url' | 'hash' | 'moved' | 'duplicate';
  outcome: 'unchanged' | 'duplicate' | 'newVersion';
};

async function storeReport(tx: Tx, p: Prepared, job: StoreRecordJob, record: JobRecord): Promise<StoreResult> {
  const hash = record.contentHash;
  const previousPage = await tx.page.findUnique({ where: { url: p.pageUrl }, select: { lastContentHash: true } });
  const match = await findReport(tx, p, record);

  let reportId: string;
  let outcome: StoreOutcome;
  let version: number | undefined;
  if (!match) {
    const created = await createReport(tx, p, job, record);
    reportId = created.id;
    outcome = 'created';
    version = 1;
  } else {
    reportId = match.reportId;
    if (match.outcome === 'newVersion') {
      version = await addVersion(tx, p, job, record, reportId);
      outcome = 'updated';
    } else {
      outcome = match.outcome;
      const existing = await tx.reportVersion.findUnique({
        where: { reportId_contentHash: { reportId, contentHash: hash } },
        select: { version: true },
      });
      version = existing?.version;
      await restoreIfRemoved(tx, reportId, p.pageUrl);
    }
  }

  const now = new Date();
  for (const [i, url] of p.urls.entries()) {
    const kind = outcome === 'created' ? (i === 0 ? 'primary' : 'url') : (match?.kind ?? 'url');
    await tx.reportUrl.upsert({
      where: { url },
      create: { url, reportId, kind, contentHash: hash, firstSeenAt: now, lastSeenAt: now },
      update: { lastSeenAt: now, contentHash: hash },
    });
  }

  await upsertPage(tx, p, {
    ...validators(job),
    status: 'ok',
    failReason: null,
    lastContentHash: hash,
    missCount: 0,
    reportId,
    ...(previousPage?.lastContentHash !== hash ? { lastChangedAt: now } : {}),
  });
  return { outcome, reportId, ...(version !== undefined ? { version } : {}) };
}

/** (a) URL or alias, (b) exact content hash, (c) same agency + year + title, (d) near-duplicate. */
async function findReport(tx: Tx, p: Prepared, record: JobRecord): Promise<Match | null> {
  const hash = record.contentHash;

  const aliases = await tx.reportUrl.findMany({ where: { url: { in: p.urls } } });
  const alias = aliases.find((a) => a.url === p.pageUrl) ?? aliases[0];
  if (alias) {
    const known = await tx.reportVersion.findUnique({
      where: { reportId_contentHash: { reportId: alias.reportId, contentHash: hash } },
      select: { id: true },
    });
    if (known || alias.contentHash === hash) return { reportId: alias.reportId, kind: 'url', outcome: 'unchanged' };
    if (alias.kind === 'duplicate' && (await isNearDuplicateOf(tx, alias.reportId, p))) {
      // A copy elsewhere changed its chrome again: still a copy, not a new version of the report.
      return { reportId: alias.reportId, kind: 'url', outcome: 'duplicate' };
    }
    return { reportId: alias.reportId, kind: 'url', outcome: 'newVersion' };
  }

  const sameContent = await tx.reportVersion.findFirst({
    where: { contentHash: hash },
    orderBy: { createdAt: 'asc' },
    select: { reportId: true },
  });
  if (sameContent) return { reportId: sameContent.reportId, kind: 'hash', outcome: 'unchanged' };

  if (record.agency && record.reportYear !== null && record.title) {
    const moved = await tx.report.findFirst({
      where: { agency: record.agency, reportYear: record.reportYear, title: record.title },
      orderBy: { firstSeenAt: 'asc' },
      select: { id: true, siteId: true },
    });
    if (moved) {
      // On its own site a moved page that also changed is a revision; elsewhere, a close copy is a copy.
      if (moved.siteId !== p.job.siteId && (await isNearDuplicateOf(tx, moved.id, p))) {
        return { reportId: moved.id, kind: 'duplicate', outcome: 'duplicate' };
      }
      return { reportId: moved.id, kind: 'moved', outcome: 'newVersion' };
    }
  }

  const near = await nearestReport(tx, p, record);
  if (near) return { reportId: near, kind: 'duplicate', outcome: 'duplicate' };
  return null;
}

/** Is the text a near-duplicate of the report's current version (SimHash, then shingle Jaccard)? */
async function isNearDuplicateOf(tx: Tx, reportId: string, p: Prepared): Promise<boolean> {
  if (p.fingerprint === null || p.job.kind !== 'record') return false;
  const report = await tx.report.findUnique({ where: { id: reportId }, select: { simhash: true } });
  if (report?.simhash === null || report?.simhash === undefined) return false;
  if (hammingDistance(report.simhash, p.fingerprint) > NEAR_DUPLICATE_MAX_DISTANCE) return false;
  return (await currentJaccard(tx, reportId, p.job.record.text)) >= NEAR_DUPLICATE_MIN_JACCARD;
}

async function currentJaccard(tx: Tx, reportId: string, text: string): Promise<number> {
  const rows = await tx.$queryRaw<{ text: string }[]>`
    SELECT v.text FROM "ReportVersion" v JOIN "Report" r ON r.id = v."reportId" AND v.version = r."currentVersion"
    WHERE r.id = ${reportId}`;
  const current = rows[0]?.text;
  return current === undefined ? 0 : shingleJaccard(current, text);
}

/**
 * Reports whose fingerprint is within NEAR_DUPLICATE_MAX_DISTANCE, nearest first. Reports that
 * state another reportYear never match: consecutive years share boilerplate, never identity. Nor
 * do reports of another agency: offices copy each other's wording, but a republished copy keeps
 * its issuer.
 */
export async function nearReportCandidates(
  tx: Tx | PrismaClient,
  fingerprint: bigint | null,
  reportYear: number | null,
  limit = 5,
  agency: string | null = null,
): Promise<{ id: string; distance: number }[]> {
  if (fingerprint === null) return [];
  return tx.$queryRaw<{ id: string; distance: number }[]>`
    SELECT id, bit_count((simhash # ${fingerprint}::bigint)::bit(64))::int AS distance
    FROM "Report"
    WHERE simhash IS NOT NULL
      AND (${reportYear}::int IS NULL OR "reportYear" IS NULL OR "reportYear" = ${reportYear}::int)
      AND (${agency}::text IS NULL OR agency IS NULL OR agency = ${agency}::text)
      AND bit_count((simhash # ${fingerprint}::bigint)::bit(64)) <= ${NEAR_DUPLICATE_MAX_DISTANCE}
    ORDER BY distance, "firstSeenAt"
    LIMIT ${limit}`;
}

async function nearestReport(tx: Tx, p: Prepared, record: JobRecord): Promise<string | null> {
  for (const candidate of await nearReportCandidates(tx, p.fingerprint, record.reportYear, 5, record.agency)) {
    if ((await currentJaccard(tx, candidate.id, record.text)) >= NEAR_DUPLICATE_MIN_JACCARD) return candidate.id;
  }
  return null;
}

function versionData(p: Prepared, job: StoreRecordJob, record: JobRecord) {
  const { text, sections, attachments, ...rest } = record;
  return {
    contentHash: record.contentHash,
    record: rest as Prisma.InputJsonValue,
    text,
    sections: sections as Prisma.InputJsonValue,
    attachments: attachments as Prisma.InputJsonValue,
    fetchedAt: p.fetchedAt,
    crawlRunId: job.runId,
    rawSha256: p.snapshot ? job.rawSha256 : null,
  };
}

function reportFields(record: JobRecord) {
  return {
    title: record.title,
    agency: record.agency,
    reportYear: record.reportYear,
    publishedAt: record.publishedAt,
    source: record.source,
  };
}

/** The payload every report event carries (downstream relies on one shape). */
export function eventPayload(
  report: { id: string; siteId: string; title: string | null; agency: string | null; reportYear: number | null },
  extra: Record<string, unknown>,
): Prisma.InputJsonValue {
  return {
    reportId: report.id,
    siteId: report.siteId,
    title: report.title,
    agency: report.agency,
    reportYear: report.reportYear,
    ...extra,
  } as Prisma.InputJsonValue;
}

async function createReport(tx: Tx, p: Prepared, job: StoreRecordJob, record: JobRecord) {
  const report = await tx.report.create({
    data: {
      siteId: job.siteId,
      canonicalUrl: p.pageUrl,
      ...reportFields(record),
      contentHash: record.contentHash,
      simhash: p.fingerprint,
      currentVersion: 1,
      versions: { create: { version: 1, ...versionData(p, job, record) } },
    },
  });
  await tx.event.create({
    data: {
      type: 'report.created',
      reportId: report.id,
      payload: eventPayload(report, { version: 1, url: p.pageUrl, contentHash: record.contentHash }),
    },
  });
  return report;
}

async function addVersion(tx: Tx, p: Prepared, job: StoreRecordJob, record: JobRecord, reportId: string) {
  const max = await tx.reportVersion.aggregate({ where: { reportId }, _max: { version: true } });
  const version = (max._max.version ?? 0) + 1;
  await tx.reportVersion.create({ data: { reportId, version, ...versionData(p, job, record) } });
  const before = await tx.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } });
  const report = await tx.report.update({
    where: { id: reportId },
    data: {
      ...Object.fromEntries(Object.entries(reportFields(record)).filter(([, v]) => v !== null)),
      contentHash: record.contentHash,
      simhash: p.fingerprint,
      currentVersion: version,
      status: 'active',
    },
  });
  await tx.event.create({
    data: {
      type: 'report.updated',
      reportId,
      payload: eventPayload(report, {
        version,
        previousVersion: version - 1,
        url: p.pageUrl,
        contentHash: record.contentHash,
        ...(before.status === 'removed' ? { restored: true } : {}),
      }),
    },
  });
  return version;
}

/** A removed report seen again is active again; downstream hears it as an update. */
async function restoreIfRemoved(tx: Tx, reportId: string, url: string) {
  const restored = await tx.report.updateMany({ where: { id: reportId, status: 'removed' }, data: { status: 'active' } });
  if (restored.count === 0) return;
  const report = await tx.report.findUniqueOrThrow({ where: { id: reportId } });
  await tx.event.create({
    data: {
      type: 'report.updated',
      reportId,
      payload: eventPayload(report, { version: report.currentVersion, url, contentHash: report.contentHash, restored: true }),
    },
  });
}
