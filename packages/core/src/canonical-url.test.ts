import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonical-url.ts';

describe('canonicalUrl', () => {
  it('lower-cases scheme and host, keeps path case', () => {
    expect(canonicalUrl('HTTP://GAJ.WuHan.Gov.CN/Art/2022/3/4/art_1.html')).toBe(
      'http://gaj.wuhan.gov.cn/Art/2022/3/4/art_1.html',
    );
  });

  it('drops default ports and keeps others', () => {
    expect(canonicalUrl('http://www.gov.cn:80/a/b.html')).toBe('http://www.gov.cn/a/b.html');
    expect(canonicalUrl('https://www.gov.cn:443/a/b.html')).toBe('https://www.gov.cn/a/b.html');
    expect(canonicalUrl('http://127.0.0.1:18080/a/b.html')).toBe('http://127.0.0.1:18080/a/b.html');
  });

  it('unifies index files and trailing slashes to the directory form', () => {
    const want = 'http://gaj.sh.gov.cn/gaxw/fzzfjs/';
    for (const u of [
      'http://gaj.sh.gov.cn/gaxw/fzzfjs/index.html',
      'http://gaj.sh.gov.cn/gaxw/fzzfjs/index.htm',
      'http://gaj.sh.gov.cn/gaxw/fzzfjs/INDEX.HTML',
      'http://gaj.sh.gov.cn/gaxw/fzzfjs/index.shtml',
      'http://gaj.sh.gov.cn/gaxw/fzzfjs/default.htm',
      'http://gaj.sh.gov.cn/gaxw/fzzfjs/',
      'http://gaj.sh.gov.cn/gaxw/fzzfjs',
      'http://gaj.sh.gov.cn/gaxw//fzzfjs//',
      'http://gaj.sh.gov.cn/gaxw/x/../fzzfjs/./index.html',
    ]) {
      expect(canonicalUrl(u), u).toBe(want);
    }
    expect(canonicalUrl('http://www.tjbh.gov.cn')).toBe('http://www.tjbh.gov.cn/');
    expect(canonicalUrl('http://www.tjbh.gov.cn/index.html')).toBe('http://www.tjbh.gov.cn/');
  });

  it('leaves file pages alone', () => {
    expect(canonicalUrl('http://www.yichun.gov.cn/ycsgaj/c1/202401/t20240110_5512.html')).toBe(
      'http://www.yichun.gov.cn/ycsgaj/c1/202401/t20240110_5512.html',
    );
    expect(canonicalUrl('http://x.gov.cn/a/indexes.html')).toBe('http://x.gov.cn/a/indexes.html');
    expect(canonicalUrl('http://x.gov.cn/a/index_2.html')).toBe('http://x.gov.cn/a/index_2.html');
  });

  it('drops fragments and tracking parameters', () => {
    expect(
      canonicalUrl(
        'https://gaj.wuhan.gov.cn/a/b.html?from=timeline&isappinstalled=0&spm=a2c4g.1&utm_source=wx&UTM_Medium=x#top',
      ),
    ).toBe('https://gaj.wuhan.gov.cn/a/b.html');
    expect(canonicalUrl('https://x.gov.cn/a/b.html#')).toBe('https://x.gov.cn/a/b.html');
    expect(canonicalUrl('https://x.gov.cn/a/b.html?')).toBe('https://x.gov.cn/a/b.html');
  });

  it('sorts the remaining query parameters', () => {
    expect(canonicalUrl('http://x.gov.cn/detail.jsp?id=42&cat=7&from=groupmessage&b=2&b=1')).toBe(
      'http://x.gov.cn/detail.jsp?b=1&b=2&cat=7&id=42',
    );
    expect(canonicalUrl('http://x.gov.cn/detail.jsp?cat=7&id=42')).toBe(
      canonicalUrl('http://x.gov.cn/detail.jsp?id=42&cat=7'),
    );
  });

  it('keeps one spelling of escapes and non-ASCII paths', () => {
    expect(canonicalUrl('http://x.gov.cn/%e6%b3%95%e6%b2%bb.html')).toBe('http://x.gov.cn/%E6%B3%95%E6%B2%BB.html');
    expect(canonicalUrl('http://x.gov.cn/法治.html')).toBe('http://x.gov.cn/%E6%B3%95%E6%B2%BB.html');
    expect(canonicalUrl('http://x.gov.cn/s?q=法治')).toBe(canonicalUrl('http://x.gov.cn/s?q=%E6%B3%95%E6%B2%BB'));
  });

  it('drops credentials, the host trailing dot and surrounding whitespace', () => {
    expect(canonicalUrl('  http://user:pw@www.gov.cn./a/b.html \n')).toBe('http://www.gov.cn/a/b.html');
  });

  it('is idempotent', () => {
    for (const u of [
      'HTTP://X.GOV.CN:80/a/index.html?z=1&a=2&from=x#f',
      'http://x.gov.cn/s?q=a+b&r=%2F',
      'https://x.gov.cn/a',
      'http://x.gov.cn/%e6%b3%95.html',
    ]) {
      const once = canonicalUrl(u);
      expect(canonicalUrl(once)).toBe(once);
    }
  });

  it('rejects what is not an absolute URL', () => {
    expect(() => canonicalUrl('/a/b.html')).toThrow(TypeError);
    expect(() => canonicalUrl('')).toThrow(TypeError);
  });
});
