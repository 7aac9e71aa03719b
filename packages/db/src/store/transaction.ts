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
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { findReport, lookup } from './identity.ts';
import { identityLockSql } from './locks.ts';
import { storePlainPage } from './pages.ts';
import { type Prepared, prepare } from './prepare.ts';
import { withConflictRetries } from './retry.ts';
import { namedQuery, pgSql, type TxSql } from './sql.ts';
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
 * One transaction on one pooled connection, pipelined (pg's pipeline mode: a query is sent without
 * waiting for the answer to the one before): BEGIN with `first` (the identity locks, one simple
 * query) goes out together with work's first statement, and work's last statement together with
 * COMMIT (tx.commitWith). A new report is so two round trips where it was four; each round trip
 * cost the worker and its backend a socket write, a read and a wake-up (store bench). The server
 * still runs the statements one after the other, each on its own snapshot, so the lookup reads
 * after the locks are held. Anything thrown rolls back. A connection that cannot even roll back
 * is dropped from the pool.
 */
async function inTransaction<T>(pool: pg.Pool, first: string, work: (tx: TxSql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client is not heard by the pool's error listener: a server that goes away
  // between two statements would emit an unheard 'error' and end the worker process.
  const lost = (err: Error) => {
    broken = err;
  };
  client.on('error', lost);
  // The pool's clients are shared with Prisma: pipeline mode is this transaction's only.
  const piped = client as pg.PoolClient & { pipeline: boolean };
  piped.pipeline = true;
  const tx = pipelinedTx(client, `BEGIN; SET LOCAL plan_cache_mode = force_generic_plan; ${first}`);
  try {
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (err) {
    await tx.settled();
    await client.query('ROLLBACK').catch((rollbackErr: Error) => {
      broken = rollbackErr;
    });
    throw err;
  } finally {
    await tx.settled();
    piped.pipeline = false;
    client.off('error', lost);
    client.release(broken);
  }
}

/**
 * The statements of one transaction on a pipelined client. BEGIN goes out with the first statement
 * and is answered with it: an error of BEGIN's (a deadlock on the locks) is the one thrown, not
 * the "transaction is aborted" of the statements behind it. The statements sent together leave in
 * one socket write (the stream corked while pg writes them), one system call and one wake-up of
 * the server instead of one per statement.
 */
function pipelinedTx(client: pg.PoolClient, begin: string) {
  const inFlight = new Set<Promise<unknown>>();
  const send = <R>(promise: Promise<R>): Promise<R> => {
    inFlight.add(promise);
    const done = () => inFlight.delete(promise);
    promise.then(done, done);
    return promise;
  };
  const stream = (client as unknown as { connection?: { stream?: { cork?(): void; uncork?(): void } } }).connection
    ?.stream;
  let first: string | null = begin;
  let committed = false;
  /** Send the statements together; answer their rows, or the first error (BEGIN's first of all). */
  const run = async (statements: (pg.QueryConfig | string)[]): Promise<pg.QueryResult[]> => {
    const all = first === null ? statements : [first, ...statements];
    first = null;
    stream?.cork?.();
    let sent: Promise<pg.QueryResult>[];
    try {
      sent = all.map((s) => send(client.query(s)));
    } finally {
      stream?.uncork?.();
    }
    const results = await Promise.allSettled(sent);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    return results
      .slice(all.length - statements.length)
      .map((r) => (r as PromiseFulfilledResult<pg.QueryResult>).value);
  };
  const tx: TxSql & { commit(): Promise<void>; settled(): Promise<void> } = {
    async query<T>(statement: Prisma.Sql): Promise<T[]> {
      const [result] = await run([namedQuery(statement)]);
      return (result?.rows ?? []) as T[];
    },
    async commitWith<T>(statement: Prisma.Sql): Promise<T[]> {
      committed = true;
      const [result] = await run([namedQuery(statement), 'COMMIT']);
      return (result?.rows ?? []) as T[];
    },
    async commit() {
      if (!committed) await run(['COMMIT']);
      committed = true;
    },
    async settled() {
      await Promise.allSettled([...inFlight]);
    },
  };
  return tx;
}

const replay = (done: { outcome: string; reportId: string | null }): StoreResult => ({
  outcome: done.outcome as StoreOutcome,
  reportId: done.reportId ?? undefined,
  replayed: true,
});

/**
 * A report record, its identity locks already held: read what decides (one query, plus one for
 * near-duplicate candidates), write a new version where the text changed, then everything else
 * in one statement (writes.ts). A new report is 2 round trips in all (inTransaction): BEGIN with
 * the locks and the lookup, then the writes with COMMIT.
 */
async function storeReport(sql: TxSql, p: Prepared, job: StoreRecordJob, record: JobRecord): Promise<StoreResult> {
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
