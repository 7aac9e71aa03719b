// Builds every page of the fixture site: the main TRS column, the pagination variants, the
// JS-only list, robots.txt, sitemap.xml and the RSS feed, with what a correct crawl should store.
import iconv from 'iconv-lite';
import type { ArticlePage } from './html.ts';
import { MAX_VARIANTS, ORIGINAL_COUNT, originalReports, type ReportDef, variantReport } from './reports.ts';
import { renderRobots, renderRss, renderSitemap } from './templates/feeds.ts';
import { renderGbkTable } from './templates/gbk-table.ts';
import { renderHanweb } from './templates/hanweb.ts';
import { type HanwebColumn, renderHanwebColumn } from './templates/hanweb-list.ts';
import {
  type ListItem,
  renderCountPageList,
  renderHome,
  renderJsOnlyList,
  renderNextLinkList,
  renderQueryList,
  renderTrsList,
} from './templates/lists.ts';
import { renderTrs } from './templates/trs.ts';
import type { ExpectedNonReport, ExpectedReport, PageEncoding, TemplateName } from './types.ts';
import { newsItem } from './written.ts';

export type StaticPage = { html: string; encoding: PageEncoding; contentType: string; lastModified: Date };

export type SectionMeta = {
  id: string;
  name: string;
  startPaths: string[];
  reportLinkPattern: string;
  listLinkPattern: string;
  render: 'http' | 'browser';
  maxPages: number;
  maxDepth: number;
};

export type SiteModel = {
  pages: Map<string, StaticPage>;
  reports: ExpectedReport[];
  nonReports: ExpectedNonReport[];
  sections: SectionMeta[];
  hanweb: { column: HanwebColumn; items: ListItem[] };
};

export type BuildOptions = { reportCount: number; newsCount: number; pageSize: number; crawlDelay: number };

const HTML_UTF8 = 'text/html; charset=utf-8';
/** GBK pages: the charset is only in the page's <meta>, as on the old sites. */
const HTML_NO_CHARSET = 'text/html';

type Article = { kind: 'report'; def: ReportDef } | { kind: 'news'; title: string; date: string; paragraphs: string[] };

function compact(date: string): string {
  return date.replace(/-/g, '');
}

function lastModifiedOf(date: string, time = '09:00'): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

function renderArticle(template: TemplateName, page: ArticlePage): string {
  switch (template) {
    case 'trs':
      return renderTrs(page);
    case 'gbk-table':
      return renderGbkTable(page);
    case 'hanweb':
      return renderHanweb(page);
  }
}

function assertGbk(html: string, where: string): void {
  const back = iconv.decode(iconv.encode(html, 'gbk'), 'gbk');
  if (back === html) return;
  for (let i = 0; i < html.length; i++) {
    if (back[i] !== html[i])
      throw new Error(
        `fixture-site: ${where} has a character GBK cannot encode: ${JSON.stringify(html.slice(i, i + 10))}`,
      );
  }
}

class Builder {
  readonly pages = new Map<string, StaticPage>();
  readonly reports: ExpectedReport[] = [];
  readonly nonReports: ExpectedNonReport[] = [];
  private nextVariant: number;
  private nextId = 10_000;

  constructor(
    readonly origin: string,
    firstFreeVariant: number,
  ) {
    this.nextVariant = firstFreeVariant;
  }

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  variant(): ReportDef {
    if (this.nextVariant >= MAX_VARIANTS) throw new Error('fixture-site: reportCount too large');
    return variantReport(this.nextVariant++);
  }

  add(path: string, html: string, contentType: string, lastModified: Date, encoding: PageEncoding = 'utf-8'): void {
    if (encoding === 'gbk') assertGbk(html, path);
    this.pages.set(path, { html, encoding, contentType, lastModified });
  }

  /** Render an article at `path` (template forced for news) and record what a crawl should make of it. */
  article(
    siteId: string,
    path: string,
    a: Article,
    column: { name: string; href: string },
    template?: TemplateName,
  ): ListItem {
    if (a.kind === 'report') {
      const tpl = template ?? a.def.template;
      const encoding: PageEncoding = tpl === 'gbk-table' ? 'gbk' : 'utf-8';
      // A UTF-8 text moved into a GBK template: use the GBK look-alike where a character has no GBK code.
      const d =
        encoding === 'gbk' ? { ...a.def, paragraphs: a.def.paragraphs.map((p) => p.replace(/•/g, '·')) } : a.def;
      const html = renderArticle(tpl, {
        title: d.title,
        siteName: d.siteName,
        date: d.publishedAt,
        time: d.time,
        source: d.source,
        showDate: d.showDate,
        paragraphs: d.paragraphs,
        columnName: column.name,
        columnHref: column.href,
        paragraphStyle: d.paragraphStyle,
      });
      this.add(
        path,
        html,
        encoding === 'gbk' ? HTML_NO_CHARSET : HTML_UTF8,
        lastModifiedOf(d.publishedAt, d.time),
        encoding,
      );
      this.reports.push({
        siteId,
        path,
        url: this.origin + path,
        title: d.title,
        publishedAt: d.publishedAt,
        reportYear: d.reportYear,
        agency: d.agency,
        source: d.source,
        template: tpl,
        encoding,
        text: d.paragraphs.join('\n'),
      });
      return { href: path, title: d.title, date: d.publishedAt };
    }
    const tpl = template ?? 'trs';
    const encoding: PageEncoding = tpl === 'gbk-table' ? 'gbk' : 'utf-8';
    const html = renderArticle(tpl, {
      title: a.title,
      siteName: '市公安局',
      date: a.date,
      time: '10:00',
      source: '市公安局',
      showDate: true,
      paragraphs: a.paragraphs,
      columnName: column.name,
      columnHref: column.href,
    });
    this.add(path, html, encoding === 'gbk' ? HTML_NO_CHARSET : HTML_UTF8, lastModifiedOf(a.date), encoding);
    this.nonReports.push({ siteId, path, url: this.origin + path, title: a.title });
    return { href: path, title: a.title, date: a.date };
  }
}

function byDateDesc<T extends { date: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

function articleDate(a: Article): string {
  return a.kind === 'report' ? a.def.publishedAt : a.date;
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

function sectionNews(label: string, n: number): Article[] {
  return Array.from({ length: n }, (_, k) => ({
    kind: 'news' as const,
    title: `${label}召开第${k + 1}次法治政府建设工作例会`,
    date: `2024-0${(k % 9) + 1}-1${k % 10}`,
    paragraphs: [
      `${label}召开第${k + 1}次法治政府建设工作例会，研究部署近期法治建设重点工作。`,
      '会议要求，各单位要对照任务清单，抓好工作落实。',
    ],
  }));
}

const MAIN = '/gaxw/fzzfjs/';

function buildMain(b: Builder, o: BuildOptions): SectionMeta {
  const siteId = 'fixture-main';
  const column = { name: '法治政府建设', href: `${MAIN}index.html` };
  const originals = originalReports();
  const defs: ReportDef[] = [];
  for (let i = 0; i < o.reportCount; i++)
    defs.push(i < ORIGINAL_COUNT ? (originals[i] as ReportDef) : variantReport(i - ORIGINAL_COUNT));
  const articles: Article[] = [
    ...defs.map((def) => ({ kind: 'report' as const, def })),
    ...Array.from({ length: o.newsCount }, (_, k) => ({ kind: 'news' as const, ...newsItem(k) })),
  ];
  const entries = byDateDesc(articles.map((a) => ({ a, date: articleDate(a) })));
  const items = entries.map(({ a, date }) => {
    const item = b.article(siteId, `${MAIN}${compact(date).slice(0, 6)}/t${compact(date)}_${b.id()}.html`, a, column);
    return { ...item, href: `./${item.href.slice(MAIN.length)}` };
  });

  // A report-like page under a robots-Disallowed path, linked from the first list page.
  const privatePath = '/private/202403/t20240310_888888.html';
  const secret = variantReport(MAX_VARIANTS - 1);
  b.add(
    privatePath,
    renderTrs({
      ...articleOf(secret),
      title: '内部资料：2023年法治政府建设情况报告（征求意见稿）',
      columnName: '内部',
      columnHref: '/private/',
    }),
    HTML_UTF8,
    lastModifiedOf('2024-03-10'),
  );
  const extras: ListItem[] = [
    {
      href: 'http://other.example.invalid/gaxw/fzzfjs/202403/t20240301_999999.html',
      title: '省公安厅2023年法治政府建设情况报告',
      date: '2024-03-01',
    },
    { href: privatePath, title: '内部资料：2023年法治政府建设情况报告（征求意见稿）', date: '2024-03-10' },
  ];

  const pages = chunk(items, o.pageSize);
  pages.forEach((pageItems, i) => {
    const listed =
      i === 0
        ? [
            ...pageItems.slice(0, 2),
            extras[0] as ListItem,
            ...pageItems.slice(2, 4),
            extras[1] as ListItem,
            ...pageItems.slice(4),
          ]
        : pageItems;
    const html = renderTrsList({
      siteName: '市公安局',
      columnName: column.name,
      items: listed,
      pageCount: pages.length,
      current: i,
    });
    b.add(
      `${MAIN}index${i === 0 ? '' : `_${i}`}.html`,
      html,
      HTML_UTF8,
      lastModifiedOf(pageItems[0]?.date ?? '2024-01-01'),
    );
  });
  return {
    id: siteId,
    name: '法治政府建设（TRS 主栏目）',
    startPaths: [`${MAIN}index.html`],
    reportLinkPattern: '/gaxw/fzzfjs/\\d{6}/t\\d{8}_\\d+\\.html$',
    listLinkPattern: '/gaxw/fzzfjs/index(_\\d+)?\\.html$',
    render: 'http',
    maxPages: items.length + pages.length + 20,
    maxDepth: pages.length + 2,
  };
}

function articleOf(d: ReportDef): ArticlePage {
  return {
    title: d.title,
    siteName: d.siteName,
    date: d.publishedAt,
    time: d.time,
    source: d.source,
    showDate: d.showDate,
    paragraphs: d.paragraphs,
    columnName: '',
    columnHref: '/',
  };
}

/** Reports and news of a small section, newest first. */
function sectionArticles(b: Builder, reports: number, news: number, label: string): Article[] {
  const list: Article[] = [
    ...Array.from({ length: reports }, () => ({ kind: 'report' as const, def: b.variant() })),
    ...sectionNews(label, news),
  ];
  return byDateDesc(list.map((a) => ({ a, date: articleDate(a) }))).map((e) => e.a);
}

function buildNextLink(b: Builder): SectionMeta {
  const siteId = 'fixture-nextlink';
  const base = '/xxgk/nextlink/';
  const column = { name: '法治政府建设年度报告', href: `${base}index.html` };
  const items = sectionArticles(b, 5, 1, '区司法局').map((a) =>
    b.article(siteId, `${base}content/post_${b.id()}.html`, a, column, 'gbk-table'),
  );
  const pages = chunk(items, 2);
  const url = (i: number) => `${base}${i === 0 ? 'index' : `list_${i + 1}`}.html`;
  pages.forEach((list, i) => {
    const html = renderNextLinkList({
      siteName: '区人民政府',
      columnName: column.name,
      items: list,
      prev: i > 0 ? url(i - 1) : undefined,
      next: i < pages.length - 1 ? url(i + 1) : undefined,
    });
    b.add(url(i), html, HTML_UTF8, lastModifiedOf(list[0]?.date ?? '2024-01-01'));
  });
  return {
    id: siteId,
    name: '下一页分页栏目',
    startPaths: [url(0)],
    reportLinkPattern: '/xxgk/nextlink/content/post_\\d+\\.html$',
    listLinkPattern: '/xxgk/nextlink/(index|list_\\d+)\\.html$',
    render: 'http',
    maxPages: 40,
    maxDepth: 8,
  };
}

function buildQuery(b: Builder): SectionMeta {
  const siteId = 'fixture-query';
  const base = '/xxgk/query/';
  const column = { name: '法治政府建设', href: `${base}list?page=1` };
  const items = sectionArticles(b, 5, 1, '市应急管理局').map((a) => {
    const item = b.article(siteId, `${base}detail?id=${b.id()}`, a, column, 'trs');
    return { ...item, href: item.href.slice(base.length) };
  });
  const pages = chunk(items, 2);
  pages.forEach((list, i) => {
    const html = renderQueryList({
      siteName: '市人民政府',
      columnName: column.name,
      items: list,
      pageCount: pages.length,
      page: i + 1,
    });
    b.add(`${base}list?page=${i + 1}`, html, HTML_UTF8, lastModifiedOf(list[0]?.date ?? '2024-01-01'));
  });
  return {
    id: siteId,
    name: '?page= 分页栏目',
    startPaths: [`${base}list?page=1`],
    reportLinkPattern: '/xxgk/query/detail\\?id=\\d+$',
    listLinkPattern: '/xxgk/query/list\\?page=\\d+$',
    render: 'http',
    maxPages: 40,
    maxDepth: 8,
  };
}

function buildCountPage(b: Builder): SectionMeta {
  const siteId = 'fixture-countpage';
  const base = '/xxgk/countpage/';
  const column = { name: '法治政府建设', href: `${base}index.html` };
  const items = sectionArticles(b, 5, 1, '县公安局').map((a) => {
    const date = compact(articleDate(a));
    const item = b.article(siteId, `${base}${date.slice(0, 6)}/t${date}_${b.id()}.html`, a, column, 'trs');
    return { ...item, href: `./${item.href.slice(base.length)}` };
  });
  const pages = chunk(items, 2);
  pages.forEach((list, i) => {
    const html = renderCountPageList({
      siteName: '县人民政府',
      columnName: column.name,
      items: list,
      pageCount: pages.length,
      current: i,
    });
    b.add(`${base}index${i === 0 ? '' : `_${i}`}.html`, html, HTML_UTF8, lastModifiedOf(list[0]?.date ?? '2024-01-01'));
  });
  return {
    id: siteId,
    name: 'countPage 分页栏目',
    startPaths: [`${base}index.html`],
    reportLinkPattern: '/xxgk/countpage/\\d{6}/t\\d{8}_\\d+\\.html$',
    listLinkPattern: '/xxgk/countpage/index(_\\d+)?\\.html$',
    render: 'http',
    maxPages: 40,
    maxDepth: 8,
  };
}

function buildHanweb(b: Builder): { meta: SectionMeta; column: HanwebColumn; items: ListItem[] } {
  const siteId = 'fixture-hanweb';
  const column: HanwebColumn = {
    siteName: '市公安局',
    columnName: '法治政府建设',
    columnId: 123,
    unitId: 4321,
    perPage: 2,
    groupSize: 2,
  };
  const columnPath = `/col/col${column.columnId}/index.html`;
  const items = sectionArticles(b, 5, 3, '市交警支队').map((a) => {
    const [y, m, d] = articleDate(a).split('-').map(Number);
    return b.article(
      siteId,
      `/art/${y}/${m}/${d}/art_${column.columnId}_${b.id()}.html`,
      a,
      { name: column.columnName, href: columnPath },
      'hanweb',
    );
  });
  b.add(columnPath, renderHanwebColumn(column), HTML_UTF8, lastModifiedOf(items[0]?.date ?? '2024-01-01'));
  return {
    meta: {
      id: siteId,
      name: 'Hanweb/JCMS 栏目（dataproxy.jsp）',
      startPaths: [columnPath],
      reportLinkPattern: '/art/\\d{4}/\\d{1,2}/\\d{1,2}/art_123_\\d+\\.html$',
      listLinkPattern: '/col/col123/index\\.html$',
      render: 'http',
      maxPages: 40,
      maxDepth: 4,
    },
    column,
    items,
  };
}

function buildRss(b: Builder): SectionMeta {
  const siteId = 'fixture-rss';
  const base = '/xxgk/rss/';
  const column = { name: '通知公告', href: '/rss.xml' };
  const articles = sectionArticles(b, 3, 1, '市司法局');
  const items = articles.map((a) => {
    const date = compact(articleDate(a));
    return { a, item: b.article(siteId, `${base}${date.slice(0, 6)}/t${date}_${b.id()}.html`, a, column, 'trs') };
  });
  const xml = renderRss({
    title: '市司法局 通知公告',
    link: `${b.origin}/`,
    items: items.map(({ a, item }) => ({
      title: item.title,
      url: b.origin + item.href,
      date: item.date,
      description: (a.kind === 'report' ? a.def.paragraphs[0] : a.paragraphs[0])?.slice(0, 60) ?? '',
    })),
  });
  b.add('/rss.xml', xml, 'application/rss+xml; charset=utf-8', lastModifiedOf(items[0]?.item.date ?? '2024-01-01'));
  return {
    id: siteId,
    name: 'RSS 订阅',
    startPaths: ['/rss.xml'],
    reportLinkPattern: '/xxgk/rss/\\d{6}/t\\d{8}_\\d+\\.html$',
    listLinkPattern: '/rss\\.xml$',
    render: 'http',
    maxPages: 20,
    maxDepth: 3,
  };
}

function buildJsOnly(b: Builder): SectionMeta {
  const siteId = 'fixture-jsonly';
  const base = '/jsonly/';
  const column = { name: '法治政府建设', href: `${base}index.html` };
  const data = sectionArticles(b, 3, 1, '区城管局').map((a) => {
    const date = articleDate(a);
    const id = b.id();
    b.article(siteId, `${base}${compact(date).slice(0, 6)}/t${compact(date)}_${id}.html`, a, column, 'trs');
    return { i: id, d: date, t: a.kind === 'report' ? a.def.title : a.title };
  });
  b.add(
    `${base}index.html`,
    renderJsOnlyList({ siteName: '区人民政府', columnName: column.name, dataUrl: `${base}data.json` }),
    HTML_UTF8,
    lastModifiedOf('2024-03-01'),
  );
  b.add(
    `${base}data.json`,
    `${JSON.stringify({ total: data.length, items: data })}\n`,
    'application/json; charset=utf-8',
    lastModifiedOf('2024-03-01'),
  );
  return {
    id: siteId,
    name: '脚本渲染栏目（需浏览器）',
    startPaths: [`${base}index.html`],
    reportLinkPattern: '/jsonly/\\d{6}/t\\d{8}_\\d+\\.html$',
    listLinkPattern: '/jsonly/(index\\.html)?$',
    render: 'browser',
    maxPages: 20,
    maxDepth: 3,
  };
}

const WAF_META: SectionMeta = {
  id: 'fixture-waf',
  name: 'WAF 挑战页',
  startPaths: ['/waf/gaxw/index.html'],
  reportLinkPattern: '/waf/.*\\.html$',
  listLinkPattern: '/waf/gaxw/index\\.html$',
  render: 'http',
  maxPages: 10,
  maxDepth: 2,
};

export function buildSite(origin: string, o: BuildOptions): SiteModel {
  const mainVariants = Math.max(0, o.reportCount - ORIGINAL_COUNT);
  const b = new Builder(origin, mainVariants);
  const main = buildMain(b, o);
  const sections = [main, buildNextLink(b), buildQuery(b), buildCountPage(b)];
  const hanweb = buildHanweb(b);
  sections.push(hanweb.meta, buildRss(b), buildJsOnly(b), WAF_META);

  b.add('/robots.txt', renderRobots(origin, o.crawlDelay), 'text/plain; charset=utf-8', lastModifiedOf('2024-01-01'));
  b.add(
    '/sitemap.xml',
    renderSitemap(b.reports.filter((r) => r.siteId === main.id).map((r) => ({ url: r.url, lastmod: r.publishedAt }))),
    'application/xml; charset=utf-8',
    lastModifiedOf('2024-04-10'),
  );
  const home = renderHome(
    '市公安局',
    sections.map((s) => ({ name: s.name, href: s.startPaths[0] ?? '/' })),
  );
  b.add('/', home, HTML_UTF8, lastModifiedOf('2024-04-10'));
  b.add('/index.html', home, HTML_UTF8, lastModifiedOf('2024-04-10'));
  b.add(
    '/images/common.css',
    'body{font-family:"Microsoft YaHei",sans-serif}.list li span{float:right}\n',
    'text/css; charset=utf-8',
    lastModifiedOf('2024-01-01'),
  );
  b.add('/images/style.css', 'td{font-size:14px}\n', 'text/css; charset=utf-8', lastModifiedOf('2024-01-01'));
  return {
    pages: b.pages,
    reports: b.reports,
    nonReports: b.nonReports,
    sections,
    hanweb: { column: hanweb.column, items: hanweb.items },
  };
}
