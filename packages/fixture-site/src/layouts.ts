// The layouts corpus (tests/fixtures/layouts/cases, issue 11) as a section of the fixture site,
// so crawl tests can fetch pages in the shapes real government sites use and compare what is
// stored with each page's gold record. Opt-in (FixtureSiteOptions.layoutsDir): the default
// site, and every count the existing tests rely on, stay as they are.
//
// Each case is served byte for byte under /layouts/NN/ followed by the path and query of the
// URL it was written for, so dates in TRS (t20240322_) and Hanweb (/art/2024/3/22/) paths still
// read from the served URL; /layouts/index.html links every case.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { SectionMeta, StaticPage } from './sections.ts';
import type { LayoutPage } from './types.ts';

type CaseFile = {
  name: string;
  encoding?: string;
  input: { url: string; contentType: string | null };
  expected: Record<string, unknown> & { title: string | null; isReport: boolean };
};

export const LAYOUTS_INDEX = '/layouts/index.html';
const SERVED_SINCE = new Date('2024-06-01T09:00:00+08:00');

export const LAYOUTS_META: SectionMeta = {
  id: 'fixture-layouts',
  name: '版式样例',
  startPaths: [LAYOUTS_INDEX],
  reportLinkPattern: '/layouts/\\d{2}/',
  listLinkPattern: '/layouts/index_\\d+\\.html$',
  render: 'http',
  maxPages: 500,
  maxDepth: 2,
};

/** Pages (keyed by path and query) and the served cases with their gold records. */
export function layoutPages(casesDir: string, origin: string): { pages: Map<string, StaticPage>; cases: LayoutPage[] } {
  const pages = new Map<string, StaticPage>();
  const cases: LayoutPage[] = [];
  const files = readdirSync(casesDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new Error(`fixture-site: no layout cases in ${casesDir}`);
  for (const file of files) {
    const c = JSON.parse(readFileSync(join(casesDir, file), 'utf8')) as CaseFile;
    const original = new URL(c.input.url);
    const path = `/layouts/${c.name.slice(0, 2)}${original.pathname}${original.search}`;
    const bytes = readFileSync(join(casesDir, `${c.name}.html`));
    const encoding = c.encoding === 'gbk' ? 'gbk' : 'utf-8';
    // StaticPage holds text; GBK and UTF-8 both round-trip these files to the same bytes.
    const html = encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8');
    pages.set(path, { html, encoding, contentType: c.input.contentType ?? 'text/html', lastModified: SERVED_SINCE });
    cases.push({ name: c.name, path, url: origin + path, originalUrl: c.input.url, expected: c.expected });
  }
  const links = cases
    .map((c) => `<li><a href="${c.path}">${escapeHtml(c.expected.title ?? c.name)}</a></li>`)
    .join('\n');
  pages.set(LAYOUTS_INDEX, {
    html: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>版式样例</title></head><body><h1>版式样例</h1><ul>\n${links}\n</ul></body></html>\n`,
    encoding: 'utf-8',
    contentType: 'text/html; charset=utf-8',
    lastModified: SERVED_SINCE,
  });
  return { pages, cases };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
