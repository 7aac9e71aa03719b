// src/event-relay.ts
import { jobIds } from "@govwatch/jobs";
import { markRelayed, pendingEvents } from "@govwatch/db";
var toJob = (e) => ({
  id: String(e.id),
  type: e.type,
  reportId: e.reportId,
  payload: e.payload,
  createdAt: e.createdAt.toISOString()
});
async function relayOnce(rt, batch = 100) {
  const events = await pendingEvents(rt.db.prisma, batch);
  if (events.length === 0) return 0;
  const jobs = events.map(toJob);
  await rt.queues.events.addBulk(jobs.map((data) => ({ name: data.type, data, opts: { jobId: jobIds.events(data.id) } })));
  const { urls, attempts, backoffMs } = rt.config.webhooks;
  if (urls.length > 0) {
    await rt.queues.webhooks.addBulk(
      jobs.flatMap(
        (event) => urls.map((url) => ({
          name: event.type,
          data: { url, event },
          opts: { jobId: jobIds.webhooks(event.id, url), attempts, backoff: { type: "exponential", delay: backoffMs } }
        }))
      )
    );
  }
  await markRelayed(rt.db.prisma, events.map((e) => e.id));
  return events.length;
}
var EVENTS_QUEUE_RETENTION_MS = 7 * 24 * 36e5;
var TRIM_EVERY_MS = 36e5;
async function trimEventsQueue(rt, olderThanMs = EVENTS_QUEUE_RETENTION_MS) {
  let removed = 0;
  for (let batch = await rt.queues.events.clean(olderThanMs, 1e4, "wait"); batch.length > 0; ) {
    removed += batch.length;
    batch = batch.length === 1e4 ? await rt.queues.events.clean(olderThanMs, 1e4, "wait") : [];
  }
  return removed;
}
function startEventRelay(rt, intervalMs = 1e3) {
  let stopped = false;
  let running = Promise.resolve();
  let trimmedAt = 0;
  const tick = async () => {
    try {
      if (Date.now() - trimmedAt > TRIM_EVERY_MS) {
        trimmedAt = Date.now();
        await trimEventsQueue(rt);
      }
      while (!stopped && await relayOnce(rt) > 0) ;
    } catch (err) {
      rt.log.warn({ err: err.message }, "event relay failed; will retry");
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    }
  };
}
export {
  EVENTS_QUEUE_RETENTION_MS,
  relayOnce,
  startEventRelay,
  trimEventsQueue
};
//# sourceMappingURL=event-relay.js.map
