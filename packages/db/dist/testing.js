// src/testing.ts
import { randomUUID } from "node:crypto";
import pg from "pg";
import { migrateDeploy } from "./migrate.js";
async function admin(serverUrl, sql) {
  const url = new URL(serverUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
async function createTestDatabase(serverUrl, opts = {}) {
  const name = `govwatch_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
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
    drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  };
}
export {
  createTestDatabase
};
//# sourceMappingURL=testing.js.map
