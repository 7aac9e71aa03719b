// src/webhook-worker.ts
import { recordDeliveryAttempt } from "@govwatch/db";
import { webhookRequest } from "./webhook-request.js";
var DeliveryError = class extends Error {
  constructor(message, httpStatus) {
    super(message);
    this.httpStatus = httpStatus;
  }
  httpStatus;
  name = "DeliveryError";
};
async function post(url, body, headers, timeoutMs) {
  let res;
  try {
    res = await fetch(url, { method: "POST", body, headers, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const e = err;
    const why = e.name === "TimeoutError" ? `timeout after ${timeoutMs} ms` : e.cause?.code ?? e.cause?.message ?? e.message;
    throw new DeliveryError(`POST failed: ${why}`, null);
  }
  await res.arrayBuffer().catch(() => void 0);
  if (res.status < 200 || res.status > 299) throw new DeliveryError(`HTTP ${res.status}`, res.status);
  return res.status;
}
async function processWebhook(rt, job, data) {
  const { secret, timeoutMs } = rt.config.webhooks;
  if (!secret) throw new Error("GOVWATCH_WEBHOOK_SECRET is not set in this worker process");
  const { body, headers } = webhookRequest(data.event, secret, rt.config.userAgent);
  const attempts = job.attemptsMade + 1;
  const last = attempts >= (job.opts.attempts ?? 1);
  const record = (status, httpStatus2, error) => recordDeliveryAttempt(rt.db.prisma, { eventId: data.event.id, url: data.url, status, attempts, httpStatus: httpStatus2, error });
  let httpStatus;
  try {
    httpStatus = await post(data.url, body, headers, timeoutMs);
  } catch (err) {
    const e = err;
    await record(last ? "dead" : "retrying", err instanceof DeliveryError ? err.httpStatus : null, e.message);
    if (last) rt.log.warn({ queue: "webhooks", jobId: job.id, url: data.url, attempts, err: e.message }, "webhook dead-lettered");
    throw err;
  }
  await record("delivered", httpStatus, null);
  return { status: httpStatus, attempts };
}
export {
  DeliveryError,
  processWebhook
};
//# sourceMappingURL=webhook-worker.js.map
