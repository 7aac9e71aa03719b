// src/workers/start-worker.ts
import { workerConnection } from "@govwatch/core";
import { parsePayload } from "@govwatch/jobs";
import { UnrecoverableError, Worker } from "bullmq";
import { processWebhook } from "../webhook-worker.js";
import { processCrawl } from "./crawl-worker.js";
import { processExtract } from "./extract-worker.js";
import { isFinalFailure, settleFinalFailure } from "./final-failure.js";
import { startHeartbeat } from "../liveness.js";
import { processStore } from "./store-worker.js";
var handlers = {
  crawl: processCrawl,
  extract: processExtract,
  store: processStore,
  webhooks: processWebhook
};
function startWorker(queue, rt) {
  const connection = workerConnection(rt.config.redisUrl);
  const worker = new Worker(
    queue,
    async (job) => {
      let data;
      try {
        data = parsePayload(queue, job.data);
      } catch (err) {
        throw new UnrecoverableError(err.message);
      }
      return handlers[queue](rt, job, data);
    },
    {
      connection,
      prefix: rt.config.queuePrefix,
      concurrency: rt.config.concurrency[queue],
      // A crawl can run for a long time; its lock is renewed while the process lives, and a job
      // whose process died is picked up again after the lock expires (no job is lost).
      lockDuration: queue === "crawl" ? 12e4 : 3e4,
      name: `govwatch-${queue}`
    }
  );
  worker.on("error", (err) => rt.log.error({ queue, err: err.message }, "worker error"));
  worker.on("failed", (job, err) => {
    rt.log.warn({ queue, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, "job failed");
    if (job && isFinalFailure(job, err)) void settleFinalFailure(rt, queue, job, err);
  });
  const heartbeat = startHeartbeat(
    rt.redis,
    rt.config.queuePrefix,
    queue,
    (err) => rt.log.debug({ queue, err: err.message }, "heartbeat failed")
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
  startWorker
};
//# sourceMappingURL=start-worker.js.map
