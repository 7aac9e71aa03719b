// Text of a report published as an attachment (the page body is only a link to it): PDF through
// pdf.js (unpdf's Node build: no native binary, no worker thread), DOCX through mammoth. Pure like
// the rest of the package: bytes in, text out, no I/O. The text reads like a page's: one
// paragraph a line, whitespace runs collapsed, indentation trimmed, full-width punctuation kept.
import { getDocumentProxy } from 'unpdf';
import { normalizeLine } from './render.ts';

export type AttachmentKind = 'pdf' | 'docx';
export type AttachmentText = { text: string; kind: AttachmentKind };

/** Pages read from one PDF: a report is a few dozen; a huge file is not a report body. */
export const MAX_PDF_PAGES = 300;
/** Characters kept from one attachment (a long report is ~50,000). */
export const MAX_ATTACHMENT_CHARS = 2_000_000;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

function extensionOf(nameOrUrl: string): string {
  let path = nameOrUrl;
  try {
    path = new URL(nameOrUrl).pathname;
  } catch {
    // a file name, not a URL
  }
  const m = /\.([a-z0-9]{1,5})$/i.exec(path.trim());
  return m ? (m[1] as string).toLowerCase() : '';
}

/**
 * What the bytes are: the file signature decides (sites serve PDFs as .doc and DOCX as
 * application/octet-stream), the name only breaks ties. A ZIP is taken for DOCX only when it
 * holds word/document.xml (XLSX and OFD are ZIPs too). OLE .doc, WPS and the rest: null.
 */
export function attachmentKind(bytes: Uint8Array, nameOrUrl: string): AttachmentKind | null {
  // Some servers put a few bytes (BOM, whitespace) before %PDF-; pdf.js reads those files.
  const head = Math.min(bytes.byteLength - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= head; i++) if (bytes[i] === 0x25 && startsWith(bytes, PDF_MAGIC, i)) return 'pdf';
  if (startsWith(bytes, ZIP_MAGIC)) {
    // Local file headers carry the entry names in clear; look for the main document part.
    const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20)).toString('latin1');
    if (sample.includes('word/document.xml')) return 'docx';
    return extensionOf(nameOrUrl) === 'docx' ? 'docx' : null;
  }
  return null;
}

/** The attachment's text, or null when it is neither PDF nor DOCX. Throws on a corrupt file. */
export async function attachmentText(bytes: Uint8Array, nameOrUrl: string): Promise<AttachmentText | null> {
  const kind = attachmentKind(bytes, nameOrUrl);
  if (kind === null) return null;
  const paragraphs = kind === 'pdf' ? await pdfParagraphs(bytes) : await docxParagraphs(bytes);
  return { text: joinParagraphs(paragraphs), kind };
}

function joinParagraphs(paragraphs: string[]): string {
  const out: string[] = [];
  let chars = 0;
  for (const p of paragraphs) {
    const line = normalizeLine(p);
    if (line === '') continue;
    if (chars + line.length > MAX_ATTACHMENT_CHARS) break;
    out.push(line);
    chars += line.length + 1;
  }
  return out.join('\n');
}

// ---- DOCX ----------------------------------------------------------------------------------

async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  // Loaded on first use: mammoth takes ~200 ms to import, and most pages have no attachment.
  const { default: mammoth } = await import('mammoth');
  // mammoth separates paragraphs with a blank line; a soft line break inside one is a "\n".
  const { value } = await mammoth.extractRawText({
    buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  });
  return value.split(/\n/);
}

// ---- PDF -----------------------------------------------------------------------------------

/** The pdf.js text item fields used here (TextMarkedContent items have no `str`). */
type PdfItem = { str?: string; transform?: number[]; width?: number; height?: number; hasEOL?: boolean };

/** One visual line of a page: its text and horizontal extent. */
type PdfLine = { text: string; left: number; right: number; size: number };

// A page number alone on a line: "1", "- 1 -", "— 2 —", "第 3 页", "第3页 共10页", "3/10".
const PAGE_NUMBER =
  /^(?:[-—－–~\s]*\d{1,4}[-—－–~\s]*|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
// Ends a sentence: a line ending so and flush with the margin may still end its paragraph.
const SENTENCE_END = /[。！？；：.!?;:”」』）)]$/;
const ASCII_WORD_END = /[A-Za-z0-9,.]$/;
const ASCII_WORD_START = /^[A-Za-z0-9(]/;

async function pdfParagraphs(bytes: Uint8Array): Promise<string[]> {
  // A copy: pdf.js may take ownership of (detach) the buffer it is given.
  const doc = await getDocumentProxy(new Uint8Array(bytes), {
    // No font programs are evaluated as code (CVE-2024-4367 class of bugs); text needs none.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const paragraphs: string[] = [];
    let open: PdfLine | null = null; // the paragraph being built, as its last line
    let openText = '';
    const close = () => {
      if (open) paragraphs.push(openText);
      open = null;
      openText = '';
    };
    const pages = Math.min(doc.numPages, MAX_PDF_PAGES);
    for (let p = 1; p <= pages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const lines = pageLines(content.items as PdfItem[]).filter((l) => !PAGE_NUMBER.test(l.text.trim()));
      page.cleanup();
      if (lines.length === 0) continue;
      // The text block's margins: the leftmost start and the rightmost end of the page's lines.
      const left = Math.min(...lines.map((l) => l.left));
      const right = Math.max(...lines.map((l) => l.right));
      const indents = lines.some((l) => l.left > left + l.size * 0.8 || /^[\s\u3000]/.test(l.text));
      for (const line of lines) {
        const text = line.text.trim();
        if (text === '') continue;
        const prev = open as PdfLine | null;
        const continues =
          prev !== null &&
          prev.right >= right - prev.size * 1.5 && // the previous line ran to the right margin…
          line.left <= left + line.size * 0.8 && // …this one starts at the left margin, unindented…
          !/^[\s\u3000]/.test(line.text) &&
          !(SENTENCE_END.test(openText) && !indents); // …and, without indents, no full stop between.
        if (!continues) close();
        const glue = openText && ASCII_WORD_END.test(openText) && ASCII_WORD_START.test(text) ? ' ' : '';
        openText += glue + text;
        open = line;
      }
    }
    close();
    return paragraphs;
  } finally {
    await doc.destroy();
  }
}

/** Text items grouped into visual lines (pdf.js marks the last item of a line with hasEOL). */
function pageLines(items: PdfItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let cur: PdfLine | null = null;
  let lastY: number | null = null;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const t = item.transform ?? [1, 0, 0, 1, 0, 0];
    const x = t[4] ?? 0;
    const y = t[5] ?? 0;
    const size = Math.abs(t[3] ?? 0) || Math.abs(t[0] ?? 0) || item.height || 10;
    // A jump in the baseline starts a new line even without hasEOL on the item before.
    if (cur && lastY !== null && Math.abs(y - lastY) > size * 0.5 && item.str.trim() !== '') {
      lines.push(cur);
      cur = null;
    }
    if (item.str !== '') {
      if (!cur) cur = { text: '', left: x, right: x, size };
      cur.text += item.str;
      if (item.str.trim() !== '') {
        cur.left = Math.min(cur.left, x);
        cur.right = Math.max(cur.right, x + (item.width ?? 0));
        cur.size = Math.max(cur.size, size);
      }
      lastY = y;
    }
    if (item.hasEOL && cur) {
      lines.push(cur);
      cur = null;
    }
  }
  if (cur) lines.push(cur);
  return lines;
}
