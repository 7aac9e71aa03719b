// Outbox relay: moves committed Event rows to the `events` queue (at least once; the job id is the
// event id, so a relay that crashed between add and mark does not duplicate while the job exists).
import { markRelayed, pendingEvents } from '@govwatch/db';
import type { Runtime } from './runtime.ts';

export async function relayOnce(rt: Runtime, batch = 100): Promise<number> {
  const events = await pendingEvents(rt.db.prisma, batch);
  if (events.length === 0) return 0;
  await rt.queues.events.addBulk(
    events.map((e) => ({
      name: e.type,
      data: {
        id: String(e.id),
        type: e.type as 'report.created' | 'report.updated' | 'report.removed',
        reportId: e.reportId,
        payload: e.payload as Record<string, unknown>,
        createdAt: e.createdAt.toISOString(),
      },
      opts: { jobId: `event-${e.id}` },
    })),
  );
  await markRelayed(rt.db.prisma, events.map((e) => e.id));
  return events.length;
}

export function startEventRelay(rt: Runtime, intervalMs = 1000): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
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
