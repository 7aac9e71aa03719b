// src/sections.ts
import iconv from "iconv-lite";
import { MAX_VARIANTS, ORIGINAL_COUNT, originalReports, variantReport } from "./reports.js";
import { renderRobots, renderRss, renderSitemap } from "./templates/feeds.js";
import { renderGbkTable } from "./templates/gbk-table.js";
import { renderHanwebColumn } from "./templates/hanweb-list.js";
import { renderHanweb } from "./templates/hanweb.js";
import {
  renderCountPageList,
  renderHome,
  renderJsOnlyList,
  renderNextLinkList,
  renderQueryList,
  renderTrsList
} from "./templates/lists.js";
import { renderTrs } from "./templates/trs.js";
import { newsItem } from "./written.js";
var HTML_UTF8 = "text/html; charset=utf-8";
var HTML_NO_CHARSET = "text/html";
function compact(date) {
  return date.replace(/-/g, "");
}
function lastModifiedOf(date, time = "09:00") {
  return /* @__PURE__ */ new Date(`${date}T${time}:00+08:00`);
}
function renderArticle(template, page) {
  switch (template) {
    case "trs":
      return renderTrs(page);
    case "gbk-table":
      return renderGbkTable(page);
    case "hanweb":
      return renderHanweb(page);
  }
}
function assertGbk(html, where) {
  const back = iconv.decode(iconv.encode(html, "gbk"), "gbk");
  if (back === html) return;
  for (let i = 0; i < html.length; i++) {
    if (back[i] !== html[i]) throw new Error(`fixture-site: ${where} has a character GBK cannot encode: ${JSON.stringify(html.slice(i, i + 10))}`);
  }
}
var Builder = class {
  constructor(origin, firstFreeVariant) {
    this.origin = origin;
    this.nextVariant = firstFreeVariant;
  }
  origin;
  pages = /* @__PURE__ */ new Map();
  reports = [];
  nonReports = [];
  nextVariant;
  nextId = 1e4;
  id() {
    this.nextId += 1;
    return this.nextId;
  }
  variant() {
    if (this.nextVariant >= MAX_VARIANTS) throw new Error("fixture-site: reportCount too large");
    return variantReport(this.nextVariant++);
  }
  add(path, html, contentType, lastModified, encoding = "utf-8") {
    if (encoding === "gbk") assertGbk(html, path);
    this.pages.set(path, { html, encoding, contentType, lastModified });
  }
  /** Render an article at `path` (template forced for news) and record what a crawl should make of it. */
  article(siteId, path, a, column, template) {
    if (a.kind === "report") {
      const tpl2 = template ?? a.def.template;
      const encoding2 = tpl2 === "gbk-table" ? "gbk" : "utf-8";
      const d = encoding2 === "gbk" ? { ...a.def, paragraphs: a.def.paragraphs.map((p) => p.replace(/•/g, "\xB7")) } : a.def;
      const html2 = renderArticle(tpl2, {
        title: d.title,
        siteName: d.siteName,
        date: d.publishedAt,
        time: d.time,
        source: d.source,
        showDate: d.showDate,
        paragraphs: d.paragraphs,
        columnName: column.name,
        columnHref: column.href,
        paragraphStyle: d.paragraphStyle
      });
      this.add(path, html2, encoding2 === "gbk" ? HTML_NO_CHARSET : HTML_UTF8, lastModifiedOf(d.publishedAt, d.time), encoding2);
      this.reports.push({
        siteId,
        path,
        url: this.origin + path,
        title: d.title,
        publishedAt: d.publishedAt,
        reportYear: d.reportYear,
        agency: d.agency,
        source: d.source,
        template: tpl2,
        encoding: encoding2,
        text: d.paragraphs.join("\n")
      });
      return { href: path, title: d.title, date: d.publishedAt };
    }
    const tpl = template ?? "trs";
    const encoding = tpl === "gbk-table" ? "gbk" : "utf-8";
    const html = renderArticle(tpl, {
      title: a.title,
      siteName: "\u5E02\u516C\u5B89\u5C40",
      date: a.date,
      time: "10:00",
      source: "\u5E02\u516C\u5B89\u5C40",
      showDate: true,
      paragraphs: a.paragraphs,
      columnName: column.name,
      columnHref: column.href
    });
    this.add(path, html, encoding === "gbk" ? HTML_NO_CHARSET : HTML_UTF8, lastModifiedOf(a.date), encoding);
    this.nonReports.push({ siteId, path, url: this.origin + path, title: a.title });
    return { href: path, title: a.title, date: a.date };
  }
};
function byDateDesc(list) {
  return [...list].sort((a, b) => a.date < b.date ? 1 : a.date > b.date ? -1 : 0);
}
function articleDate(a) {
  return a.kind === "report" ? a.def.publishedAt : a.date;
}
function chunk(list, size) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}
function sectionNews(label, n) {
  return Array.from({ length: n }, (_, k) => ({
    kind: "news",
    title: `${label}\u53EC\u5F00\u7B2C${k + 1}\u6B21\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u5DE5\u4F5C\u4F8B\u4F1A`,
    date: `2024-0${k % 9 + 1}-1${k % 10}`,
    paragraphs: [`${label}\u53EC\u5F00\u7B2C${k + 1}\u6B21\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u5DE5\u4F5C\u4F8B\u4F1A\uFF0C\u7814\u7A76\u90E8\u7F72\u8FD1\u671F\u6CD5\u6CBB\u5EFA\u8BBE\u91CD\u70B9\u5DE5\u4F5C\u3002`, "\u4F1A\u8BAE\u8981\u6C42\uFF0C\u5404\u5355\u4F4D\u8981\u5BF9\u7167\u4EFB\u52A1\u6E05\u5355\uFF0C\u6293\u597D\u5DE5\u4F5C\u843D\u5B9E\u3002"]
  }));
}
var MAIN = "/gaxw/fzzfjs/";
function buildMain(b, o) {
  const siteId = "fixture-main";
  const column = { name: "\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE", href: `${MAIN}index.html` };
  const originals = originalReports();
  const defs = [];
  for (let i = 0; i < o.reportCount; i++) defs.push(i < ORIGINAL_COUNT ? originals[i] : variantReport(i - ORIGINAL_COUNT));
  const articles = [
    ...defs.map((def) => ({ kind: "report", def })),
    ...Array.from({ length: o.newsCount }, (_, k) => ({ kind: "news", ...newsItem(k) }))
  ];
  const entries = byDateDesc(articles.map((a) => ({ a, date: articleDate(a) })));
  const items = entries.map(({ a, date }) => {
    const item = b.article(siteId, `${MAIN}${compact(date).slice(0, 6)}/t${compact(date)}_${b.id()}.html`, a, column);
    return { ...item, href: `./${item.href.slice(MAIN.length)}` };
  });
  const privatePath = "/private/202403/t20240310_888888.html";
  const secret = variantReport(MAX_VARIANTS - 1);
  b.add(
    privatePath,
    renderTrs({ ...articleOf(secret), title: "\u5185\u90E8\u8D44\u6599\uFF1A2023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5\u62A5\u544A\uFF08\u5F81\u6C42\u610F\u89C1\u7A3F\uFF09", columnName: "\u5185\u90E8", columnHref: "/private/" }),
    HTML_UTF8,
    lastModifiedOf("2024-03-10")
  );
  const extras = [
    { href: "http://other.example.invalid/gaxw/fzzfjs/202403/t20240301_999999.html", title: "\u7701\u516C\u5B89\u53852023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5\u62A5\u544A", date: "2024-03-01" },
    { href: privatePath, title: "\u5185\u90E8\u8D44\u6599\uFF1A2023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5\u62A5\u544A\uFF08\u5F81\u6C42\u610F\u89C1\u7A3F\uFF09", date: "2024-03-10" }
  ];
  const pages = chunk(items, o.pageSize);
  pages.forEach((pageItems, i) => {
    const listed = i === 0 ? [...pageItems.slice(0, 2), extras[0], ...pageItems.slice(2, 4), extras[1], ...pageItems.slice(4)] : pageItems;
    const html = renderTrsList({ siteName: "\u5E02\u516C\u5B89\u5C40", columnName: column.name, items: listed, pageCount: pages.length, current: i });
    b.add(`${MAIN}index${i === 0 ? "" : `_${i}`}.html`, html, HTML_UTF8, lastModifiedOf(pageItems[0]?.date ?? "2024-01-01"));
  });
  return {
    id: siteId,
    name: "\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\uFF08TRS \u4E3B\u680F\u76EE\uFF09",
    startPaths: [`${MAIN}index.html`],
    reportLinkPattern: "/gaxw/fzzfjs/\\d{6}/t\\d{8}_\\d+\\.html$",
    listLinkPattern: "/gaxw/fzzfjs/index(_\\d+)?\\.html$",
    render: "http",
    maxPages: items.length + pages.length + 20,
    maxDepth: pages.length + 2
  };
}
function articleOf(d) {
  return {
    title: d.title,
    siteName: d.siteName,
    date: d.publishedAt,
    time: d.time,
    source: d.source,
    showDate: d.showDate,
    paragraphs: d.paragraphs,
    columnName: "",
    columnHref: "/"
  };
}
function sectionArticles(b, reports, news, label) {
  const list = [
    ...Array.from({ length: reports }, () => ({ kind: "report", def: b.variant() })),
    ...sectionNews(label, news)
  ];
  return byDateDesc(list.map((a) => ({ a, date: articleDate(a) }))).map((e) => e.a);
}
function buildNextLink(b) {
  const siteId = "fixture-nextlink";
  const base = "/xxgk/nextlink/";
  const column = { name: "\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u5E74\u5EA6\u62A5\u544A", href: `${base}index.html` };
  const items = sectionArticles(b, 5, 1, "\u533A\u53F8\u6CD5\u5C40").map((a) => b.article(siteId, `${base}content/post_${b.id()}.html`, a, column, "gbk-table"));
  const pages = chunk(items, 2);
  const url = (i) => `${base}${i === 0 ? "index" : `list_${i + 1}`}.html`;
  pages.forEach((list, i) => {
    const html = renderNextLinkList({
      siteName: "\u533A\u4EBA\u6C11\u653F\u5E9C",
      columnName: column.name,
      items: list,
      prev: i > 0 ? url(i - 1) : void 0,
      next: i < pages.length - 1 ? url(i + 1) : void 0
    });
    b.add(url(i), html, HTML_UTF8, lastModifiedOf(list[0]?.date ?? "2024-01-01"));
  });
  return {
    id: siteId,
    name: "\u4E0B\u4E00\u9875\u5206\u9875\u680F\u76EE",
    startPaths: [url(0)],
    reportLinkPattern: "/xxgk/nextlink/content/post_\\d+\\.html$",
    listLinkPattern: "/xxgk/nextlink/(index|list_\\d+)\\.html$",
    render: "http",
    maxPages: 40,
    maxDepth: 8
  };
}
function buildQuery(b) {
  const siteId = "fixture-query";
  const base = "/xxgk/query/";
  const column = { name: "\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE", href: `${base}list?page=1` };
  const items = sectionArticles(b, 5, 1, "\u5E02\u5E94\u6025\u7BA1\u7406\u5C40").map((a) => {
    const item = b.article(siteId, `${base}detail?id=${b.id()}`, a, column, "trs");
    return { ...item, href: item.href.slice(base.length) };
  });
  const pages = chunk(items, 2);
  pages.forEach((list, i) => {
    const html = renderQueryList({ siteName: "\u5E02\u4EBA\u6C11\u653F\u5E9C", columnName: column.name, items: list, pageCount: pages.length, page: i + 1 });
    b.add(`${base}list?page=${i + 1}`, html, HTML_UTF8, lastModifiedOf(list[0]?.date ?? "2024-01-01"));
  });
  return {
    id: siteId,
    name: "?page= \u5206\u9875\u680F\u76EE",
    startPaths: [`${base}list?page=1`],
    reportLinkPattern: "/xxgk/query/detail\\?id=\\d+$",
    listLinkPattern: "/xxgk/query/list\\?page=\\d+$",
    render: "http",
    maxPages: 40,
    maxDepth: 8
  };
}
function buildCountPage(b) {
  const siteId = "fixture-countpage";
  const base = "/xxgk/countpage/";
  const column = { name: "\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE", href: `${base}index.html` };
  const items = sectionArticles(b, 5, 1, "\u53BF\u516C\u5B89\u5C40").map((a) => {
    const date = compact(articleDate(a));
    const item = b.article(siteId, `${base}${date.slice(0, 6)}/t${date}_${b.id()}.html`, a, column, "trs");
    return { ...item, href: `./${item.href.slice(base.length)}` };
  });
  const pages = chunk(items, 2);
  pages.forEach((list, i) => {
    const html = renderCountPageList({ siteName: "\u53BF\u4EBA\u6C11\u653F\u5E9C", columnName: column.name, items: list, pageCount: pages.length, current: i });
    b.add(`${base}index${i === 0 ? "" : `_${i}`}.html`, html, HTML_UTF8, lastModifiedOf(list[0]?.date ?? "2024-01-01"));
  });
  return {
    id: siteId,
    name: "countPage \u5206\u9875\u680F\u76EE",
    startPaths: [`${base}index.html`],
    reportLinkPattern: "/xxgk/countpage/\\d{6}/t\\d{8}_\\d+\\.html$",
    listLinkPattern: "/xxgk/countpage/index(_\\d+)?\\.html$",
    render: "http",
    maxPages: 40,
    maxDepth: 8
  };
}
function buildHanweb(b) {
  const siteId = "fixture-hanweb";
  const column = { siteName: "\u5E02\u516C\u5B89\u5C40", columnName: "\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE", columnId: 123, unitId: 4321, perPage: 2, groupSize: 2 };
  const columnPath = `/col/col${column.columnId}/index.html`;
  const items = sectionArticles(b, 5, 3, "\u5E02\u4EA4\u8B66\u652F\u961F").map((a) => {
    const [y, m, d] = articleDate(a).split("-").map(Number);
    return b.article(siteId, `/art/${y}/${m}/${d}/art_${column.columnId}_${b.id()}.html`, a, { name: column.columnName, href: columnPath }, "hanweb");
  });
  b.add(columnPath, renderHanwebColumn(column), HTML_UTF8, lastModifiedOf(items[0]?.date ?? "2024-01-01"));
  return {
    meta: {
      id: siteId,
      name: "Hanweb/JCMS \u680F\u76EE\uFF08dataproxy.jsp\uFF09",
      startPaths: [columnPath],
      reportLinkPattern: "/art/\\d{4}/\\d{1,2}/\\d{1,2}/art_123_\\d+\\.html$",
      listLinkPattern: "/col/col123/index\\.html$",
      render: "http",
      maxPages: 40,
      maxDepth: 4
    },
    column,
    items
  };
}
function buildRss(b) {
  const siteId = "fixture-rss";
  const base = "/xxgk/rss/";
  const column = { name: "\u901A\u77E5\u516C\u544A", href: "/rss.xml" };
  const articles = sectionArticles(b, 3, 1, "\u5E02\u53F8\u6CD5\u5C40");
  const items = articles.map((a) => {
    const date = compact(articleDate(a));
    return { a, item: b.article(siteId, `${base}${date.slice(0, 6)}/t${date}_${b.id()}.html`, a, column, "trs") };
  });
  const xml = renderRss({
    title: "\u5E02\u53F8\u6CD5\u5C40 \u901A\u77E5\u516C\u544A",
    link: `${b.origin}/`,
    items: items.map(({ a, item }) => ({
      title: item.title,
      url: b.origin + item.href,
      date: item.date,
      description: (a.kind === "report" ? a.def.paragraphs[0] : a.paragraphs[0])?.slice(0, 60) ?? ""
    }))
  });
  b.add("/rss.xml", xml, "application/rss+xml; charset=utf-8", lastModifiedOf(items[0]?.item.date ?? "2024-01-01"));
  return {
    id: siteId,
    name: "RSS \u8BA2\u9605",
    startPaths: ["/rss.xml"],
    reportLinkPattern: "/xxgk/rss/\\d{6}/t\\d{8}_\\d+\\.html$",
    listLinkPattern: "/rss\\.xml$",
    render: "http",
    maxPages: 20,
    maxDepth: 3
  };
}
function buildJsOnly(b) {
  const siteId = "fixture-jsonly";
  const base = "/jsonly/";
  const column = { name: "\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE", href: `${base}index.html` };
  const data = sectionArticles(b, 3, 1, "\u533A\u57CE\u7BA1\u5C40").map((a) => {
    const date = articleDate(a);
    const id = b.id();
    b.article(siteId, `${base}${compact(date).slice(0, 6)}/t${compact(date)}_${id}.html`, a, column, "trs");
    return { i: id, d: date, t: a.kind === "report" ? a.def.title : a.title };
  });
  b.add(`${base}index.html`, renderJsOnlyList({ siteName: "\u533A\u4EBA\u6C11\u653F\u5E9C", columnName: column.name, dataUrl: `${base}data.json` }), HTML_UTF8, lastModifiedOf("2024-03-01"));
  b.add(`${base}data.json`, `${JSON.stringify({ total: data.length, items: data })}
`, "application/json; charset=utf-8", lastModifiedOf("2024-03-01"));
  return {
    id: siteId,
    name: "\u811A\u672C\u6E32\u67D3\u680F\u76EE\uFF08\u9700\u6D4F\u89C8\u5668\uFF09",
    startPaths: [`${base}index.html`],
    reportLinkPattern: "/jsonly/\\d{6}/t\\d{8}_\\d+\\.html$",
    listLinkPattern: "/jsonly/(index\\.html)?$",
    render: "browser",
    maxPages: 20,
    maxDepth: 3
  };
}
var WAF_META = {
  id: "fixture-waf",
  name: "WAF \u6311\u6218\u9875",
  startPaths: ["/waf/gaxw/index.html"],
  reportLinkPattern: "/waf/.*\\.html$",
  listLinkPattern: "/waf/gaxw/index\\.html$",
  render: "http",
  maxPages: 10,
  maxDepth: 2
};
function buildSite(origin, o) {
  const mainVariants = Math.max(0, o.reportCount - ORIGINAL_COUNT);
  const b = new Builder(origin, mainVariants);
  const main = buildMain(b, o);
  const sections = [main, buildNextLink(b), buildQuery(b), buildCountPage(b)];
  const hanweb = buildHanweb(b);
  sections.push(hanweb.meta, buildRss(b), buildJsOnly(b), WAF_META);
  b.add("/robots.txt", renderRobots(origin, o.crawlDelay), "text/plain; charset=utf-8", lastModifiedOf("2024-01-01"));
  b.add(
    "/sitemap.xml",
    renderSitemap(b.reports.filter((r) => r.siteId === main.id).map((r) => ({ url: r.url, lastmod: r.publishedAt }))),
    "application/xml; charset=utf-8",
    lastModifiedOf("2024-04-10")
  );
  const home = renderHome("\u5E02\u516C\u5B89\u5C40", sections.map((s) => ({ name: s.name, href: s.startPaths[0] ?? "/" })));
  b.add("/", home, HTML_UTF8, lastModifiedOf("2024-04-10"));
  b.add("/index.html", home, HTML_UTF8, lastModifiedOf("2024-04-10"));
  b.add("/images/common.css", 'body{font-family:"Microsoft YaHei",sans-serif}.list li span{float:right}\n', "text/css; charset=utf-8", lastModifiedOf("2024-01-01"));
  b.add("/images/style.css", "td{font-size:14px}\n", "text/css; charset=utf-8", lastModifiedOf("2024-01-01"));
  return { pages: b.pages, reports: b.reports, nonReports: b.nonReports, sections, hanweb: { column: hanweb.column, items: hanweb.items } };
}
export {
  buildSite
};
//# sourceMappingURL=sections.js.map
