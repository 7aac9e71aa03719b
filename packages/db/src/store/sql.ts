// SQL the store's statements share: how a statement runs (on one pg connection, without Prisma's
// query machinery: the store bench measured Prisma at 0.6 ms of CPU per raw query and 1.5 ms
// for one carrying a page body, against 0.1 ms through pg), timestamps as Prisma writes them,
// JSON, and the raw snapshot insert (written by report and non-report pages alike).
import type pg from 'pg';
import { Prisma } from '../generated/prisma/client.ts';
import type { Prepared } from './prepare.ts';

/** Runs a Prisma.sql statement and returns its rows: a pg connection, or a Prisma transaction. */
export type Sql = { query<T>(statement: Prisma.Sql): Promise<T[]> };

/** The statements of a transaction: commitWith sends its statement and COMMIT together (transaction.ts). */
export type TxSql = Sql & { commitWith<T>(statement: Prisma.Sql): Promise<T[]> };

/** Statements on one pg client (a transaction) or the pool (a statement on its own). */
export function pgSql(client: pg.ClientBase | pg.Pool): Sql {
  return {
    async query<T>(statement: Prisma.Sql): Promise<T[]> {
      const result = await client.query(namedQuery(statement));
      return result.rows as T[];
    },
  };
}

// The store's statements are few texts run thousands of times with other values. Unnamed, each
// run is parsed, analysed and planned again: with the lookup's dozen subqueries that was a third of
// PostgreSQL's CPU per new report (perf on the backend, store bench). Named, pg parses each text
// once per connection and PostgreSQL reuses its plan (a generic one after five runs, when it costs
// no more than the custom ones). Names are handed out per text; past MAX_NAMED texts (a statement
// built with a varying shape) they go unnamed rather than fill every connection with plans.
const MAX_NAMED = 200;
const names = new Map<string, string>();

/** pg's query config for a statement: named (prepared once per connection) while names last. */
export function namedQuery(statement: Prisma.Sql): pg.QueryConfig {
  const text = statement.text;
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `govwatch_store_${names.size}`;
    names.set(text, name);
  }
  return { text, values: statement.values as unknown[], ...(name ? { name } : {}) };
}

/** Statements through a Prisma client or transaction (markMissing and other Prisma callers). */
export function prismaSql(tx: Prisma.TransactionClient): Sql {
  return { query: <T>(statement: Prisma.Sql) => tx.$queryRaw<T[]>(statement) };
}

/** A timestamp(3) column holds UTC wall time (as Prisma writes it). */
export const utc = (d: Date) => Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
export const json = (value: unknown) => Prisma.sql`${JSON.stringify(value)}::jsonb`;

/** The CTE `snap` inserting the page's raw snapshot once per sha256; null when the job has no body. */
export function snapshotCte(p: Prepared, when: Prisma.Sql = Prisma.sql`true`): Prisma.Sql | null {
  if (!p.snapshot) return null;
  const { job } = p;
  return Prisma.sql`snap AS (
      INSERT INTO "RawSnapshot" (sha256, content, size, "contentType", url, "fetchedAt")
      SELECT ${job.rawSha256}, ${Buffer.from(p.snapshot.gz)}, ${p.snapshot.size}::int, ${job.contentType ?? null}, ${p.pageUrl}, ${utc(p.fetchedAt)}
      WHERE ${when}
      ON CONFLICT DO NOTHING RETURNING 1)`;
}
