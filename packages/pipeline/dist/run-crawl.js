// src/run-crawl.ts
import { failRun, runOrigin, runSummary, startOrJoinRun, upsertSites } from "@govwatch/db";
import { CrawlProgress, jobIds, stages, Trigger } from "@govwatch/jobs";
import { liveWorkerCount } from "./liveness.js";
import { startWorker } from "./workers/start-worker.js";
async function requestCrawl(rt, site, trigger) {
  await upsertSites(rt.db.prisma, [{ id: site.id, name: site.name, config: site }]);
  const run = await startOrJoinRun(rt.db.prisma, site.id, trigger);
  const jobId = jobIds.crawl(run.runId);
  const data = { runId: run.runId, siteId: site.id, trigger, site };
  if (!run.joined) {
    try {
      await rt.queues.crawl.add("crawl", data, { jobId });
    } catch (err) {
      await failRun(rt.db.prisma, run.runId, `could not queue the crawl: ${err.message}`);
      throw err;
    }
  } else {
    const joined = await runOrigin(rt.db.prisma, run.runId);
    const orphaned = joined && !joined.crawlDone && ["cli", "api", "demo"].includes(joined.trigger) && !await rt.queues.crawl.getJob(jobId) && !await rt.queues.store.getJob(jobIds.store.crawlFinished(run.runId));
    if (orphaned) {
      await rt.queues.crawl.add("crawl", { ...data, trigger: Trigger.parse(joined.trigger) }, { jobId });
    }
  }
  return run;
}
async function ensureWorkers(rt) {
  const started = [];
  for (const stage of stages) {
    if (await liveWorkerCount(rt.redis, rt.config.queuePrefix, stage) === 0) {
      rt.log.info({ stage }, "no live worker; running one in this process");
      started.push(startWorker(stage, rt));
    }
  }
  return started;
}
async function waitForRun(rt, runId, opts = {}) {
  const deadline = Date.now() + (opts.timeoutMs ?? 6 * 36e5);
  const stallMs = opts.stallMs ?? 3e4;
  let lastState = "";
  let lastChange = Date.now();
  for (; ; ) {
    const summary = await runSummary(rt.db.prisma, runId);
    if (!summary) throw new Error(`no crawl run ${runId}`);
    if (summary.status !== "running") return summary;
    if (Date.now() > deadline) throw new WaitTimeoutError(runId);
    const job = await rt.queues.crawl.getJob(jobIds.crawl(runId));
    const parsed = CrawlProgress.safeParse(job?.progress);
    const crawl = parsed.success ? parsed.data : {};
    opts.onProgress?.(summary, crawl);
    const state = JSON.stringify([summary.pagesSettled, summary.pagesQueued, crawl]);
    if (state !== lastState) {
      lastState = state;
      lastChange = Date.now();
    } else if (opts.onStall && Date.now() - lastChange >= stallMs) {
      const idle = [];
      for (const stage of stages) if (await liveWorkerCount(rt.redis, rt.config.queuePrefix, stage) === 0) idle.push(stage);
      await opts.onStall(idle, Date.now() - lastChange);
      lastChange = Date.now();
    }
    const pause = Math.min(opts.pollMs ?? 100, Math.max(0, deadline - Date.now()));
    await new Promise((r) => setTimeout(r, pause));
  }
}
var WaitTimeoutError = class extends Error {
  constructor(runId) {
    super(`crawl run ${runId} still running after the wait timeout (it goes on; see govwatch runs)`);
    this.runId = runId;
  }
  runId;
  name = "WaitTimeoutError";
};
export {
  WaitTimeoutError,
  ensureWorkers,
  requestCrawl,
  waitForRun
};
//# sourceMappingURL=run-crawl.js.map
