// A world of many small government sites for the pipeline benchmark (issue 13): one HTTP server
// per host, each on its own loopback address (127.0.0.2, 127.0.0.3, …), every page 20–80 KB as
// real ones are (big navigation headers, inline scripts, footer link boxes). Per host a TRS column
// of two list pages (createPageHTML) linking articles under /art/: about one in ten is a
// 法治政府建设 report, the rest news and notices. Pages have strong ETags and Last-Modified and
// answer conditional GETs with 304; changeReports() edits some reports in place.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { esc, footer } from './html.ts';
import { seedParagraphs } from './seed-text.ts';
import { renderTrs } from './templates/trs.ts';
import type { SiteEntry } from './types.ts';

export type BigSiteOptions = {
  /** Hosts, one server each on 127.0.0.(firstOctet + i). Default 200. */
  hosts?: number;
  /** Pages over all hosts, list pages included. Default 5000. */
  pages?: number;
  /** Last octet of the first host's address. Default 2. */
  firstOctet?: number;
  /** Share of article pages that are reports. Default 0.1 of all pages. */
  reportShare?: number;
};

export type BigPage = { url: string; kind: 'list' | 'report' | 'news' | 'notice'; title: string };

export type BigSite = {
  /** Every page, list pages first per host: the URL list a plain crawler fetches. */
  pages: BigPage[];
  /** One site entry per host (site ids big-001 …), for a sites.yaml. */
  sites(defaults?: Partial<SiteEntry>): SiteEntry[];
  /** Requests answered so far, by status. */
  counts(): { requests: number; byStatus: Record<number, number>; conditional: number };
  resetCounts(): void;
  /** Rewrite a share of the report pages (new text, ETag, Last-Modified); returns their URLs. */
  changeReports(share: number): string[];
  close(): Promise<void>;
};

type Served = {
  body: Buffer;
  etag: string;
  lastModified: Date;
  page: BigPage;
  render: (edition: number) => string;
  edition: number;
};

/** A small deterministic PRNG (mulberry32): the same world on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS: [string, string][] = [
  ['000', '上海市公安局2021年法治政府建设情况报告'],
  ['001', '嘉定公安分局2023年法治政府建设情况'],
  ['002', '宜春市公安局2023年法治政府建设工作情况报告'],
  ['003', '武汉市公安局2021年法治政府建设年度报告'],
  ['004', '天津市滨海新区公安局2023年法治政府建设情况报告'],
];

/** Sentences of the five real reports: the bank every generated body draws from. */
function sentenceBank(): string[] {
  const out: string[] = [];
  for (const [id, title] of SEEDS) {
    for (const p of seedParagraphs(id, title)) for (const s of p.split(/(?<=。)/)) if (s.length >= 12) out.push(s);
  }
  return out;
}

const CITIES = [
  '江宁',
  '鼓楼',
  '秦淮',
  '玄武',
  '浦口',
  '六合',
  '溧水',
  '高淳',
  '栖霞',
  '雨花台',
  '建邺',
  '江阴',
  '宜兴',
  '新吴',
  '梁溪',
  '锡山',
  '惠山',
  '滨湖',
];
const NEWS_TOPICS = [
  '开展夏季治安打击整治行动',
  '召开警务工作会议',
  '举办警营开放日活动',
  '开展反诈宣传进社区',
  '部署道路交通安全工作',
  '表彰优秀民警',
  '开展消防安全检查',
  '召开党风廉政建设会议',
];
const NOTICES = [
  '关于调整户籍业务办理时间的通告',
  '关于公开招聘警务辅助人员的公告',
  '关于开展集中清理整治行动的通告',
  '关于机动车驾驶人考试安排的通知',
];

/** Navigation menus, inline scripts and link boxes: what makes a real page 20–80 KB. */
function chrome(host: number, bytes: number, rand: () => number): { head: string; tail: string } {
  let menu = '';
  for (let i = 0; menu.length < bytes * 0.45; i++) {
    menu += `<li><a href="/col/col${1000 + i}/index.html" title="${CITIES[i % CITIES.length]}栏目${i}">${NEWS_TOPICS[i % NEWS_TOPICS.length]?.slice(2, 6)}${i}</a></li>`;
  }
  let script = '';
  for (let i = 0; script.length < bytes * 0.45; i++) {
    script += `var cfg_${i}={site:${host},col:${Math.floor(rand() * 9000)},stat:"${Math.floor(rand() * 1e9).toString(36)}"};function track_${i}(e){if(window._hmt){_hmt.push(["_trackEvent","nav","click",cfg_${i}.stat]);}return e;}\n`;
  }
  return {
    head: `<div class="top-nav"><ul>${menu}</ul></div>\n<script type="text/javascript">\n${script}</script>\n`,
    tail: `<div class="friend-links">${footer(`江苏省${CITIES[host % CITIES.length]}公安局`)}</div>\n`,
  };
}

function pick<T>(items: T[], rand: () => number): T {
  return items[Math.floor(rand() * items.length)] as T;
}

export async function startBigSite(opts: BigSiteOptions = {}): Promise<BigSite> {
  const hostCount = opts.hosts ?? 200;
  const total = opts.pages ?? 5000;
  const firstOctet = opts.firstOctet ?? 2;
  const reportShare = opts.reportShare ?? 0.1;
  const bank = sentenceBank();
  const servers: Server[] = [];
  const byHost = new Map<string, Map<string, Served>>();
  const pages: BigPage[] = [];
  const counts = { requests: 0, byStatus: {} as Record<number, number>, conditional: 0 };
  const originOf: string[] = [];
  const lastModified = new Date(Date.UTC(2026, 0, 5, 8, 0, 0));

  const routesOf: Map<string, Served>[] = Array.from({ length: hostCount }, () => new Map());
  const handler = (routes: Map<string, Served>) =>
    createServer((req, res) => {
      counts.requests++;
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const e = routes.get(path);
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      if (inm || ims) counts.conditional++;
      let status = 200;
      if (!e) status = 404;
      else if (
        inm
          ? inm.split(',').some((t) => t.trim() === e.etag)
          : ims !== undefined && e.lastModified.getTime() <= Date.parse(ims)
      )
        status = 304;
      counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
      if (!e) {
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end('<html><body>404</body></html>');
        return;
      }
      const headers = { Server: 'nginx', ETag: e.etag, 'Last-Modified': e.lastModified.toUTCString() };
      if (status === 304) {
        res.writeHead(304, headers).end();
        return;
      }
      res
        .writeHead(200, {
          ...headers,
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': String(e.body.length),
        })
        .end(e.body);
    });

  const setBody = (s: Served, modified: Date) => {
    s.body = Buffer.from(s.render(s.edition), 'utf8');
    s.etag = `"${createHash('sha256').update(s.body).digest('hex').slice(0, 32)}"`;
    s.lastModified = new Date(Math.floor(modified.getTime() / 1000) * 1000);
  };

  try {
    for (let h = 0; h < hostCount; h++) {
      const server = handler(routesOf[h] as Map<string, Served>);
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, `127.0.0.${firstOctet + h}`, () => resolve());
      });
      const { address, port } = server.address() as AddressInfo;
      originOf.push(`http://${address}:${port}`);
    }
  } catch (err) {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    throw new Error(
      `big fixture site: cannot listen on 127.0.0.${firstOctet}…${firstOctet + hostCount - 1} (${(err as Error).message})`,
    );
  }

  const reportsTotal = Math.round(total * reportShare);
  let reportsMade = 0;
  for (let h = 0; h < hostCount; h++) {
    const rand = prng(1000 + h);
    const origin = originOf[h] as string;
    const routes = routesOf[h] as Map<string, Served>;
    byHost.set(origin, routes);
    const city = `${CITIES[h % CITIES.length]}${h + 1}`;
    const siteName = `${city}区公安分局`;
    // Pages of this host: an even share of the total, two of them list pages.
    const hostPages = Math.floor(total / hostCount) + (h < total % hostCount ? 1 : 0);
    const articles = hostPages - 2;
    const reportsHere = Math.round(((h + 1) * reportsTotal) / hostCount) - reportsMade;
    reportsMade += reportsHere;
    const links: BigPage[] = [];
    for (let i = 0; i < articles; i++) {
      const kind: BigPage['kind'] = i < reportsHere ? 'report' : i % 3 === 0 ? 'notice' : 'news';
      const year = 2019 + ((h + i) % 6);
      const title =
        kind === 'report'
          ? `${siteName}${year}年法治政府建设${i % 2 ? '情况报告' : '年度报告'}`
          : kind === 'notice'
            ? `${siteName}${pick(NOTICES, rand)}`
            : `${siteName}${pick(NEWS_TOPICS, rand)}（${i}）`;
      const page: BigPage = { url: `${origin}/art/${2026000 + i}.html`, kind, title };
      links.push(page);
      const size = 20_000 + Math.floor(rand() * 60_000);
      const { head, tail } = chrome(h, (size - 6_000) * 0.8, rand);
      const paragraphs: string[] = [];
      const n = kind === 'report' ? 30 + Math.floor(rand() * 30) : 6 + Math.floor(rand() * 10);
      for (let k = 0; k < n; k++)
        paragraphs.push(
          kind === 'report' && k % 8 === 0
            ? `${'一二三四五六七'[k / 8]}、${pick(bank, rand).slice(0, 14)}`
            : `${city}${pick(bank, rand)}${pick(bank, rand)}`,
        );
      if (kind === 'report') paragraphs.push(siteName, `${year + 1}年1月${1 + (i % 28)}日`);
      const served: Served = {
        page,
        body: Buffer.alloc(0),
        etag: '',
        lastModified,
        edition: 0,
        render: (edition) =>
          renderTrs({
            title,
            siteName,
            date: `${year + 1}-01-${String(1 + (i % 28)).padStart(2, '0')}`,
            time: '09:30',
            source: siteName,
            showDate: true,
            paragraphs: edition
              ? [
                  ...paragraphs.slice(0, 3),
                  `（第${edition}次修订）本报告第三部分已根据最新情况更新。`,
                  ...paragraphs.slice(3),
                ]
              : paragraphs,
            columnName: '通知公告',
            columnHref: '/col/index.html',
          })
            .replace('<body>\n', `<body>\n${head}`)
            .replace('</body>', `${tail}</body>`),
      };
      setBody(served, lastModified);
      routes.set(new URL(page.url).pathname, served);
    }
    // Two list pages (TRS createPageHTML), newest first.
    const half = Math.ceil(links.length / 2);
    for (let p = 0; p < 2; p++) {
      const path = p === 0 ? '/col/index.html' : '/col/index_1.html';
      const page: BigPage = { url: origin + path, kind: 'list', title: `通知公告 第${p + 1}页` };
      const items = links.slice(p * half, (p + 1) * half);
      const { head, tail } = chrome(h, 18_000 + Math.floor(rand() * 20_000), rand);
      const render =
        () => `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>通知公告_${esc(siteName)}</title></head><body>\n${head}
<div class="list"><ul>\n${items.map((a, k) => `<li><a href="${new URL(a.url).pathname}" title="${esc(a.title)}" target="_blank">${esc(a.title)}</a><span>2026-01-${String(1 + (k % 28)).padStart(2, '0')}</span></li>`).join('\n')}\n</ul></div>
<script>createPageHTML(2, ${p}, "index", "html");</script>\n${tail}</body></html>\n`;
      const served: Served = { page, body: Buffer.alloc(0), etag: '', lastModified, edition: 0, render };
      setBody(served, lastModified);
      routes.set(path, served);
      pages.push(page);
    }
    pages.push(...links);
  }

  return {
    pages,
    sites(defaults = {}) {
      return originOf.map((origin, h) => ({
        id: `big-${String(h + 1).padStart(3, '0')}`,
        name: `${CITIES[h % CITIES.length]}${h + 1}区公安分局`,
        startUrls: [`${origin}/col/index.html`],
        // Every article is fetched (the same URL list a plain crawler gets); extraction tells reports apart.
        reportLinkPattern: '/art/\\d+\\.html$',
        allowPrivateNetwork: true,
        requestsPerSecond: 2,
        maxConcurrency: 2,
        ...defaults,
      }));
    },
    counts: () => ({ requests: counts.requests, byStatus: { ...counts.byStatus }, conditional: counts.conditional }),
    resetCounts() {
      counts.requests = 0;
      counts.byStatus = {};
      counts.conditional = 0;
    },
    changeReports(share) {
      const reports = [...byHost.values()].flatMap((routes) =>
        [...routes.values()].filter((s) => s.page.kind === 'report'),
      );
      const n = Math.max(1, Math.round(reports.length * share));
      const step = reports.length / n;
      const changed: string[] = [];
      for (let k = 0; k < n; k++) {
        const s = reports[Math.floor(k * step)] as Served;
        s.edition++;
        setBody(s, new Date(Date.now()));
        changed.push(s.page.url);
      }
      return changed;
    },
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((r) => {
              s.closeAllConnections();
              s.close(() => r());
            }),
        ),
      ).then(() => undefined),
  };
}
