export * from './record.ts';
export { extract, MAX_PAGE_BYTES } from './extract.ts';
export { decodeHtml, type Decoded } from './decode.ts';
export { contentHashOf, normalizeForHash } from './hash.ts';
export { canonicalUrl } from './url.ts';
export { attachmentKind, attachmentText, type AttachmentKind, type AttachmentText } from './attachment-text.ts';
export { MIN_PAGE_TEXT, textAttachmentOf, withAttachmentText } from './attachment-record.ts';
