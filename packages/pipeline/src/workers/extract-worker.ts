import { gunzipBase64, type Payload } from '@govwatch/core';
import { extract } from '@govwatch/extract';
import type { Job } from 'bullmq';
import type { Runtime } from '../runtime.ts';

/**
 * Extraction is pure; whatever it makes of the page (a record, or the reason it could not) goes
 * on to the store, so a malformed page is recorded as failed with its reason and nothing is lost.
 */
export async function processExtract(rt: Runtime, job: Job, data: Payload<'extract'>) {
  const { bodyGzipBase64, encoding, titleKeywords, ...meta } = data;
  let next: Payload<'store'>;
  try {
    const record = extract({
      bytes: gunzipBase64(bodyGzipBase64),
      url: data.fetchUrl,
      contentType: data.contentType,
      encoding,
      titleKeywords,
    });
    next = { kind: 'record', ...meta, bodyGzipBase64, record };
  } catch (err) {
    const reason = `extract failed: ${(err as Error).message}`;
    rt.log.warn({ queue: 'extract', jobId: job.id, url: data.fetchUrl, reason }, 'page recorded as failed');
    next = { kind: 'failed', ...meta, bodyGzipBase64, reason };
  }
  await rt.queues.store.add(next.kind, next, { jobId: `${job.id}-store` });
  return { kind: next.kind };
}
