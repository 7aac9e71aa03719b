// robots.txt, sitemap.xml and an RSS 2.0 feed.
import { esc } from '../html.ts';

export function renderRobots(origin: string, crawlDelay: number): string {
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

export function renderSitemap(entries: { url: string; lastmod: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `  <url><loc>${esc(e.url)}</loc><lastmod>${e.lastmod}</lastmod><changefreq>monthly</changefreq></url>`).join('\n')}
</urlset>
`;
}

export function renderRss(o: {
  title: string;
  link: string;
  items: { title: string; url: string; date: string; description: string }[];
}): string {
  const rfc822 = (d: string) => new Date(`${d}T09:00:00+08:00`).toUTCString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${esc(o.title)}</title>
<link>${esc(o.link)}</link>
<description>${esc(o.title)}</description>
<language>zh-cn</language>
${o.items
  .map(
    (it) => `<item>
  <title>${esc(it.title)}</title>
  <link>${esc(it.url)}</link>
  <guid isPermaLink="true">${esc(it.url)}</guid>
  <pubDate>${rfc822(it.date)}</pubDate>
  <description>${esc(it.description)}</description>
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
}
