// bytes → record: decode → parse once → render lines → choose content → strip chrome →
// metadata → outline → classify. Pure: no I/O, no clock, no randomness.
import { parseDocument } from 'htmlparser2';
import { attachmentsOf } from './attachments.ts';
import { isStrictChrome, stripChrome } from './chrome.ts';
import { classify } from './classify.ts';
import { chooseContent } from './content.ts';
import { decodeHtml } from './decode.ts';
import { expandDocumentWrite } from './document-write.ts';
import type { DomNode } from './dom.ts';
import { contentHashOf } from './hash.ts';
import {
  agencyFromTitle,
  dateFromUrl,
  isSiteNameTitle,
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
    const key = (a.name ?? a.property ?? a.itemprop ?? a['http-equiv'] ?? '').trim().toLowerCase();
    // CMS templates sometimes put the editor's markup into the meta (<div>标题</div>).
    const value = (a.content ?? '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
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

  const html = expandDocumentWrite(decodeHtml(bytes, input.contentType, input.encoding).html);
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

  // Title: meta > title block heading > <title> minus suffix. A <title> that only names the
  // portal or column gives way to the strongest title in the body.
  const siteName = meta.get('sitename') ?? null;
  const fromTag = stripTitleSuffix(r.titleText, siteName);
  const tagIsSiteName = isSiteNameTitle(fromTag, siteName);
  const metaTitle = meta.get('articletitle')?.trim() || null;
  const bodyTitle = metaTitle ? null : tagIsSiteName ? bodyTitleOf(r, content.start) : headingTitle(r.lines, r.headings, fromTag, content.start);
  let title = metaTitle || bodyTitle || fromTag;
  let titleFromBody = !metaTitle && bodyTitle !== null && tagIsSiteName;
  // A <title> no heading confirms and that lacks the topic (a column name no list knows) does
  // not outrank an emphasised title in the body that names it.
  const keywords = input.titleKeywords?.length ? input.titleKeywords : DEFAULT_KEYWORDS;
  const hasKeyword = (t: string) => keywords.some((k) => t.includes(k));
  if (!metaTitle && !bodyTitle && fromTag && !tagIsSiteName && !hasKeyword(fromTag)) {
    const candidate = bodyTitleOf(r, content.start);
    if (candidate && hasKeyword(candidate)) {
      title = candidate;
      titleFromBody = true;
    }
  }

  const contentLines = r.lines.slice(content.start, content.end);
  const { body, head } = stripChrome(contentLines, title, dropped, content.start);
  const bodyText = body.map((l) => l.text);
  const text = bodyText.join('\n');

  const headLines = [...r.lines.slice(0, content.start), ...head].map((l) => l.text);
  let block = parseTitleBlock(headLines, headLines.slice(-6));
  // A body that is empty, filled by script or only an attachment link leaves the title block
  // wherever the template put it: read the labelled fields from the whole page (only labelled
  // ones: an unlabelled date there may be any list entry's).
  if (proseOf(body) < 100 && (!block.date || !block.source)) {
    const whole = parseTitleBlock(r.lines.slice(0, 200).map((l) => l.text));
    block = { date: block.date ?? whole.date, source: block.source ?? whole.source, labelled: block.labelled || whole.labelled };
  }
  const signature = parseSignature(bodyText);
  const fieldReasons: string[] = [];
  const metaDate = normalizeDate(meta.get('pubdate') ?? meta.get('publishdate') ?? meta.get('firstpublishedtime')) ?? structuredDate(meta, r.jsonLd);
  let publishedAt =
    metaDate ??
    block.date ??
    timeElementDate(r.times, content.start) ??
    signature.date;
  const source = meta.get('contentsource')?.trim() || block.source;
  const agency =
    signature.agency ?? (title ? agencyFromTitle(title) : null) ?? (source && looksLikeAgency(source) ? source : null);
  const sections = outlineOf(bodyText);
  const base = r.baseHref ?? url;
  const attachments = attachmentsOf(r.anchors, base, (line) => line >= content.start);

  let listEntries = 0;
  for (const l of r.lines) if (isListEntry(l)) listEntries++;
  // A list with summaries alternates link rows and short prose lines; an article's prose runs
  // in one block, with at most a box of links inside it or related links around it.
  const bodyListEntries = alternatingEntries(contentLines);
  const proseChars = proseOf(body);

  const verdict = classify({
    html,
    title,
    rawTitle: r.titleText,
    text,
    sections,
    hasSignature: signature.date !== null,
    attachments,
    listEntries,
    bodyListEntries,
    proseChars,
    titleIsSiteName: tagIsSiteName && !metaTitle && bodyTitle === null,
    // An article's title block carries its date (labelled, in meta tags or <time>); a column
    // page's dates are its rows'.
    hasDateline: metaDate !== null || block.labelled || r.times.some((t) => t.line <= content.start),
    titleKeywords: keywords,
  });

  // Pages that are not articles (challenges, 404s, deleted notices, list pages) have no body:
  // their visible text is a notice or a menu, and must not hash or outline as content.
  if (!ARTICLE_KINDS.has(verdict.pageKind)) {
    // Their metadata still counts: downstream users filter every page by date.
    const reasons = [`content: ${content.method}`, ...verdict.reasons];
    // A list page's dates are its entries' dates: only its own meta tags date it.
    if (verdict.pageKind === 'list') return { ...emptyRecord(url, 'list', reasons), title, publishedAt: metaDate, source: meta.get('contentsource')?.trim() || null };
    return { ...emptyRecord(url, verdict.pageKind, reasons), title, publishedAt, source: source ?? null };
  }
  // The URL's date only when the page shows none (TRS t20240322_, /art/2024/3/22/).
  if (!publishedAt) {
    publishedAt = dateFromUrl(url);
    if (publishedAt) fieldReasons.push('publishedAt: from the URL, the page shows no date');
  }
  if (titleFromBody) fieldReasons.push('title: from the body, <title> names only the site or a column');
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
    reasons: [`content: ${content.method}`, ...verdict.reasons, ...fieldReasons],
    textSource: 'page',
  };
}

function proseOf(body: Line[]): number {
  let n = 0;
  for (const l of body) if (l.punct > 0) n += l.text.length - l.linkChars;
  return n;
}

// Meta keys of Open Graph, article: and schema.org microdata dates.
const STRUCTURED_DATE_KEYS = ['article:published_time', 'og:published_time', 'og:release_date', 'og:article:published_time', 'datepublished', 'dc.date', 'dcterms.created'];

/** article:published_time / og: / itemprop metas, then JSON-LD datePublished. */
function structuredDate(meta: Map<string, string>, jsonLd: string[]): string | null {
  for (const k of STRUCTURED_DATE_KEYS) {
    const d = normalizeDate(meta.get(k));
    if (d) return d;
  }
  for (const j of jsonLd) {
    // A regex, not JSON.parse: CMS JSON-LD is often invalid (trailing commas, raw newlines).
    const m = /"datePublished"\s*:\s*"([^"]{8,40})"/.exec(j);
    const d = m ? normalizeDate(m[1]) : null;
    if (d) return d;
  }
  return null;
}

/** The `<time datetime>` of the title block: the last one above the body, else the first in it. */
function timeElementDate(times: Array<{ datetime: string; line: number }>, contentStart: number): string | null {
  let pick: string | null = null;
  for (const t of times) {
    if (t.line <= contentStart) pick = t.datetime;
    else if (pick === null) pick = t.datetime;
  }
  return normalizeDate(pick);
}

const TITLE_LABEL = /^(?:标\s*题|题\s*目|名\s*称|文章标题)\s*[:：]\s*(.*)$/;
const OUTLINE_MARK = /^([一二三四五六七八九十]{1,3}\s*、|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|\d{1,2}\s*[.．、](?!\d))/;
const DATE_IN_LINE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/;

/** A line that can be a page title: not chrome, not a sentence, not a date line. */
function titleLike(text: string): boolean {
  const len = text.replace(/\s/g, '').length;
  return len >= 6 && len <= 150 && !text.includes('。') && !isStrictChrome(text) && !DATE_IN_LINE.test(text) && !OUTLINE_MARK.test(text);
}

/**
 * When <title> only names the site: the strongest title candidate at or above the body's top —
 * a 标题： row, then a heading (h1–h3, title-classed element), then an emphasised (bold,
 * centred, large) element; the nearest to the body wins within a kind.
 */
function bodyTitleOf(r: ReturnType<typeof render>, contentStart: number): string | null {
  const limit = Math.min(r.lines.length, contentStart + 3);
  for (let i = 0; i < limit; i++) {
    const m = TITLE_LABEL.exec((r.lines[i] as Line).text);
    if (!m) continue;
    const value = (m[1] ?? '').trim() || (r.lines[i + 1]?.text ?? '').trim();
    if (titleLike(value)) return value;
  }
  const nearest = (ranges: { start: number; end: number }[]): string | null => {
    let above: { start: number; text: string } | null = null;
    let inside: { start: number; text: string } | null = null;
    for (const h of ranges) {
      if (h.start > contentStart + 2 || h.end - h.start > 3) continue;
      const text = r.lines.slice(h.start, h.end).map((l) => l.text).join('').trim();
      if (!titleLike(text) || (r.lines[h.start] as Line).linkChars > 0) continue;
      if (h.start < contentStart) {
        if (!above || h.start > above.start) above = { start: h.start, text };
      } else if (!inside || h.start < inside.start) inside = { start: h.start, text };
    }
    return (above ?? inside)?.text ?? null;
  };
  return nearest(r.headings) ?? nearest(r.emphasized) ?? lineOverDateline(r.lines, limit);
}

const DATELINE = /^(发布日期|发布时间|发文日期|更新时间|时间|日期|来源|信息来源|文章来源|作者|Release Date|Date|Source|Published)\s*[:：]/i;

/** Templates whose title carries no markup at all still put it right over the dateline. */
function lineOverDateline(lines: Line[], limit: number): string | null {
  for (let i = 1; i < limit; i++) {
    if (!DATELINE.test((lines[i] as Line).text)) continue;
    const above = lines[i - 1] as Line;
    if (above.linkChars === 0 && titleLike(above.text)) return above.text.trim();
  }
  return null;
}

/** Link rows that alternate with prose lines inside the content (entry, summary, entry, …). */
function alternatingEntries(lines: Line[]): number {
  let entries = 0;
  let prose = 0;
  let lastWasEntry = false;
  let alternations = 0;
  for (const l of lines) {
    if (isListEntry(l)) {
      entries++;
      lastWasEntry = true;
    } else if (l.punct > 0 && l.linkChars < l.text.length / 2) {
      prose++;
      if (lastWasEntry) alternations++;
      lastWasEntry = false;
    }
  }
  return alternations >= 5 && prose >= entries / 2 ? entries : 0;
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
