// src/webhook-request.ts
import { createHmac, timingSafeEqual } from "node:crypto";
import { jobIds } from "@govwatch/jobs";
var SIGNATURE_HEADER = "X-Govwatch-Signature";
var EVENT_HEADER = "X-Govwatch-Event";
var DELIVERY_HEADER = "X-Govwatch-Delivery";
function signBody(body, secret) {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}
function verifySignature(body, secret, header) {
  if (!header) return false;
  const expected = Buffer.from(signBody(body, secret));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
function webhookRequest(event, secret, userAgent) {
  const body = JSON.stringify(event);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "user-agent": userAgent,
      [EVENT_HEADER]: event.type,
      [DELIVERY_HEADER]: event.id,
      [SIGNATURE_HEADER]: signBody(body, secret)
    }
  };
}
var webhookJobId = jobIds.webhooks;
export {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signBody,
  verifySignature,
  webhookJobId,
  webhookRequest
};
//# sourceMappingURL=webhook-request.js.map
