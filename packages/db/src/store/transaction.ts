// The store stage: the only writer of report data. One report job, one transaction: the Page's
// crawl state, the raw snapshot, the report (found by URL, exact hash, moved page or
// near-duplicate, else created), its version, the outbox event and the run's outcome row all
// commit together. A page that is no report, or failed, is one statement (pages.ts).
//
// Idempotence and races. A report record first takes the advisory locks of what it can collide
// on — its URLs, its content hash, its agency + year (locks.ts) — so stores of unrelated reports
// run side by side while two that could decide on the same report run one after the other. The
// unique constraints stay the last line of defence — (reportId, contentHash), (reportId,
// version), Report.canonicalUrl, CrawlRunPage (runId, url) — and a transaction that trips one
// (or a serialization failure / deadlock) is retried from the start (retry.ts).
import type { StoreRecordJob } from '@govwatch/jobs';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { findReport, lookup } from './identity.ts';
import { lockIdentity } from './locks.ts';
import { storePlainPage } from './pages.ts';
import { type Prepared, prepare } from './prepare.ts';
import { withConflictRetries } from './retry.ts';
import type { JobRecord, StoreJobInput, StoreOptions, StoreOutcome, StoreResult, Tx } from './types.ts';
import { addVersion, restoreIfRemoved } from './versions.ts';
import { writeReportStore } from './writes.ts';

/**
 * Store one extracted page (or one page that failed). Idempotent: a retried or duplicated job
 * for the same (runId, url) returns the outcome recorded the first time and changes nothing.
 */
export async function storePage(
  prisma: PrismaClient,
  job: StoreJobInput,
  options: StoreOptions = {},
): Promise<StoreResult> {
  const prepared = prepare(job);
  const attempts = options.maxAttempts ?? 5;
  if (job.kind === 'record' && job.record.isReport) {
    const p = prepared as Prepared & { job: StoreRecordJob };
    const record = job.record;
    return withConflictRetries(attempts, () =>
      prisma.$transaction((tx) => storeReport(tx, p, job, record), { maxWait: 10_000, timeout: 60_000 }),
    );
  }
  return withConflictRetries(attempts, () => storePlainPage(prisma, prepared as Prepared & { job: typeof job }));
}

const replay = (done: { outcome: string; reportId: string | null }): StoreResult => ({
  outcome: done.outcome as StoreOutcome,
  reportId: done.reportId ?? undefined,
  replayed: true,
});

/**
 * A report record: lock what it can collide on, read what decides (one query, plus one for
 * near-duplicate candidates), write a new version where the text changed, then everything else
 * in one statement (writes.ts). A new report is 5 round trips in all, BEGIN and COMMIT included.
 */
async function storeReport(tx: Tx, p: Prepared, job: StoreRecordJob, record: JobRecord): Promise<StoreResult> {
  await lockIdentity(tx, p, record);
  const known = await lookup(tx, p, record);
  if (known.done) return replay(known.done);
  const match = await findReport(tx, p, record, known);

  let outcome: StoreOutcome;
  let version: number | undefined;
  if (!match) {
    outcome = 'created';
    version = 1;
  } else if (match.outcome === 'newVersion') {
    version = await addVersion(tx, p, job, record, match.reportId);
    outcome = 'updated';
  } else {
    outcome = match.outcome;
    // Content seen before has its version; a copy's content is no version of the report.
    version = match.version;
    if (match.removed !== false) await restoreIfRemoved(tx, match.reportId, p.pageUrl);
  }
  const reportId = await writeReportStore(tx, p, job, record, {
    create: !match,
    reportId: match?.reportId,
    outcome,
    kinds: p.urls.map((_, i) => (match ? match.kind : i === 0 ? 'primary' : 'url')),
    changed: known.previousHash !== record.contentHash,
  });
  return { outcome, reportId, ...(version !== undefined ? { version } : {}) };
}
