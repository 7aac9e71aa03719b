import { describe, expect, it } from 'vitest';
import { MAX_PAGE_BYTES, refusedPage } from './not-html.ts';

const withHead = (head: number[], size = 4096) => {
  const bytes = new Uint8Array(size).fill(0x41);
  bytes.set(head);
  return bytes;
};
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

describe('refusedPage', () => {
  it('refuses binary content that claims to be a page, naming what it is', () => {
    expect(refusedPage(withHead(PNG), 'text/html')).toBe('binary content (PNG) served as text/html');
    expect(refusedPage(withHead(ZIP), 'text/html; charset=utf-8')).toBe(
      'binary content (ZIP/DOCX) served as text/html; charset=utf-8',
    );
    expect(refusedPage(withHead(PNG), null)).toMatch(/served as a page without a Content-Type/);
    expect(refusedPage(withHead([0x00, 0x01, 0x02]), 'text/plain')).toMatch(/^binary content \(binary\)/);
  });

  it('leaves HTML, and files that say what they are, to the extractor', () => {
    const html = new TextEncoder().encode('<html><body><p>2023年法治政府建设情况报告</p></body></html>');
    expect(refusedPage(html, 'text/html')).toBeNull();
    expect(refusedPage(withHead([0xff, 0xfe, 0x3c, 0x00]), 'text/html')).toBeNull(); // UTF-16 with its BOM
    expect(refusedPage(withHead([0x25, 0x50, 0x44, 0x46]), 'application/pdf')).toBeNull();
  });

  it('refuses a page over the size limit whatever its type', () => {
    expect(refusedPage(new Uint8Array(MAX_PAGE_BYTES + 1), 'text/html')).toMatch(/^page too large/);
  });
});
