// No run stays `running` for ever. A run whose jobs are gone (Redis lost its data, a job was
// removed by hand) is resumed: its crawl job is queued again under its fixed id and carries on from
// the run's frontier in Redis where that survived (crawl/frontier.ts); where it did not, the crawl
// starts again from the start URLs and skips every page the run already settled (CrawlRunPage rows
// in PostgreSQL), so nothing stored is fetched twice either way. A run that cannot be resumed (its
// site is no longer configured, its crawl job failed for good) is failed with the reason, which
// `runs` shows. Idempotent: any number of reapers may run at once (the job id dedupes the resume).
import { failRun, type OpenRun, openRuns } from '@govwatch/db';
import { jobIds, Trigger } from '@govwatch/jobs';
import { Site } from '@govwatch/sites';
import { Frontier } from './crawl/frontier.ts';
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

/** A crawl job of the run, if Redis still has one: by id (on-demand runs, shards) or by its data (scheduled runs). */
async function crawlJobOf(rt: Runtime, runId: string, shards: number) {
  const ids = [jobIds.crawl(runId)];
  for (let shard = 2; shard <= shards; shard++) ids.push(jobIds.crawlShard(runId, shard));
  for (const id of ids) {
    const byId = await rt.queues.crawl.getJob(id);
    if (byId) return byId;
  }
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

type Resumed = { from: 'frontier' | 'start'; pending: number };

async function resume(rt: Runtime, run: OpenRun): Promise<Resumed | { unresumable: string }> {
  const site = Site.safeParse(run.siteConfig);
  if (!site.success)
    return { unresumable: `its jobs were lost and site ${run.siteId} has no valid configuration to resume with` };
  const trigger = Trigger.safeParse(run.trigger);
  if (!trigger.success) return { unresumable: `its jobs were lost and its trigger ${run.trigger} is unknown` };
  const frontier = new Frontier(rt.redis, rt.config.queuePrefix, run.id);
  let state = await frontier.state();
  // Crawled, but its page jobs (or its crawlFinished job) were lost: crawled again, settled pages skipped.
  if (run.crawlDone || state.handedOff) {
    await frontier.drop();
    state = await frontier.state();
  }
  // The crawl's end was claimed by a shard whose job is gone: that shard's job hands it off.
  const shard = state.finishedBy ?? 1;
  const data = { runId: run.id, siteId: run.siteId, trigger: trigger.data, site: site.data };
  await rt.queues.crawl.add('crawl', shard === 1 ? data : { ...data, shard }, {
    jobId: shard === 1 ? jobIds.crawl(run.id) : jobIds.crawlShard(run.id, shard),
  });
  return { from: state.seeded ? 'frontier' : 'start', pending: state.pending + state.leased };
}

async function failAndForget(rt: Runtime, runId: string, reason: string) {
  await failRun(rt.db.prisma, runId, reason);
  await new Frontier(rt.redis, rt.config.queuePrefix, runId).drop();
}

export async function reapRuns(rt: Runtime, opts: ReapOptions = {}): Promise<Reaped> {
  const now = opts.now ?? Date.now();
  const graceMs = opts.graceMs ?? rt.config.reaper.graceMs;
  const staleMs = opts.staleMs ?? rt.config.reaper.staleMs;
  const reaped: Reaped = { resumed: [], failed: [] };
  for (const run of await openRuns(rt.db.prisma)) {
    if (now - run.lastActivity.getTime() < graceMs) continue;
    const shards = Site.safeParse(run.siteConfig).data?.crawlShards ?? 1;
    const job = await crawlJobOf(rt, run.id, shards);
    if (job && (await job.getState()) === 'failed') {
      // Its final failure could not be recorded then (PostgreSQL was away): record it now.
      const reason = `crawl failed: ${job.failedReason}`;
      await failAndForget(rt, run.id, reason);
      reaped.failed.push({ runId: run.id, reason });
      continue;
    }
    if (job) continue; // the crawl is queued or running
    if (!run.crawlDone && (await rt.queues.store.getJob(`${run.id}-finished`))) continue;
    if (run.crawlDone && (now - run.lastActivity.getTime() < staleMs || (await pendingPageWork(rt)) > 0)) continue;
    const resumed = await resume(rt, run);
    if ('unresumable' in resumed) {
      await failAndForget(rt, run.id, resumed.unresumable);
      reaped.failed.push({ runId: run.id, reason: resumed.unresumable });
    } else {
      rt.log.warn(
        { runId: run.id, site: run.siteId, crawlDone: run.crawlDone, requestsLeft: resumed.pending },
        resumed.from === 'frontier'
          ? 'run had lost its crawl jobs: resumed from its frontier'
          : 'run had lost its jobs and its frontier: crawled again from its start, settled pages not fetched again',
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
