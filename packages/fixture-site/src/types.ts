export type FixtureSiteOptions = {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Report pages in the main section. Default 8 (the five seeds and three written reports); more are generated variants. */
  reportCount?: number;
  /** Non-report news items mixed into the main list. Default 4. */
  newsCount?: number;
  /** Main list page size. Default 10. */
  pageSize?: number;
  /** Artificial latency before every response, in ms. Default 0. */
  latencyMs?: number;
  /** Crawl-delay written to robots.txt for `User-agent: *`. Default 0. */
  crawlDelay?: number;
  /** Also serve the layouts corpus from this directory (tests/fixtures/layouts/cases) as the section fixture-layouts. */
  layoutsDir?: string;
};

/** A page of the layouts corpus as served, with its gold record (the extract record's keys). */
export type LayoutPage = {
  name: string;
  path: string;
  url: string;
  /** The URL the page was written for (its input.url in the corpus). */
  originalUrl: string;
  expected: Record<string, unknown> & { title: string | null; isReport: boolean };
};

export type TemplateName = 'trs' | 'gbk-table' | 'hanweb';
export type PageEncoding = 'utf-8' | 'gbk';

export type RequestLogEntry = {
  /** Date.now() when the request arrived. */
  t: number;
  method: string;
  /** Path and query string as requested. */
  path: string;
  /** Host header. */
  host: string;
  /** Request headers, lower-case names. */
  headers: Record<string, string | undefined>;
  status: number;
};

/** One report page as a correct crawl and extraction should store it. */
export type ExpectedReport = {
  /** The govwatch site id of the section that lists it (see siteYaml()). */
  siteId: string;
  path: string;
  url: string;
  title: string;
  publishedAt: string;
  reportYear: number;
  agency: string;
  source: string;
  template: TemplateName;
  encoding: PageEncoding;
  /** Body without chrome, paragraphs joined by "\n", signature lines kept. */
  text: string;
};

/** A page that a crawl may fetch but must not store as a report (news, notices, a 政府信息公开年度报告). */
export type ExpectedNonReport = {
  siteId: string;
  path: string;
  url: string;
  title: string;
};

export type SiteEntry = {
  id: string;
  name: string;
  startUrls: string[];
  allowedHosts?: string[];
  reportLinkPattern?: string;
  listLinkPattern?: string;
  titleKeywords?: string[];
  render?: 'http' | 'browser';
  maxPages?: number;
  maxDepth?: number;
  requestsPerSecond?: number;
  allowPrivateNetwork?: boolean;
  [key: string]: unknown;
};

export type SiteYamlOptions = {
  /** Only these site ids (default: all). */
  only?: string[];
  /** Fields applied to every site. */
  defaults?: Partial<SiteEntry>;
  /** Fields per site id, applied after defaults; a field set to undefined is left out. */
  overrides?: Record<string, Partial<SiteEntry>>;
};

export type FixtureSite = {
  origin: string;
  log: RequestLogEntry[];
  clearLog(): void;
  reports: ExpectedReport[];
  nonReports: ExpectedNonReport[];
  /** The layouts corpus pages served (empty unless layoutsDir was given). */
  layouts: LayoutPage[];
  /** Change a page's content (decoded in its own charset); bumps ETag and Last-Modified. */
  mutate(path: string, change: (html: string) => string): void;
  /** The page answers 404 from now on (it stays linked from its list). */
  remove(path: string): void;
  /** Undo remove(). */
  restore(path: string): void;
  /** The site entries siteYaml() writes. */
  sites(options?: SiteYamlOptions): SiteEntry[];
  /** A sites.yaml text with one site per section. */
  siteYaml(options?: SiteYamlOptions): string;
  close(): Promise<void>;
};
