// What a webhook delivery sends: the JSON body, its HMAC-SHA256 signature and the headers. Pure.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type EventJob, jobIds } from '@govwatch/jobs';

export const SIGNATURE_HEADER = 'X-Govwatch-Signature';
export const EVENT_HEADER = 'X-Govwatch-Event';
export const DELIVERY_HEADER = 'X-Govwatch-Delivery';

/** `sha256=<hex HMAC-SHA256 of the body>`, the value of X-Govwatch-Signature. */
export function signBody(body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** For receivers (and tests): does the header sign this body with this secret? Constant time. */
export function verifySignature(body: string | Uint8Array, secret: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function webhookRequest(
  event: EventJob,
  secret: string,
  userAgent: string,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(event);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': userAgent,
      [EVENT_HEADER]: event.type,
      [DELIVERY_HEADER]: event.id,
      [SIGNATURE_HEADER]: signBody(body, secret),
    },
  };
}

/** One job per event and URL (built in @govwatch/jobs with every other job id). */
export const webhookJobId = jobIds.webhooks;
