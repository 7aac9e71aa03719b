// A site with `render: browser` crawled by the real CLI (the bundled one, as users run it):
// Chromium fills the list by script, reports go through extract → store into PostgreSQL.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@govwatch/db';
import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

let site: FixtureSite;
let database: TestDatabase;
const prefix = testPrefix();

beforeAll(async () => {
  site = await startFixtureSite();
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
  await site?.close();
  await dropPrefix(prefix);
});

describe('crawl --site fixture-jsonly --wait (render: browser)', () => {
  it('stores every report of the script-filled list', async () => {
    const sitesFile = join(mkdtempSync(join(tmpdir(), 'govwatch-browser-')), 'sites.yaml');
    writeFileSync(sitesFile, site.siteYaml({ only: ['fixture-jsonly'] }));
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      GOVWATCH_QUEUE_PREFIX: prefix,
      GOVWATCH_SITES: sitesFile,
    };
    const result = await runCli(['crawl', '--site', 'fixture-jsonly', '--wait'], env);
    expect(result.stderr).not.toMatch(/govwatch: /);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/site fixture-jsonly: finished/);

    const expected = site.reports.filter((r) => r.siteId === 'fixture-jsonly');
    expect(expected.length).toBeGreaterThan(0);
    const db = createDb(database.url);
    try {
      const stored = await db.prisma.report.findMany({ where: { siteId: 'fixture-jsonly' }, select: { title: true } });
      expect(stored.map((r) => r.title).sort()).toEqual(expected.map((r) => r.title).sort());
    } finally {
      await db.close();
    }
  });
});
