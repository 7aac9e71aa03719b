// src/index.ts
export * from "./record.js";
import { extract, MAX_PAGE_BYTES } from "./extract.js";
import { decodeHtml } from "./decode.js";
import { contentHashOf, normalizeForHash } from "./hash.js";
import { canonicalUrl } from "./url.js";
import { attachmentKind, attachmentText } from "./attachment-text.js";
import { MIN_PAGE_TEXT, textAttachmentOf, withAttachmentText } from "./attachment-record.js";
export {
  MAX_PAGE_BYTES,
  MIN_PAGE_TEXT,
  attachmentKind,
  attachmentText,
  canonicalUrl,
  contentHashOf,
  decodeHtml,
  extract,
  normalizeForHash,
  textAttachmentOf,
  withAttachmentText
};
//# sourceMappingURL=index.js.map
