// src/render.ts
import { classAndId } from "./dom.js";
var SKIP = /* @__PURE__ */ new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "select",
  "option",
  "button",
  "textarea",
  "input",
  "title",
  "meta",
  "link",
  "base",
  "svg",
  "canvas",
  "audio",
  "video",
  "map",
  "head-script"
]);
var BLOCK = /* @__PURE__ */ new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "br",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "dir",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
  "summary"
]);
var CONTENT_MARKER = /(^|\s)(TRS_Editor|TRS_UEDITOR|trs_editor_view|trs_paper_default|UCAP-CONTENT|ucapcontent|pages_content|zoom|Zoom|fontzoom|zoomcon|ivs_content|article-content|article_content|articleContent|art_con|con_text|wzcon|detail-content|detail_content|xxgk_content|news_content|ewb-article-info|zw)(\s|$)/;
var CHROME_HINT = /(^|[\s_-])(share|bdshare|bdsharebuttonbox|fenxiang|qrcode|erweima|ewm|breadcrumbs?|crumbs?|position|location|weizhi|dqwz|footer|foot|copyright|banquan|related|xgwz|xglj|jiucuo|toolbar|print|dayin|fontsize|zihao|nav|navbar|menu|sidebar|pager|pagination|prev-next|sxp)([\s_-]|$)/i;
var TITLE_HINT = /(^|[\s_-])(title|bt|biaoti|article-title|detail-title|tit|con-title|xl-title)([\s_-]|$)/i;
var DOC_LINK = /\.(pdf|docx?|wps|xlsx?|et|ofd)(?:$|[?#])/i;
var SENTENCE_PUNCT = /* @__PURE__ */ new Set([65292, 12290, 65307, 65281, 65311, 44, 59, 33, 63]);
function countPunct(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (SENTENCE_PUNCT.has(text.charCodeAt(i))) n++;
  return n;
}
var WS = /[\s\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+/g;
function normalizeLine(text) {
  return text.replace(WS, " ").trim();
}
var SCRIPT_LIFTED = /(^|\s)(js_content|rich_media_content|rich_media_area_primary)(\s|$)/;
function isHidden(node) {
  const a = node.attribs;
  if (!a) return false;
  if (a.hidden !== void 0) return true;
  const style = a.style;
  if (!style) return false;
  if (/display\s*:\s*none/i.test(style)) return true;
  if (!/visibility\s*:\s*hidden|opacity\s*:\s*0(?![.\d])/i.test(style)) return false;
  const hint = classAndId(node);
  return !(hint && (SCRIPT_LIFTED.test(hint) || CONTENT_MARKER.test(hint)));
}
function isEmphasis(node) {
  const name = node.name ?? "";
  if (name === "b" || name === "strong") return true;
  const a = node.attribs;
  if (!a) return false;
  if (name === "font" && a.size && Number.parseInt(a.size.replace("+", ""), 10) >= 4) return true;
  if ((a.align ?? "").toLowerCase() === "center") return true;
  return !!a.style && /text-align\s*:\s*center|font-weight\s*:\s*(bold|[6-9]00)/i.test(a.style);
}
function isDocumentLink(href) {
  return DOC_LINK.test(href);
}
function render(root) {
  const lines = [];
  const ranges = /* @__PURE__ */ new Map();
  const contentMarkers = [];
  const commentMarkers = [];
  const chromeHints = [];
  const headings = [];
  const anchors = [];
  const metas = [];
  const emphasized = [];
  const times = [];
  const jsonLd = [];
  let titleText = null;
  let baseHref = null;
  let buf = "";
  let linkChars = 0;
  let linkDepth = 0;
  let docLink = false;
  let preDepth = 0;
  let openComment = null;
  const punctBefore = [0];
  const flush = () => {
    if (buf === "") return;
    const text = buf.replace(/ {2,}/g, " ").trim();
    if (text !== "") {
      const len = text.length;
      const nonLink = Math.max(0, len - linkChars);
      const punct = linkChars >= len ? 0 : countPunct(text);
      const weight = linkChars > len / 2 ? 0 : punct > 0 ? nonLink : nonLink * 0.1;
      lines.push({ text, linkChars: Math.min(linkChars, len), punct, weight, docLink });
      punctBefore.push(punctBefore[punctBefore.length - 1] + punct);
    }
    buf = "";
    linkChars = 0;
    docLink = false;
  };
  const appendText = (data) => {
    if (preDepth > 0 && data.includes("\n")) {
      const parts = data.split("\n");
      parts.forEach((part, i) => {
        if (i > 0) flush();
        appendText(part);
      });
      return;
    }
    const t = data.replace(WS, " ");
    if (t === "" || t === " " && buf === "") return;
    buf += t;
    if (linkDepth > 0) linkChars += t.replace(/ /g, "").length;
  };
  const stack = [{ node: root, exit: false, start: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop();
    const node = frame.node;
    if (frame.exit) {
      const name = node.name ?? "";
      if (BLOCK.has(name)) flush();
      if (name === "a") linkDepth--;
      if (name === "pre") preDepth--;
      const end = lines.length + (buf.trim() === "" ? 0 : 1);
      const hint = classAndId(node);
      if (end === frame.start && hint && CONTENT_MARKER.test(hint)) contentMarkers.push({ el: node, start: end, end });
      if (end > frame.start) {
        const range = { start: frame.start, end };
        ranges.set(node, range);
        if (hint) {
          if (CONTENT_MARKER.test(hint)) contentMarkers.push({ el: node, ...range });
          else if (CHROME_HINT.test(hint) && !isProse(punctBefore, range)) chromeHints.push({ el: node, ...range });
          if (TITLE_HINT.test(hint)) headings.push({ el: node, ...range });
        }
        if (name === "h1" || name === "h2" || name === "h3") headings.push({ el: node, ...range });
        else if (range.end - range.start <= 2 && isEmphasis(node)) emphasized.push({ el: node, ...range });
      }
      continue;
    }
    switch (node.type) {
      case "text":
        appendText(node.data ?? "");
        continue;
      case "comment": {
        const data = node.data ?? "";
        if (/ZJEG_RSS\.content\.begin|<\$\[信息内容\]>\s*begin/i.test(data)) {
          flush();
          openComment = lines.length;
        } else if (openComment !== null && /ZJEG_RSS\.content\.end|<\$\[信息内容\]>\s*end/i.test(data)) {
          flush();
          if (lines.length > openComment) commentMarkers.push({ start: openComment, end: lines.length });
          openComment = null;
        }
        continue;
      }
      case "root":
        break;
      case "tag":
      case "script":
      case "style": {
        const name = node.name ?? "";
        if (name === "meta" && node.attribs) metas.push(node.attribs);
        else if (name === "title" && titleText === null) titleText = anchorText(node);
        else if (name === "base" && baseHref === null) baseHref = node.attribs?.href ?? null;
        else if (name === "time" && node.attribs?.datetime) times.push({ datetime: node.attribs.datetime, line: lines.length });
        else if (name === "script" && /ld\+json/i.test(node.attribs?.type ?? "")) jsonLd.push(anchorText(node));
        if (SKIP.has(name) || isHidden(node)) continue;
        if (BLOCK.has(name)) flush();
        if (name === "a") {
          linkDepth++;
          const href = node.attribs?.href;
          if (href) {
            const isDoc = isDocumentLink(href);
            if (isDoc) docLink = true;
            anchors.push({ href, text: anchorText(node), line: lines.length });
          }
        }
        if (name === "pre") preDepth++;
        break;
      }
      default:
        continue;
    }
    stack.push({ node, exit: true, start: lines.length });
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exit: false, start: 0 });
  }
  flush();
  const prefix = new Float64Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) prefix[i + 1] = prefix[i] + lines[i].weight;
  return { lines, ranges, contentMarkers, commentMarkers, chromeHints, headings, anchors, metas, titleText: titleText ?? "", emphasized, times, jsonLd, baseHref, prefix };
}
function isProse(punctBefore, range) {
  const end = Math.min(range.end, punctBefore.length - 1);
  return punctBefore[end] - punctBefore[range.start] > 3;
}
function anchorText(a) {
  let out = "";
  const stack = [a];
  let budget = 2e3;
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop();
    if (n.type === "text") out += n.data ?? "";
    else if (n.children && (n === a || !SKIP.has(n.name ?? ""))) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  const t = normalizeLine(out);
  return t || (a.attribs?.title ?? "").trim();
}
function sumWeight(r, range) {
  return r.prefix[range.end] - r.prefix[range.start];
}
export {
  isDocumentLink,
  normalizeLine,
  render,
  sumWeight
};
//# sourceMappingURL=render.js.map
