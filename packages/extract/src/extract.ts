// bytes → record: decode → parse once → render lines → choose content → strip chrome →
// metadata → outline → classify. Pure: no I/O, no clock, no randomness.
import { parseDocument } from 'htmlparser2';
import { attachmentsOf } from './attachments.ts';
import { stripChrome } from './chrome.ts';
import { classify } from './classify.ts';
import { chooseContent } from './content.ts';
import { decodeHtml } from './decode.ts';
import { expandDocumentWrite } from './document-write.ts';
import type { DomNode } from './dom.ts';
import { contentHashOf } from './hash.ts';
import {
  agencyFromTitle,
  dateFromUrl,
  looksLikeAgency,
  normalizeDate,
  parseSignature,
  parseTitleBlock,
  reportYearOf,
  structuredDate,
  timeElementDate,
} from './metadata.ts';
import { binaryKind, MAX_PAGE_BYTES } from './not-html.ts';
import { outlineOf } from './outline.ts';
import type { ExtractedRecord, ExtractInput, PageKind } from './record.ts';
import { type Line, render } from './render.ts';
import { chooseTitle } from './title.ts';
import { canonicalUrl } from './url.ts';

export { MAX_PAGE_BYTES };

const DEFAULT_KEYWORDS = ['法治政府建设'];
const ARTICLE_KINDS = new Set<PageKind>(['report', 'article']);

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
    const value = (a.content ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
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

  const keywords = input.titleKeywords?.length ? input.titleKeywords : DEFAULT_KEYWORDS;
  const { title, fromBody: titleFromBody, siteNameOnly } = chooseTitle(r, meta, content.start, keywords);

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
    block = {
      date: block.date ?? whole.date,
      source: block.source ?? whole.source,
      labelled: block.labelled || whole.labelled,
    };
  }
  const signature = parseSignature(bodyText);
  const fieldReasons: string[] = [];
  const metaDate =
    normalizeDate(meta.get('pubdate') ?? meta.get('publishdate') ?? meta.get('firstpublishedtime')) ??
    structuredDate(meta, r.jsonLd);
  let publishedAt = metaDate ?? block.date ?? timeElementDate(r.times, content.start) ?? signature.date;
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
    titleIsSiteName: siteNameOnly,
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
    if (verdict.pageKind === 'list')
      return {
        ...emptyRecord(url, 'list', reasons),
        title,
        publishedAt: metaDate,
        source: meta.get('contentsource')?.trim() || null,
      };
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
