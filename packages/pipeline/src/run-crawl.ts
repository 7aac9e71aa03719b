// On-demand crawls: start (or join) a run, make sure every stage has a worker, wait for the end.
import { failRun, type RunSummary, runOrigin, runSummary, startOrJoinRun, upsertSites } from '@govwatch/db';
import { type CrawlProgress, jobIds, type StageName, stages, Trigger } from '@govwatch/jobs';
import type { Site } from '@govwatch/sites';
import type { Worker } from 'bullmq';
import { Frontier } from './crawl/frontier.ts';
import { progressOf } from './crawl/frontier-stats.ts';
import { liveWorkerCount } from './liveness.ts';
import { looksLikeConnectionError } from './outage/connection-error.ts';
import type { Runtime } from './runtime.ts';
import { startWorker } from './workers/start-worker.ts';

export async function requestCrawl(
  rt: Runtime,
  site: Site,
  trigger: Trigger,
): Promise<{ runId: string; joined: boolean }> {
  await upsertSites(rt.db.prisma, [{ id: site.id, name: site.name, config: site }]);
  const run = await startOrJoinRun(rt.db.prisma, site.id, trigger);
  const jobId = jobIds.crawl(run.runId);
  const data = { runId: run.runId, siteId: site.id, trigger, site };
  if (!run.joined) {
    try {
      await rt.queues.crawl.add('crawl', data, { jobId });
    } catch (err) {
      // A run without its job would be joined, and waited for, by every later request.
      await failRun(rt.db.prisma, run.runId, `could not queue the crawl: ${(err as Error).message}`);
      throw err;
    }
  } else {
    // Joining a run started on request whose job vanished (its process died between the two
    // writes): queue it again. Same job id, so a job that does exist is not duplicated.
    const joined = await runOrigin(rt.db.prisma, run.runId);
    // The crawl job queues its crawlFinished job before it completes, so between the two one of them exists.
    const orphaned =
      joined &&
      !joined.crawlDone &&
      ['cli', 'api', 'demo'].includes(joined.trigger) &&
      !(await rt.queues.crawl.getJob(jobId)) &&
      !(await rt.queues.store.getJob(jobIds.store.crawlFinished(run.runId)));
    if (orphaned) {
      await rt.queues.crawl.add('crawl', { ...data, trigger: Trigger.parse(joined.trigger) }, { jobId });
    }
  }
  return run;
}

/** Start, in this process, a worker for every stage that has no live worker anywhere. */
export async function ensureWorkers(rt: Runtime): Promise<Worker[]> {
  const started: Worker[] = [];
  for (const stage of stages) {
    if ((await liveWorkerCount(rt.redis, rt.config.queuePrefix, stage)) === 0) {
      rt.log.info({ stage }, 'no live worker; running one in this process');
      started.push(startWorker(stage, rt));
    }
  }
  return started;
}

export type WaitOptions = {
  pollMs?: number;
  timeoutMs?: number;
  onProgress?: (summary: RunSummary, crawl: CrawlProgress) => void;
  /** No progress for stallMs: called with the stages that have no live worker in this deployment (maybe none). */
  onStall?: (idleStages: StageName[], idleForMs: number) => Promise<void> | void;
  stallMs?: number;
  /** Redis or PostgreSQL did not answer: the wait goes on (called at most once a minute). */
  onOutage?: (err: Error) => void;
};

export async function waitForRun(rt: Runtime, runId: string, opts: WaitOptions = {}): Promise<RunSummary> {
  const deadline = Date.now() + (opts.timeoutMs ?? 6 * 3600_000);
  const stallMs = opts.stallMs ?? 30_000;
  let lastState = '';
  let lastChange = Date.now();
  let outageSaidAt = 0;
  for (;;) {
    let looked: { summary: RunSummary | null; crawl: CrawlProgress };
    try {
      looked = await lookAtRun(rt, runId);
    } catch (err) {
      // The run goes on in the workers, which wait out the outage too: so does the waiting.
      if (!looksLikeConnectionError(err) || Date.now() > deadline) throw err;
      if (Date.now() - outageSaidAt >= 60_000) {
        outageSaidAt = Date.now();
        opts.onOutage?.(err as Error);
      }
      await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(0, deadline - Date.now()))));
      continue;
    }
    const { summary, crawl } = looked;
    if (!summary) throw new Error(`no crawl run ${runId}`);
    if (summary.status !== 'running') return summary;
    if (Date.now() > deadline) throw new WaitTimeoutError(runId);
    opts.onProgress?.(summary, crawl);
    const state = JSON.stringify([summary.pagesSettled, summary.pagesQueued, crawl]);
    if (state !== lastState) {
      lastState = state;
      lastChange = Date.now();
    } else if (opts.onStall && Date.now() - lastChange >= stallMs) {
      const idle: StageName[] = [];
      for (const stage of stages)
        if ((await liveWorkerCount(rt.redis, rt.config.queuePrefix, stage)) === 0) idle.push(stage);
      await opts.onStall(idle, Date.now() - lastChange);
      lastChange = Date.now(); // say it again only after another stallMs without progress
    }
    const pause = Math.min(opts.pollMs ?? 100, Math.max(0, deadline - Date.now()));
    await new Promise((r) => setTimeout(r, pause)); // a run row and a count of its pages by outcome
  }
}

/**
 * The run's row and figures (PostgreSQL) and its crawl's totals (its frontier in Redis). Not the
 * crawl job's progress: a run of several crawl jobs (crawlShards) has one per job, and each knows
 * the run's totals only as of its own last request (a re-crawl waited at 108 of 120 pages checked).
 */
async function lookAtRun(rt: Runtime, runId: string): Promise<{ summary: RunSummary | null; crawl: CrawlProgress }> {
  const summary = await runSummary(rt.db.prisma, runId);
  if (summary?.status !== 'running') return { summary, crawl: {} };
  const totals = await new Frontier(rt.redis, rt.config.queuePrefix, runId).totals();
  return { summary, crawl: totals ? progressOf(totals) : {} };
}

/** `crawl --wait --timeout` ran out: the run goes on (in whichever workers serve it). */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
  constructor(readonly runId: string) {
    super(`crawl run ${runId} still running after the wait timeout (it goes on; see govwatch runs)`);
  }
}
