// Before a command touches PostgreSQL: one line that says what is wrong and what to run, instead
// of a Prisma invocation error. Raw pg (no Prisma client): it is also what `start` checks first.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { redactUrl } from '@govwatch/core';
import pg from 'pg';
import { migrationsDir } from './migrate.ts';

type PgError = Error & { code?: string };

/** What to tell the user for a failed connection attempt (pure). */
export function databaseProblem(err: PgError, databaseUrl: string): string {
  const where = redactUrl(databaseUrl);
  const name = (() => {
    try {
      return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
    } catch {
      return '';
    }
  })();
  if (err.code === '3D000')
    return `PostgreSQL at ${where} has no database "${name}": run pnpm db:migrate (it creates the database and applies the migrations)`;
  if (err.code === '28P01' || err.code === '28000')
    return `PostgreSQL at ${where} refused the credentials (${err.message}): check the user and password in DATABASE_URL`;
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(err.code ?? '')) {
    return `cannot reach PostgreSQL at ${where} (${err.code}): start it (pnpm services starts a local one) or set DATABASE_URL`;
  }
  return `cannot use PostgreSQL at ${where} (${err.message})`;
}

/** Check DATABASE_URL's shape, that the server answers, and that every migration is applied. */
export async function checkDatabaseReady(databaseUrl: string): Promise<void> {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error(
      `DATABASE_URL is not a URL (${redactUrl(databaseUrl)}): expected postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE`,
    );
  }
  if (!['postgresql:', 'postgres:'].includes(url.protocol) || !url.hostname || url.pathname.length < 2) {
    throw new Error(
      `DATABASE_URL must look like postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE, not ${redactUrl(databaseUrl)}`,
    );
  }
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(databaseProblem(err as PgError, databaseUrl));
  }
  try {
    const applied = await client
      .query<{ name: string }>(
        'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      )
      .then((r) => new Set(r.rows.map((row) => row.name)))
      .catch((err: PgError) => {
        if (err.code === '42P01') return new Set<string>(); // no _prisma_migrations: never migrated
        throw new Error(databaseProblem(err, databaseUrl));
      });
    const pending = migrationNames().filter((m) => !applied.has(m));
    if (pending.length > 0) {
      throw new Error(
        `the database at ${redactUrl(databaseUrl)} lacks ${pending.length} migration(s) (${pending.at(-1)}…): run pnpm db:migrate`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

function migrationNames(): string[] {
  const dir = migrationsDir();
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter((name) => readdirSync(join(dir, name)).includes('migration.sql'))
    .sort();
}
