// src/crawl/links.ts
import * as cheerio from "cheerio";
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
function discoverLinks(html, pageUrl, rules) {
  const $ = cheerio.load(html);
  const base = new URL($("base[href]").attr("href") ?? pageUrl, pageUrl);
  const page = new URL(pageUrl);
  const reports = /* @__PURE__ */ new Map();
  const lists = new Set(pagedUrls(page, html));
  $("a[href]").each((_, el) => {
    const href = $(el).attr("href")?.trim();
    if (!href || /^(javascript|mailto|tel):/i.test(href) || href.startsWith("#")) return;
    let url;
    try {
      url = new URL(href, base);
    } catch {
      return;
    }
    if (!/^https?:$/.test(url.protocol)) return;
    url.hash = "";
    const text = ($(el).attr("title") || $(el).text()).replace(/\s+/g, " ").trim();
    const abs = url.href;
    if (rules.listLinkPattern?.test(abs) || NEXT_TEXT.test(text) || isPaginationOf(url, page)) {
      lists.add(abs);
      return;
    }
    if (ATTACHMENT.test(url.pathname)) return;
    const byPattern = rules.reportLinkPattern?.test(abs) ?? false;
    const byTitle = PAGE_LIKE.test(url.pathname) && rules.titleKeywords.some((k) => text.includes(k));
    if (byPattern || byTitle) {
      if (!reports.has(abs) || text.length > (reports.get(abs)?.length ?? 0)) reports.set(abs, text);
    }
  });
  lists.delete(page.href);
  return { reports: [...reports].map(([url, title]) => ({ url, title })), lists: [...lists] };
}
export {
  discoverLinks
};
//# sourceMappingURL=links.js.map
