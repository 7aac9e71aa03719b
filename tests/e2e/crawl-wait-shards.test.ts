// `crawl --wait` of a site crawled as several crawl jobs (crawlShards), run as a user runs it (a
// plain environment, the CLI as its own process): the progress it prints is the whole run's, not
// the lead job's. The store worker is another process, stopped once the crawl is over, so the run
// stays open long enough for a progress line after the crawl's last page (one every 5 s off a
// terminal); it must show the figures the run's summary ends with.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import { Frontier } from '@govwatch/pipeline';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliArgv, repoRoot, runCli, userEnv } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

let site: FixtureSite;
let database: TestDatabase;
let sitesFile: string;
let redis: Redis;
const prefix = testPrefix();
const children: ChildProcess[] = [];

const env = () => ({
  DATABASE_URL: database.url,
  REDIS_URL: redisUrl,
  GOVWATCH_QUEUE_PREFIX: prefix,
  GOVWATCH_SITES: sitesFile,
});

beforeAll(async () => {
  site = await startFixtureSite({ reportCount: 60, latencyMs: 20 });
  database = await createTestDatabase();
  redis = new Redis(redisUrl);
  sitesFile = join(mkdtempSync(join(tmpdir(), 'govwatch-shards-')), 'sites.yaml');
  writeFileSync(
    sitesFile,
    site.siteYaml({ only: ['fixture-main'], defaults: { crawlShards: 3, requestsPerSecond: 40, maxPages: 5000 } }),
  );
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  redis?.disconnect();
  await database?.drop();
  await site?.close();
  await dropPrefix(prefix);
});

/** A govwatch process with its output collected line by line, each line with the time it arrived. */
function start(args: string[], vars: Record<string, string>) {
  const child = spawn(process.execPath, cliArgv(args), { cwd: repoRoot, env: userEnv(vars) });
  children.push(child);
  const lines: Array<{ at: number; text: string }> = [];
  let stdout = '';
  let partial = '';
  child.stderr?.on('data', (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const text of parts) lines.push({ at: Date.now(), text });
  });
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  return { child, lines, stdout: () => stdout, exited };
}

async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const PROGRESS =
  /^progress: (\d+)\/(\d+) report pages checked \((\d+) stored, (\d+) unchanged(?:, (\d+) not due)?\), (\d+) list pages$/;

describe('crawl --wait of a site in three crawl jobs', () => {
  it("shows the whole run's figures, not the lead crawl job's", async () => {
    const first = await runCli(['crawl', '--site', 'fixture-main', '--wait'], env());
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/site fixture-main: finished/);

    // The re-crawl: every report page answers 304, the not-reports are not due.
    const store = start(['worker', 'store'], { ...env(), LOG_LEVEL: 'info' });
    await until('the store worker', () => store.lines.some((l) => /worker running|govwatch running/.test(l.text)));
    store.child.kill('SIGSTOP');
    const crawl = start(['crawl', '--site', 'fixture-main', '--wait', '--timeout', '120'], env());
    const runId = await until('the run id', () =>
      crawl.lines.map((l) => /^started crawl run (\S+) of fixture-main$/.exec(l.text)?.[1]).find(Boolean),
    );
    const frontier = new Frontier(redis, prefix, runId);
    await until('the crawl to end', async () => (await frontier.state()).handedOff, 120_000);
    // A second on: a line that arrives later was not read before the crawl's last page.
    const crawlEnded = Date.now() + 1000;
    const line = await until('a progress line after the crawl ended', () =>
      crawl.lines.find((l) => l.at > crawlEnded && PROGRESS.test(l.text)),
    );
    store.child.kill('SIGCONT');
    expect(await crawl.exited).toBe(0);

    const summary = /pages fetched \d+ \(list (\d+), not modified (\d+), unchanged bytes (\d+), not due (\d+)\)/.exec(
      crawl.stdout(),
    );
    if (!summary) throw new Error(`no summary in ${crawl.stdout()}`);
    const [list, notModified, unchangedBytes, notDue] = summary.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    const unchanged = notModified + unchangedBytes;
    const reports = site.reports.filter((r) => r.siteId === 'fixture-main').length;
    expect(unchanged).toBeGreaterThanOrEqual(reports); // every report page was checked again
    const [, checked, , stored, shownUnchanged, shownNotDue, shownList] = (PROGRESS.exec(line.text) ?? []).map(Number);
    console.log(`after the crawl: "${line.text}"; the run: list ${list}, unchanged ${unchanged}, not due ${notDue}`);
    expect({ checked, stored, unchanged: shownUnchanged, notDue: shownNotDue || 0, list: shownList }).toEqual({
      checked: unchanged + notDue,
      stored: 0,
      unchanged,
      notDue,
      list,
    });
  }, 300_000);
});
