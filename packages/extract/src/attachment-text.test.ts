import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { cjkPdf } from '../../../tests/fixtures/attachments/pdf.ts';
import { attachmentKind, attachmentText } from './attachment-text.ts';

const TITLE = '某某县2022年法治政府建设年度报告';
const PARAGRAPHS = [
  '2022年，某某县坚持以习近平法治思想为指导，深入贯彻落实《法治政府建设实施纲要（2021－2025年）》，全面推进依法行政，各项工作取得积极成效。',
  '一、主要举措和成效',
  '（一）深化“放管服”改革。全面推行证明事项告知承诺制，政务服务事项网上可办率达到98.5%，“一网通办”事项1268项。',
  '（二）严格规范公正文明执法。全面落实行政执法“三项制度”，开展执法案卷评查，评查案卷320卷。',
  '二、存在的不足和下一步打算',
  '基层执法力量仍显薄弱。2023年，我县将持续加强执法队伍建设，提升法治政府建设水平。',
  '某某县司法局',
  '2023年3月25日',
];

describe('attachmentText: PDF', () => {
  it('reads Chinese text through the ToUnicode map, one paragraph a line, page numbers dropped', async () => {
    const bytes = cjkPdf(TITLE, PARAGRAPHS);
    const got = await attachmentText(bytes, 'P020230330600123.pdf');
    expect(got?.kind).toBe('pdf');
    // Wrapped lines (30 characters each, over two pages) are joined back into their paragraphs.
    expect(got?.text).toBe([TITLE, ...PARAGRAPHS].join('\n'));
    expect(got?.text).not.toMatch(/- \d+ -/);
  });

  it('reads a Latin-text PDF of the simplest kind', async () => {
    const content =
      'BT /F1 12 Tf 72 720 Td (Annual   report on law-based government, 2022.) Tj 0 -20 Td (Second paragraph.) Tj ET';
    const pdf = [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj',
      '4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
      `5 0 obj << /Length ${content.length} >> stream\n${content}\nendstream endobj`,
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n');
    // No xref table: pdf.js rebuilds it, as it does for the many damaged PDFs sites serve.
    const got = await attachmentText(new TextEncoder().encode(pdf), 'report.pdf');
    expect(got).toEqual({ kind: 'pdf', text: 'Annual report on law-based government, 2022.\nSecond paragraph.' });
  });

  it('throws on a corrupt PDF instead of returning made-up text', async () => {
    await expect(attachmentText(new TextEncoder().encode('%PDF-1.7\n\u0000garbage'), 'x.pdf')).rejects.toThrow();
  });
});

describe('attachmentText: DOCX', () => {
  it('reads a Word document (written by the docx library) one paragraph a line, normalised like page text', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: TITLE, bold: true })] }),
            new Paragraph(''),
            // Indentation typed as ideographic spaces, a run split mid-sentence, doubled spaces.
            new Paragraph({
              children: [
                new TextRun('\u3000\u30002022年，某某县坚持依法行政，'),
                new TextRun({ text: '各项工作取得积极成效。', bold: true }),
              ],
            }),
            new Paragraph('一、主要举措和成效'),
            new Paragraph('（一）深化“放管服”改革。政务服务事项网上可办率达到98.5%，  “一网通办”事项1268项。'),
            new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('某某县司法局')] }),
            new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('2023年3月25日  ')] }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    expect(attachmentKind(bytes, 'report.docx')).toBe('docx');
    const got = await attachmentText(bytes, 'http://www.mmx.gov.cn/P020230330600123.docx');
    expect(got).toEqual({
      kind: 'docx',
      text: [
        TITLE,
        '2022年，某某县坚持依法行政，各项工作取得积极成效。',
        '一、主要举措和成效',
        '（一）深化“放管服”改革。政务服务事项网上可办率达到98.5%， “一网通办”事项1268项。',
        '某某县司法局',
        '2023年3月25日',
      ].join('\n'),
    });
  });
});

describe('attachmentKind', () => {
  it('goes by the bytes, not the name', () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n');
    expect(attachmentKind(pdf, 'report.doc')).toBe('pdf');
    // OLE (.doc) and WPS files are not read.
    expect(attachmentKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'report.doc')).toBeNull();
    expect(attachmentKind(new TextEncoder().encode('<html>'), 'report.pdf')).toBeNull();
  });

  it('returns null for what it cannot read', async () => {
    expect(await attachmentText(new TextEncoder().encode('<html><body>404</body></html>'), 'a.pdf')).toBeNull();
  });
});
