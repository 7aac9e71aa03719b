import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import iconv from 'iconv-lite';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
const get = (site: FixtureSite, path: string, headers: Record<string, string> = {}) =>
  fetch(site.origin + path, { headers });
const text = async (site: FixtureSite, path: string) => (await get(site, path)).text();
const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('fixture site', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite({ pageSize: 3 });
  });
  afterAll(async () => {
    await site.close();
  });

  it('listens on a free port of 127.0.0.1', () => {
    expect(site.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(site.origin).port).not.toBe('0');
  });

  it('has the seeds, the written reports and a report in every section', () => {
    const main = site.reports.filter((r) => r.siteId === 'fixture-main');
    expect(main).toHaveLength(8);
    expect(main.map((r) => r.title)).toContain('武汉市公安局2021年法治政府建设年度报告');
    const jiading = main.find((r) => r.agency === '上海市公安局嘉定分局');
    expect(jiading).toMatchObject({
      title: '嘉定公安分局2023年法治政府建设情况',
      publishedAt: '2024-03-22',
      reportYear: 2023,
    });
    expect(jiading?.text.split('\n').slice(-2)).toEqual(['上海市公安局嘉定分局', '2024年3月22日']);
    for (const id of [
      'fixture-nextlink',
      'fixture-query',
      'fixture-countpage',
      'fixture-hanweb',
      'fixture-rss',
      'fixture-jsonly',
    ]) {
      expect(site.reports.filter((r) => r.siteId === id).length, id).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(site.reports.map((r) => r.text)).size).toBe(site.reports.length);
    expect(new Set(site.reports.map((r) => r.url)).size).toBe(site.reports.length);
    for (const r of site.reports) {
      expect(r.text).not.toMatch(/分享到|扫一扫|您的当前位置|【打印】|重点链接|发布日期/);
      expect(r.text).not.toMatch(/^\s|\s$|\s\s/m);
    }
  });

  it('renders every report body paragraph into its page, and the chrome around it', async () => {
    for (const r of site.reports) {
      const res = await get(site, r.path);
      expect(res.status, r.path).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      const html = decodeEntities(r.encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8'));
      expect(html).toContain(r.title);
      for (const p of r.text.split('\n')) expect(html, `${r.path}: ${p.slice(0, 20)}`).toContain(p);
    }
    const trs = site.reports.find((r) => r.template === 'trs' && r.siteId === 'fixture-main');
    const html = await text(site, trs?.path ?? '');
    for (const chrome of [
      'name="ArticleTitle"',
      'name="PubDate"',
      'name="ContentSource"',
      '发布日期：',
      '来源：',
      '【打印】',
      '【关闭】',
      '分享到',
      '扫一扫在手机打开当前页',
      '您的当前位置：',
      'TRS_Editor',
      '网站地图',
      '联系我们',
      '主办单位',
      '版权所有',
      'ICP备',
      '公网安备',
      '网站标识码',
      '全国各省市政府网站',
      '重点链接',
    ]) {
      expect(html).toContain(chrome);
    }
  });

  it('paginates the main list with createPageHTML and lists every main report', async () => {
    const first = await text(site, '/gaxw/fzzfjs/index.html');
    const m = /createPageHTML\((\d+), 0, "index", "html"\)/.exec(first);
    const count = Number(m?.[1]);
    expect(count).toBe(Math.ceil((8 + 4) / 3));
    const found = new Set<string>();
    for (let i = 0; i < count; i++) {
      const page = await text(site, `/gaxw/fzzfjs/index${i === 0 ? '' : `_${i}`}.html`);
      expect(page).toContain(`createPageHTML(${count}, ${i}, "index", "html")`);
      for (const h of hrefs(page))
        if (h.startsWith('./')) found.add(new URL(h, `${site.origin}/gaxw/fzzfjs/index.html`).pathname);
    }
    expect((await get(site, `/gaxw/fzzfjs/index_${count}.html`)).status).toBe(404);
    for (const r of site.reports.filter((x) => x.siteId === 'fixture-main')) expect(found).toContain(r.path);
    expect(hrefs(first)).toContain('/private/202403/t20240310_888888.html');
    expect(hrefs(first).some((h) => h.startsWith('http://other.example.invalid/'))).toBe(true);
    expect((await get(site, '/gaxw/fzzfjs/')).status).toBe(200);
  });

  it('serves GBK pages whose charset is only in the meta tag', async () => {
    const r = site.reports.find((x) => x.encoding === 'gbk' && x.siteId === 'fixture-main');
    expect(r).toBeDefined();
    const res = await get(site, r?.path ?? '');
    expect(res.headers.get('content-type')).toBe('text/html');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.toString('latin1')).toContain('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    expect(iconv.decode(bytes, 'gbk')).toContain(r?.title);
    expect(bytes.toString('utf8')).not.toContain(r?.title);
  });

  it('answers conditional GETs with 304 and logs every request with its headers', async () => {
    const path = site.reports[0]?.path ?? '';
    site.clearLog();
    const first = await get(site, path);
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(Date.parse(lastModified)).not.toBeNaN();
    expect((await get(site, path, { 'If-None-Match': etag })).status).toBe(304);
    expect((await get(site, path, { 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await get(site, path, { 'If-None-Match': '"other"' })).status).toBe(200);
    expect(site.log.map((e) => e.status)).toEqual([200, 304, 304, 200]);
    expect(site.log[1]).toMatchObject({ method: 'GET', path, host: new URL(site.origin).host });
    expect(site.log[1]?.headers['if-none-match']).toBe(etag);
    expect(site.log[0]?.t).toBeLessThanOrEqual(site.log[3]?.t ?? 0);
  });

  it('mutate changes content, ETag and Last-Modified; remove makes a page 404', async () => {
    const r = site.reports.find((x) => x.encoding === 'gbk') ?? site.reports[0];
    const path = r?.path ?? '';
    const before = await get(site, path);
    const etag = before.headers.get('etag') ?? '';
    site.mutate(path, (html) => html.replace('</body>', '<p>更正说明</p></body>'));
    const after = await get(site, path, { 'If-None-Match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(Date.parse(after.headers.get('last-modified') ?? '')).toBeGreaterThan(
      Date.parse(before.headers.get('last-modified') ?? ''),
    );
    expect(iconv.decode(Buffer.from(await after.arrayBuffer()), r?.encoding === 'gbk' ? 'gbk' : 'utf8')).toContain(
      '更正说明',
    );
    site.remove(path);
    expect((await get(site, path)).status).toBe(404);
    site.restore(path);
    expect((await get(site, path)).status).toBe(200);
  });

  it('follows 下一页 links to the end of the nextlink section', async () => {
    let path: string | undefined = '/xxgk/nextlink/index.html';
    const found = new Set<string>();
    let pages = 0;
    while (path) {
      const html = await text(site, path);
      pages++;
      for (const h of hrefs(html)) if (h.includes('/content/')) found.add(h);
      path = /<a href="([^"]+)" class="next">下一页<\/a>/.exec(html)?.[1];
    }
    expect(pages).toBe(3);
    for (const r of site.reports.filter((x) => x.siteId === 'fixture-nextlink')) expect(found).toContain(r.path);
  });

  it('serves ?page= lists and countPage lists', async () => {
    const q1 = await text(site, '/xxgk/query/list?page=1');
    expect(q1).toContain('共3页');
    expect(hrefs(q1)).toContain('list?page=2');
    const q3 = await text(site, '/xxgk/query/list?page=3');
    expect(q3).not.toContain('list?page=4');
    const query = site.reports.filter((x) => x.siteId === 'fixture-query');
    const all = (await Promise.all([1, 2, 3].map((n) => text(site, `/xxgk/query/list?page=${n}`)))).join('');
    for (const r of query) expect(all).toContain(`href="${r.path.replace('/xxgk/query/', '')}"`);
    expect((await get(site, query[0]?.path ?? '')).status).toBe(200);

    const c0 = await text(site, '/xxgk/countpage/index.html');
    expect(c0).toMatch(/var countPage = 3\b/);
    expect((await get(site, '/xxgk/countpage/index_2.html')).status).toBe(200);
    expect((await get(site, '/xxgk/countpage/index_3.html')).status).toBe(404);
  });

  it('serves a Hanweb column whose records come from dataproxy.jsp', async () => {
    const col = await text(site, '/col/col123/index.html');
    expect(col).toContain('columnid:123');
    expect(col).not.toContain('/art/');
    const post = (start: number, end: number) =>
      fetch(`${site.origin}/module/web/jpage/dataproxy.jsp?startrecord=${start}&endrecord=${end}&perpage=2`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'col=1&appid=1&webid=1&path=%2F&columnid=123&sourceContentType=1&unitid=4321&permissiontype=0',
      }).then((r) => r.text());
    const g1 = await post(1, 4);
    expect(g1).toContain('<totalrecord>8</totalrecord>');
    expect(g1.match(/<record>/g)).toHaveLength(4);
    const g2 = await post(5, 8);
    const found = [...`${g1}${g2}`.matchAll(/href="(\/art\/[^"]+)"/g)].map((m) => m[1]);
    for (const r of site.reports.filter((x) => x.siteId === 'fixture-hanweb')) expect(found).toContain(r.path);
  });

  it('serves robots.txt, sitemap.xml and rss.xml', async () => {
    const robots = await text(site, '/robots.txt');
    expect(robots).toContain('Disallow: /private/');
    expect(robots).toMatch(/Crawl-delay: \d/);
    expect((await get(site, '/private/202403/t20240310_888888.html')).status).toBe(200);
    const sitemap = await text(site, '/sitemap.xml');
    for (const r of site.reports.filter((x) => x.siteId === 'fixture-main'))
      expect(sitemap).toContain(`<loc>${r.url}</loc>`);
    const rss = await text(site, '/rss.xml');
    for (const r of site.reports.filter((x) => x.siteId === 'fixture-rss'))
      expect(rss).toContain(`<link>${r.url}</link>`);
  });

  it('keeps the JS-only list free of report links in its HTML', async () => {
    const html = await text(site, '/jsonly/index.html');
    const reports = site.reports.filter((x) => x.siteId === 'fixture-jsonly');
    for (const r of reports) expect(html).not.toContain(r.path.split('/').pop());
    const data = (await (await get(site, '/jsonly/data.json')).json()) as { items: { i: number; d: string }[] };
    for (const r of reports) expect(data.items.some((it) => r.path.endsWith(`_${it.i}.html`))).toBe(true);
  });

  it('fills the JS-only and Hanweb lists and writes TRS/countPage pagers when scripts run', async () => {
    const render = async (path: string) => {
      const url = site.origin + path;
      const virtualConsole = new VirtualConsole();
      const errors: string[] = [];
      virtualConsole.on('jsdomError', (e) => errors.push(e.message));
      const dom = new JSDOM(await text(site, path), {
        url,
        runScripts: 'dangerously',
        virtualConsole,
        beforeParse(window) {
          Object.assign(window, { fetch: (u: string, init?: RequestInit) => fetch(new URL(u, url), init) });
        },
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(errors).toEqual([]);
      const links = [...dom.window.document.querySelectorAll('a')].map(
        (a) => new URL(a.getAttribute('href') ?? '', url),
      );
      dom.window.close();
      return links.filter((u) => u.origin === site.origin).map((u) => u.pathname + u.search);
    };
    const jsonly = await render('/jsonly/index.html');
    for (const r of site.reports.filter((x) => x.siteId === 'fixture-jsonly')) expect(jsonly).toContain(r.path);
    const hanweb = await render('/col/col123/index.html');
    for (const r of site.reports.filter((x) => x.siteId === 'fixture-hanweb')) expect(hanweb).toContain(r.path);
    expect(await render('/gaxw/fzzfjs/index_1.html')).toEqual(
      expect.arrayContaining(['/gaxw/fzzfjs/index.html', '/gaxw/fzzfjs/index_2.html', '/gaxw/fzzfjs/index_3.html']),
    );
    expect(await render('/xxgk/countpage/index.html')).toEqual(
      expect.arrayContaining(['/xxgk/countpage/index_1.html', '/xxgk/countpage/index_2.html']),
    );
  });

  it('serves a WAF challenge under /waf/ and 503s under /__fail/N', async () => {
    const waf = await get(site, '/waf/gaxw/index.html');
    expect(waf.status).toBe(200);
    const body = await waf.text();
    expect(body).toContain('__jsl_clearance');
    expect(body).toContain('acw_sc__v2');
    const pass = `/wafpass${site.reports[0]?.path}`;
    expect(await (await get(site, pass)).text()).toContain('__jsl_clearance');
    expect(await (await get(site, pass, { Cookie: '__jsl_clearance=1711000000.123|0|abc' })).text()).toContain(
      site.reports[0]?.title,
    );
    const path = `/__fail/2${site.reports[0]?.path}?retryAfter=0`;
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const res = await get(site, path);
      if (i === 0) expect(res.headers.get('retry-after')).toBe('0');
      statuses.push(res.status);
    }
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('describes its sections as govwatch sites', () => {
    const yaml = site.siteYaml({
      overrides: { 'fixture-jsonly': { render: 'http' } },
      defaults: { requestsPerSecond: 5 },
    });
    for (const id of [
      'fixture-main',
      'fixture-nextlink',
      'fixture-query',
      'fixture-countpage',
      'fixture-hanweb',
      'fixture-rss',
      'fixture-jsonly',
      'fixture-waf',
    ]) {
      expect(yaml).toContain(`- id: "${id}"`);
    }
    expect(yaml).toContain(`startUrls: ["${site.origin}/gaxw/fzzfjs/index.html"]`);
    expect(yaml).not.toContain('render: "browser"');
    expect(yaml).toContain('requestsPerSecond: 5');
    const sites = site.sites({ only: ['fixture-jsonly'] });
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject({ render: 'browser', allowPrivateNetwork: true });
    for (const s of site.sites()) {
      const own = site.reports.filter((r) => r.siteId === s.id);
      for (const r of own) expect(new RegExp(s.reportLinkPattern ?? '').test(r.url), `${s.id} ${r.url}`).toBe(true);
    }
  });
});

describe('fixture site for benchmarks', () => {
  it('generates 500 distinct reports across 51 list pages', async () => {
    const site = await startFixtureSite({ reportCount: 500, newsCount: 10, latencyMs: 5 });
    try {
      const main = site.reports.filter((r) => r.siteId === 'fixture-main');
      expect(main).toHaveLength(500);
      expect(new Set(main.map((r) => r.text)).size).toBe(500);
      expect(new Set(main.map((r) => r.title)).size).toBe(500);
      const first = await (await fetch(`${site.origin}/gaxw/fzzfjs/index.html`)).text();
      expect(first).toContain('createPageHTML(51, 0, "index", "html")');
      const last = await fetch(`${site.origin}/gaxw/fzzfjs/index_50.html`);
      expect(last.status).toBe(200);
      const t0 = Date.now();
      await fetch(`${site.origin}${main[499]?.path}`);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(4);
    } finally {
      await site.close();
    }
  });
});
