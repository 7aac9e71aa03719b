// src/store/prepare.ts
import { canonicalUrl, gunzip, sha256Hex } from "@govwatch/core";
import { simhash } from "../simhash.js";
var StoreInputError = class extends Error {
  name = "StoreInputError";
};
function decodeSnapshot(job) {
  if (!job.bodyGzipBase64) return null;
  const gz = Buffer.from(job.bodyGzipBase64, "base64");
  let raw;
  try {
    raw = gunzip(gz);
  } catch (err) {
    throw new StoreInputError(`bodyGzipBase64 of ${job.fetchUrl} is not gzip: ${err.message}`);
  }
  const sha = sha256Hex(raw);
  if (sha !== job.rawSha256) {
    throw new StoreInputError(`rawSha256 of ${job.fetchUrl} does not match its body (${job.rawSha256} vs ${sha})`);
  }
  const bytes = new Uint8Array(new ArrayBuffer(gz.length));
  bytes.set(gz);
  return { gz: bytes, size: raw.length };
}
function safeCanonical(url) {
  try {
    return canonicalUrl(url);
  } catch {
    return null;
  }
}
function prepare(job) {
  const pageUrl = safeCanonical(job.fetchUrl);
  if (!pageUrl) throw new StoreInputError(`fetchUrl is not an absolute URL: ${job.fetchUrl}`);
  const urls = [pageUrl];
  if (job.kind === "record") {
    const own = safeCanonical(job.record.url);
    if (own && own !== pageUrl) urls.push(own);
  }
  const fetched = new Date(job.fetchedAt);
  return {
    job,
    pageUrl,
    urls,
    fetchedAt: Number.isNaN(fetched.getTime()) ? /* @__PURE__ */ new Date() : fetched,
    snapshot: decodeSnapshot(job),
    fingerprint: job.kind === "record" && job.record.isReport ? simhash(job.record.text) : null
  };
}
export {
  StoreInputError,
  prepare
};
//# sourceMappingURL=prepare.js.map
