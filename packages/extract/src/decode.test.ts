import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml, normalizeCharset } from './decode.ts';

const TEXT = '法治政府建设年度报告：严格规范公正文明执法，“放管服”改革。';
const page = (meta: string) => `<html><head>${meta}<title>t</title></head><body><p>${TEXT}</p></body></html>`;
const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeHtml', () => {
  it('reads the charset from the Content-Type header', () => {
    const r = decodeHtml(gbk(page('')), 'text/html; charset=GBK');
    expect(r.encoding).toBe('gbk');
    expect(r.html).toContain(TEXT);
  });
  it('reads <meta charset> and http-equiv', () => {
    expect(decodeHtml(gbk(page('<meta charset="gb2312">'))).html).toContain(TEXT);
    const r = decodeHtml(gbk(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')));
    expect(r).toMatchObject({ encoding: 'gbk' });
    expect(r.html).toContain(TEXT);
  });
  it('decodes GB18030-only characters on a page declared GB2312', () => {
    const s = page('<meta charset="gb2312">').replace('</p>', '𠮷€</p>');
    expect(decodeHtml(new Uint8Array(iconv.encode(s, 'gb18030'))).html).toContain('𠮷€');
  });
  it('honours a BOM over any declaration', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(page('<meta charset="gbk">'))]);
    const r = decodeHtml(bytes, 'text/html; charset=gbk');
    expect(r.encoding).toBe('utf-8');
    expect(r.html.startsWith('<html>')).toBe(true);
    expect(r.html).toContain(TEXT);
  });
  it('detects GBK when nothing is declared', () => {
    const r = decodeHtml(gbk(page('')));
    expect(r.encoding).toBe('gbk');
    expect(r.html).toContain(TEXT);
  });
  it('defaults to UTF-8 for undeclared UTF-8 and ASCII', () => {
    expect(decodeHtml(utf8(page(''))).html).toContain(TEXT);
    expect(decodeHtml(utf8('<p>hello</p>')).encoding).toBe('utf-8');
  });
  it('does not believe a declaration the bytes contradict', () => {
    // GBK bytes that say UTF-8.
    const a = decodeHtml(gbk(page('<meta charset="utf-8">')), 'text/html; charset=utf-8');
    expect(a.encoding).toBe('gbk');
    expect(a.html).toContain(TEXT);
    // UTF-8 bytes that say GB2312.
    const b = decodeHtml(utf8(page('<meta charset="gb2312">')), 'text/html; charset=gb2312');
    expect(b.encoding).toBe('utf-8');
    expect(b.html).toContain(TEXT);
    // UTF-8 bytes that say ISO-8859-1 (a common server default).
    expect(decodeHtml(utf8(page('')), 'text/html; charset=iso-8859-1').html).toContain(TEXT);
  });
  it('applies a site override, and ignores an unknown one', () => {
    expect(decodeHtml(gbk(page('<meta charset="utf-8">')), null, 'gbk').html).toContain(TEXT);
    expect(decodeHtml(utf8(page('')), null, 'no-such-charset').html).toContain(TEXT);
  });
  it('normalizes labels', () => {
    expect(normalizeCharset('GB2312')).toBe('gbk');
    expect(normalizeCharset('"UTF8"')).toBe('utf-8');
    expect(normalizeCharset('x-unknown')).toBeNull();
  });
  it('returns an empty string for empty input', () => {
    expect(decodeHtml(new Uint8Array(0))).toEqual({ html: '', encoding: 'utf-8' });
  });
});
