// The fixture government site: one origin on 127.0.0.1 imitating Chinese government CMS sites,
// for crawler tests, end-to-end tests, benchmarks and `govwatch demo`. Sections (site ids from
// siteYaml()):
//   /gaxw/fzzfjs/index[_N].html   fixture-main       TRS column, createPageHTML(N, cur, "index", "html"); TRS UTF-8 and GBK table report pages,
//                                                    news items, an off-site link and a link into /private/ (Disallowed)
//   /xxgk/nextlink/…              fixture-nextlink   下一页 links only; GBK table pages
//   /xxgk/query/list?page=N       fixture-query      ?page= lists, detail?id= pages
//   /xxgk/countpage/index[_N].html fixture-countpage `var countPage = N`
//   /col/col123/index.html        fixture-hanweb     Hanweb column; records from POST /module/web/jpage/dataproxy.jsp (XML)
//   /rss.xml                      fixture-rss        RSS 2.0 feed
//   /jsonly/index.html            fixture-jsonly     list written by a script from /jsonly/data.json (render: browser)
//   /waf/…                        fixture-waf        WAF challenge (__jsl_clearance / acw_sc__v2), status 200, always
//   /wafpass/REST                 challenge until the __jsl_clearance cookie is sent, then /REST
//   /layouts/index.html, /layouts/NN/…  fixture-layouts  only with layoutsDir: the layouts corpus (issue 11) byte for byte
//   /robots.txt (Disallow /private/, Crawl-delay, Sitemap), /sitemap.xml (main reports), /__fail/N[/REST] (503 + Retry-After N times)
// startHostileSite() (hostile-site.ts) is a second server: report pages that fail every way, an
// endless calendar and an endless pager.
// Every static page has a strong ETag and Last-Modified and answers conditional GETs with 304.

export { type BigPage, type BigSite, type BigSiteOptions, startBigSite } from './big-site.ts';
export {
  CALENDAR_REPORT_MONTHS,
  HOSTILE_OK_PAGE,
  HOSTILE_PAGES,
  type HostilePath,
  type HostileSite,
  LONG_PAGER_LATE_PAGE,
  LONG_PAGER_PAGES,
  PAGER_REPORT_PAGES,
  startHostileSite,
} from './hostile-site.ts';
export { startFixtureSite } from './server.ts';
export type {
  ExpectedNonReport,
  ExpectedReport,
  FixtureSite,
  FixtureSiteOptions,
  LayoutPage,
  PageEncoding,
  RequestLogEntry,
  SiteEntry,
  SiteYamlOptions,
  TemplateName,
} from './types.ts';
