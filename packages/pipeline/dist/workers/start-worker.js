// src/workers/start-worker.ts
import { parsePayload, workerConnection } from "@govwatch/core";
import { UnrecoverableError, Worker } from "bullmq";
import { processCrawl } from "./crawl-worker.js";
import { processExtract } from "./extract-worker.js";
import { processStore } from "./store-worker.js";
import { isFinalFailure, settleFinalFailure } from "./final-failure.js";
import { processWebhook } from "../webhook-worker.js";
import { startHeartbeat } from "../liveness.js";
var stages = ["crawl", "extract", "store"];
var handlers = {
  crawl: processCrawl,
  extract: processExtract,
  store: processStore,
  webhooks: processWebhook
};
function startWorker(stage, rt) {
  const connection = workerConnection(rt.config.redisUrl);
  const worker = new Worker(
    stage,
    async (job) => {
      let data;
      try {
        data = parsePayload(stage, job.data);
      } catch (err) {
        throw new UnrecoverableError(err.message);
      }
      return handlers[stage](rt, job, data);
    },
    {
      connection,
      prefix: rt.config.queuePrefix,
      concurrency: rt.config.concurrency[stage],
      // A crawl can run for a long time; its lock is renewed while the process lives, and a job
      // whose process died is picked up again after the lock expires (no job is lost).
      lockDuration: stage === "crawl" ? 12e4 : 3e4,
      name: `govwatch-${stage}`
    }
  );
  worker.on("error", (err) => rt.log.error({ queue: stage, err: err.message }, "worker error"));
  worker.on("failed", (job, err) => {
    rt.log.warn({ queue: stage, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, "job failed");
    if (job && isFinalFailure(job, err)) void settleFinalFailure(rt, stage, job, err);
  });
  const heartbeat = startHeartbeat(
    rt.redis,
    rt.config.queuePrefix,
    stage,
    (err) => rt.log.debug({ queue: stage, err: err.message }, "heartbeat failed")
  );
  const close = worker.close.bind(worker);
  worker.close = async (force) => {
    await heartbeat.stop();
    await close(force);
    await connection.quit().catch(() => connection.disconnect());
  };
  return worker;
}
export {
  stages,
  startWorker
};
//# sourceMappingURL=start-worker.js.map
