// Discovery and politeness, asserted from the fixture site's request log.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dropPrefix, testPrefix } from '../helpers/test-queues.ts';
import { crawlOnce, siteOf } from './crawl-harness.ts';

let fixture: FixtureSite;
let offsite: Server;
const offsiteHits: string[] = [];
const prefix = testPrefix();

beforeAll(async () => {
  fixture = await startFixtureSite();
  offsite = createServer((req, res) => {
    offsiteHits.push(req.url ?? '');
    res.end('<html><body>off-site</body></html>');
  });
  await new Promise<void>((resolve) => offsite.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await fixture?.close();
  await new Promise((resolve) => offsite?.close(resolve));
  await dropPrefix(prefix);
});
beforeEach(() => fixture.clearLog());

const reportPaths = (siteId: string) => fixture.reports.filter((r) => r.siteId === siteId).map((r) => r.path);
/** What discovery must hand on: every report, plus the non-reports that match the site's report
 * pattern or carry the keyword in their title (only extraction can tell those apart). */
const expectedPaths = (siteId: string) => {
  const pattern = siteOf(fixture, siteId).reportLinkPattern;
  const candidate = (n: { url: string; title: string }) =>
    n.title.includes('法治政府建设') || (pattern !== undefined && new RegExp(pattern).test(n.url));
  const others = fixture.nonReports.filter((n) => n.siteId === siteId && candidate(n)).map((n) => n.path);
  return [...reportPaths(siteId), ...others].sort();
};
const foundPaths = (pages: Array<{ url: string }>) =>
  pages.map((p) => new URL(p.url).pathname + new URL(p.url).search).sort();

describe('pagination is followed to its end', () => {
  it.each([
    ['fixture-main', 'TRS createPageHTML index_N.html'],
    ['fixture-nextlink', '下一页 links'],
    ['fixture-query', '?page= links'],
    ['fixture-countpage', 'countPage script'],
    ['fixture-hanweb', 'Hanweb dataproxy.jsp POSTs'],
    ['fixture-rss', 'RSS feed'],
  ])('%s (%s)', async (id) => {
    const { pages, stats } = await crawlOnce(siteOf(fixture, id), prefix);
    expect(reportPaths(id).length).toBeGreaterThan(0);
    expect(foundPaths(pages)).toEqual(expectedPaths(id));
    expect(stats.discoveryComplete).toBe(true);
    expect(stats.errors).toEqual({});
  });
});

describe('politeness and scope', () => {
  it('never fetches a robots-disallowed path nor an off-site link, and names itself', async () => {
    const offOrigin = `http://127.0.0.1:${(offsite.address() as AddressInfo).port}`;
    fixture.mutate('/gaxw/fzzfjs/index.html', (html) =>
      html.replace(
        '</ul>',
        `<li><a href="${offOrigin}/gaxw/t20240301_1.html">某县公安局2023年法治政府建设情况报告</a></li></ul>`,
      ),
    );
    const { pages, stats } = await crawlOnce(siteOf(fixture, 'fixture-main'), prefix);
    expect(fixture.log.some((e) => e.path.startsWith('/private/'))).toBe(false);
    expect(stats.robotsDisallowed).toBeGreaterThan(0);
    expect(offsiteHits).toEqual([]);
    expect(pages.every((p) => new URL(p.url).origin === fixture.origin)).toBe(true);
    expect(fixture.log.every((e) => /^govwatch\/\S+ \(\+https?:\/\//.test(e.headers['user-agent'] ?? ''))).toBe(true);
  });

  it('stays within maxPages and maxDepth, and says the crawl was cut short', async () => {
    const { stats } = await crawlOnce(siteOf(fixture, 'fixture-nextlink', { defaults: { maxDepth: 0 } }), prefix);
    expect(stats.listPagesFetched).toBe(2); // the start page and the sitemap robots.txt names
    expect(fixture.log.filter((e) => e.path.startsWith('/xxgk/nextlink/list_')).length).toBe(0);
    // Older list pages went unread: their reports are unseen, not missing.
    expect(stats.discoveryComplete).toBe(false);
    fixture.clearLog();
    const capped = await crawlOnce(
      siteOf(fixture, 'fixture-main', { defaults: { maxPages: 4, maxConcurrency: 1 } }),
      prefix,
    );
    expect(fixture.log.filter((e) => e.path !== '/robots.txt').length).toBe(4);
    expect(capped.stats.discoveryComplete).toBe(false);
    expect(capped.stats.warnings).toContain('stopped at maxPages (4) for site fixture-main');
    // A full crawl is complete.
    expect((await crawlOnce(siteOf(fixture, 'fixture-main'), prefix)).stats.discoveryComplete).toBe(true);
  });

  it('honours robots.txt Crawl-delay when it is slower than the site rate', async () => {
    const slow = await startFixtureSite({ crawlDelay: 0.25 });
    try {
      await crawlOnce(siteOf(slow, 'fixture-countpage', { defaults: { requestsPerSecond: 50 } }), prefix);
      const times = slow.log.map((e) => e.t).sort((a, b) => a - b);
      expect(times.length).toBeGreaterThan(5);
      // Every request after robots.txt waits its own 250 ms slot: the n-th comes no sooner than n
      // slots after the first (a few ms of timer slack). Measured from the first, not pairwise: on
      // a loaded machine one request can arrive late and the next on time, which is no burst.
      const first = times[1] ?? 0;
      for (let i = 2; i < times.length; i++) expect((times[i] ?? 0) - first).toBeGreaterThanOrEqual((i - 1) * 250 - 10);
    } finally {
      await slow.close();
    }
  });

  it('refuses private addresses unless the site allows them', async () => {
    const site = siteOf(fixture, 'fixture-main', { defaults: { allowPrivateNetwork: false } });
    await expect(crawlOnce(site, prefix)).rejects.toThrow(
      /127\.0\.0\.1 resolves to private address .*allowPrivateNetwork/,
    );
    expect(fixture.log).toEqual([]);
    // GOVWATCH_ALLOW_PRIVATE=1 (passed down as allowPrivateNetwork) lifts the guard for every site.
    const allowed = await crawlOnce(site, prefix, { allowPrivateNetwork: true });
    expect(allowed.pages.length).toBe(expectedPaths('fixture-main').length);
  });
});

describe('failures', () => {
  it('retries a 503 after its Retry-After and then fetches the page', async () => {
    const report = fixture.reports.find((r) => r.siteId === 'fixture-main');
    const failing = `/__fail/2${report?.path}`;
    fixture.mutate('/gaxw/fzzfjs/index.html', (html) =>
      html.replace(
        '</ul>',
        `<li><a href="${failing}?retryAfter=1">某区公安分局2023年法治政府建设年度报告</a></li></ul>`,
      ),
    );
    const { pages } = await crawlOnce(siteOf(fixture, 'fixture-main'), prefix);
    const hits = fixture.log.filter((e) => e.path.startsWith('/__fail/2'));
    expect(hits.map((h) => h.status)).toEqual([503, 503, 200]);
    expect((hits[1]?.t ?? 0) - (hits[0]?.t ?? 0)).toBeGreaterThanOrEqual(950);
    expect(pages.some((p) => p.url.includes('/__fail/2'))).toBe(true);
  });

  it('retries a WAF challenge once in the browser, then records it as blocked', async () => {
    const report = fixture.reports.find((r) => r.siteId === 'fixture-main' && r.encoding === 'utf-8');
    fixture.mutate('/gaxw/fzzfjs/index.html', (html) =>
      html.replace(
        '</ul>',
        `<li><a href="/waf/gaxw/t20240301_7.html">某市公安局2023年法治政府建设情况报告</a></li>` +
          `<li><a href="/wafpass${report?.path}">${report?.title}（转载）</a></li>` +
          `<li><a href="/waf521${report?.path}">${report?.title}（镜像）</a></li></ul>`,
      ),
    );
    const { pages, blocked, stats } = await crawlOnce(siteOf(fixture, 'fixture-main'), prefix);
    expect(blocked.map((u) => new URL(u).pathname)).toEqual(['/waf/gaxw/t20240301_7.html']);
    expect(stats.errors.blocked).toBe(1);
    expect(stats.browserRetries).toBe(3);
    const passed = pages.find((p) => p.url.includes('/wafpass/'));
    expect(passed?.body.toString('utf8')).toContain(report?.text.slice(0, 20));
    // Jiasule's 521 challenge takes the same path.
    expect(fixture.log.some((e) => e.path.startsWith('/waf521/') && e.status === 521)).toBe(true);
    expect(pages.find((p) => p.url.includes('/waf521/'))?.body.toString('utf8')).toContain(report?.text.slice(0, 20));
    expect(pages.some((p) => p.url.includes('/waf/'))).toBe(false);
  });
});

describe('browser rendering', () => {
  it('finds the JS-only list with render: browser and says so plainly without it', async () => {
    const withHttp = await crawlOnce(siteOf(fixture, 'fixture-jsonly', { defaults: { render: 'http' } }), prefix);
    expect(withHttp.pages).toEqual([]);
    expect(withHttp.stats.warnings.join('\n')).toMatch(/no report links found.*set render: browser/);
    expect(withHttp.stats.discoveryComplete).toBe(false); // an empty list removes nothing

    const withBrowser = await crawlOnce(siteOf(fixture, 'fixture-jsonly'), prefix);
    expect(foundPaths(withBrowser.pages)).toEqual(expectedPaths('fixture-jsonly'));
  });

  it('counts a browser list page answering an error status as failed, so nothing is missing', async () => {
    const site = siteOf(fixture, 'fixture-jsonly');
    // 503 every time (Retry-After: 0); the error page holds no links.
    const failing = { ...site, startUrls: [`${fixture.origin}/__fail/99/jsonly/index.html?retryAfter=0`] };
    const { pages, stats } = await crawlOnce(failing, prefix);
    expect(pages).toEqual([]);
    expect(stats.errors.http_503).toBe(1); // one list, failed after crawlee's retries
    expect(stats.discoveryComplete).toBe(false);
    expect(fixture.log.filter((e) => e.path.startsWith('/__fail/99/jsonly/')).length).toBe(4); // 1 + 3 retries
  });

  it('passes a WAF challenge in front of a browser list, whatever status the challenge answers with', async () => {
    const site = siteOf(fixture, 'fixture-jsonly');
    for (const waf of ['waf403', 'waf521']) {
      const behindWaf = { ...site, startUrls: [`${fixture.origin}/${waf}/jsonly/index.html`] };
      const { pages, stats } = await crawlOnce(behindWaf, prefix);
      expect({ waf, errors: stats.errors }).toEqual({ waf, errors: {} });
      // Every report of the list (its links are relative: behind the same challenge, which the
      // report pages' browser retry passes too).
      expect(foundPaths(pages).map((path) => path.replace(`/${waf}/`, '/'))).toEqual(expectedPaths('fixture-jsonly'));
    }
  });

  it('keeps the browser on the site: a script sending the list page elsewhere is stopped', async () => {
    const offOrigin = `http://127.0.0.1:${(offsite.address() as AddressInfo).port}`;
    offsiteHits.length = 0;
    fixture.mutate('/jsonly/index.html', (html) =>
      html.replace(
        '</body>',
        `<script>setTimeout(function () { location.href = '${offOrigin}/elsewhere.html'; }, 200);</script></body>`,
      ),
    );
    const { pages } = await crawlOnce(siteOf(fixture, 'fixture-jsonly'), prefix);
    expect(offsiteHits).toEqual([]);
    expect(foundPaths(pages)).toEqual(expectedPaths('fixture-jsonly'));
  });
});
