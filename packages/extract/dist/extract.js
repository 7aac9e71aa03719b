// src/extract.ts
import { parseDocument } from "htmlparser2";
import { attachmentsOf } from "./attachments.js";
import { stripChrome } from "./chrome.js";
import { classify } from "./classify.js";
import { chooseContent } from "./content.js";
import { decodeHtml } from "./decode.js";
import { contentHashOf } from "./hash.js";
import {
  agencyFromTitle,
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
    const key = (a.name ?? a.property ?? a["http-equiv"] ?? "").trim().toLowerCase();
    const value = (a.content ?? "").replace(/\s+/g, " ").trim();
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
  const { html } = decodeHtml(bytes, input.contentType, input.encoding);
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
  const title = meta.get("articletitle")?.trim() || headingTitle(r.lines, r.headings, fromTag, content.start) || fromTag;
  const contentLines = r.lines.slice(content.start, content.end);
  const { body, head } = stripChrome(contentLines, title, dropped, content.start);
  const bodyText = body.map((l) => l.text);
  const text = bodyText.join("\n");
  const headLines = [...r.lines.slice(0, content.start), ...head].map((l) => l.text);
  const block = parseTitleBlock(headLines, headLines.slice(-6));
  const signature = parseSignature(bodyText);
  const publishedAt = normalizeDate(meta.get("pubdate") ?? meta.get("publishdate") ?? meta.get("firstpublishedtime")) ?? block.date ?? signature.date;
  const source = meta.get("contentsource")?.trim() || block.source;
  const agency = signature.agency ?? (title ? agencyFromTitle(title) : null) ?? (source && looksLikeAgency(source) ? source : null);
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
    titleKeywords: input.titleKeywords ?? DEFAULT_KEYWORDS
  });
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
    textSource: "page"
  };
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
