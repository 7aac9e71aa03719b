// On-demand crawls: start (or join) a run, make sure every stage has a worker, wait for the end.
import { failRun, runSummary, startOrJoinRun, upsertSites, type RunSummary } from '@govwatch/db';
import type { Site } from '@govwatch/sites';
import type { Worker } from 'bullmq';
import type { Trigger } from '@govwatch/core';
import type { Runtime } from './runtime.ts';
import { stages, startWorker } from './workers/start-worker.ts';

export async function requestCrawl(rt: Runtime, site: Site, trigger: Trigger): Promise<{ runId: string; joined: boolean }> {
  await upsertSites(rt.db.prisma, [{ id: site.id, name: site.name, config: site }]);
  const run = await startOrJoinRun(rt.db.prisma, site.id, trigger);
  const jobId = `crawl-${run.runId}`;
  const data = { runId: run.runId, siteId: site.id, trigger, site: site as unknown as Record<string, unknown> };
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
    const joined = await rt.db.prisma.crawlRun.findUnique({ where: { id: run.runId }, select: { trigger: true, crawlDone: true } });
    // The crawl job queues `${runId}-finished` before it completes, so between the two one of them exists.
    const orphaned =
      joined && !joined.crawlDone && ['cli', 'api', 'demo'].includes(joined.trigger) &&
      !(await rt.queues.crawl.getJob(jobId)) && !(await rt.queues.store.getJob(`${run.runId}-finished`));
    if (orphaned) {
      await rt.queues.crawl.add('crawl', { ...data, trigger: joined.trigger as Trigger }, { jobId });
    }
  }
  return run;
}

/** Start, in this process, a worker for every stage that has no live worker anywhere. */
export async function ensureWorkers(rt: Runtime): Promise<Worker[]> {
  const started: Worker[] = [];
  for (const stage of stages) {
    const live = await rt.queues[stage].getWorkers();
    if (live.length === 0) {
      rt.log.info({ stage }, 'no live worker; running one in this process');
      started.push(startWorker(stage, rt));
    }
  }
  return started;
}

/** What a crawl job reports as its progress (crawl-worker.ts) while its pages are being stored. */
export type CrawlProgress = { listPages?: number; reportLinks?: number; queued?: number };

export type WaitOptions = {
  pollMs?: number;
  timeoutMs?: number;
  onProgress?: (summary: RunSummary, crawl: CrawlProgress) => void;
};

export async function waitForRun(rt: Runtime, runId: string, opts: WaitOptions = {}): Promise<RunSummary> {
  const deadline = Date.now() + (opts.timeoutMs ?? 6 * 3600_000);
  for (;;) {
    const summary = await runSummary(rt.db.prisma, runId);
    if (!summary) throw new Error(`no crawl run ${runId}`);
    if (summary.status !== 'running') return summary;
    if (Date.now() > deadline) throw new Error(`crawl run ${runId} still running after the wait timeout`);
    if (opts.onProgress) {
      const job = await rt.queues.crawl.getJob(`crawl-${runId}`);
      opts.onProgress(summary, (job?.progress as CrawlProgress) ?? {});
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 100)); // a run row and a count of its pages by outcome
  }
}
