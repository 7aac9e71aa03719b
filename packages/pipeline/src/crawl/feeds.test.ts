import { describe, expect, it } from 'vitest';
import { discoverFromXml, looksLikeXml } from './feeds.ts';
import { dataproxyGroup, findDataproxy } from './hanweb.ts';

const rules = { titleKeywords: ['法治政府建设'] };

describe('discoverFromXml', () => {
  it('reads RSS items by title', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <item><title>成都市公安局2016年法治政府建设情况报告</title><link>http://x.gov.cn/a/1.html</link></item>
      <item><title>交通管制通告</title><link>http://x.gov.cn/a/2.html</link></item></channel></rss>`;
    expect(looksLikeXml(rss, null)).toBe(true);
    expect(discoverFromXml(rss, 'http://x.gov.cn/rss.xml', rules).reports).toEqual([
      { url: 'http://x.gov.cn/a/1.html', title: '成都市公安局2016年法治政府建设情况报告' },
    ]);
  });

  it('takes a feed item that is a PDF named a report as a document report, and no other file', () => {
    const rss = `<rss version="2.0"><channel><title>t</title>
      <item><title>某区2023年法治政府建设年度报告</title><link>http://x.gov.cn/files/P1.pdf</link></item>
      <item><title>附件</title><link>http://x.gov.cn/t20240322_9.pdf</link></item></channel></rss>`;
    const found = discoverFromXml(rss, 'http://x.gov.cn/rss.xml', { ...rules, reportLinkPattern: /\/t\d{8}_\d+/ });
    expect(found.reports).toEqual([
      { url: 'http://x.gov.cn/files/P1.pdf', title: '某区2023年法治政府建设年度报告', document: {} },
    ]);
  });

  it('reads sitemaps by the report pattern and follows sitemap indexes', () => {
    const urlset = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x.gov.cn/t20240322_1.html</loc></url><url><loc>http://x.gov.cn/about.html</loc></url></urlset>`;
    const found = discoverFromXml(urlset, 'http://x.gov.cn/sitemap.xml', {
      ...rules,
      reportLinkPattern: /\/t\d{8}_\d+\.html$/,
    });
    expect(found.reports.map((r) => r.url)).toEqual(['http://x.gov.cn/t20240322_1.html']);
    const index = `<sitemapindex><sitemap><loc>http://x.gov.cn/s1.xml</loc></sitemap></sitemapindex>`;
    expect(discoverFromXml(index, 'http://x.gov.cn/sitemap.xml', rules).lists).toEqual(['http://x.gov.cn/s1.xml']);
  });

  it('reads Hanweb dataproxy records and their total', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><datastore><recordset>
      <record><![CDATA[<li><a href="/art/2017/3/31/art_123_1.html" title="武汉市公安局2016年法治政府建设情况报告">武汉</a></li>]]></record>
      <record><![CDATA[<li><a href="/art/2017/3/1/art_123_2.html" title="警情通报">警情通报</a></li>]]></record>
      </recordset><totalrecord>8</totalrecord></datastore>`;
    const found = discoverFromXml(xml, 'http://x.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=1', rules);
    expect(found.reports.map((r) => r.url)).toEqual(['http://x.gov.cn/art/2017/3/31/art_123_1.html']);
    expect(found.hanweb).toEqual({ totalRecords: 8 });
  });
});

describe('findDataproxy', () => {
  it('builds the first group request from the jpage config', () => {
    const html = `<script>jpage('4321', {proxyUrl:'/module/web/jpage/dataproxy.jsp',perPage:2,groupSize:3,ajaxParam:{col:1,appid:1,columnid:123,webname:'某市公安局',permissiontype:0}});</script>`;
    const req = findDataproxy(html, 'http://x.gov.cn/col/col123/index.html');
    expect(req).toMatchObject({ method: 'POST', start: 1, end: 6, step: 6 });
    expect(req?.url).toBe('http://x.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=6&perpage=2');
    expect(new URLSearchParams(req?.body).get('columnid')).toBe('123');
    expect(new URLSearchParams(req?.body).get('webname')).toBe('某市公安局');
    const next = dataproxyGroup(req?.url ?? '', req?.body ?? '', 7, 6, 2);
    expect(next.url).toContain('startrecord=7&endrecord=12');
  });

  it('finds nothing on an ordinary page', () => {
    expect(findDataproxy('<ul><li><a href="a.html">a</a></li></ul>', 'http://x.gov.cn/')).toBeNull();
  });
});
