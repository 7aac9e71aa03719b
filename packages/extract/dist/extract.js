// src/extract.ts
import { parseDocument } from "htmlparser2";
import { attachmentsOf } from "./attachments.js";
import { isStrictChrome, stripChrome } from "./chrome.js";
import { classify } from "./classify.js";
import { chooseContent } from "./content.js";
import { decodeHtml } from "./decode.js";
import { expandDocumentWrite } from "./document-write.js";
import { contentHashOf } from "./hash.js";
import {
  agencyFromTitle,
  dateFromUrl,
  isSiteNameTitle,
  looksLikeAgency,
  normalizeDate,
  parseSignature,
  parseTitleBlock,
  reportYearOf,
  stripTitleSuffix
} from "./metadata.js";
import { outlineOf } from "./outline.js";
import { render } from "./render.js";
import { canonicalUrl } from "./url.js";
var MAX_PAGE_BYTES = 16 * 1024 * 1024;
var DEFAULT_KEYWORDS = ["\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE"];
var ARTICLE_KINDS = /* @__PURE__ */ new Set(["report", "article"]);
var MAGIC = [
  ["PDF", [37, 80, 68, 70]],
  ["ZIP/DOCX", [80, 75, 3, 4]],
  ["OLE/DOC", [208, 207, 17, 224]],
  ["PNG", [137, 80, 78, 71]],
  ["GIF", [71, 73, 70, 56]],
  ["JPEG", [255, 216, 255]],
  ["GZIP", [31, 139]]
];
function binaryKind(bytes) {
  for (const [name, sig] of MAGIC) if (sig.every((b, i) => bytes[i] === b)) return name;
  if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255) return null;
  const n = Math.min(bytes.byteLength, 4096);
  let nul = 0;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    else if (b < 9 || b > 13 && b < 32) ctrl++;
  }
  return nul > 0 || ctrl > n * 0.1 ? "binary" : null;
}
function emptyRecord(url, pageKind, reasons) {
  return {
    url,
    isReport: false,
    title: null,
    publishedAt: null,
    source: null,
    agency: null,
    reportYear: null,
    text: "",
    sections: [],
    attachments: [],
    contentHash: contentHashOf(""),
    pageKind,
    reasons,
    textSource: "page"
  };
}
function metaMap(metas) {
  const m = /* @__PURE__ */ new Map();
  for (const a of metas) {
    const key = (a.name ?? a.property ?? a.itemprop ?? a["http-equiv"] ?? "").trim().toLowerCase();
    const value = (a.content ?? "").replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
    if (key && value && !m.has(key)) m.set(key, value);
  }
  return m;
}
function extract(input) {
  const { bytes } = input;
  if (!(bytes instanceof Uint8Array)) throw new TypeError("extract: input.bytes must be a Uint8Array");
  const url = canonicalUrl(input.url);
  if (bytes.byteLength === 0) return emptyRecord(url, "empty", ["empty response body"]);
  if (bytes.byteLength > MAX_PAGE_BYTES) {
    return emptyRecord(url, "empty", [`page too large: ${bytes.byteLength} bytes > ${MAX_PAGE_BYTES}`]);
  }
  const binary = binaryKind(bytes);
  if (binary) return emptyRecord(url, "empty", [`not HTML: ${binary} content`]);
  const html = expandDocumentWrite(decodeHtml(bytes, input.contentType, input.encoding).html);
  const root = parseDocument(html, { decodeEntities: true });
  const r = render(root);
  const meta = metaMap(r.metas);
  const content = chooseContent(r, root);
  const dropped = new Uint8Array(r.lines.length);
  for (const h of r.chromeHints) {
    if (h.start < content.start || h.end > content.end) continue;
    if (h.start === content.start && h.end === content.end) continue;
    dropped.fill(1, h.start, Math.min(h.end, r.lines.length));
  }
  const siteName = meta.get("sitename") ?? null;
  const fromTag = stripTitleSuffix(r.titleText, siteName);
  const tagIsSiteName = isSiteNameTitle(fromTag, siteName);
  const metaTitle = meta.get("articletitle")?.trim() || null;
  const bodyTitle = metaTitle ? null : tagIsSiteName ? bodyTitleOf(r, content.start) : headingTitle(r.lines, r.headings, fromTag, content.start);
  let title = metaTitle || bodyTitle || fromTag;
  let titleFromBody = !metaTitle && bodyTitle !== null && tagIsSiteName;
  const keywords = input.titleKeywords?.length ? input.titleKeywords : DEFAULT_KEYWORDS;
  const hasKeyword = (t) => keywords.some((k) => t.includes(k));
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
  const text = bodyText.join("\n");
  const headLines = [...r.lines.slice(0, content.start), ...head].map((l) => l.text);
  let block = parseTitleBlock(headLines, headLines.slice(-6));
  if (proseOf(body) < 100 && (!block.date || !block.source)) {
    const whole = parseTitleBlock(r.lines.slice(0, 200).map((l) => l.text));
    block = { date: block.date ?? whole.date, source: block.source ?? whole.source, labelled: block.labelled || whole.labelled };
  }
  const signature = parseSignature(bodyText);
  const fieldReasons = [];
  const metaDate = normalizeDate(meta.get("pubdate") ?? meta.get("publishdate") ?? meta.get("firstpublishedtime")) ?? structuredDate(meta, r.jsonLd);
  let publishedAt = metaDate ?? block.date ?? timeElementDate(r.times, content.start) ?? signature.date;
  const source = meta.get("contentsource")?.trim() || block.source;
  const agency = signature.agency ?? (title ? agencyFromTitle(title) : null) ?? (source && looksLikeAgency(source) ? source : null);
  const sections = outlineOf(bodyText);
  const base = r.baseHref ?? url;
  const attachments = attachmentsOf(r.anchors, base, (line) => line >= content.start);
  let listEntries = 0;
  for (const l of r.lines) if (isListEntry(l)) listEntries++;
  let bodyListEntries = 0;
  for (const l of body) if (isListEntry(l)) bodyListEntries++;
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
    titleKeywords: keywords
  });
  if (!ARTICLE_KINDS.has(verdict.pageKind)) {
    const reasons = [`content: ${content.method}`, ...verdict.reasons];
    if (verdict.pageKind === "list") return { ...emptyRecord(url, "list", reasons), title, publishedAt: metaDate, source: meta.get("contentsource")?.trim() || null };
    return { ...emptyRecord(url, verdict.pageKind, reasons), title, publishedAt, source: source ?? null };
  }
  if (!publishedAt) {
    publishedAt = dateFromUrl(url);
    if (publishedAt) fieldReasons.push("publishedAt: from the URL, the page shows no date");
  }
  if (titleFromBody) fieldReasons.push("title: from the body, <title> names only the site or a column");
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
    textSource: "page"
  };
}
function proseOf(body) {
  let n = 0;
  for (const l of body) if (l.punct > 0) n += l.text.length - l.linkChars;
  return n;
}
var STRUCTURED_DATE_KEYS = ["article:published_time", "og:published_time", "og:release_date", "og:article:published_time", "datepublished", "dc.date", "dcterms.created"];
function structuredDate(meta, jsonLd) {
  for (const k of STRUCTURED_DATE_KEYS) {
    const d = normalizeDate(meta.get(k));
    if (d) return d;
  }
  for (const j of jsonLd) {
    const m = /"datePublished"\s*:\s*"([^"]{8,40})"/.exec(j);
    const d = m ? normalizeDate(m[1]) : null;
    if (d) return d;
  }
  return null;
}
function timeElementDate(times, contentStart) {
  let pick = null;
  for (const t of times) {
    if (t.line <= contentStart) pick = t.datetime;
    else if (pick === null) pick = t.datetime;
  }
  return normalizeDate(pick);
}
var TITLE_LABEL = /^(?:标\s*题|题\s*目|名\s*称|文章标题)\s*[:：]\s*(.*)$/;
var OUTLINE_MARK = /^([一二三四五六七八九十]{1,3}\s*、|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|\d{1,2}\s*[.．、](?!\d))/;
var DATE_IN_LINE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/;
function titleLike(text) {
  const len = text.replace(/\s/g, "").length;
  return len >= 6 && len <= 150 && !text.includes("\u3002") && !isStrictChrome(text) && !DATE_IN_LINE.test(text) && !OUTLINE_MARK.test(text);
}
function bodyTitleOf(r, contentStart) {
  const limit = Math.min(r.lines.length, contentStart + 3);
  for (let i = 0; i < limit; i++) {
    const m = TITLE_LABEL.exec(r.lines[i].text);
    if (!m) continue;
    const value = (m[1] ?? "").trim() || (r.lines[i + 1]?.text ?? "").trim();
    if (titleLike(value)) return value;
  }
  const nearest = (ranges) => {
    let above = null;
    let inside = null;
    for (const h of ranges) {
      if (h.start > contentStart + 2 || h.end - h.start > 3) continue;
      const text = r.lines.slice(h.start, h.end).map((l) => l.text).join("").trim();
      if (!titleLike(text) || r.lines[h.start].linkChars > 0) continue;
      if (h.start < contentStart) {
        if (!above || h.start > above.start) above = { start: h.start, text };
      } else if (!inside || h.start < inside.start) inside = { start: h.start, text };
    }
    return (above ?? inside)?.text ?? null;
  };
  return nearest(r.headings) ?? nearest(r.emphasized) ?? lineOverDateline(r.lines, limit);
}
var DATELINE = /^(发布日期|发布时间|发文日期|更新时间|时间|日期|来源|信息来源|文章来源|作者|Release Date|Date|Source|Published)\s*[:：]/i;
function lineOverDateline(lines, limit) {
  for (let i = 1; i < limit; i++) {
    if (!DATELINE.test(lines[i].text)) continue;
    const above = lines[i - 1];
    if (above.linkChars === 0 && titleLike(above.text)) return above.text.trim();
  }
  return null;
}
function isListEntry(l) {
  const len = l.text.replace(/ /g, "").length;
  return !l.docLink && len >= 8 && l.linkChars >= len * 0.6;
}
function agrees(a, b) {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && short.length >= long.length * 0.6;
}
function headingTitle(lines, headings, fromTag, contentStart) {
  const norm = (s) => s.replace(/\s+/g, "");
  let nearest = null;
  for (const h of headings) {
    if (h.end - h.start > 3 || h.start > contentStart + 2) continue;
    const text = lines.slice(h.start, h.end).map((l) => l.text).join("");
    if (text.length < 5 || text.length > 150 || text.includes("\u3002")) continue;
    if (fromTag && agrees(norm(text), norm(fromTag))) return text.trim();
    if (h.start <= contentStart) nearest = text.trim();
  }
  return fromTag ? null : nearest;
}
export {
  MAX_PAGE_BYTES,
  extract
};
//# sourceMappingURL=extract.js.map
