// Content hash for deduplication: two copies of one report that differ only in spacing,
// full-/half-width forms or invisible characters must hash the same.
import { createHash } from 'node:crypto';

// Zero-width characters and BOMs that editors leave in pasted text.
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u00ad]/g;

/** NFKC (full-width → half-width, compatibility forms) and every kind of whitespace removed. */
export function normalizeForHash(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, '');
}

/** sha256 hex of the normalized text. */
export function contentHashOf(text: string): string {
  return createHash('sha256').update(normalizeForHash(text), 'utf8').digest('hex');
}
