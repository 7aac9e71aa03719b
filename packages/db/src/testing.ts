// A throw-away database with every migration applied: each integration test file gets its own.
// Test support only, so it is the subpath export @govwatch/db/testing, not part of the main API.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrateDeploy } from './migrate.ts';

export type TestDatabase = { url: string; name: string; drop(): Promise<void> };

async function admin(serverUrl: string, sql: string): Promise<void> {
  const url = new URL(serverUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * CREATE DATABASE govwatch_test_<random> on the server of `serverUrl` (any database on it), apply
 * the migrations with `prisma migrate deploy` (unless migrate: false), and hand back its URL and a drop().
 */
export async function createTestDatabase(serverUrl: string, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `govwatch_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    if (opts.migrate !== false) await migrateDeploy(url.toString());
  } catch (err) {
    await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw err;
  }
  return {
    url: url.toString(),
    name,
    drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
