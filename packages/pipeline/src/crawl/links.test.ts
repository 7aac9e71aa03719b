import { describe, expect, it } from 'vitest';
import { discoverLinks } from './links.ts';

const rules = { titleKeywords: ['法治政府建设'] };

describe('discoverLinks', () => {
  it('picks report links by title keyword and ignores news, attachments and scripts', () => {
    const html = `<ul>
      <li><a href="./202403/t20240322_1.html" title="嘉定公安分局2023年法治政府建设情况">嘉定公安分局2023年...</a></li>
      <li><a href="./202403/t20240301_2.html">市公安局召开警务工作会议</a></li>
      <li><a href="/files/P020240301.pdf">警务工作会议材料.pdf</a></li>
      <li><a href="/files/法治政府建设.xlsx">法治政府建设统计表</a></li>
      <li><a href="javascript:void(0)">法治政府建设</a></li>
    </ul>`;
    const found = discoverLinks(html, 'http://x.gov.cn/gaxw/fzzfjs/index.html', rules);
    expect(found.reports).toEqual([
      { url: 'http://x.gov.cn/gaxw/fzzfjs/202403/t20240322_1.html', title: '嘉定公安分局2023年法治政府建设情况' },
    ]);
  });

  it('takes a PDF or DOCX whose link names a report as the report itself, with the date its entry shows', () => {
    const html = `<ul class="list">
      <li><a href="/files/2023法治政府建设年度报告.pdf">XX区2023年法治政府建设年度报告</a><span>2024-03-20</span></li>
      <li><span class="date">[2023/3/29]</span><a href="/files/P0203.docx" title="XX区2022年法治政府建设年度报告">XX区2022年...</a></li>
      <li><a href="/files/P0202.PDF">XX区2021年法治政府建设年度报告</a></li>
      <li><a href="/files/P0201.doc">XX区2020年法治政府建设年度报告</a><span>2021-03-31</span></li>
      <li><a href="/files/tz.pdf">关于春节假期安排的通知</a><span>2024-01-01</span></li>
    </ul>
    <table><tr><td><a href="/files/P0199.pdf">XX区2019年法治政府建设年度报告</a></td><td>2020-03-30</td></tr></table>`;
    const found = discoverLinks(html, 'http://x.gov.cn/col/index.html', rules);
    expect(found.reports).toEqual([
      {
        url: 'http://x.gov.cn/files/2023%E6%B3%95%E6%B2%BB%E6%94%BF%E5%BA%9C%E5%BB%BA%E8%AE%BE%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf',
        title: 'XX区2023年法治政府建设年度报告',
        document: { listDate: '2024-03-20' },
      },
      // A date before the link is the previous entry's as often as its own: not taken.
      { url: 'http://x.gov.cn/files/P0203.docx', title: 'XX区2022年法治政府建设年度报告', document: {} },
      { url: 'http://x.gov.cn/files/P0202.PDF', title: 'XX区2021年法治政府建设年度报告', document: {} },
      // A table row's date sits in the next cell.
      {
        url: 'http://x.gov.cn/files/P0199.pdf',
        title: 'XX区2019年法治政府建设年度报告',
        document: { listDate: '2020-03-30' },
      },
    ]);
  });

  it('never gives a link the date of the next entry', () => {
    const html = `<ul><li><a href="/files/a.pdf">2023年法治政府建设年度报告</a></li><li><a href="/b.html">通知</a><span>2024-01-02</span></li></ul>
      <a href="/files/c.pdf">2022年法治政府建设年度报告</a> <a href="/d.html">其他</a> 2024-01-03`;
    const found = discoverLinks(html, 'http://x.gov.cn/col/index.html', rules);
    expect(found.reports.map((r) => r.document)).toEqual([{}, {}]);
  });

  it('expands TRS createPageHTML pagination', () => {
    const html = '<script>createPageHTML(3, 0, "index", "html");</script>';
    const found = discoverLinks(html, 'http://x.gov.cn/col/index.html', rules);
    expect(found.lists).toEqual(['http://x.gov.cn/col/index_1.html', 'http://x.gov.cn/col/index_2.html']);
  });

  it('follows 下一页 and ?page= links', () => {
    const html = `<a href="list?page=2">2</a><a href="/other/next.html">下一页</a><a href="/elsewhere?page=3">3</a>`;
    const found = discoverLinks(html, 'http://x.gov.cn/list?page=1', rules);
    expect(found.lists.sort()).toEqual(['http://x.gov.cn/list?page=2', 'http://x.gov.cn/other/next.html']);
  });

  it('uses the site patterns when given', () => {
    const html = '<a href="/art/2024/3/5/art_1_2.html">2023年度报告</a><a href="/col/col9/index.html">栏目</a>';
    const found = discoverLinks(html, 'http://x.gov.cn/col/col1/index.html', {
      titleKeywords: ['法治政府建设'],
      reportLinkPattern: /\/art\/\d{4}\//,
      listLinkPattern: /\/col\/col9\//,
    });
    expect(found.reports.map((r) => r.url)).toEqual(['http://x.gov.cn/art/2024/3/5/art_1_2.html']);
    expect(found.lists).toEqual(['http://x.gov.cn/col/col9/index.html']);
  });

  it('closes a link its list item never closed, as browsers do (old CMS templates leave </a> out)', () => {
    const html = '<ul><li><a href="/news/1.html">工作动态<li><a href="/art/2.html">2023年法治政府建设年度报告</a></ul>';
    const found = discoverLinks(html, 'http://x.gov.cn/col/index.html', rules);
    expect(found.reports).toEqual([{ url: 'http://x.gov.cn/art/2.html', title: '2023年法治政府建设年度报告' }]);
  });
});

describe('discoverLinks memory', () => {
  it('returns titles that do not keep their list page alive', async () => {
    const { setFlagsFromString } = await import('node:v8');
    const { runInNewContext } = await import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // 100 list pages of 200 KB, each with one report link whose title needs no trimming.
    const page = (i: number) =>
      `<html><body><a href="/art/${i}.html">某市公安局${i}年法治政府建设情况报告</a>${'<p>某市公安局</p>'.repeat(12_000)}</body></html>`;
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: 100 }, (_, i) => discoverLinks(page(i), 'http://x.gov.cn/col/index.html', rules));
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(kept.every((k) => k.reports.length === 1)).toBe(true);
    // The pages are about 30 MB (two bytes a character); the titles a few KB.
    expect(grown).toBeLessThan(2 * 1024 * 1024);
  });
});
