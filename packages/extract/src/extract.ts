// bytes → record: decode → parse once → render lines → choose content → strip chrome →
// metadata → outline → classify. Pure: no I/O, no clock, no randomness.
import { parseDocument } from 'htmlparser2';
import { attachmentsOf } from './attachments.ts';
import { stripChrome } from './chrome.ts';
import { classify } from './classify.ts';
import { chooseContent } from './content.ts';
import { decodeHtml } from './decode.ts';
import type { DomNode } from './dom.ts';
import { contentHashOf } from './hash.ts';
import {
  agencyFromTitle,
  looksLikeAgency,
  normalizeDate,
  parseSignature,
  parseTitleBlock,
  reportYearOf,
  stripTitleSuffix,
} from './metadata.ts';
import { outlineOf } from './outline.ts';
import type { ExtractedRecord, ExtractInput, PageKind } from './record.ts';
import { type Line, render } from './render.ts';
import { canonicalUrl } from './url.ts';

/** Pages above this size are not report pages (the largest real ones are ~2 MB with inline
 * images); refusing them bounds time and memory for hostile or broken responses. */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

const DEFAULT_KEYWORDS = ['法治政府建设'];
const ARTICLE_KINDS = new Set<PageKind>(['report', 'article']);

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

function binaryKind(bytes: Uint8Array): string | null {
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

function emptyRecord(url: string, pageKind: PageKind, reasons: string[]): ExtractedRecord {
  return {
    url,
    isReport: false,
    title: null,
    publishedAt: null,
    source: null,
    agency: null,
    reportYear: null,
    text: '',
    sections: [],
    attachments: [],
    contentHash: contentHashOf(''),
    pageKind,
    reasons,
    textSource: 'page',
  };
}

function metaMap(metas: Record<string, string>[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of metas) {
    const key = (a.name ?? a.property ?? a['http-equiv'] ?? '').trim().toLowerCase();
    const value = (a.content ?? '').replace(/\s+/g, ' ').trim();
    if (key && value && !m.has(key)) m.set(key, value);
  }
  return m;
}

export function extract(input: ExtractInput): ExtractedRecord {
  const { bytes } = input;
  if (!(bytes instanceof Uint8Array)) throw new TypeError('extract: input.bytes must be a Uint8Array');
  const url = canonicalUrl(input.url);

  if (bytes.byteLength === 0) return emptyRecord(url, 'empty', ['empty response body']);
  if (bytes.byteLength > MAX_PAGE_BYTES) {
    return emptyRecord(url, 'empty', [`page too large: ${bytes.byteLength} bytes > ${MAX_PAGE_BYTES}`]);
  }
  const binary = binaryKind(bytes);
  if (binary) return emptyRecord(url, 'empty', [`not HTML: ${binary} content`]);

  const { html } = decodeHtml(bytes, input.contentType, input.encoding);
  // htmlparser2 (cheerio's own parser) rather than parse5: several times faster, non-recursive,
  // lenient enough for CMS markup; the page is parsed exactly once, straight into domhandler
  // nodes (no cheerio wrapper: nothing here uses selectors).
  const root = parseDocument(html, { decodeEntities: true }) as unknown as DomNode;
  const r = render(root);
  const meta = metaMap(r.metas);

  const content = chooseContent(r, root);
  // Chrome-classed elements inside the content (share bars, QR boxes) are dropped. Ranges nest,
  // so a hint covering the whole content is the content itself or a wrapper of it: not chrome.
  const dropped = new Uint8Array(r.lines.length);
  for (const h of r.chromeHints) {
    if (h.start < content.start || h.end > content.end) continue;
    if (h.start === content.start && h.end === content.end) continue;
    dropped.fill(1, h.start, Math.min(h.end, r.lines.length));
  }

  // Title: meta > title block heading > <title> minus suffix.
  const siteName = meta.get('sitename') ?? null;
  const fromTag = stripTitleSuffix(r.titleText, siteName);
  const title = meta.get('articletitle')?.trim() || headingTitle(r.lines, r.headings, fromTag, content.start) || fromTag;

  const contentLines = r.lines.slice(content.start, content.end);
  const { body, head } = stripChrome(contentLines, title, dropped, content.start);
  const bodyText = body.map((l) => l.text);
  const text = bodyText.join('\n');

  const headLines = [...r.lines.slice(0, content.start), ...head].map((l) => l.text);
  const block = parseTitleBlock(headLines, headLines.slice(-6));
  const signature = parseSignature(bodyText);
  const publishedAt = normalizeDate(meta.get('pubdate') ?? meta.get('publishdate') ?? meta.get('firstpublishedtime')) ?? block.date ?? signature.date;
  const source = meta.get('contentsource')?.trim() || block.source;
  const agency =
    signature.agency ?? (title ? agencyFromTitle(title) : null) ?? (source && looksLikeAgency(source) ? source : null);
  const sections = outlineOf(bodyText);
  const base = r.baseHref ?? url;
  const attachments = attachmentsOf(r.anchors, base, (line) => line >= content.start);

  let listEntries = 0;
  for (const l of r.lines) if (isListEntry(l)) listEntries++;
  let proseChars = 0;
  for (const l of body) if (l.punct > 0) proseChars += l.text.length - l.linkChars;

  const verdict = classify({
    html,
    title,
    rawTitle: r.titleText,
    text,
    sections,
    hasSignature: signature.date !== null,
    attachments,
    listEntries,
    proseChars,
    titleKeywords: input.titleKeywords ?? DEFAULT_KEYWORDS,
  });

  // Pages that are not articles (challenges, 404s, deleted notices, list pages) have no body:
  // their visible text is a notice or a menu, and must not hash or outline as content.
  if (!ARTICLE_KINDS.has(verdict.pageKind)) {
    return { ...emptyRecord(url, verdict.pageKind, [`content: ${content.method}`, ...verdict.reasons]), title };
  }
  return {
    url,
    isReport: verdict.isReport,
    title,
    publishedAt,
    source: source ?? null,
    agency,
    reportYear: reportYearOf(title, bodyText[0] ?? null),
    text,
    sections,
    attachments,
    contentHash: contentHashOf(text),
    pageKind: verdict.pageKind,
    reasons: [`content: ${content.method}`, ...verdict.reasons],
    textSource: 'page',
  };
}

/** A list page's entry: mostly link text, long enough to be an article title. */
function isListEntry(l: Line): boolean {
  const len = l.text.replace(/ /g, '').length;
  return !l.docLink && len >= 8 && l.linkChars >= len * 0.6;
}

/** One title is the other, or a prefix of it long enough not to be just the site name. */
function agrees(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && short.length >= long.length * 0.6;
}

/**
 * The visible title of the title block: a heading before (or at the top of) the content that
 * agrees with the <title>, or, when <title> is generic, the nearest heading above the content.
 */
function headingTitle(lines: Line[], headings: { start: number; end: number }[], fromTag: string | null, contentStart: number): string | null {
  const norm = (s: string) => s.replace(/\s+/g, '');
  let nearest: string | null = null;
  for (const h of headings) {
    if (h.end - h.start > 3 || h.start > contentStart + 2) continue;
    const text = lines.slice(h.start, h.end).map((l) => l.text).join('');
    if (text.length < 5 || text.length > 150 || text.includes('。')) continue;
    if (fromTag && agrees(norm(text), norm(fromTag))) return text.trim();
    if (h.start <= contentStart) nearest = text.trim();
  }
  return fromTag ? null : nearest;
}
