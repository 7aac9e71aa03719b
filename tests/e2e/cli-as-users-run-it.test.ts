// The CLI the way a person runs it: from a plain environment (PATH and HOME, nothing the test
// runner supplies) and in a terminal (a pseudo-terminal: TTY logs and the progress bar), with
// another govwatch deployment sharing the Redis server. Each case here once failed for users
// while the rest of the suite was green.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliArgv, repoRoot, runCli, runCliInTerminal, userEnv } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

let site: FixtureSite;
let database: TestDatabase;
let sitesFile: string;
const prefix = testPrefix();
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<unknown>> = [];

const env = () => ({
  DATABASE_URL: database.url,
  REDIS_URL: redisUrl,
  GOVWATCH_QUEUE_PREFIX: prefix,
  GOVWATCH_SITES: sitesFile,
});
/** Redis URL of another database on the same server. */
const redisDb = (n: number) => `${redisUrl.replace(/\/\d*$/, '')}/${n}`;

beforeAll(async () => {
  site = await startFixtureSite();
  database = await createTestDatabase();
  sitesFile = join(mkdtempSync(join(tmpdir(), 'govwatch-users-')), 'sites.yaml');
  writeFileSync(sitesFile, site.siteYaml({ only: ['fixture-main', 'fixture-jsonly'] }));
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  await database?.drop();
  await site?.close();
  await dropPrefix(prefix);
});

describe('govwatch in a terminal', () => {
  it('demo logs and draws its progress bar on the terminal, then lists the stored reports', async () => {
    const own = await createTestDatabase();
    cleanups.push(() => own.drop());
    const result = await runCliInTerminal(['demo'], {
      DATABASE_URL: own.url,
      REDIS_URL: redisUrl,
      GOVWATCH_QUEUE_PREFIX: testPrefix(),
    });
    expect(result.screen).not.toContain('unable to determine transport target');
    expect(result.code).toBe(0);
    expect(result.screen).toMatch(/\d+\/\d+ report pages checked \| stored \d+ \| unchanged \d+ \| list pages \d+/);
    expect(result.screen).toMatch(/\n8 report\(s\) stored for fixture-main:\n/);
    expect(result.screen).toContain('成都市公安局2022年法治政府建设情况报告');
  });

  it('crawl --wait of an http site shows the bar and ends with the summary', async () => {
    const result = await runCliInTerminal(['crawl', '--site', 'fixture-main', '--wait'], env());
    expect(result.code).toBe(0);
    expect(result.screen).toMatch(/\n█+ 12\/12 report pages checked \| stored 12 \| unchanged 0 \| list pages 3\n/);
    expect(result.screen).toMatch(/run \S+ site fixture-main: finished/);
    expect(result.screen).toMatch(/reports new 8 /);
  });
});

describe('govwatch from a plain shell', () => {
  it('crawl --wait of a render: browser site stores its script-filled list', async () => {
    const result = await runCli(['crawl', '--site', 'fixture-jsonly', '--wait'], env());
    expect(result.stderr).not.toMatch(/Cannot find module|govwatch: /);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/site fixture-jsonly: finished/);
    expect(result.stdout).toMatch(/reports new [1-9]/);
  });

  it('runs, export | head, and history and diff --word of a changed report by its URL', async () => {
    const report = site.reports.find((r) => r.siteId === 'fixture-main' && r.text.includes('。'));
    if (!report) throw new Error('fixture has no report with a sentence');
    const sentence = report.text.split('\n').find((p) => p.includes('。') && p.length > 30) ?? '';
    const end = sentence.indexOf('。');
    const changedFrom = sentence.slice(Math.max(0, end - 8), end + 1);
    site.mutate(report.path, (html) => html.replace(changedFrom, changedFrom.replace('。', '，特此更正。')));
    const recrawl = await runCli(['crawl', '--site', 'fixture-main', '--wait'], env());
    expect(recrawl.stdout).toMatch(/updated 1 /);
    // The four news pages of the first crawl are not reports and not due again for days.
    expect(recrawl.stdout).toMatch(/, unchanged bytes \d+, not due 4\), bytes/);

    const runs = await runCli(['runs', '--site', 'fixture-main'], env());
    expect(runs.code).toBe(0);
    expect(runs.stdout.match(/fixture-main/g)?.length).toBeGreaterThanOrEqual(2);

    const head = await pipeToHead(['export'], env());
    expect(head.stderr).toBe('');
    expect(head.code).toBe(0);
    expect(JSON.parse(head.stdout.trim())).toHaveProperty('contentHash');

    const history = await runCli(['history', report.url], env());
    expect(history.stderr).toBe('');
    expect(history.stdout).toContain(report.title);
    expect(history.stdout).toMatch(/\n1\t.*\n2\t/);

    const diff = await runCli(['diff', report.url, '--word'], env());
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('，特此更正+}');
    expect(diff.stdout).toMatch(/unchanged paragraph/);
    // The changed paragraph is shown once, its unchanged words as they are.
    expect(diff.stdout).toContain(changedFrom.slice(0, -1));
  });

  it('crawl --wait finishes while another deployment runs workers with the same prefix on another Redis database', async () => {
    const other = await createTestDatabase();
    cleanups.push(() => other.drop());
    const shared = testPrefix(); // the same prefix on both: only the database differs
    cleanups.push(
      () => dropPrefix(shared, redisDb(9)),
      () => dropPrefix(shared, redisDb(10)),
    );
    const otherEnv = userEnv({
      DATABASE_URL: other.url,
      REDIS_URL: redisDb(9),
      GOVWATCH_QUEUE_PREFIX: shared,
      LOG_LEVEL: 'info',
    });
    const running = ['crawl', 'extract', 'store'].map((kind) => {
      const child = spawn(process.execPath, cliArgv(['worker', kind]), { cwd: repoRoot, env: otherEnv });
      children.push(child);
      return new Promise<void>((resolve) => {
        let seen = '';
        child.stderr?.on('data', (d: Buffer) => {
          seen += d.toString();
          if (/worker running|govwatch running/.test(seen)) resolve();
        });
      });
    });
    await Promise.all(running);

    const started = Date.now();
    const result = await runCli(['crawl', '--site', 'fixture-main', '--wait', '--timeout', '90'], {
      ...env(),
      REDIS_URL: redisDb(10),
      GOVWATCH_QUEUE_PREFIX: shared,
    });
    expect(result.stderr).not.toContain('still running after the wait timeout');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/site fixture-main: finished/);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('crawl --wait --timeout 3 gives up after about 3 seconds, not after the crawl', async () => {
    const slow = await startFixtureSite({ reportCount: 60, latencyMs: 300 });
    cleanups.push(() => slow.close());
    const file = join(mkdtempSync(join(tmpdir(), 'govwatch-slow-')), 'sites.yaml');
    writeFileSync(file, slow.siteYaml({ only: ['fixture-main'], defaults: { requestsPerSecond: 2 } }));
    const started = Date.now();
    const result = await runCli(['crawl', '--site', 'fixture-main', '--wait', '--timeout', '3'], {
      ...env(),
      GOVWATCH_SITES: file,
    });
    const elapsed = Date.now() - started;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/govwatch: crawl run \S+ still running after the wait timeout/);
    expect(elapsed).toBeLessThan(12_000); // the CLI's start and stop around the 3 s wait; it took 19 s
  });
});

describe('govwatch says in one line what is missing', () => {
  it('names an unreachable Redis once, before any log line', async () => {
    const result = await runCli(['crawl', '--site', 'fixture-main'], { ...env(), REDIS_URL: 'redis://127.0.0.1:1/0' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^govwatch: cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0 \(ECONNREFUSED\)/),
    ]);
  });

  it('tells a database that exists unmigrated, one that does not exist, and a malformed URL apart', async () => {
    const url = new URL(database.url);
    url.pathname = '/govwatch_no_such_database';
    const missing = await runCli(['runs'], { ...env(), DATABASE_URL: url.href });
    expect(missing.stderr).toMatch(/has no database "govwatch_no_such_database": run pnpm db:migrate/);

    const malformed = await runCli(['runs'], { ...env(), DATABASE_URL: 'postgres:/nowhere' });
    expect(malformed.stderr).toMatch(/DATABASE_URL must look like postgresql:\/\/USER/);
    expect(malformed.stderr).not.toMatch(/pnpm services/);

    const empty = await createTestDatabase({ migrate: false });
    cleanups.push(() => empty.drop());
    const unmigrated = await runCli(['runs'], { ...env(), DATABASE_URL: empty.url });
    expect(unmigrated.code).toBe(1);
    expect(unmigrated.stderr).toMatch(
      /^govwatch: the database at \S+ lacks \d+ migration\(s\) .*: run pnpm db:migrate\n$/,
    );
  });

  it('reports every error of a bad site file at once and exits 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'govwatch-bad-')), 'sites.yaml');
    writeFileSync(
      file,
      'sites:\n  - id: a\n    name: A\n    startUrls: [nope]\n    rendr: http\n  - id: b\n    startUrls: [https://b.gov.cn/]\n',
    );
    const result = await runCli(['sites', '--sites', file], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('3 errors in the site file');
    expect(result.stderr).toContain(`${file}: site a: field startUrls.0`);
    expect(result.stderr).toContain(`${file}: site a: field rendr`);
    expect(result.stderr).toContain(`${file}: site b: field name`);
  });

  it('prints its version', async () => {
    const result = await runCli(['--version'], {});
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

/** `govwatch ARGS | head -n 1` in a plain shell, with pipefail: the CLI's own exit status and stderr. */
function pipeToHead(
  args: string[],
  vars: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = cliArgv(args)
    .map((a) => `'${a}'`)
    .join(' ');
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-o', 'pipefail', '-c', `'${process.execPath}' ${cli} | head -n 1`],
      { cwd: repoRoot, env: userEnv(vars) },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
