// Input decoding, before any transaction: the page's canonical URLs, the raw snapshot (checked
// against its sha256) and the text's fingerprint. A job that cannot decode is the job's fault,
// so it throws StoreInputError and the worker fails it without retrying.
import { canonicalUrl, gunzip, sha256Hex } from '@govwatch/core';
import { simhash } from '../simhash.ts';
import type { StoreJobInput } from './types.ts';

/** The job itself is wrong (no retry can help): the worker should fail it permanently. */
export class StoreInputError extends Error {
  override name = 'StoreInputError';
}

export type Snapshot = { gz: Uint8Array<ArrayBuffer>; size: number };

export type Prepared = {
  job: StoreJobInput;
  pageUrl: string;
  /** Every canonical URL this page stands for (fetch URL first, then the record's own url). */
  urls: string[];
  fetchedAt: Date;
  snapshot: Snapshot | null;
  fingerprint: bigint | null;
};

function decodeSnapshot(job: StoreJobInput): Snapshot | null {
  if (!job.bodyGzipBase64) return null;
  const gz = Buffer.from(job.bodyGzipBase64, 'base64');
  let raw: Buffer;
  try {
    raw = gunzip(gz);
  } catch (err) {
    throw new StoreInputError(`bodyGzipBase64 of ${job.fetchUrl} is not gzip: ${(err as Error).message}`);
  }
  const sha = sha256Hex(raw);
  if (sha !== job.rawSha256) {
    throw new StoreInputError(`rawSha256 of ${job.fetchUrl} does not match its body (${job.rawSha256} vs ${sha})`);
  }
  const bytes = new Uint8Array(new ArrayBuffer(gz.length));
  bytes.set(gz);
  return { gz: bytes, size: raw.length };
}

function safeCanonical(url: string): string | null {
  try {
    return canonicalUrl(url);
  } catch {
    return null;
  }
}

export function prepare(job: StoreJobInput): Prepared {
  const pageUrl = safeCanonical(job.fetchUrl);
  if (!pageUrl) throw new StoreInputError(`fetchUrl is not an absolute URL: ${job.fetchUrl}`);
  const urls = [pageUrl];
  if (job.kind === 'record') {
    const own = safeCanonical(job.record.url);
    if (own && own !== pageUrl) urls.push(own);
  }
  const fetched = new Date(job.fetchedAt);
  return {
    job,
    pageUrl,
    urls,
    fetchedAt: Number.isNaN(fetched.getTime()) ? new Date() : fetched,
    snapshot: decodeSnapshot(job),
    fingerprint: job.kind === 'record' && job.record.isReport ? simhash(job.record.text) : null,
  };
}
