// src/templates/feeds.ts
import { esc } from "../html.js";
function renderRobots(origin, crawlDelay) {
  return `# robots.txt
User-agent: Baiduspider-image
Disallow: /

User-agent: *
Disallow: /private/
Disallow: /search/
Crawl-delay: ${crawlDelay}

Sitemap: ${origin}/sitemap.xml
`;
}
function renderSitemap(entries) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `  <url><loc>${esc(e.url)}</loc><lastmod>${e.lastmod}</lastmod><changefreq>monthly</changefreq></url>`).join("\n")}
</urlset>
`;
}
function renderRss(o) {
  const rfc822 = (d) => (/* @__PURE__ */ new Date(`${d}T09:00:00+08:00`)).toUTCString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${esc(o.title)}</title>
<link>${esc(o.link)}</link>
<description>${esc(o.title)}</description>
<language>zh-cn</language>
${o.items.map(
    (it) => `<item>
  <title>${esc(it.title)}</title>
  <link>${esc(it.url)}</link>
  <guid isPermaLink="true">${esc(it.url)}</guid>
  <pubDate>${rfc822(it.date)}</pubDate>
  <description>${esc(it.description)}</description>
</item>`
  ).join("\n")}
</channel>
</rss>
`;
}
export {
  renderRobots,
  renderRss,
  renderSitemap
};
//# sourceMappingURL=feeds.js.map
