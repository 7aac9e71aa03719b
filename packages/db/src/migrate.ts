// Apply pending migrations with Prisma's own CLI (WebAssembly engine; see prisma.config.ts).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The workspace root (prisma.config.ts, the prisma CLI): searched upward from this module (src/ or dist/). */
const repoRoot = () => findUp(dirname(fileURLToPath(import.meta.url)), 'pnpm-workspace.yaml');

function findUp(from: string, marker: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, marker))) return `${dir}/`;
    if (dirname(dir) === dir) throw new Error(`no ${marker} above ${from}`);
  }
}

/** prisma/migrations of this checkout. */
export const migrationsDir = () => join(repoRoot(), 'prisma/migrations');

/** `migrate deploy` does not create the database; a fresh server has none. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}

export async function migrateDeploy(databaseUrl: string): Promise<string> {
  await ensureDatabase(databaseUrl);
  const root = repoRoot();
  const prismaCli = createRequire(`${root}package.json`).resolve('prisma/build/index.js');
  const { stdout } = await run(process.execPath, [prismaCli, 'migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return stdout;
}
