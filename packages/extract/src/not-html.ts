// Bytes that are no page at all, whatever the response said they were: a PNG or a ZIP served as
// text/html by a misconfigured server must be recorded as a failed page with that reason, never
// decoded as text and stored.
/** Pages above this size are not report pages (the largest real ones are ~2 MB with inline
 * images); refusing them bounds time and memory for hostile or broken responses. */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

// File signatures of things that are not HTML but arrive as pages (PDF, ZIP/DOCX, OLE/DOC,
// images): no charset decoding can make them text.
const MAGIC: Array<[string, number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP/DOCX', [0x50, 0x4b, 0x03, 0x04]],
  ['OLE/DOC', [0xd0, 0xcf, 0x11, 0xe0]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GZIP', [0x1f, 0x8b]],
];

/** What binary data the bytes are (a file signature, or 'binary' for NULs and control bytes), or null for text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) if (sig.every((b, i) => bytes[i] === b)) return name;
  // UTF-16 pages carry a BOM; NULs without one mean binary data.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const n = Math.min(bytes.byteLength, 4096);
  let nul = 0;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) nul++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20)) ctrl++;
  }
  return nul > 0 || ctrl > n * 0.1 ? 'binary' : null;
}

/** Whether a Content-Type claims a page of text (none at all counts: the body is taken for HTML). */
export function claimsText(contentType: string | null | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' || type === 'text/html' || type === 'application/xhtml+xml' || type === 'text/plain';
}

/**
 * Why a response that claims to be a page cannot be one, or null: binary content served as HTML,
 * or a body over MAX_PAGE_BYTES. (A PDF served as application/pdf is no such lie: the extractor
 * records it as a page that is not a report.)
 */
export function refusedPage(bytes: Uint8Array, contentType: string | null | undefined): string | null {
  if (bytes.byteLength > MAX_PAGE_BYTES) return `page too large: ${bytes.byteLength} bytes > ${MAX_PAGE_BYTES}`;
  if (!claimsText(contentType)) return null;
  const kind = binaryKind(bytes);
  return kind ? `binary content (${kind}) served as ${contentType || 'a page without a Content-Type'}` : null;
}
