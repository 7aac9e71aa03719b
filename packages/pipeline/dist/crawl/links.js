// src/crawl/links.ts
import { setImmediate as nextTurn } from "node:timers/promises";
import { Tokenizer } from "htmlparser2";
var PAGE_LIKE = /\.(s?html?|jhtml|jsp|php|aspx?)$|\/art_\d+|\/[^/.]*$/i;
var ATTACHMENT = /\.(pdf|docx?|wps|xlsx?|zip|rar|jpe?g|png|gif)$/i;
var NEXT_TEXT = /^(下一页|下页|后一页|尾页|末页|>|»|更多)$/;
var PAGED_INDEX = /\/index_\d+\.s?html?$/i;
var PAGE_COUNT_SCRIPTS = [
  /createPageHTML\(\s*['"]?(\d+)['"]?\s*,\s*['"]?\d+['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/,
  /\b(?:countPage|pageCount|totalPage)\s*=\s*['"]?(\d+)/
];
function pagedUrls(pageUrl, html) {
  for (const re of PAGE_COUNT_SCRIPTS) {
    const m = re.exec(html);
    if (!m?.[1]) continue;
    const total = Math.min(Number(m[1]), 500);
    const base = m[2] ?? "index";
    const ext = m[3] ?? (/\.(s?html?)$/i.exec(pageUrl.pathname)?.[1] ?? "html");
    const dir = new URL("./", pageUrl);
    const urls = [];
    for (let i = 0; i < total; i++) urls.push(new URL(i === 0 ? `${base}.${ext}` : `${base}_${i}.${ext}`, dir).href);
    return urls;
  }
  return [];
}
function isPaginationOf(candidate, page) {
  if (candidate.pathname === page.pathname && candidate.search !== page.search) {
    return /[?&](page|pageNo|pageIndex|pn|p|curpage)=\d+/i.test(candidate.search);
  }
  const sameDir = candidate.pathname.replace(/[^/]*$/, "") === page.pathname.replace(/[^/]*$/, "");
  return sameDir && PAGED_INDEX.test(candidate.pathname);
}
var ENDS_LINK = /* @__PURE__ */ new Set([
  "a",
  "li",
  "ul",
  "ol",
  "dl",
  "dd",
  "dt",
  "td",
  "th",
  "tr",
  "tbody",
  "table",
  "p",
  "div",
  "section",
  "article",
  "body",
  "html"
]);
var MAX_TEXT_CHARS = 2e3;
var CHUNK_CHARS = 256 * 1024;
function linkScanner(html) {
  const links = [];
  let base;
  let open = null;
  let tag = "";
  let attrs = {};
  let attrName = "";
  let attrValue = "";
  const close = () => {
    if (open) links.push(open);
    open = null;
  };
  const addText = (text) => {
    if (open && open.text.length < MAX_TEXT_CHARS) open.text += text;
  };
  const tagEnd = () => {
    if (tag === "a" && attrs.href !== void 0) open = { href: attrs.href, title: attrs.title, text: "" };
    else if (tag === "base" && attrs.href !== void 0) base ??= attrs.href;
  };
  const callbacks = {
    onopentagname(start, end) {
      tag = html.slice(start, end).toLowerCase();
      attrs = {};
      if (ENDS_LINK.has(tag)) close();
    },
    onattribname(start, end) {
      attrName = html.slice(start, end).toLowerCase();
      attrValue = "";
    },
    onattribdata(start, end) {
      attrValue += html.slice(start, end);
    },
    onattribentity(codepoint) {
      attrValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if ((attrName === "href" || attrName === "title") && attrs[attrName] === void 0) attrs[attrName] = attrValue;
    },
    onopentagend: tagEnd,
    onselfclosingtag: tagEnd,
    onclosetag(start, end) {
      if (ENDS_LINK.has(html.slice(start, end).toLowerCase())) close();
    },
    ontext(start, end) {
      if (open) addText(html.slice(start, Math.min(end, start + MAX_TEXT_CHARS)));
    },
    ontextentity(codepoint) {
      addText(String.fromCodePoint(codepoint));
    },
    oncdata() {
    },
    oncomment() {
    },
    ondeclaration() {
    },
    onprocessinginstruction() {
    },
    onend: close
  };
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, callbacks);
  return {
    write: (from, to) => tokenizer.write(html.slice(from, to)),
    end() {
      tokenizer.end();
      return { links, base };
    }
  };
}
function classify(html, pageUrl, rules, scanned) {
  const page = new URL(pageUrl);
  let base;
  try {
    base = new URL(scanned.base?.trim() || pageUrl, pageUrl);
  } catch {
    base = page;
  }
  const reports = /* @__PURE__ */ new Map();
  const lists = new Set(pagedUrls(page, html));
  for (const link of scanned.links) {
    const href = link.href.trim();
    if (!href || /^(javascript|mailto|tel):/i.test(href) || href.startsWith("#")) continue;
    let url;
    try {
      url = new URL(href, base);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(url.protocol)) continue;
    url.hash = "";
    const text = (link.title || link.text).replace(/\s+/g, " ").trim();
    const abs = url.href;
    if (rules.listLinkPattern?.test(abs) || NEXT_TEXT.test(text) || isPaginationOf(url, page)) {
      lists.add(abs);
      continue;
    }
    if (ATTACHMENT.test(url.pathname)) continue;
    const byPattern = rules.reportLinkPattern?.test(abs) ?? false;
    const byTitle = PAGE_LIKE.test(url.pathname) && rules.titleKeywords.some((k) => text.includes(k));
    if (byPattern || byTitle) {
      if (!reports.has(abs) || text.length > (reports.get(abs)?.length ?? 0)) reports.set(abs, text);
    }
  }
  lists.delete(page.href);
  return { reports: [...reports].map(([url, title]) => ({ url, title })), lists: [...lists] };
}
function discoverLinks(html, pageUrl, rules) {
  const scanner = linkScanner(html);
  scanner.write(0, html.length);
  return classify(html, pageUrl, rules, scanner.end());
}
async function discoverLinksYielding(html, pageUrl, rules) {
  const scanner = linkScanner(html);
  for (let from = 0; from < html.length; from += CHUNK_CHARS) {
    scanner.write(from, Math.min(html.length, from + CHUNK_CHARS));
    if (from + CHUNK_CHARS < html.length) await nextTurn();
  }
  return classify(html, pageUrl, rules, scanner.end());
}
export {
  discoverLinks,
  discoverLinksYielding
};
//# sourceMappingURL=links.js.map
