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
import type pg from 'pg';
import { poolOf } from '../client.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { findReport, lookup } from './identity.ts';
import { identityLockSql } from './locks.ts';
import { storePlainPage } from './pages.ts';
import { type Prepared, prepare } from './prepare.ts';
import { withConflictRetries } from './retry.ts';
import { pgSql, type Sql } from './sql.ts';
import type { JobRecord, StoreJobInput, StoreOptions, StoreOutcome, StoreResult } from './types.ts';
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
  const pool = poolOf(prisma);
  const attempts = options.maxAttempts ?? 5;
  if (job.kind === 'record' && job.record.isReport) {
    const record = job.record;
    return withConflictRetries(attempts, () =>
      inTransaction(pool, identityLockSql(prepared, record), (sql) => storeReport(sql, prepared, job, record)),
    );
  }
  return withConflictRetries(attempts, () => storePlainPage(pgSql(pool), prepared as Prepared & { job: typeof job }));
}

/**
 * One transaction on one pooled connection: BEGIN travels with `first` (the identity locks) in one
 * simple query, then `work`, then COMMIT; anything thrown rolls back. A connection that cannot
 * even roll back is dropped from the pool.
 */
async function inTransaction<T>(pool: pg.Pool, first: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client is not heard by the pool's error listener: a server that goes away
  // between two statements would emit an unheard 'error' and end the worker process.
  const lost = (err: Error) => {
    broken = err;
  };
  client.on('error', lost);
  try {
    await client.query(`BEGIN; ${first}`);
    const result = await work(pgSql(client));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: Error) => {
      broken = rollbackErr;
    });
    throw err;
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}

const replay = (done: { outcome: string; reportId: string | null }): StoreResult => ({
  outcome: done.outcome as StoreOutcome,
  reportId: done.reportId ?? undefined,
  replayed: true,
});

/**
 * A report record, its identity locks already held: read what decides (one query, plus one for
 * near-duplicate candidates), write a new version where the text changed, then everything else
 * in one statement (writes.ts). A new report is 4 round trips in all: BEGIN with the locks, the
 * lookup, the writes, COMMIT.
 */
async function storeReport(sql: Sql, p: Prepared, job: StoreRecordJob, record: JobRecord): Promise<StoreResult> {
  const known = await lookup(sql, p, record);
  if (known.done) return replay(known.done);
  const match = await findReport(sql, p, record, known);

  let outcome: StoreOutcome;
  let version: number | undefined;
  if (!match) {
    outcome = 'created';
    version = 1;
  } else if (match.outcome === 'newVersion') {
    version = await addVersion(sql, p, job, record, match.reportId);
    outcome = 'updated';
  } else {
    outcome = match.outcome;
    // Content seen before has its version; a copy's content is no version of the report.
    version = match.version;
    if (match.removed !== false) await restoreIfRemoved(sql, match.reportId, p.pageUrl);
  }
  const reportId = await writeReportStore(sql, p, job, record, {
    create: !match,
    reportId: match?.reportId,
    outcome,
    kinds: p.urls.map((_, i) => (match ? match.kind : i === 0 ? 'primary' : 'url')),
    changed: known.previousHash !== record.contentHash,
  });
  return { outcome, reportId, ...(version !== undefined ? { version } : {}) };
}
