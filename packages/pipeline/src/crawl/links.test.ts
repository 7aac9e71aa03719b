import { describe, expect, it } from 'vitest';
import { discoverLinks } from './links.ts';

const rules = { titleKeywords: ['法治政府建设'] };

describe('discoverLinks', () => {
  it('picks report links by title keyword and ignores news, attachments and scripts', () => {
    const html = `<ul>
      <li><a href="./202403/t20240322_1.html" title="嘉定公安分局2023年法治政府建设情况">嘉定公安分局2023年...</a></li>
      <li><a href="./202403/t20240301_2.html">市公安局召开警务工作会议</a></li>
      <li><a href="/files/法治政府建设.pdf">法治政府建设.pdf</a></li>
      <li><a href="javascript:void(0)">法治政府建设</a></li>
    </ul>`;
    const found = discoverLinks(html, 'http://x.gov.cn/gaxw/fzzfjs/index.html', rules);
    expect(found.reports).toEqual([
      { url: 'http://x.gov.cn/gaxw/fzzfjs/202403/t20240322_1.html', title: '嘉定公安分局2023年法治政府建设情况' },
    ]);
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
