// No run stays `running` for ever. A run whose jobs are gone (Redis lost its data, a job was
// removed by hand) is resumed: its crawl job is queued again under its fixed id, and the crawl
// skips every page the run already settled (CrawlRunPage rows in PostgreSQL are the durable part
// of its frontier), so nothing stored is fetched twice. A run that cannot be resumed (its site is
// no longer configured, its crawl job failed for good) is failed with the reason, which `runs`
// shows. Idempotent: any number of reapers may run at once (the job id dedupes the resume).
import { failRun, type OpenRun, openRuns } from '@govwatch/db';
import { jobIds, Trigger } from '@govwatch/jobs';
import { Site } from '@govwatch/sites';
import type { Runtime } from './runtime.ts';

export type ReapOptions = {
  /** A run younger than this, or with a page settled this recently, is left alone (its jobs may be on their way). */
  graceMs?: number;
  /** A run whose crawl is done but whose pages stopped settling this long ago, with no extract or store work queued anywhere, lost those jobs. */
  staleMs?: number;
  now?: number;
};

export type Reaped = { resumed: string[]; failed: Array<{ runId: string; reason: string }> };

const LIVE_STATES = ['active', 'waiting', 'delayed', 'prioritized', 'waiting-children', 'paused'] as const;

/** The run's crawl job, if Redis still has it: by its id (on-demand runs) or its data (scheduled runs). */
async function crawlJobOf(rt: Runtime, runId: string) {
  const byId = await rt.queues.crawl.getJob(jobIds.crawl(runId));
  if (byId) return byId;
  const jobs = await rt.queues.crawl.getJobs([...LIVE_STATES, 'failed'], 0, 1000);
  return jobs.find((j) => j?.data?.runId === runId);
}

async function pendingPageWork(rt: Runtime): Promise<number> {
  const counts = await Promise.all([
    rt.queues.extract.getJobCounts(...LIVE_STATES),
    rt.queues.store.getJobCounts(...LIVE_STATES),
  ]);
  return counts.flatMap((c) => Object.values(c)).reduce((a, b) => a + b, 0);
}

async function resume(rt: Runtime, run: OpenRun): Promise<string | null> {
  const site = Site.safeParse(run.siteConfig);
  if (!site.success) return `its jobs were lost and site ${run.siteId} has no valid configuration to resume with`;
  const trigger = Trigger.safeParse(run.trigger);
  if (!trigger.success) return `its jobs were lost and its trigger ${run.trigger} is unknown`;
  const data = { runId: run.id, siteId: run.siteId, trigger: trigger.data, site: site.data };
  await rt.queues.crawl.add('crawl', data, { jobId: jobIds.crawl(run.id) });
  return null;
}

export async function reapRuns(rt: Runtime, opts: ReapOptions = {}): Promise<Reaped> {
  const now = opts.now ?? Date.now();
  const graceMs = opts.graceMs ?? rt.config.reaper.graceMs;
  const staleMs = opts.staleMs ?? rt.config.reaper.staleMs;
  const reaped: Reaped = { resumed: [], failed: [] };
  for (const run of await openRuns(rt.db.prisma)) {
    if (now - run.lastActivity.getTime() < graceMs) continue;
    const job = await crawlJobOf(rt, run.id);
    if (job && (await job.getState()) === 'failed') {
      // Its final failure could not be recorded then (PostgreSQL was away): record it now.
      const reason = `crawl failed: ${job.failedReason}`;
      await failRun(rt.db.prisma, run.id, reason);
      reaped.failed.push({ runId: run.id, reason });
      continue;
    }
    if (job) continue; // the crawl is queued or running
    if (!run.crawlDone && (await rt.queues.store.getJob(`${run.id}-finished`))) continue;
    if (run.crawlDone && (now - run.lastActivity.getTime() < staleMs || (await pendingPageWork(rt)) > 0)) continue;
    const unresumable = await resume(rt, run);
    if (unresumable) {
      await failRun(rt.db.prisma, run.id, unresumable);
      reaped.failed.push({ runId: run.id, reason: unresumable });
    } else {
      rt.log.warn(
        { runId: run.id, site: run.siteId, crawlDone: run.crawlDone },
        'run had lost its jobs: resumed from its settled pages',
      );
      reaped.resumed.push(run.id);
    }
  }
  return reaped;
}

/** Reap every `everyMs` (first after one period) until the returned stop is called. */
export function startReaper(rt: Runtime, everyMs = rt.config.reaper.intervalMs): () => void {
  const timer = setInterval(() => {
    reapRuns(rt).catch((err: Error) => rt.log.warn({ err: err.message }, 'reaper pass failed; next pass retries'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
