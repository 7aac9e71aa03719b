// Pure discovery from XML: sitemaps (urlset / sitemapindex), RSS and Atom feeds, and the
// Hanweb/JCMS dataproxy.jsp answers (<datastore><recordset><record>HTML</record>…).
import { isDocumentUrl } from '@govwatch/extract';
import { XMLParser } from 'fast-xml-parser';
import { type DiscoveredLinks, discoverLinks, type LinkRules } from './links.ts';

const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, cdataPropName: false });
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number'
    ? String(v).trim()
    : ((v as { '#text'?: string })?.['#text'] ?? '').trim();

export function looksLikeXml(body: string, contentType: string | null | undefined): boolean {
  return /\bxml\b/i.test(contentType ?? '') || /^\s*(<\?xml|<rss|<urlset|<sitemapindex|<feed|<datastore)/i.test(body);
}

export type HanwebTotals = { totalRecords: number };

export function discoverFromXml(
  xml: string,
  pageUrl: string,
  rules: LinkRules,
): DiscoveredLinks & { hanweb?: HanwebTotals } {
  // biome-ignore lint/suspicious/noExplicitAny: parsed XML has no static shape; every read below is guarded
  const doc = parser.parse(xml) as Record<string, any>;
  const found: DiscoveredLinks = { reports: [], lists: [] };
  const keywordHit = (title: string) => rules.titleKeywords.some((k) => title.includes(k));
  const add = (url: string, title: string) => {
    let abs: string;
    try {
      abs = new URL(url, pageUrl).href;
    } catch {
      return;
    }
    const byTitle = title !== '' && keywordHit(title);
    // A PDF or DOCX named a report by its title is the report itself (links.ts); else an attachment.
    if (isDocumentUrl(abs)) {
      if (byTitle) found.reports.push({ url: abs, title, document: {} });
      return;
    }
    if (rules.reportLinkPattern?.test(abs) || byTitle) found.reports.push({ url: abs, title });
  };

  if (doc.urlset) {
    // Sitemaps carry no titles: entries are reports only by the site's reportLinkPattern, or by
    // a news:title / image:title where a site provides one.
    for (const u of asArray(doc.urlset.url)) add(text(u.loc), text(u['news:news']?.['news:title']));
  } else if (doc.sitemapindex) {
    for (const s of asArray(doc.sitemapindex.sitemap)) {
      const loc = text(s.loc);
      if (loc) found.lists.push(new URL(loc, pageUrl).href);
    }
  } else if (doc.rss?.channel) {
    for (const item of asArray(doc.rss.channel.item)) add(text(item.link) || text(item.guid), text(item.title));
  } else if (doc.feed) {
    for (const entry of asArray(doc.feed.entry)) {
      // biome-ignore lint/suspicious/noExplicitAny: an Atom link element as parsed
      const link = asArray(entry.link).find((l: any) => !l['@_rel'] || l['@_rel'] === 'alternate');
      add(link?.['@_href'] ?? '', text(entry.title));
    }
  } else if (doc.datastore) {
    const html = asArray(doc.datastore.recordset?.record).map(text).join('\n');
    const inner = discoverLinks(html, pageUrl, rules);
    found.reports.push(...inner.reports);
    return { ...found, hanweb: { totalRecords: Number(text(doc.datastore.totalrecord)) || 0 } };
  }
  return found;
}
