// The README's first command: `govwatch demo` serves the fixture site itself, crawls it through the
// real pipeline (Redis + PostgreSQL) and prints what it stored.

import { startFixtureSite } from '@govwatch/fixture-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

let database: TestDatabase;
const prefix = testPrefix();

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
  await dropPrefix(prefix);
});

describe('govwatch demo', () => {
  it('crawls the bundled fixture site and lists every report it stored', async () => {
    // The demo serves its own copy of the default fixture site; this one only names what it holds.
    const fixture = await startFixtureSite();
    const expected = fixture.reports.filter((r) => r.siteId === 'fixture-main');
    await fixture.close();

    const result = await runCli(['demo'], {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      GOVWATCH_QUEUE_PREFIX: prefix,
    });
    expect(result.stderr).not.toMatch(/govwatch: /); // the CLI's one-line error form
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${expected.length} report(s) stored for fixture-main:`);
    for (const report of expected) {
      expect(result.stdout).toContain(
        `${report.publishedAt}  ${report.title}  [${report.agency} · ${report.reportYear}年 · v1 ·`,
      );
    }
  });
});
