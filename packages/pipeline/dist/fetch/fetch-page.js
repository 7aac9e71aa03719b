// src/fetch/fetch-page.ts
import { Agent, fetch } from "undici";
import { assertPublicUrl, assertNotLinkLocal, BlockedAddressError, publicOnlyLookup } from "./ssrf.js";
var publicOnly = new Agent({ connect: { lookup: publicOnlyLookup } });
function fetchOptionsFor(policy, base) {
  const hosts = new Set(policy.allowedHosts.map((h) => h.toLowerCase()));
  return {
    userAgent: base.userAgent,
    limiter: base.limiter,
    limits: { requestsPerSecond: policy.requestsPerSecond, maxConcurrency: policy.maxConcurrency },
    // GOVWATCH_ALLOW_PRIVATE lifts the guard for every site; a site can lift it for itself.
    allowPrivateNetwork: policy.allowPrivateNetwork || base.allowPrivateNetwork,
    isAllowedHost: (host) => hosts.has(host.toLowerCase())
  };
}
var HttpStatusError = class extends Error {
  constructor(status, url, retryAfterMs, body) {
    super(`HTTP ${status} for ${url}`);
    this.status = status;
    this.url = url;
    this.retryAfterMs = retryAfterMs;
    this.body = body;
  }
  status;
  url;
  retryAfterMs;
  body;
  name = "HttpStatusError";
};
var TooLargeError = class extends Error {
  name = "TooLargeError";
};
var DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
async function readCapped(response, maxBytes, url) {
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new TooLargeError(`${url}: ${declared} bytes, over the ${maxBytes}-byte limit`);
  }
  const encoded = response.headers.get("content-encoding");
  const over = () => `${url}: over the ${maxBytes}-byte limit${encoded ? ` once decompressed (content-encoding ${encoded})` : ""}`;
  const chunks = [];
  let total = 0;
  const reader = response.body?.getReader();
  for (let part = await reader?.read(); reader && part && !part.done; part = await reader.read()) {
    total += part.value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => void 0);
      throw new TooLargeError(over());
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks, total);
}
var OffSiteError = class extends Error {
  name = "OffSiteError";
};
var RedirectError = class extends Error {
  name = "RedirectError";
};
var MAX_REDIRECTS = 5;
function isPermanentFetchError(err) {
  if (err instanceof HttpStatusError) return err.status < 500 && err.status !== 429;
  return err instanceof TooLargeError || err instanceof OffSiteError || err instanceof RedirectError || err instanceof BlockedAddressError;
}
var MAX_RETRY_AFTER_MS = 6e4;
async function prepareRetry(request, err) {
  if (isPermanentFetchError(err)) request.noRetry = true;
  else if (err instanceof HttpStatusError && err.retryAfterMs) await new Promise((r) => setTimeout(r, Math.min(err.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS)));
}
function parseRetryAfter(value, now = Date.now()) {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1e3;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
async function fetchPage(url, opts) {
  let current = new URL(url);
  const passed = /* @__PURE__ */ new Set();
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (passed.has(current.href)) throw new RedirectError(`redirect loop: ${url} comes back to ${current.href}`);
    passed.add(current.href);
    if (hop > 0) await assertNotLinkLocal(current);
    if (!opts.isAllowedHost(current.host)) throw new OffSiteError(`refused off-site URL ${current.href}`);
    if (!opts.allowPrivateNetwork) await assertPublicUrl(current);
    const headers = {
      "user-agent": opts.userAgent,
      accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
      "accept-language": "zh-CN,zh;q=0.9"
    };
    if (opts.conditional?.etag) headers["if-none-match"] = opts.conditional.etag;
    if (opts.conditional?.lastModified) headers["if-modified-since"] = opts.conditional.lastModified;
    if (opts.contentType) headers["content-type"] = opts.contentType;
    const target = current;
    const { response, body } = await opts.limiter.schedule(target.host, opts.limits, async () => {
      const res = await fetch(target, {
        method: opts.method ?? "GET",
        body: opts.body,
        headers,
        redirect: "manual",
        signal: AbortSignal.timeout(opts.timeoutMs ?? 3e4),
        dispatcher: opts.allowPrivateNetwork ? void 0 : publicOnly
      });
      return { response: res, body: await readCapped(res, opts.maxBytes ?? DEFAULT_MAX_BYTES, target.href) };
    });
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      current = new URL(location, current);
      continue;
    }
    if (response.status >= 400) {
      throw new HttpStatusError(response.status, current.href, parseRetryAfter(response.headers.get("retry-after")), body);
    }
    return { url: current.href, status: response.status, headers: response.headers, body };
  }
  throw new RedirectError(`more than ${MAX_REDIRECTS} redirects from ${url}`);
}
export {
  HttpStatusError,
  OffSiteError,
  RedirectError,
  TooLargeError,
  fetchOptionsFor,
  fetchPage,
  isPermanentFetchError,
  parseRetryAfter,
  prepareRetry
};
//# sourceMappingURL=fetch-page.js.map
