// src/crawl/feeds.ts
import { XMLParser } from "fast-xml-parser";
import { discoverLinks } from "./links.js";
var parser = new XMLParser({ ignoreAttributes: false, processEntities: true, cdataPropName: false });
var asArray = (v) => v === void 0 ? [] : Array.isArray(v) ? v : [v];
var text = (v) => typeof v === "string" || typeof v === "number" ? String(v).trim() : (v?.["#text"] ?? "").trim();
function looksLikeXml(body, contentType) {
  return /\bxml\b/i.test(contentType ?? "") || /^\s*(<\?xml|<rss|<urlset|<sitemapindex|<feed|<datastore)/i.test(body);
}
function discoverFromXml(xml, pageUrl, rules) {
  const doc = parser.parse(xml);
  const found = { reports: [], lists: [] };
  const keywordHit = (title) => rules.titleKeywords.some((k) => title.includes(k));
  const add = (url, title) => {
    let abs;
    try {
      abs = new URL(url, pageUrl).href;
    } catch {
      return;
    }
    if (rules.reportLinkPattern?.test(abs) || title && keywordHit(title)) found.reports.push({ url: abs, title });
  };
  if (doc.urlset) {
    for (const u of asArray(doc.urlset.url)) add(text(u.loc), text(u["news:news"]?.["news:title"]));
  } else if (doc.sitemapindex) {
    for (const s of asArray(doc.sitemapindex.sitemap)) {
      const loc = text(s.loc);
      if (loc) found.lists.push(new URL(loc, pageUrl).href);
    }
  } else if (doc.rss?.channel) {
    for (const item of asArray(doc.rss.channel.item)) add(text(item.link) || text(item.guid), text(item.title));
  } else if (doc.feed) {
    for (const entry of asArray(doc.feed.entry)) {
      const link = asArray(entry.link).find((l) => !l["@_rel"] || l["@_rel"] === "alternate");
      add(link?.["@_href"] ?? "", text(entry.title));
    }
  } else if (doc.datastore) {
    const html = asArray(doc.datastore.recordset?.record).map(text).join("\n");
    const inner = discoverLinks(html, pageUrl, rules);
    found.reports.push(...inner.reports);
    return { ...found, hanweb: { totalRecords: Number(text(doc.datastore.totalrecord)) || 0 } };
  }
  return found;
}
export {
  discoverFromXml,
  looksLikeXml
};
//# sourceMappingURL=feeds.js.map
