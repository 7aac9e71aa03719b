// Worker RSS and time on hostile list pages (issue 16): a list of 40,000 report links crawled with
// maxPages 200, and a page of 160,000 nested elements, each through the real crawler (crawlSite,
// Redis host limiter) against a local server. Prints duration and peak RSS of this process.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@govwatch/core';
import { crawlSite, createFetcher, Frontier } from '@govwatch/pipeline';
import { parseSites } from '@govwatch/sites';
import { Redis } from 'ioredis';

const links = (n: number) =>
  Array.from({ length: n }, (_, i) => `<li><a href="/r/t${i}.html">2023年法治政府建设年度报告${i}</a></li>`).join('');
const pages: Record<string, string> = {
  '/many.html': `<html><body><ul>${links(40_000)}</ul></body></html>`,
  '/deep.html': `<html><body>${'<div><span>'.repeat(80_000)}<ul>${links(10)}</ul>${'</span></div>'.repeat(80_000)}</body></html>`,
};
const server = createServer((req, res) => {
  const body = pages[req.url ?? ''] ?? (req.url?.startsWith('/r/') ? '<html><body><p>正文</p></body></html>' : null);
  if (body === null) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = `bench-hostile-${Date.now()}`;
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);

for (const [path, maxPages] of [
  ['/many.html', 200],
  ['/deep.html', 200],
] as const) {
  const site = parseSites(
    `sites:\n  - id: hostile\n    name: x\n    startUrls: ['${origin}${path}']\n    allowPrivateNetwork: true\n    reportLinkPattern: '/r/'\n    requestsPerSecond: 500\n    maxConcurrency: 8\n    maxPages: ${maxPages}\n`,
    'bench.yaml',
  )[0];
  if (!site) throw new Error('no site');
  peak = process.memoryUsage().rss;
  const started = performance.now();
  let maxLag = 0;
  let last = performance.now();
  const lag = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 10);
    last = now;
  }, 10);
  let handedOn = 0;
  const frontier = new Frontier(redis, prefix, `hostile-${path.slice(1, -5)}`);
  const stats = await crawlSite(site, {
    run: { frontier, shard: 1, leaseMs: 60_000 },
    log: createLogger('silent'),
    fetcher: createFetcher(redis, prefix, { userAgent: 'govwatch-bench', allowPrivateNetwork: true }),
    chromiumPath: '/usr/bin/chromium',
    pageState: () => undefined,
    onPage: async () => {
      handedOn++;
    },
    onBlocked: async () => undefined,
  });
  clearInterval(lag);
  await frontier.drop();
  if (!stats) throw new Error('no crawl stats');
  console.log(
    `${path} (${(pages[path]?.length ?? 0) / 1e6} M chars), maxPages ${maxPages}: ${Math.round(performance.now() - started)} ms, ` +
      `links found ${stats.reportLinksFound}, pages handed on ${handedOn}, peak RSS ${Math.round(peak / 2 ** 20)} MB, longest event-loop stall ${Math.round(maxLag)} ms`,
  );
}
clearInterval(sampler);
redis.disconnect();
server.close();
