// A hostile government site, for the tests that a crawl bounds what a site can do to it (issue 16).
// One HTTP server on 127.0.0.1 with four sites (ids from sites()):
//   /hostile/index.html        hostile-pages     a list of report links that each fail for good in
//                                                their own way (HOSTILE_PAGES) beside one real report
//   /calendar/2024/01/         endless-calendar  month pages: reports until 2024/06, then empty
//                                                months, each linking the next one, for ever
//   /pager/list?page=N         endless-pager     5 reports on pages 1–3, then empty pages, each
//                                                with a 下一页 link to page N+1, for ever
//   /longpager/list?page=N     long-pager        a pager that ends (LONG_PAGER_PAGES), its reports
//                                                on page 1 and on page LONG_PAGER_LATE_PAGE, the
//                                                pages between only news: a column where a
//                                                yearly report sits far behind the news
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import { esc } from './html.ts';
import { seedParagraphs } from './seed-text.ts';
import { renderSiteYaml } from './site-yaml.ts';
import { renderTrs } from './templates/trs.ts';
import type { SiteEntry } from './types.ts';

/** Report pages of hostile-pages that can never be stored, and what each does. */
export const HOSTILE_PAGES = {
  '/hostile/r/loop.html': 'redirects to a page that redirects back',
  '/hostile/r/offsite.html': 'redirects to another host',
  '/hostile/r/metadata.html': 'redirects to the cloud metadata address 169.254.169.254',
  '/hostile/r/huge.html': 'streams 50 MB of text/html without a Content-Length',
  '/hostile/r/png.html': 'a PNG image served as text/html',
  '/hostile/r/zip.html': 'a ZIP archive served as text/html',
  '/hostile/r/trickle.html': 'answers 200, then one byte a second for ever',
} as const;
export type HostilePath = keyof typeof HOSTILE_PAGES;

/** The one page of hostile-pages that is a report. */
export const HOSTILE_OK_PAGE = '/hostile/r/ok.html';

/** Months of the endless calendar that list reports; every later month is empty. */
export const CALENDAR_REPORT_MONTHS = 6;
/** Pages of the endless pager that list reports (5 each); every later page is empty. */
export const PAGER_REPORT_PAGES = 3;
/** Pages of the long pager (the last links no next page). */
export const LONG_PAGER_PAGES = 40;
/** The long pager's page with its second report: 28 pages of news after page 1, beyond the default endlessListLimit (20). */
export const LONG_PAGER_LATE_PAGE = 30;

export type HostileSite = {
  origin: string;
  /** Every path asked for (query included), in order. */
  hits: string[];
  clearHits(): void;
  /** Bytes written by /hostile/r/huge.html so far (it stops when the client hangs up). */
  hugeBytesSent(): number;
  sites(defaults?: Partial<SiteEntry>): SiteEntry[];
  siteYaml(defaults?: Partial<SiteEntry>): string;
  close(): Promise<void>;
};

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000100000001008060000001ff3ff61', 'hex'),
  Buffer.alloc(2048, 0x5a),
]);

/** A real (if tiny) ZIP archive of one deflated HTML file: what a misconfigured download serves. */
function zipOf(name: string, content: string): Buffer {
  const data = deflateRawSync(Buffer.from(content));
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(Buffer.byteLength(content), 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name), data]);
}

const listPage = (title: string, items: string) =>
  `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>\n<h1>${esc(title)}</h1>\n${items}\n</body></html>\n`;

const link = (href: string, title: string) => `<li><a href="${href}">${esc(title)}</a></li>`;

function reportPage(agency: string, year: number, seed: string): string {
  const title = `${agency}${year}年法治政府建设情况报告`;
  return renderTrs({
    title,
    siteName: agency,
    date: `${year + 1}-03-15`,
    time: '09:00',
    source: agency,
    showDate: true,
    paragraphs: [...seedParagraphs(seed, title).slice(0, 12), agency, `${year + 1}年3月15日`],
    columnName: '法治政府建设',
    columnHref: '/',
  });
}

const AGENCIES = ['江北区公安分局', '江南区公安分局', '城关区公安分局', '新城区公安分局', '高新区公安分局'];
const SEEDS = ['000', '001', '002', '003', '004'];

const month = (y: number, m: number) => `${y}/${String(m).padStart(2, '0')}`;

export async function startHostileSite(): Promise<HostileSite> {
  const hits: string[] = [];
  let hugeSent = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    hits.push(url);
    const path = url.split('?')[0] ?? '/';
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    const report = (n: number) =>
      html(reportPage(AGENCIES[n % AGENCIES.length] ?? '', 2010 + (n % 14), SEEDS[n % SEEDS.length] ?? '000'));

    if (path === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\n');
    // --- hostile-pages -------------------------------------------------------------------
    if (path === '/hostile/index.html') {
      const links = [HOSTILE_OK_PAGE, ...Object.keys(HOSTILE_PAGES)].map((p, i) =>
        link(p, `${AGENCIES[i % AGENCIES.length]}2023年法治政府建设情况报告（${i}）`),
      );
      return html(listPage('法治政府建设', `<ul>${links.join('')}</ul>`));
    }
    if (path === HOSTILE_OK_PAGE) return report(0);
    if (path === '/hostile/r/loop.html') return res.writeHead(302, { location: '/hostile/r/loop-back.html' }).end();
    if (path === '/hostile/r/loop-back.html') return res.writeHead(302, { location: '/hostile/r/loop.html' }).end();
    if (path === '/hostile/r/offsite.html')
      return res.writeHead(302, { location: 'http://elsewhere.invalid/report.html' }).end();
    if (path === '/hostile/r/metadata.html')
      return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (path === '/hostile/r/png.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(PNG);
    if (path === '/hostile/r/zip.html')
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(zipOf('report.html', reportPage(AGENCIES[1] ?? '', 2023, '001')));
    if (path === '/hostile/r/huge.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.from(`<p>${'法治政府建设'.repeat(3000)}</p>\n`);
      let left = Math.ceil((50 * 1024 * 1024) / chunk.length);
      res.on('close', () => {
        left = 0;
      });
      const pump = () => {
        while (left-- > 0) {
          hugeSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (path === '/hostile/r/trickle.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<');
      const timer = setInterval(() => res.write('p'), 1000);
      timers.add(timer);
      res.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
      });
      return;
    }
    // --- endless-calendar ---------------------------------------------------------------
    const m = /^\/calendar\/(\d{4})\/(\d{2})\/$/.exec(path);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const index = (y - 2024) * 12 + (mo - 1);
      const next = mo === 12 ? month(y + 1, 1) : month(y, mo + 1);
      const prev = mo === 1 ? month(y - 1, 12) : month(y, mo - 1);
      const reports =
        index >= 0 && index < CALENDAR_REPORT_MONTHS
          ? link(`/calendar/r/${y}${m[2]}.html`, `${AGENCIES[index % 5]}${2010 + index}年法治政府建设情况报告`)
          : '<li>本月无信息</li>';
      return html(
        listPage(
          `${y}年${mo}月`,
          `<ul>${reports}</ul><a href="/calendar/${prev}/">上一月</a> <a href="/calendar/${next}/">下一月</a>`,
        ),
      );
    }
    if (/^\/calendar\/r\/\d{6}\.html$/.test(path)) return report(Number(path.slice(-8, -5)));
    // --- endless-pager ------------------------------------------------------------------
    if (path === '/pager/list') {
      const page = Math.max(1, Number(new URLSearchParams(url.split('?')[1] ?? '').get('page') ?? 1) || 1);
      const items =
        page <= PAGER_REPORT_PAGES
          ? Array.from({ length: 5 }, (_, k) => {
              const n = (page - 1) * 5 + k;
              return link(`/pager/r/${n}.html`, `${AGENCIES[n % 5]}${2010 + n}年法治政府建设情况报告`);
            }).join('')
          : '<li>暂无信息</li>';
      return html(listPage(`第${page}页`, `<ul>${items}</ul><a href="/pager/list?page=${page + 1}">下一页</a>`));
    }
    if (/^\/pager\/r\/\d+\.html$/.test(path)) return report(Number(path.slice(9, -5)));
    // --- long-pager ---------------------------------------------------------------------
    if (path === '/longpager/list') {
      const page = Math.max(1, Number(new URLSearchParams(url.split('?')[1] ?? '').get('page') ?? 1) || 1);
      const item =
        page === 1 || page === LONG_PAGER_LATE_PAGE
          ? link(`/longpager/r/${page}.html`, `${AGENCIES[page % 5]}${2000 + page}年法治政府建设情况报告`)
          : link(`/longpager/news/${page}.html`, `第${page}期工作动态`);
      const next = page < LONG_PAGER_PAGES ? `<a href="/longpager/list?page=${page + 1}">下一页</a>` : '';
      return html(listPage(`第${page}页`, `<ul>${item}</ul>${next}`));
    }
    if (/^\/longpager\/r\/\d+\.html$/.test(path)) return report(Number(path.slice(13, -5)));
    res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sites = (defaults: Partial<SiteEntry> = {}): SiteEntry[] =>
    [
      {
        id: 'hostile-pages',
        name: '恶意站点',
        startUrls: [`${origin}/hostile/index.html`],
        reportLinkPattern: '/hostile/r/',
        maxPages: 50,
        maxConcurrency: 8,
      },
      {
        id: 'endless-calendar',
        name: '无尽日历',
        startUrls: [`${origin}/calendar/2024/01/`],
        reportLinkPattern: '/calendar/r/',
        listLinkPattern: '/calendar/\\d{4}/\\d{2}/$',
        maxPages: 2000,
        maxDepth: 1000,
      },
      {
        id: 'endless-pager',
        name: '无尽分页',
        startUrls: [`${origin}/pager/list?page=1`],
        reportLinkPattern: '/pager/r/',
        maxPages: 2000,
        maxDepth: 1000,
      },
      {
        id: 'long-pager',
        name: '长分页',
        startUrls: [`${origin}/longpager/list?page=1`],
        reportLinkPattern: '/longpager/r/',
        maxPages: 2000,
        maxDepth: 1000,
      },
    ].map((s) => ({
      ...s,
      allowedHosts: [new URL(origin).host],
      titleKeywords: ['法治政府建设'],
      requestsPerSecond: 100,
      allowPrivateNetwork: true,
      ...defaults,
    }));

  return {
    origin,
    hits,
    clearHits: () => {
      hits.length = 0;
    },
    hugeBytesSent: () => hugeSent,
    sites,
    siteYaml: (defaults) => renderSiteYaml(origin, sites(defaults)),
    close: async () => {
      for (const t of timers) clearInterval(t);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
