// The benchmark's world of many hosts (packages/fixture-site big-site.ts): one server per loopback
// address, pages of real size, conditional GETs, reports that change when asked.
import { type BigSite, startBigSite } from '@govwatch/fixture-site';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('big fixture site', () => {
  let site: BigSite;
  beforeAll(async () => {
    site = await startBigSite({ hosts: 3, pages: 60, firstOctet: 210 });
  });
  afterAll(() => site.close());

  it('serves every page from its own host, 20–80 KB, about one in ten a report', async () => {
    expect(site.pages).toHaveLength(60);
    expect(new Set(site.pages.map((p) => new URL(p.url).hostname))).toEqual(
      new Set(['127.0.0.210', '127.0.0.211', '127.0.0.212']),
    );
    expect(site.pages.filter((p) => p.kind === 'report')).toHaveLength(6);
    expect(site.pages.filter((p) => p.kind === 'list')).toHaveLength(6);
    for (const page of site.pages) {
      const res = await fetch(page.url);
      const html = await res.text();
      expect(res.status).toBe(200);
      const kb = Buffer.byteLength(html) / 1024;
      expect(kb).toBeGreaterThanOrEqual(19);
      expect(kb).toBeLessThanOrEqual(82);
      expect(html).toContain(page.kind === 'list' ? 'createPageHTML(2' : page.title);
    }
    expect(site.counts().byStatus[200]).toBe(60);
  });

  it('lists every article of a host on its two list pages', async () => {
    const origin = new URL(site.pages[0]?.url ?? '').origin;
    const lists = await Promise.all(
      ['/col/index.html', '/col/index_1.html'].map(async (p) => (await fetch(origin + p)).text()),
    );
    const articles = site.pages.filter((p) => p.kind !== 'list' && p.url.startsWith(origin));
    for (const a of articles) expect(lists.join('')).toContain(`href="${new URL(a.url).pathname}"`);
  });

  it('answers a conditional GET with 304 until a report changes', async () => {
    const report = site.pages.find((p) => p.kind === 'report');
    if (!report) throw new Error('no report page');
    const first = await fetch(report.url);
    const etag = first.headers.get('etag') ?? '';
    await first.arrayBuffer();
    site.resetCounts();
    expect((await fetch(report.url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect(site.counts()).toMatchObject({ requests: 1, conditional: 1 });
    const changed = site.changeReports(0.5);
    expect(changed).toHaveLength(3);
    expect(changed).toContain(report.url);
    const after = await fetch(report.url, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain('第1次修订');
  });
});
