import { describe, expect, it } from 'vitest';
import { compareReports, compareSentences, sentenceCore, similarity, splitSentences } from './compare-parts.ts';
import { tagReport } from './report-parts.ts';

describe('splitSentences', () => {
  it('ends sentences at full-width and ASCII stops, keeping closing quotes', () => {
    expect(splitSentences('全年办理案件12件。落实“谁执法谁普法”。是否到位？一是加强培训；二是完善制度')).toEqual([
      '全年办理案件12件。',
      '落实“谁执法谁普法”。',
      '是否到位？',
      '一是加强培训；',
      '二是完善制度',
    ]);
  });
  it('keeps decimals whole and drops fragments', () => {
    expect(splitSentences('补缴税款2.4亿元。好。')).toEqual(['补缴税款2.4亿元。']);
  });
});

describe('sentence identity', () => {
  it('ignores enumerators, years, figures and punctuation', () => {
    expect(sentenceCore('（一）2023年办理行政复议案件12件。')).toBe(sentenceCore('（二）2024年办理行政复议案件15件，'));
    expect(sentenceCore('一是加强执法培训；')).toBe(sentenceCore('二是加强执法培训。'));
  });
  it('similar wording is close, other content is far', () => {
    const a = sentenceCore('持续深化公安服务“一网通办”，认真落实全市公安机关优化营商环境举措。');
    const b = sentenceCore('持续深化公安服务“一网通办”，全面落实全市公安机关优化营商环境举措。');
    const c = sentenceCore('健全完善执法质量评价体系，每月检查评估、通报督改。');
    expect(similarity(a, b)).toBeGreaterThan(0.85);
    expect(similarity(a, c)).toBeLessThan(0.3);
  });
});

describe('compareSentences', () => {
  it('sorts sentences into new, dropped and repeated, each matched once', () => {
    const r = compareSentences(
      ['2022年办理案件12件。', '开展普法宣传。', '开展普法宣传。', '完成机构改革。'],
      ['2023年办理案件15件。', '开展普法宣传。', '建成一站式执法办案中心。'],
      'achievements',
    );
    expect(r.new).toEqual(['建成一站式执法办案中心。']);
    expect(r.dropped).toEqual(['开展普法宣传。', '完成机构改革。']);
    expect(r.repeated.map((x) => [x.before, x.after, x.same])).toEqual([
      ['2022年办理案件12件。', '2023年办理案件15件。', false],
      ['开展普法宣传。', '开展普法宣传。', true],
    ]);
  });
});

describe('compareReports', () => {
  it('compares part by part and never across parts', () => {
    const y2022 = tagReport(
      [
        '一、主要工作情况',
        '全年办理行政复议案件12件。开展普法宣传活动。',
        '二、存在的问题',
        '执法人员专业能力有待提升。',
        '三、2023年工作打算',
        '加强执法培训。',
      ].join('\n'),
      2022,
    );
    const y2023 = tagReport(
      [
        '一、主要工作情况',
        '全年办理行政复议案件15件。建成一站式执法办案中心。',
        '二、存在的问题',
        '执法人员专业能力有待提升。',
        '三、2024年工作打算',
        '加强执法培训。推进执法信息化。',
      ].join('\n'),
      2023,
    );
    const byPart = Object.fromEntries(compareReports(y2022, y2023).map((c) => [c.part, c]));
    expect(byPart.achievements).toMatchObject({ new: ['建成一站式执法办案中心。'], dropped: ['开展普法宣传活动。'] });
    expect(byPart.achievements?.repeated).toHaveLength(1);
    expect(byPart.problems).toMatchObject({
      new: [],
      dropped: [],
      repeated: [{ after: '执法人员专业能力有待提升。', similarity: 1 }],
    });
    expect(byPart.nextSteps).toMatchObject({ new: ['推进执法信息化。'], dropped: [] });
    expect(byPart.leadership).toEqual({ part: 'leadership', new: [], dropped: [], repeated: [] });
  });
});
