// src/hash.ts
import { createHash } from "node:crypto";
var INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u00ad]/g;
function normalizeForHash(text) {
  return text.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/gu, "");
}
function contentHashOf(text) {
  return createHash("sha256").update(normalizeForHash(text), "utf8").digest("hex");
}
export {
  contentHashOf,
  normalizeForHash
};
//# sourceMappingURL=hash.js.map
