// src/workers/extract-worker.ts
import { gunzipBase64 } from "@govwatch/core";
import { jobIds } from "@govwatch/jobs";
import { attachmentText, extract, textAttachmentOf, withAttachmentText } from "@govwatch/extract";
import { errorKind, fetchPage, HttpStatusError, withCrawlDelay } from "../fetch/index.js";
var MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
async function processExtract(rt, job, data) {
  const { bodyGzipBase64, encoding, titleKeywords, fetchPolicy: _policy, ...meta } = data;
  const send = async (next) => {
    await rt.queues.store.add(next.kind, next, { jobId: jobIds.store.fromExtract(String(job.id)) });
    return { kind: next.kind };
  };
  let record;
  try {
    record = extract({
      bytes: gunzipBase64(bodyGzipBase64),
      url: data.fetchUrl,
      contentType: data.contentType,
      encoding,
      titleKeywords
    });
  } catch (err) {
    const reason = `extract failed: ${err.message}`;
    rt.log.warn({ queue: "extract", jobId: job.id, url: data.fetchUrl, reason }, "page recorded as failed");
    return send({ kind: "failed", ...meta, bodyGzipBase64, reason });
  }
  const log = rt.log.child({ queue: "extract", jobId: job.id, site: data.siteId, url: data.fetchUrl });
  record = await withTextFromAttachment(rt, log, job, data, record);
  return send({ kind: "record", ...meta, bodyGzipBase64, record });
}
function isTransient(err) {
  if (err instanceof HttpStatusError) return err.status >= 500 || err.status === 429;
  const kind = errorKind(err);
  return kind === "timeout" || kind === "network";
}
var AttachmentError = class extends Error {
  name = "AttachmentError";
};
function attachmentFetchOptions(rt, data) {
  const policy = data.fetchPolicy ?? {
    allowPrivateNetwork: false,
    allowedHosts: [new URL(data.fetchUrl).host],
    requestsPerSecond: 1,
    maxConcurrency: 2
  };
  const options = rt.fetcher.optionsFor(policy);
  return { ...options, timeoutMs: 6e4 };
}
async function withTextFromAttachment(rt, log, job, data, record) {
  const attachment = textAttachmentOf(record);
  if (!attachment) return record;
  try {
    const options = attachmentFetchOptions(rt, data);
    const url = new URL(attachment.url);
    if (!options.isAllowedHost(url.host)) throw new AttachmentError(`off-site host ${url.host}`);
    const robots = await rt.fetcher.robots(url.origin, options);
    if (!robots.isAllowed(url.href)) throw new AttachmentError("disallowed by robots.txt");
    const file = await fetchPage(url.href, { ...options, limits: withCrawlDelay(options.limits, robots), maxBytes: MAX_ATTACHMENT_BYTES });
    const got = await attachmentText(file.body, attachment.name.includes(".") ? attachment.name : url.pathname).catch((err) => {
      throw new AttachmentError(`unreadable: ${err.message}`);
    });
    if (!got) throw new AttachmentError(`not a PDF or DOCX file (content-type ${file.headers.get("content-type") ?? "none"})`);
    if (got.text.replace(/\s/g, "") === "") throw new AttachmentError(`the ${got.kind.toUpperCase()} has no text (a scanned image?)`);
    log.info({ attachment: url.href, kind: got.kind, bytes: file.body.byteLength, chars: got.text.length }, "report text read from its attachment");
    return withAttachmentText(record, got, attachment);
  } catch (err) {
    const attempts = job.opts.attempts ?? 1;
    if (isTransient(err) && job.attemptsMade + 1 < attempts) throw err;
    const message = err instanceof Error ? err.message : String(err);
    log.warn({ attachment: attachment.url, err: message }, "attachment not read; page recorded without its text");
    return { ...record, reasons: [...record.reasons, `text: attachment ${attachment.url} not read: ${message}`] };
  }
}
export {
  MAX_ATTACHMENT_BYTES,
  processExtract
};
//# sourceMappingURL=extract-worker.js.map
