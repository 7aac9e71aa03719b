import { describe, expect, it } from 'vitest';
import { extract, MAX_PAGE_BYTES } from './extract.ts';

const url = 'https://gaj.example.gov.cn/fzzfjs/2024/t1.html';
const utf8 = (s: string) => new TextEncoder().encode(s);

// A small but complete report page.
const REPORT = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某市公安局2023年法治政府建设年度报告_某某市公安局</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<h1>某某市公安局2023年法治政府建设年度报告</h1><div class="info">发布日期：2024-03-01 来源：某某市公安局法制支队</div>
<div class="TRS_Editor">
<p>　　2023年，某某市公安局深入学习贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下：</p>
<p>一、主要工作</p><p>（一）完善制度体系。制定执法指引12件。</p><p>1.规范执法行为。全面落实行政执法三项制度。</p>
<p>二、下一步打算</p><p>（一）深化执法规范化建设。</p>
<p>某某市公安局</p><p>2024年2月28日</p>
</div><div class="footer">版权所有：某某市公安局 京ICP备12345678号</div></body></html>`;

// Bounds against hangs, not performance tests: generous, because the machine running the tests
// is shared and often loaded (normal times are 50–100× below these).
function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

describe('extract', () => {
  it('extracts a report page', () => {
    const r = extract({ bytes: utf8(REPORT), url: 'HTTPS://GAJ.Example.gov.cn/fzzfjs/2024/t1.html#top' });
    expect(r.url).toBe(url);
    expect(r.isReport).toBe(true);
    expect(r.title).toBe('某某市公安局2023年法治政府建设年度报告');
    expect(r.publishedAt).toBe('2024-03-01');
    expect(r.source).toBe('某某市公安局法制支队');
    expect(r.agency).toBe('某某市公安局');
    expect(r.reportYear).toBe(2023);
    expect(r.text.split('\n')[0]).toBe(
      '2023年，某某市公安局深入学习贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下：',
    );
    expect(r.text.endsWith('某某市公安局\n2024年2月28日')).toBe(true);
    expect(r.text).not.toMatch(/版权所有|首页|发布日期/);
    expect(r.sections).toEqual([
      { level: 1, heading: '一、主要工作' },
      { level: 2, heading: '（一）完善制度体系' },
      { level: 3, heading: '1.规范执法行为' },
      { level: 1, heading: '二、下一步打算' },
      { level: 2, heading: '（一）深化执法规范化建设' },
    ]);
    expect(r.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('honours titleKeywords', () => {
    const r = extract({ bytes: utf8(REPORT), url, titleKeywords: ['依法行政'] });
    expect(r.isReport).toBe(false);
  });

  it('treats an empty body as an empty page', () => {
    const r = extract({ bytes: new Uint8Array(0), url });
    expect(r).toMatchObject({ isReport: false, pageKind: 'empty', text: '' });
  });

  it('refuses binary content without decoding it', () => {
    for (const head of [
      [0x25, 0x50, 0x44, 0x46, 0x2d],
      [0x89, 0x50, 0x4e, 0x47],
      [0x50, 0x4b, 0x03, 0x04],
    ]) {
      const bytes = new Uint8Array(4096);
      bytes.set(head);
      const r = extract({ bytes, url });
      expect(r.isReport).toBe(false);
      expect(r.reasons.join(' ')).toMatch(/not HTML/);
    }
    const noise = new Uint8Array(100_000);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      noise[i] = x >>> 24;
    }
    expect(extract({ bytes: noise, url }).isReport).toBe(false);
  });

  it('extracts what it can from truncated HTML', () => {
    const cut = REPORT.slice(0, REPORT.indexOf('二、下一步打算') + 3);
    const r = extract({ bytes: utf8(cut), url });
    expect(r.title).toBe('某某市公安局2023年法治政府建设年度报告');
    expect(r.text).toContain('（一）完善制度体系');
    // Cut inside a multi-byte character and inside a tag.
    const bytes = utf8(REPORT);
    for (const n of [1, 17, 200, 333, bytes.length - 5])
      expect(() => extract({ bytes: bytes.subarray(0, n), url })).not.toThrow();
  });

  it('refuses pages above the size limit quickly (20 MB)', () => {
    const bytes = new Uint8Array(20 * 1024 * 1024).fill(0x3c);
    const { value, ms } = timed(() => extract({ bytes, url }));
    expect(value).toMatchObject({ isReport: false, pageKind: 'empty' });
    expect(value.reasons.join(' ')).toMatch(/too large/);
    expect(ms).toBeLessThan(3000);
  });

  it('parses a page just under the limit within a time bound', () => {
    const para = '<p>　　2023年，某某局深入推进法治政府建设，各项工作扎实推进，取得明显成效。</p>\n';
    const html = `<html><head><title>某某局2023年法治政府建设年度报告</title></head><body><div class="TRS_Editor">${para.repeat(Math.floor((MAX_PAGE_BYTES - 1000) / Buffer.byteLength(para)))}</div></body></html>`;
    const { value, ms } = timed(() => extract({ bytes: utf8(html), url }));
    expect(value.isReport).toBe(true);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it('survives 10,000 levels of nesting without recursion', () => {
    for (const [open, close] of [
      ['<div>', '</div>'],
      ['<span><b>', ''],
      ['<table><tr><td>', ''],
      ['<div class="share">', '</div>'],
    ] as const) {
      const html = `<html><body>${open.repeat(10_000)}<p>正文内容，很多字。</p>${close.repeat(10_000)}</body></html>`;
      const { value, ms } = timed(() => extract({ bytes: utf8(html), url }));
      expect(value.isReport).toBe(false);
      expect(ms).toBeLessThan(10_000);
    }
  }, 60_000);

  it('does not backtrack catastrophically on hostile lines', () => {
    const lines = [
      '打印 | '.repeat(40),
      `${'【'.repeat(100)}打印`,
      `分享到${'：'.repeat(150)}`,
      `${'2024-'.repeat(60)}01`,
    ];
    const html = `<html><body>${lines.map((l) => `<p>${l}</p>`).join('')}</body></html>`;
    const { ms } = timed(() => extract({ bytes: utf8(html), url }));
    expect(ms).toBeLessThan(3000);
  });

  it('rejects a non-byte input with a clear error', () => {
    expect(() => extract({ bytes: 'html' as unknown as Uint8Array, url })).toThrow(/Uint8Array/);
  });
});
