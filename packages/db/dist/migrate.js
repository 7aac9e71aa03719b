// src/migrate.ts
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
var run = promisify(execFile);
var repoRoot = () => findUp(dirname(fileURLToPath(import.meta.url)), "pnpm-workspace.yaml");
function findUp(from, marker) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, marker))) return `${dir}/`;
    if (dirname(dir) === dir) throw new Error(`no ${marker} above ${from}`);
  }
}
var migrationsDir = () => join(repoRoot(), "prisma/migrations");
async function ensureDatabase(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await client.end();
  }
}
async function migrateDeploy(databaseUrl) {
  await ensureDatabase(databaseUrl);
  const root = repoRoot();
  const prismaCli = createRequire(`${root}package.json`).resolve("prisma/build/index.js");
  const { stdout } = await run(process.execPath, [prismaCli, "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl }
  });
  return stdout;
}
export {
  ensureDatabase,
  migrateDeploy,
  migrationsDir
};
//# sourceMappingURL=migrate.js.map
