// Outbox relay: moves committed Event rows to the `events` queue and, for each webhook URL of the
// config, one job on the `webhooks` queue (at least once; job ids are derived from the event id,
// so a relay that crashed between add and mark does not duplicate while the job exists).
import { metrics } from '@govwatch/core';
import { markRelayed, type OutboxEvent, pendingEvents } from '@govwatch/db';
import { type EventJob, jobIds } from '@govwatch/jobs';
import type { Runtime } from './runtime.ts';

const toJob = (e: OutboxEvent): EventJob => ({
  id: String(e.id),
  type: e.type,
  reportId: e.reportId,
  payload: e.payload,
  createdAt: e.createdAt.toISOString(),
});

export async function relayOnce(rt: Runtime, batch = 100): Promise<number> {
  const events = await pendingEvents(rt.db.prisma, batch);
  if (events.length === 0) return 0;
  const jobs = events.map(toJob);
  await rt.queues.events.addBulk(
    jobs.map((data) => ({ name: data.type, data, opts: { jobId: jobIds.events(data.id) } })),
  );
  const { urls, attempts, backoffMs } = rt.config.webhooks;
  if (urls.length > 0) {
    await rt.queues.webhooks.addBulk(
      jobs.flatMap((event) =>
        urls.map((url) => ({
          name: event.type,
          data: { url, event },
          opts: { jobId: jobIds.webhooks(event.id, url), attempts, backoff: { type: 'exponential', delay: backoffMs } },
        })),
      ),
    );
  }
  await markRelayed(
    rt.db.prisma,
    events.map((e) => e.id),
  );
  for (const e of events) metrics.reportEvent(e.type);
  return events.length;
}

/**
 * Events nobody consumed within this long leave the `events` queue: Redis runs with noeviction, so
 * an unconsumed queue must not grow without bound. The outbox table keeps every event, and
 * `export --after EVENT_ID` replays them.
 */
export const EVENTS_QUEUE_RETENTION_MS = 7 * 24 * 3600_000;
const TRIM_EVERY_MS = 3600_000;

export async function trimEventsQueue(rt: Runtime, olderThanMs = EVENTS_QUEUE_RETENTION_MS): Promise<number> {
  let removed = 0;
  for (let batch = await rt.queues.events.clean(olderThanMs, 10_000, 'wait'); batch.length > 0; ) {
    removed += batch.length;
    batch = batch.length === 10_000 ? await rt.queues.events.clean(olderThanMs, 10_000, 'wait') : [];
  }
  return removed;
}

export function startEventRelay(rt: Runtime, intervalMs = 1000): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let trimmedAt = 0;
  const tick = async () => {
    try {
      if (Date.now() - trimmedAt > TRIM_EVERY_MS) {
        trimmedAt = Date.now();
        await trimEventsQueue(rt);
      }
      while (!stopped && (await relayOnce(rt)) > 0);
    } catch (err) {
      rt.log.warn({ err: (err as Error).message }, 'event relay failed; will retry');
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
    },
  };
}
