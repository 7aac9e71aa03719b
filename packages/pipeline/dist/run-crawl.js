// src/run-crawl.ts
import { failRun, runSummary, startOrJoinRun, upsertSites } from "@govwatch/db";
import { stages, startWorker } from "./workers/start-worker.js";
async function requestCrawl(rt, site, trigger) {
  await upsertSites(rt.db.prisma, [{ id: site.id, name: site.name, config: site }]);
  const run = await startOrJoinRun(rt.db.prisma, site.id, trigger);
  const jobId = `crawl-${run.runId}`;
  const data = { runId: run.runId, siteId: site.id, trigger, site };
  if (!run.joined) {
    try {
      await rt.queues.crawl.add("crawl", data, { jobId });
    } catch (err) {
      await failRun(rt.db.prisma, run.runId, `could not queue the crawl: ${err.message}`);
      throw err;
    }
  } else {
    const joined = await rt.db.prisma.crawlRun.findUnique({ where: { id: run.runId }, select: { trigger: true, crawlDone: true } });
    const orphaned = joined && !joined.crawlDone && ["cli", "api", "demo"].includes(joined.trigger) && !await rt.queues.crawl.getJob(jobId) && !await rt.queues.store.getJob(`${run.runId}-finished`);
    if (orphaned) {
      await rt.queues.crawl.add("crawl", { ...data, trigger: joined.trigger }, { jobId });
    }
  }
  return run;
}
async function ensureWorkers(rt) {
  const started = [];
  for (const stage of stages) {
    const live = await rt.queues[stage].getWorkers();
    if (live.length === 0) {
      rt.log.info({ stage }, "no live worker; running one in this process");
      started.push(startWorker(stage, rt));
    }
  }
  return started;
}
async function waitForRun(rt, runId, opts = {}) {
  const deadline = Date.now() + (opts.timeoutMs ?? 6 * 36e5);
  for (; ; ) {
    const summary = await runSummary(rt.db.prisma, runId);
    if (!summary) throw new Error(`no crawl run ${runId}`);
    if (summary.status !== "running") return summary;
    if (Date.now() > deadline) throw new Error(`crawl run ${runId} still running after the wait timeout`);
    if (opts.onProgress) {
      const job = await rt.queues.crawl.getJob(`crawl-${runId}`);
      opts.onProgress(summary, job?.progress ?? {});
    }
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 100));
  }
}
export {
  ensureWorkers,
  requestCrawl,
  waitForRun
};
//# sourceMappingURL=run-crawl.js.map
