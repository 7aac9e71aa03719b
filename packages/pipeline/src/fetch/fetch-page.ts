// One polite HTTP fetch: rate slot for the host, SSRF check on every hop, conditional headers,
// manual redirects, raw bytes back.
import { Agent, fetch, type Response as UndiciResponse } from 'undici';
import { assertNotLinkLocal, assertPublicUrl, BlockedAddressError, publicOnlyLookup } from './ssrf.ts';

// Connections of crawls that must stay off private networks resolve through the guarded lookup.
const publicOnly = new Agent({ connect: { lookup: publicOnlyLookup } });

import { metrics } from '@govwatch/core';
import type { FetchPolicy } from '@govwatch/jobs';
import type { HostLimiter, HostLimits } from './host-limiter.ts';

export type FetchOptions = {
  userAgent: string;
  limiter: HostLimiter;
  limits: HostLimits;
  allowPrivateNetwork: boolean;
  isAllowedHost: (host: string) => boolean;
  timeoutMs?: number;
  conditional?: { etag?: string | null; lastModified?: string | null };
  method?: 'GET' | 'POST';
  /** Stop reading and fail past this many bytes (default 20 MB): no page is that large. */
  maxBytes?: number;
  body?: string;
  contentType?: string;
};

/** A site's politeness settings as every fetch of it uses them (crawler and extract worker alike). */
export function fetchOptionsFor(
  policy: FetchPolicy,
  base: { userAgent: string; limiter: HostLimiter; allowPrivateNetwork: boolean; timeoutMs?: number },
): FetchOptions {
  const hosts = new Set(policy.allowedHosts.map((h) => h.toLowerCase()));
  return {
    userAgent: base.userAgent,
    limiter: base.limiter,
    limits: { requestsPerSecond: policy.requestsPerSecond, maxConcurrency: policy.maxConcurrency },
    // GOVWATCH_ALLOW_PRIVATE lifts the guard for every site; a site can lift it for itself.
    allowPrivateNetwork: policy.allowPrivateNetwork || base.allowPrivateNetwork,
    isAllowedHost: (host) => hosts.has(host.toLowerCase()),
    ...(base.timeoutMs ? { timeoutMs: base.timeoutMs } : {}),
  };
}

export type FetchedPage = {
  url: string;
  status: number;
  headers: Headers;
  body: Buffer;
};

export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  constructor(
    readonly status: number,
    readonly url: string,
    readonly retryAfterMs: number | null,
    /** The error page itself (some WAFs answer their challenge with 521 or 403). */
    readonly body?: Buffer,
  ) {
    super(`HTTP ${status} for ${url}`);
  }
}

export class TooLargeError extends Error {
  override name = 'TooLargeError';
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/**
 * Report files (an attachment a page points to, or a PDF/DOCX report linked from a list) larger
 * than this are not read: real report PDFs are a few MB.
 */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Read a body up to a limit, without buffering more than the limit. */
async function readCapped(response: UndiciResponse, maxBytes: number, url: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new TooLargeError(`${url}: ${declared} bytes, over the ${maxBytes}-byte limit`);
  }
  // undici hands over the decoded body: a gzip bomb is stopped by what it inflates to.
  const encoded = response.headers.get('content-encoding');
  const over = () =>
    `${url}: over the ${maxBytes}-byte limit${encoded ? ` once decompressed (content-encoding ${encoded})` : ''}`;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  for (let part = await reader?.read(); reader && part && !part.done; part = await reader.read()) {
    total += part.value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLargeError(over());
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks, total);
}

export class OffSiteError extends Error {
  override name = 'OffSiteError';
}

/** A redirect chain longer than this, or one that comes back to a URL it passed, is refused. */
export class RedirectError extends Error {
  override name = 'RedirectError';
}

const MAX_REDIRECTS = 5;

/**
 * Failures that another attempt cannot change: a client error other than 429, a page over the
 * size limit, a redirect loop or chain, an off-site or refused address. Fetching them again (crawlee
 * retried each 3 more times) only costs the site and the crawl.
 */
export function isPermanentFetchError(err: unknown): boolean {
  if (err instanceof HttpStatusError) return err.status < 500 && err.status !== 429;
  return (
    err instanceof TooLargeError ||
    err instanceof OffSiteError ||
    err instanceof RedirectError ||
    err instanceof BlockedAddressError
  );
}

const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Before crawlee retries a failed request (at once, by default): a permanent failure is final, and a Retry-After is waited out first, bounded so one host cannot stall a crawl.
 */
export async function prepareRetry(request: { noRetry: boolean }, err: unknown): Promise<void> {
  if (isPermanentFetchError(err)) request.noRetry = true;
  else if (err instanceof HttpStatusError && err.retryAfterMs)
    await new Promise((r) => setTimeout(r, Math.min(err.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS)));
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export async function fetchPage(url: string, opts: FetchOptions): Promise<FetchedPage> {
  let current = new URL(url);
  const passed = new Set<string>();
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (passed.has(current.href)) throw new RedirectError(`redirect loop: ${url} comes back to ${current.href}`);
    passed.add(current.href);
    // Cloud metadata and other link-local addresses are never a site's page, whatever the site allows.
    if (hop > 0) await assertNotLinkLocal(current);
    if (!opts.isAllowedHost(current.host)) throw new OffSiteError(`refused off-site URL ${current.href}`);
    if (!opts.allowPrivateNetwork) await assertPublicUrl(current);
    const headers: Record<string, string> = {
      'user-agent': opts.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': 'zh-CN,zh;q=0.9',
    };
    if (opts.conditional?.etag) headers['if-none-match'] = opts.conditional.etag;
    if (opts.conditional?.lastModified) headers['if-modified-since'] = opts.conditional.lastModified;
    if (opts.contentType) headers['content-type'] = opts.contentType;
    const target = current;
    const { response, body } = await opts.limiter.schedule(target.host, opts.limits, async () => {
      const sent = performance.now();
      const res = await fetch(target, {
        method: opts.method ?? 'GET',
        body: opts.body,
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
        dispatcher: opts.allowPrivateNetwork ? undefined : publicOnly,
      });
      // Read the body inside the slot: the connection is busy until it is consumed.
      const read = await readCapped(res, opts.maxBytes ?? DEFAULT_MAX_BYTES, target.href);
      metrics.fetched(res.status, read.length, (performance.now() - sent) / 1000);
      return { response: res, body: read };
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      current = new URL(location, current);
      continue;
    }
    if (response.status >= 400) {
      throw new HttpStatusError(
        response.status,
        current.href,
        parseRetryAfter(response.headers.get('retry-after')),
        body,
      );
    }
    return { url: current.href, status: response.status, headers: response.headers, body };
  }
  throw new RedirectError(`more than ${MAX_REDIRECTS} redirects from ${url}`);
}
