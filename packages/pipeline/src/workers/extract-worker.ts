import { gunzipBase64, type Logger } from '@govwatch/core';
import {
  attachmentText,
  type DocumentLink,
  documentReport,
  type ExtractedRecord,
  extract,
  isDocumentBytes,
  refusedPage,
  textAttachmentOf,
  withAttachmentText,
} from '@govwatch/extract';
import { jobIds, type Payload } from '@govwatch/jobs';
import type { Job } from 'bullmq';
import {
  errorKind,
  type FetchOptions,
  fetchPage,
  HttpStatusError,
  MAX_ATTACHMENT_BYTES,
  withCrawlDelay,
} from '../fetch/index.ts';
import type { Runtime } from '../runtime.ts';

/**
 * Extraction is pure; whatever it makes of the page (a record, or the reason it could not) goes
 * on to the store, so a malformed page is recorded as failed with its reason and nothing is lost.
 * A report page whose body only points to an attachment gets its text from the attachment,
 * fetched here as politely as the crawler fetched the page.
 */
export async function processExtract(rt: Runtime, job: Job, data: Payload<'extract'>) {
  const { bodyGzipBase64, encoding, titleKeywords, fetchPolicy: _policy, document, ...meta } = data;
  const send = async (next: Payload<'store'>) => {
    await rt.queues.store.add(next.kind, next, { jobId: jobIds.store.fromExtract(String(job.id)) });
    return { kind: next.kind };
  };
  const bytes = gunzipBase64(bodyGzipBase64);
  /** The report is the file: its text is read here, or it fails with the reason; null: it is a page after all. */
  const fromDocument = async (link: DocumentLink | null) => {
    const read = await documentReport({
      bytes,
      url: data.fetchUrl,
      contentType: data.contentType,
      link,
      titleKeywords,
    });
    if (!read) return null;
    if ('record' in read) return send({ kind: 'record', ...meta, bodyGzipBase64, record: read.record });
    const reason = read.failed;
    rt.log.warn({ queue: 'extract', jobId: job.id, url: data.fetchUrl, reason }, 'document recorded as failed');
    return send({ kind: 'failed', ...meta, bodyGzipBase64, reason });
  };
  // A PDF/DOCX report linked from a list, whatever Content-Type its server gave it.
  if (document) {
    const done = await fromDocument(document);
    if (done) return done;
  }
  // A PNG or ZIP served as text/html is a failed page, not an empty one; its bytes are not archived.
  const refused = refusedPage(bytes, data.contentType);
  if (refused) {
    const reason = `not a page: ${refused}`;
    rt.log.warn({ queue: 'extract', jobId: job.id, url: data.fetchUrl, reason }, 'page recorded as failed');
    return send({ kind: 'failed', ...meta, reason });
  }
  // A report link (the site's pattern, a feed) that answers with a PDF/DOCX: the file is the report.
  if (!document && isDocumentBytes(bytes)) {
    const done = await fromDocument(null);
    if (done) return done;
  }
  let record: ExtractedRecord;
  try {
    record = extract({
      bytes,
      url: data.fetchUrl,
      contentType: data.contentType,
      encoding,
      titleKeywords,
    });
  } catch (err) {
    const reason = `extract failed: ${(err as Error).message}`;
    rt.log.warn({ queue: 'extract', jobId: job.id, url: data.fetchUrl, reason }, 'page recorded as failed');
    return send({ kind: 'failed', ...meta, bodyGzipBase64, reason });
  }
  const log = rt.log.child({ queue: 'extract', jobId: job.id, site: data.siteId, url: data.fetchUrl });
  record = await withTextFromAttachment(rt, log, job, data, record);
  return send({ kind: 'record', ...meta, bodyGzipBase64, record });
}

/** Failures worth another attempt of the job: the network, timeouts, 5xx and 429. */
function isTransient(err: unknown): boolean {
  if (err instanceof HttpStatusError) return err.status >= 500 || err.status === 429;
  const kind = errorKind(err);
  return kind === 'timeout' || kind === 'network';
}

class AttachmentError extends Error {
  override name = 'AttachmentError';
}

function attachmentFetchOptions(rt: Runtime, data: Payload<'extract'>): FetchOptions {
  // Without the site's policy (jobs queued before it was carried), the page's own host only.
  const policy = data.fetchPolicy ?? {
    allowPrivateNetwork: false,
    allowedHosts: [new URL(data.fetchUrl).host],
    requestsPerSecond: 1,
    maxConcurrency: 2,
  };
  const options = rt.fetcher.optionsFor(policy);
  return { ...options, timeoutMs: 60_000 };
}

/**
 * The record with the text of the attachment it points to, when it is a report without a body of
 * its own. A transient failure retries the job while attempts remain; otherwise the page's record
 * goes on as it is, with the reason the attachment was not read.
 */
async function withTextFromAttachment(
  rt: Runtime,
  log: Logger,
  job: Job,
  data: Payload<'extract'>,
  record: ExtractedRecord,
): Promise<ExtractedRecord> {
  const attachment = textAttachmentOf(record);
  if (!attachment) return record;
  try {
    const options = attachmentFetchOptions(rt, data);
    const url = new URL(attachment.url);
    if (!options.isAllowedHost(url.host)) throw new AttachmentError(`off-site host ${url.host}`);
    const robots = await rt.fetcher.robots(url.origin, options);
    if (!robots.isAllowed(url.href)) throw new AttachmentError('disallowed by robots.txt');
    // Stops reading past the cap instead of downloading a huge file first.
    const file = await fetchPage(url.href, {
      ...options,
      limits: withCrawlDelay(options.limits, robots),
      maxBytes: MAX_ATTACHMENT_BYTES,
    });
    const got = await attachmentText(file.body, attachment.name.includes('.') ? attachment.name : url.pathname).catch(
      (err: Error) => {
        throw new AttachmentError(`unreadable: ${err.message}`);
      },
    );
    if (!got)
      throw new AttachmentError(`not a PDF or DOCX file (content-type ${file.headers.get('content-type') ?? 'none'})`);
    if (got.text.replace(/\s/g, '') === '')
      throw new AttachmentError(`the ${got.kind.toUpperCase()} has no text (a scanned image?)`);
    log.info(
      { attachment: url.href, kind: got.kind, bytes: file.body.byteLength, chars: got.text.length },
      'report text read from its attachment',
    );
    return withAttachmentText(record, got, attachment);
  } catch (err) {
    const attempts = job.opts.attempts ?? 1;
    if (isTransient(err) && job.attemptsMade + 1 < attempts) throw err;
    const message = err instanceof Error ? err.message : String(err);
    log.warn({ attachment: attachment.url, err: message }, 'attachment not read; page recorded without its text');
    return { ...record, reasons: [...record.reasons, `text: attachment ${attachment.url} not read: ${message}`] };
  }
}
