// A report page that fails for good is recorded on its page as failed, with its reason, and shows
// in `govwatch runs`: a redirect loop, an off-site redirect, a redirect to the cloud metadata
// address, a page over the size limit, a PNG and a ZIP served as text/html, and a response
// trickling in at one byte a second past the fetch timeout. `govwatch crawl --wait` against the
// hostile fixture site, through real Redis and PostgreSQL; nothing of them is stored as a report.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '@govwatch/db';
import {
  HOSTILE_OK_PAGE,
  HOSTILE_PAGES,
  type HostilePath,
  type HostileSite,
  startHostileSite,
} from '@govwatch/fixture-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

/** The reason each hostile page must be recorded with. */
const REASONS: Record<HostilePath, RegExp> = {
  '/hostile/r/loop.html': /^redirects: redirect loop/,
  '/hostile/r/offsite.html': /^off_site: refused off-site URL http:\/\/elsewhere\.invalid\//,
  '/hostile/r/metadata.html': /^private_address: .*169\.254\.169\.254/,
  '/hostile/r/huge.html': /^too_large: .*over the \d+-byte limit/,
  '/hostile/r/png.html': /^not a page: binary content \(PNG\) served as text\/html/,
  '/hostile/r/zip.html': /^not a page: binary content \(ZIP\/DOCX\) served as text\/html/,
  '/hostile/r/trickle.html': /^timeout: /,
};

let hostile: HostileSite;
let database: TestDatabase;
let db: Db;
let env: Record<string, string>;
let dir: string;
const prefix = testPrefix();

beforeAll(async () => {
  hostile = await startHostileSite();
  database = await createTestDatabase();
  db = createDb(database.url);
  dir = mkdtempSync(join(tmpdir(), 'govwatch-failed-pages-'));
  const sitesFile = join(dir, 'sites.yaml');
  writeFileSync(sitesFile, hostile.siteYaml());
  env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    GOVWATCH_QUEUE_PREFIX: prefix,
    GOVWATCH_SITES: sitesFile,
    // The trickling page must run out of time within the test: 4 attempts of 1.5 s.
    GOVWATCH_FETCH_TIMEOUT_MS: '1500',
  };
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
  await hostile?.close();
  await dropPrefix(prefix);
  rmSync(dir, { recursive: true, force: true });
});

describe('report pages that fail for good', () => {
  it('are recorded on their page as failed with the reason, shown by `runs`, and never stored', async () => {
    const crawl = await runCli(['crawl', '--site', 'hostile-pages', '--wait'], env);
    expect(crawl.stderr).not.toMatch(/govwatch: /);
    expect(crawl.code).toBe(0);
    expect(crawl.stdout).toMatch(/: finished/);

    const pages = await db.prisma.page.findMany();
    const byPath = new Map(pages.map((p) => [new URL(p.url).pathname, p]));
    for (const [path, reason] of Object.entries(REASONS)) {
      const page = byPath.get(path);
      expect(page, `${path} (${HOSTILE_PAGES[path as HostilePath]})`).toBeDefined();
      expect(page?.status, path).toBe('failed');
      expect(page?.failReason ?? '', path).toMatch(reason);
    }
    expect(byPath.get(HOSTILE_OK_PAGE)?.status).toBe('ok');
    // One report: the real one. No failed page reached the store as content.
    const reports = await db.prisma.report.findMany({ include: { urls: true } });
    expect(reports.map((r) => r.urls.map((u) => new URL(u.url).pathname))).toEqual([[HOSTILE_OK_PAGE]]);
    expect(await db.prisma.rawSnapshot.count({ where: { url: { contains: '/png.html' } } })).toBe(0);

    // Permanent failures are asked for once; the trickle (a timeout may pass) once per attempt.
    for (const path of ['/hostile/r/loop.html', '/hostile/r/offsite.html', '/hostile/r/metadata.html'])
      expect(
        hostile.hits.filter((h) => h === path),
        path,
      ).toHaveLength(1);
    expect(hostile.hits.filter((h) => h === '/hostile/r/trickle.html')).toHaveLength(4);
    // Reading stopped at the 20 MB cap (what the socket buffers took besides is the rest).
    expect(hostile.hugeBytesSent()).toBeLessThan(40 * 1024 * 1024);

    const runs = await runCli(['runs', '--site', 'hostile-pages'], env);
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(/failed 7, errors (?=.*redirects=1)(?=.*off_site=1)(?=.*private_address=1)/);
    expect(runs.stdout).toMatch(/too_large=1/);
    expect(runs.stdout).toMatch(/timeout=1/);
    expect(runs.stdout).toMatch(/failed page .*\/hostile\/r\/png\.html: not a page: binary content \(PNG\)/);
  }, 120_000);
});
