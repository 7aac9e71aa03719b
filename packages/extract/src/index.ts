export { MIN_PAGE_TEXT, textAttachmentOf, withAttachmentText } from './attachment-record.ts';
export { type AttachmentKind, type AttachmentText, attachmentKind, attachmentText } from './attachment-text.ts';
export { type Decoded, decodeHtml } from './decode.ts';
export {
  DocumentLink,
  type DocumentRead,
  documentRecord,
  documentReport,
  isDocumentBytes,
  isDocumentUrl,
  listDateOf,
  readDocument,
} from './document-record.ts';
export { extract, MAX_PAGE_BYTES } from './extract.ts';
export { contentHashOf, normalizeForHash } from './hash.ts';
export { binaryKind, claimsText, refusedPage } from './not-html.ts';
export * from './record.ts';
export { canonicalUrl } from './url.ts';
