// `pnpm db:migrate`: create the database if needed, then apply pending migrations.
import { loadConfig } from '@govwatch/core';
import { migrateDeploy } from './migrate.ts';

const { databaseUrl } = loadConfig();
try {
  const out = await migrateDeploy(databaseUrl);
  process.stdout.write(out);
} catch (err) {
  process.stderr.write(`db:migrate: ${(err as Error).message}\n`);
  process.exit(1);
}
