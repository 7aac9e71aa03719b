export * from './record.ts';
export { extract, MAX_PAGE_BYTES } from './extract.ts';
export { decodeHtml, type Decoded } from './decode.ts';
export { contentHashOf, normalizeForHash } from './hash.ts';
export { canonicalUrl } from './url.ts';
