// src/webhook-redeliver.ts
import { reopenDeadDeliveries } from "@govwatch/db";
import { webhookJobId } from "./webhook-request.js";
async function redeliverDeadWebhooks(rt) {
  const reopened = await reopenDeadDeliveries(rt.db.prisma);
  const { attempts, backoffMs } = rt.config.webhooks;
  for (const d of reopened) {
    const jobId = webhookJobId(d.event.id, d.url);
    const old = await rt.queues.webhooks.getJob(jobId);
    if (old && await old.isFailed()) await old.remove();
    await rt.queues.webhooks.add(
      d.event.type,
      { url: d.url, event: { ...d.event, type: d.event.type } },
      { jobId, attempts, backoff: { type: "exponential", delay: backoffMs } }
    );
  }
  if (reopened.length > 0) rt.log.info({ requeued: reopened.length }, "dead webhook deliveries requeued");
  return { requeued: reopened.length };
}
export {
  redeliverDeadWebhooks
};
//# sourceMappingURL=webhook-redeliver.js.map
