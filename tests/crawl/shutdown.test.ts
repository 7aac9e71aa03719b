// SIGTERM in the middle of a long crawl: the worker stops the crawl, hands the job back to the
// queue for a retry, closes its connections and exits 0 well within the shutdown deadline.
import { spawn } from 'node:child_process';
import { producerConnection } from '@govwatch/core';
import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import { openQueues } from '@govwatch/jobs';
import { parseSites } from '@govwatch/sites';
import { afterAll, describe, expect, it } from 'vitest';
import { cliArgv, repoRoot, userEnv } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

const prefix = testPrefix();
let fixture: FixtureSite;
let database: TestDatabase;
afterAll(async () => {
  await fixture?.close();
  await database?.drop();
  await dropPrefix(prefix);
});

describe('worker shutdown during a crawl', () => {
  it('stops the crawl, requeues its job and exits 0', async () => {
    fixture = await startFixtureSite({ reportCount: 200, latencyMs: 50 });
    database = await createTestDatabase();
    const [site] = parseSites(
      fixture.siteYaml({ only: ['fixture-main'], defaults: { requestsPerSecond: 5, maxPages: 5000 } }),
      'fixture',
    );
    if (!site) throw new Error('fixture-main missing from the fixture site file');
    const env = userEnv({
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      GOVWATCH_QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'info',
    });
    const worker = spawn(process.execPath, cliArgv(['worker', 'crawl']), { cwd: repoRoot, env });
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
    const redis = producerConnection(redisUrl);
    const queues = openQueues(redis, prefix);
    try {
      await queues.crawl.add(
        'crawl',
        { runId: 'run-shutdown', siteId: 'fixture-main', trigger: 'cli', site },
        { jobId: 'crawl-run-shutdown' },
      );
      for (let i = 0; i < 300 && fixture.log.filter((e) => e.path.includes('/t20')).length < 3; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(fixture.log.length).toBeGreaterThan(3); // the crawl is under way (~200 pages at 5/s: 40 s)
      const signalled = Date.now();
      worker.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(15_000);
      const job = await queues.crawl.getJob('crawl-run-shutdown');
      expect(job?.attemptsMade).toBe(1);
      expect(['delayed', 'waiting']).toContain(await job?.getState());
      expect(job?.failedReason).toMatch(/interrupted by shutdown/);
    } finally {
      worker.kill('SIGKILL');
      await queues.close();
      redis.disconnect();
    }
  });
});
