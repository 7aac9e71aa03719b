// Re-send dead-lettered webhook deliveries (POST /events/redeliver, govwatch events --redeliver):
// each gets a new job with the full number of attempts. The dead job still holds the delivery's
// job id in the failed set, so it is removed first; the id stays the one the relay uses, so a
// second redeliver while the first is still running never doubles a delivery.
import type { EventType } from '@govwatch/db';
import { reopenDeadDeliveries } from '@govwatch/db';
import type { Runtime } from './runtime.ts';
import { webhookJobId } from './webhook-request.ts';

export async function redeliverDeadWebhooks(rt: Runtime): Promise<{ requeued: number }> {
  const reopened = await reopenDeadDeliveries(rt.db.prisma);
  const { attempts, backoffMs } = rt.config.webhooks;
  for (const d of reopened) {
    const jobId = webhookJobId(d.event.id, d.url);
    const old = await rt.queues.webhooks.getJob(jobId);
    if (old && (await old.isFailed())) await old.remove();
    await rt.queues.webhooks.add(
      d.event.type,
      { url: d.url, event: { ...d.event, type: d.event.type as EventType } },
      { jobId, attempts, backoff: { type: 'exponential', delay: backoffMs } },
    );
  }
  if (reopened.length > 0) rt.log.info({ requeued: reopened.length }, 'dead webhook deliveries requeued');
  return { requeued: reopened.length };
}
