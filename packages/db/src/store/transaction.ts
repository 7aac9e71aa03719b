// The store stage: the only writer of report data. One job, one transaction: the Page's crawl
// state, the raw snapshot, the report (found by URL, exact hash, moved page or near-duplicate,
// else created), its version, the outbox event and the run's outcome row all commit together.
//
// Idempotence and races. Deciding which report a record belongs to reads the whole Report table
// (aliases, hashes, fingerprints), which no unique constraint can guard: two workers storing the
// same content at two URLs would both find nothing and both create a report. So report records
// take one transaction-scoped advisory lock (locks.ts) before they read anything; the
// decision is milliseconds, far below the crawl's polite request rate, so the lock costs nothing
// that matters. The unique constraints stay the last line of defence — (reportId, contentHash),
// (reportId, version), Report.canonicalUrl, CrawlRunPage (runId, url) — and a transaction that
// trips one (or a serialization failure / deadlock) is retried from the start (retry.ts).
import type { StoreRecordJob } from '@govwatch/jobs';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { findReport } from './identity.ts';
import { lockStore } from './locks.ts';
import { previousContentHash, upsertPage, validators } from './pages.ts';
import { type Prepared, prepare } from './prepare.ts';
import { withConflictRetries } from './retry.ts';
import type { JobRecord, StoreJobInput, StoreOptions, StoreOutcome, StoreResult, Tx } from './types.ts';
import { addVersion, createReport, recordReportUrls, restoreIfRemoved, versionOfContent } from './versions.ts';

/**
 * Store one extracted page (or one page that failed). Idempotent: a retried or duplicated job
 * for the same (runId, url) returns the outcome recorded the first time and changes nothing.
 */
export async function storePage(prisma: PrismaClient, job: StoreJobInput, options: StoreOptions = {}): Promise<StoreResult> {
  const prepared = prepare(job);
  return withConflictRetries(options.maxAttempts ?? 5, () =>
    prisma.$transaction((tx) => storeInTransaction(tx, prepared), { maxWait: 10_000, timeout: 60_000 }),
  );
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
    reason = job.record.pageKind ?? null;
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

async function storeReport(tx: Tx, p: Prepared, job: StoreRecordJob, record: JobRecord): Promise<StoreResult> {
  const hash = record.contentHash;
  const previousHash = await previousContentHash(tx, p.pageUrl);
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
      version = await versionOfContent(tx, reportId, hash);
      await restoreIfRemoved(tx, reportId, p.pageUrl);
    }
  }

  await recordReportUrls(tx, p.urls, reportId, hash, (i) => (outcome === 'created' ? (i === 0 ? 'primary' : 'url') : (match?.kind ?? 'url')));
  await upsertPage(tx, p, {
    ...validators(job),
    status: 'ok',
    failReason: null,
    lastContentHash: hash,
    missCount: 0,
    reportId,
    ...(previousHash !== hash ? { lastChangedAt: new Date() } : {}),
  });
  return { outcome, reportId, ...(version !== undefined ? { version } : {}) };
}
