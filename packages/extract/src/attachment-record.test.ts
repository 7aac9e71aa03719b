import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textAttachmentOf, withAttachmentText } from './attachment-record.ts';
import { extract } from './extract.ts';
import { contentHashOf } from './hash.ts';
import type { ExtractedRecord } from './record.ts';

const CASES = new URL('../../../tests/fixtures/extract/cases/', import.meta.url);
const page = () =>
  extract({
    bytes: readFileSync(new URL('41-attachment-only-report.html', CASES)),
    url: 'http://www.mmx.gov.cn/zwgk/fzzfjs/202303/t20230330_1.html',
    contentType: 'text/html',
  });

const DOC_TEXT = [
  '某某县2022年',
  '法治政府建设年度报告',
  '2022年，某某县坚持依法行政，各项工作取得积极成效。',
  '一、主要举措和成效',
  '（一）深化“放管服”改革。政务服务事项网上可办率达到98.5%。',
  '1.推行告知承诺制',
  '二、存在的不足和下一步打算',
  '基层执法力量仍显薄弱。',
  '某某县司法局',
  '2023年3月25日',
].join('\n');

describe('textAttachmentOf', () => {
  it('picks the PDF of an attachment-only report page', () => {
    const record = page();
    expect(record).toMatchObject({ isReport: true, text: '', textSource: 'page' });
    expect(textAttachmentOf(record)?.url).toBe('http://www.mmx.gov.cn/zwgk/fzzfjs/202303/P020230330600123.pdf');
  });

  it('leaves pages with a body of their own, non-reports and unreadable attachments alone', () => {
    const record = page();
    expect(textAttachmentOf({ ...record, text: '正文'.repeat(150) })).toBeNull();
    expect(textAttachmentOf({ ...record, isReport: false })).toBeNull();
    expect(
      textAttachmentOf({ ...record, attachments: [{ url: 'http://x.gov.cn/a.doc', name: '报告.doc' }] }),
    ).toBeNull();
  });

  it('prefers the attachment named a report', () => {
    const record: ExtractedRecord = {
      ...page(),
      attachments: [
        { url: 'http://x.gov.cn/1.pdf', name: '附件1 数据统计表.pdf' },
        { url: 'http://x.gov.cn/2.docx', name: '附件2 法治政府建设年度报告.docx' },
      ],
    };
    expect(textAttachmentOf(record)?.url).toBe('http://x.gov.cn/2.docx');
  });
});

describe('withAttachmentText', () => {
  it('takes text, outline and hash from the attachment, keeps the page metadata, says where the text came from', () => {
    const record = page();
    const attachment = record.attachments[0];
    if (!attachment) throw new Error('fixture has no attachment');
    const got = withAttachmentText(record, { text: DOC_TEXT, kind: 'pdf' }, attachment);
    // The title the document opens with (here over two lines) is the record's title, not text.
    const text = DOC_TEXT.split('\n').slice(2).join('\n');
    expect(got).toMatchObject({
      isReport: true,
      title: '某某县2022年法治政府建设年度报告',
      publishedAt: '2023-03-30',
      source: '某某县司法局',
      agency: '某某县司法局',
      reportYear: 2022,
      text,
      contentHash: contentHashOf(text),
      sections: [
        { level: 1, heading: '一、主要举措和成效' },
        { level: 2, heading: '（一）深化“放管服”改革' },
        { level: 3, heading: '1.推行告知承诺制' },
        { level: 1, heading: '二、存在的不足和下一步打算' },
      ],
      attachments: record.attachments,
      textSource: 'attachment',
      textAttachment: { url: attachment.url, name: attachment.name, kind: 'pdf' },
    });
    expect(got.reasons.at(-1)).toMatch(/^text: from the PDF attachment http:\/\/www\.mmx\.gov\.cn\/.+\.pdf/);
    expect(record.text).toBe(''); // the input record is not changed
  });

  it('fills what the page lacked from the document: title, year, agency and date of the signature', () => {
    const bare: ExtractedRecord = {
      ...page(),
      title: null,
      publishedAt: null,
      source: null,
      agency: null,
      reportYear: null,
    };
    const got = withAttachmentText(
      bare,
      { text: ['某某县2022年法治政府建设年度报告', ...DOC_TEXT.split('\n').slice(2)].join('\n'), kind: 'docx' },
      { url: 'http://x.gov.cn/r.docx', name: 'r.docx' },
    );
    expect(got).toMatchObject({
      title: '某某县2022年法治政府建设年度报告',
      reportYear: 2022,
      agency: '某某县司法局',
      publishedAt: '2023-03-25',
      textSource: 'attachment',
    });
    expect(got.text.startsWith('2022年，某某县')).toBe(true);
  });
});
