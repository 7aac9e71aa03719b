// src/gzip.ts
import { gunzipSync, gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
var gzipBase64 = (bytes) => gzipSync(bytes).toString("base64");
var gunzip = (gz) => gunzipSync(gz);
var gunzipBase64 = (b64) => gunzip(Buffer.from(b64, "base64"));
var sha256Hex = (bytes) => createHash("sha256").update(bytes).digest("hex");
export {
  gunzip,
  gunzipBase64,
  gzipBase64,
  sha256Hex
};
//# sourceMappingURL=gzip.js.map
