import { describe, expect, it } from 'vitest';
import { minimalDocx } from '../../../tests/fixtures/attachments/docx.ts';
import { cjkPdf, textlessPdf } from '../../../tests/fixtures/attachments/pdf.ts';
import { documentRecord, isDocumentBytes, isDocumentUrl, listDateOf, readDocument } from './document-record.ts';
import { RecordContract } from './record.ts';

const URL_ = 'http://www.x.gov.cn/files/P020240320000111.pdf';
const TITLE = '某某区2023年法治政府建设年度报告';
const TEXT = [
  TITLE,
  '2023年，某某区全面推进依法行政，法治政府建设取得积极成效。',
  '一、主要举措和成效',
  '（一）深化“放管服”改革。政务服务事项网上可办率达到99.2%。',
  '某某区司法局',
  '2024年3月18日',
].join('\n');

describe('documentRecord', () => {
  it('takes the title from the link, the date from the list, the text from the file, the file as its attachment', () => {
    const record = documentRecord({
      url: URL_,
      got: { kind: 'pdf', text: TEXT },
      link: { title: TITLE, listDate: '2024-03-20' },
    });
    expect(RecordContract.strict().safeParse(stripExtensions(record)).success).toBe(true);
    expect(record).toMatchObject({
      url: URL_,
      isReport: true,
      title: TITLE,
      publishedAt: '2024-03-20',
      source: null,
      agency: '某某区司法局',
      reportYear: 2023,
      sections: [
        { level: 1, heading: '一、主要举措和成效' },
        { level: 2, heading: '（一）深化“放管服”改革' },
      ],
      attachments: [{ url: URL_, name: TITLE }],
      pageKind: 'report',
      textSource: 'document',
      textAttachment: { url: URL_, name: TITLE, kind: 'pdf' },
    });
    // The file's title line is the title, not text.
    expect(record.text.split('\n')[0]).toBe('2023年，某某区全面推进依法行政，法治政府建设取得积极成效。');
    expect(record.reasons[0]).toBe('document: a PDF linked from a list page, read as the report itself');
  });

  it("uses the file's signature date without a list date, and its opening line when the link text was cut short", () => {
    const record = documentRecord({
      url: URL_,
      got: { kind: 'docx', text: TEXT },
      link: { title: '某某区2023年法治政府建设...' },
    });
    expect(record.title).toBe(TITLE);
    expect(record.publishedAt).toBe('2024-03-18');
    expect(record.reportYear).toBe(2023);
    expect(record.text.startsWith('2023年，')).toBe(true);
  });

  it('keeps a link title that differs from the opening line, and still drops that line from the text', () => {
    const record = documentRecord({
      url: URL_,
      got: { kind: 'pdf', text: TEXT },
      link: { title: '区政府2023年度法治政府建设情况', listDate: null },
    });
    expect(record.title).toBe('区政府2023年度法治政府建设情况');
    expect(record.text.startsWith('2023年，')).toBe(true);
  });

  it('is no report when neither the link nor the file names a title keyword', () => {
    const record = documentRecord({
      url: URL_,
      got: { kind: 'pdf', text: '春节放假七天。' },
      link: { title: '关于春节假期安排的通知' },
      titleKeywords: ['法治政府建设'],
    });
    expect(record).toMatchObject({ isReport: false, pageKind: 'article', reportYear: null });
  });
});

describe('readDocument', () => {
  it('reads a PDF and a DOCX, going by their bytes', async () => {
    const body = '2023年，某某区坚持以习近平法治思想为指导，全面推进依法行政，法治政府建设各项工作取得积极成效。';
    const pdf = await readDocument(cjkPdf(TITLE, [body]), URL_, 'application/pdf');
    expect(pdf).toEqual({ ok: { kind: 'pdf', text: `${TITLE}\n${body}` } });
    const docx = await readDocument(minimalDocx([TITLE, '正文。']), 'http://x.gov.cn/a.pdf', null);
    expect(docx).toEqual({ ok: { kind: 'docx', text: `${TITLE}\n正文。` } });
  });

  it('fails a corrupt PDF, a scan without text and a binary that is neither, each with its reason', async () => {
    const corrupt = await readDocument(new TextEncoder().encode('%PDF-1.7\n\u0000garbage'), URL_, 'application/pdf');
    expect(corrupt).toEqual({ failed: expect.stringMatching(/^document unreadable: the PDF cannot be read: .+/) });
    expect(await readDocument(textlessPdf(), URL_, 'application/pdf')).toEqual({
      failed: 'document unreadable: the PDF has no text (a scanned image?)',
    });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await readDocument(ole, 'http://x.gov.cn/a.docx', 'application/msword')).toEqual({
      failed: 'document unreadable: not a PDF or DOCX file (OLE/DOC content, content-type application/msword)',
    });
    expect(await readDocument(new Uint8Array(), URL_, 'application/pdf')).toEqual({
      failed: 'document unreadable: not a PDF or DOCX file (an empty body, content-type application/pdf)',
    });
  });

  it('knows a file by its bytes, not by a "%PDF-" quoted in a page', () => {
    expect(isDocumentBytes(cjkPdf(TITLE, ['正文。']))).toBe(true);
    expect(isDocumentBytes(minimalDocx([TITLE]))).toBe(true);
    expect(isDocumentBytes(new TextEncoder().encode('<html><body><p>%PDF-1.4 是一种文件格式</p></body></html>'))).toBe(
      false,
    );
    expect(isDocumentBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(false);
  });

  it('hands back a page served where the link promised a file (a viewer, a soft 404)', async () => {
    const html = new TextEncoder().encode('<html><body><p>文件不存在</p></body></html>');
    expect(await readDocument(html, URL_, 'text/html')).toEqual({ notDocument: true });
  });
});

describe('isDocumentUrl and listDateOf', () => {
  it('know a PDF or DOCX link by its path, and a list date in its usual spellings', () => {
    expect(isDocumentUrl('http://x.gov.cn/files/报告.PDF')).toBe(true);
    expect(isDocumentUrl('http://x.gov.cn/files/a.docx?v=2')).toBe(true);
    expect(isDocumentUrl('http://x.gov.cn/files/a.doc')).toBe(false);
    expect(isDocumentUrl('http://x.gov.cn/pdf/index.html')).toBe(false);
    expect(listDateOf(' 2024-03-20 ')).toBe('2024-03-20');
    expect(listDateOf('[2024/3/5]')).toBe('2024-03-05');
    expect(listDateOf('发布时间：2024年3月20日')).toBe('2024-03-20');
    expect(listDateOf('阅读 1200 次')).toBeNull();
  });
});

function stripExtensions(r: Record<string, unknown>) {
  const { pageKind: _k, reasons: _r, textSource: _s, textAttachment: _a, ...contract } = r;
  return contract;
}
