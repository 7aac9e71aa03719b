// The `webhooks` queue: POST one event to one URL. A non-2xx answer, a redirect, a timeout or a
// refused connection throws, so BullMQ retries with exponential backoff (attempts and delay from
// GOVWATCH_WEBHOOK_ATTEMPTS / _BACKOFF_MS); the last attempt marks the delivery dead. Every
// attempt is recorded in WebhookDelivery, which `govwatch events --failed` reads.
import { metrics } from '@govwatch/core';
import { recordDeliveryAttempt } from '@govwatch/db';
import type { Payload } from '@govwatch/jobs';
import type { Job } from 'bullmq';
import type { Runtime } from './runtime.ts';
import { webhookRequest } from './webhook-request.ts';

export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly httpStatus: number | null,
  ) {
    super(message);
  }
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      body,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new DeliveryError(`POST failed: ${why}`, null);
  }
  // Drain the answer so the connection can be reused; its content does not matter.
  await res.arrayBuffer().catch(() => undefined);
  if (res.status < 200 || res.status > 299) throw new DeliveryError(`HTTP ${res.status}`, res.status);
  return res.status;
}

export async function processWebhook(rt: Runtime, job: Job, data: Payload<'webhooks'>) {
  const { secret, timeoutMs } = rt.config.webhooks;
  // Jobs come from whichever process relays; one without the secret must not send unsigned bodies.
  if (!secret) throw new Error('GOVWATCH_WEBHOOK_SECRET is not set in this worker process');
  const { body, headers } = webhookRequest(data.event, secret, rt.config.userAgent);
  const attempts = job.attemptsMade + 1;
  const last = attempts >= (job.opts.attempts ?? 1);
  const record = (status: 'retrying' | 'delivered' | 'dead', httpStatus: number | null, error: string | null) => {
    metrics.webhookDelivery(status);
    return recordDeliveryAttempt(rt.db.prisma, {
      eventId: data.event.id,
      url: data.url,
      status,
      attempts,
      httpStatus,
      error,
    });
  };
  let httpStatus: number;
  try {
    httpStatus = await post(data.url, body, headers, timeoutMs);
  } catch (err) {
    const e = err as Error;
    await record(last ? 'dead' : 'retrying', err instanceof DeliveryError ? err.httpStatus : null, e.message);
    if (last)
      rt.log.warn(
        { queue: 'webhooks', jobId: job.id, url: data.url, attempts, err: e.message },
        'webhook dead-lettered',
      );
    throw err;
  }
  await record('delivered', httpStatus, null);
  return { status: httpStatus, attempts };
}
