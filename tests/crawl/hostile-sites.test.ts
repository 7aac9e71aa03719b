// Hostile sites are bounded: a crawl of pages that loop, redirect to cloud metadata, swell past
// the size limit, inflate from a gzip bomb, list 10,000 links or nest 100,000 elements deep
// finishes, records each page's reason, and fetches no permanent failure twice.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { parseSites, type Site } from '@govwatch/sites';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discoverLinksYielding } from '../../packages/pipeline/src/crawl/links.ts';
import { dropPrefix, testPrefix } from '../helpers/test-queues.ts';
import { crawlOnce } from './crawl-harness.ts';

const prefix = testPrefix();
let server: Server;
let origin: string;
const hits: string[] = [];
let bigBytesSent = 0;
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 }); // 64 KB → 64 MB
const report = (path: string, title = '2023年法治政府建设年度报告') => `<li><a href="${path}">${title}</a></li>`;
const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;
const hostileLinks = [
  '/r/loop-a.html',
  '/r/chain/1.html',
  '/r/metadata.html',
  '/r/big.html',
  '/r/bomb.html',
  '/r/ok.html',
];
const deepPage = page(
  `${'<div><span>'.repeat(50_000)}<ul>${report('/r/deep.html')}</ul>${'</span></div>'.repeat(50_000)}`,
);
const manyPage = page(`<ul>${Array.from({ length: 10_000 }, (_, i) => report(`/r/many-${i}.html`)).join('')}</ul>`);

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '';
    hits.push(path);
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    if (path === '/hostile.html')
      return html(page(`<ul>${hostileLinks.map((p) => report(p)).join('')}</ul><a href="/lists/deep.html">更多</a>`));
    if (path === '/lists/deep.html') return html(deepPage);
    if (path === '/lists/many.html') return html(manyPage);
    if (path === '/r/loop-a.html') return res.writeHead(302, { location: '/r/loop-b.html' }).end();
    if (path === '/r/loop-b.html') return res.writeHead(302, { location: '/r/loop-a.html' }).end();
    if (path.startsWith('/r/chain/'))
      return res.writeHead(301, { location: `/r/chain/${Number.parseInt(path.slice(9), 10) + 1}.html` }).end();
    if (path === '/r/metadata.html')
      return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (path === '/r/bomb.html') {
      return res
        .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': bomb.length })
        .end(bomb);
    }
    if (path === '/r/big.html') {
      // 50 MB with no Content-Length: only counting while reading can stop it.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let left = 800;
      res.on('close', () => {
        left = 0;
      });
      const pump = () => {
        while (left-- > 0) {
          bigBytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (path.startsWith('/r/')) return html(page(`<h1>2023年法治政府建设年度报告</h1><p>${'正文'.repeat(200)}</p>`));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await dropPrefix(prefix);
});
beforeEach(() => {
  hits.length = 0;
});

function siteAt(start: string, extra = ''): Site {
  const yaml = `sites:
  - id: hostile
    name: 恶意站点
    startUrls: ['${origin}${start}']
    allowPrivateNetwork: true
    reportLinkPattern: '/r/'
    listLinkPattern: '/lists/'
    requestsPerSecond: 200
    maxConcurrency: 4
${extra}`;
  const site = parseSites(yaml, 'hostile.yaml')[0];
  if (!site) throw new Error('no site');
  return site;
}

describe('a hostile site', () => {
  it('records every hostile page with its reason, fetches none of them twice, and finishes', async () => {
    const { pages, stats } = await crawlOnce(siteAt('/hostile.html'), prefix);
    expect(stats.errors).toEqual({ redirects: 2, private_address: 1, too_large: 2 });
    // Permanent failures are not retried: each hostile page was asked for once.
    for (const path of [
      '/r/loop-a.html',
      '/r/loop-b.html',
      '/r/chain/1.html',
      '/r/metadata.html',
      '/r/big.html',
      '/r/bomb.html',
    ]) {
      expect(
        hits.filter((h) => h === path),
        path,
      ).toHaveLength(1);
    }
    expect(hits.filter((h) => h.startsWith('/r/chain/'))).toHaveLength(6); // the first and 5 redirects
    expect(bigBytesSent).toBeLessThan(40 * 1024 * 1024);
    // The page 100,000 elements deep was read, and its link found.
    expect(pages.map((p) => new URL(p.url).pathname).sort()).toEqual(['/r/deep.html', '/r/ok.html']);
    expect(stats.listPagesFetched).toBe(2);
  });

  it('queues no more of a 10,000-link page than maxPages can take, and says it stopped there', async () => {
    const { pages, stats } = await crawlOnce(siteAt('/lists/many.html', '    maxPages: 50\n'), prefix);
    expect(stats.reportLinksFound).toBe(10_000);
    expect(hits.filter((h) => h !== '/robots.txt')).toHaveLength(50); // the list and 49 reports
    expect(pages).toHaveLength(49);
    expect(stats.discoveryComplete).toBe(false);
    expect(stats.warnings).toContain('stopped at maxPages (50) for site hostile');
  });
});

describe('link discovery on a huge page', () => {
  it('gives the event loop turns while it reads, so other crawls in the process go on', async () => {
    const huge = page(`<ul>${Array.from({ length: 60_000 }, (_, i) => report(`/r/x-${i}.html`)).join('')}</ul>`);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const found = await discoverLinksYielding(huge, `${origin}/lists/huge.html`, { titleKeywords: ['法治政府建设'] });
    clearInterval(ticker);
    expect(found.reports).toHaveLength(60_000);
    expect(turns).toBeGreaterThan(0);
  });
});
