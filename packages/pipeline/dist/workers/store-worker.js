// src/workers/store-worker.ts
import { completeRunIfSettled, finishCrawl, markMissing, StoreInputError, storePage } from "@govwatch/db";
import { UnrecoverableError } from "bullmq";
import { runDeadlineCheck, watchStoredReport } from "../watch-check.js";
var MISSING_THRESHOLD = 3;
async function processStore(rt, job, data) {
  const prisma = rt.db.prisma;
  if (data.kind === "watchCheck") return { kind: data.kind, ...await runDeadlineCheck(rt) };
  if (data.kind === "crawlFinished") {
    let reportsRemoved = 0;
    if (data.stats.discoveryComplete === true && data.stats.seenUrls) {
      const missing = await markMissing(prisma, data.siteId, data.stats.seenUrls, data.runId, MISSING_THRESHOLD);
      reportsRemoved = missing.removed.length;
    }
    const { seenUrls: _omit, ...stats } = data.stats;
    await finishCrawl(prisma, data.runId, { ...stats, reportsRemoved });
    return { kind: data.kind };
  }
  let result;
  try {
    result = await storePage(prisma, data);
  } catch (err) {
    if (err instanceof StoreInputError) throw new UnrecoverableError(err.message);
    throw err;
  }
  rt.log.debug({ queue: "store", jobId: job.id, url: data.fetchUrl, ...result }, "stored");
  if (result.reportId && !result.replayed) await watchStoredReport(rt, result.reportId);
  await completeRunIfSettled(prisma, data.runId);
  return result;
}
export {
  MISSING_THRESHOLD,
  processStore
};
//# sourceMappingURL=store-worker.js.map
