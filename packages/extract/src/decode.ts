// Charset decoding: bytes → string. Government sites mix UTF-8 and the GB family, often declare
// one in the header and another in a <meta>, and sometimes declare one and send the other.
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { html: string; encoding: string };

// Only this much of the head is scanned for <meta charset>; browsers use 1024 bytes, CMS
// templates with long comment banners push the tag further, so be generous but bounded.
const META_SCAN_BYTES = 8192;
// chardet is statistical; a sample this size is as good as the whole page and keeps 20 MB fast.
const DETECT_SAMPLE_BYTES = 64 * 1024;
const CHARDET_SAMPLE_BYTES = 4096;

/** Canonical name of a charset label, or null when iconv-lite cannot decode it. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (l === '') return null;
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  // GB2312 pages routinely contain GBK-only characters (人名, 生僻字): decode the whole family as
  // GB18030, a strict superset, but report what the family is.
  if (
    ['gb2312', 'gbk', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'euc-cn', 'csgb2312', 'gb_2312-80', 'chinese'].includes(
      l,
    )
  )
    return 'gbk';
  if (l === 'gb18030') return 'gb18030';
  if (l === 'big5' || l === 'big5-hkscs' || l === 'x-x-big5') return 'big5';
  if (l === 'utf-16' || l === 'utf-16le') return 'utf-16le';
  if (l === 'utf-16be') return 'utf-16be';
  if (l === 'ascii' || l === 'us-ascii') return 'windows-1252';
  return iconv.encodingExists(l) ? l : null;
}

function iconvName(charset: string): string {
  return charset === 'gbk' ? 'gb18030' : charset;
}

/** charset=… from a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1] ?? null;
}

/** <meta charset> or <meta http-equiv="Content-Type" content="…charset=…"> in the first bytes. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  // latin1 maps bytes 1:1, so ASCII markup is readable whatever the real charset is.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, META_SCAN_BYTES)).toString(
    'latin1',
  );
  const re = /<meta\b[^>]*>/gi;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33)
    return { charset: 'gb18030', skip: 4 };
  return null;
}

// Native decoders (ICU) are 4–5× faster than iconv-lite's JS tables for the encodings we meet
// most; iconv-lite covers every other label and builds without full ICU.
function nativeDecoder(label: string, fatal: boolean): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return null;
  }
}
const strictUtf8 = nativeDecoder('utf-8', true) as TextDecoder;
const strictGb18030 = nativeDecoder('gb18030', true);
const NATIVE: Record<string, TextDecoder | null> = {
  'utf-8': nativeDecoder('utf-8', false),
  gbk: nativeDecoder('gb18030', false),
  gb18030: nativeDecoder('gb18030', false),
};

/** The bytes as UTF-8, or null when they are not well-formed UTF-8. */
function strictUtf8Decode(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function isValidGb18030(bytes: Uint8Array): boolean {
  if (!strictGb18030) return false;
  try {
    strictGb18030.decode(bytes.subarray(0, DETECT_SAMPLE_BYTES));
    return true;
  } catch {
    return false;
  }
}

function decodeAs(buf: Buffer, charset: string): string {
  const native = NATIVE[charset];
  return native ? native.decode(buf) : iconv.decode(buf, iconvName(charset));
}

function hasHighBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, DETECT_SAMPLE_BYTES);
  for (let i = 0; i < n; i++) if ((bytes[i] as number) >= 0x80) return true;
  return false;
}

/**
 * Charset of bytes that are not UTF-8. Mainland government pages that are not UTF-8 are GB
 * family, and a page that decodes as strict GB18030 is taken as such: chardet costs about
 * 1 ms per KB (it runs every recognizer), 100× the validity check, so it only decides pages
 * that are neither (Big5, Shift_JIS, …), on a sample from the first non-ASCII byte.
 */
function detectNonUtf8(bytes: Uint8Array): string {
  if (isValidGb18030(bytes)) return 'gbk';
  let first = 0;
  while (first < bytes.byteLength && (bytes[first] as number) < 0x80) first++;
  const sample = bytes.subarray(first, first + CHARDET_SAMPLE_BYTES);
  for (const match of analyse(sample)) {
    const name = normalizeCharset(match.name);
    // Single-byte western guesses are what chardet says for GBK it cannot place: ignore them.
    if (name && name !== 'utf-8' && !/^(iso-8859|windows-125)/.test(name)) return name;
  }
  return 'gbk';
}

/**
 * Decode a page. Precedence: site override > BOM > HTTP header > <meta> > detection, but a
 * declaration the bytes contradict is not believed: a page declared UTF-8 that is not valid
 * UTF-8 is detected instead, and a page declared GBK/western that is valid multi-byte UTF-8 is
 * UTF-8 (valid UTF-8 by accident is vanishingly rare for real Chinese text).
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null, override?: string | null): Decoded {
  if (bytes.byteLength === 0) return { html: '', encoding: 'utf-8' };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  const forced = normalizeCharset(override);
  if (forced) return { html: stripBom(decodeAs(buf, forced)), encoding: forced };

  const bom = bomCharset(bytes);
  if (bom) return { html: decodeAs(buf.subarray(bom.skip), bom.charset), encoding: bom.charset };

  const declared = normalizeCharset(charsetFromContentType(contentType)) ?? normalizeCharset(charsetFromMeta(bytes));
  const utf16 = declared === 'utf-16le' || declared === 'utf-16be';
  // A <meta> that says UTF-16 in an ASCII-readable document is always wrong (HTML spec says so too).
  const effective = utf16 ? null : declared;

  if (!hasHighBytes(bytes)) {
    const encoding = effective ?? 'utf-8';
    return { html: stripBom(decodeAs(buf, encoding)), encoding };
  }
  // Valid multi-byte UTF-8 wins over any declaration (decoded once, kept).
  const asUtf8 = strictUtf8Decode(bytes);
  if (asUtf8 !== null) return { html: stripBom(asUtf8), encoding: 'utf-8' };
  const encoding =
    effective && effective !== 'utf-8' && !/^(iso-8859|windows-125)/.test(effective) ? effective : detectNonUtf8(bytes);
  return { html: stripBom(decodeAs(buf, encoding)), encoding };
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
