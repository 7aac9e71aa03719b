// src/workers/final-failure.ts
import { canonicalUrl } from "@govwatch/core";
import { failRun, settleAsFailed } from "@govwatch/db";
function isFinalFailure(job, err) {
  return job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === "UnrecoverableError" || /stalled more than/i.test(err.message);
}
async function settleFinalFailure(rt, stage, job, err, log = rt.log) {
  const data = job.data;
  if (!data.runId) return;
  const reason = `${stage} failed: ${err.message}`;
  try {
    if (stage === "crawl" || data.kind === "crawlFinished") await failRun(rt.db.prisma, data.runId, reason);
    else if (data.fetchUrl) await settleAsFailed(rt.db.prisma, data.runId, canonicalUrl(data.fetchUrl), reason);
  } catch (settleErr) {
    log.error({ queue: stage, jobId: job.id, runId: data.runId, err: settleErr.message }, "could not settle a failed job; its run stays open");
  }
}
export {
  isFinalFailure,
  settleFinalFailure
};
//# sourceMappingURL=final-failure.js.map
