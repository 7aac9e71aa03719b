import { describe, expect, it } from 'vitest';
import { outlineOf } from './outline.ts';

describe('outlineOf', () => {
  it('maps the three numbering levels and cuts at the first 。', () => {
    expect(
      outlineOf([
        '2023年，市公安局认真贯彻落实。',
        '一、2023年法治政府建设主要工作及成效',
        '(一)优化全面高效的政府职能体系。',
        '（二）健全完善依法行政决策体系。一是抓审查。',
        '1.深入推进“放管服”改革。一是落实“跨省通办”。',
        '2、打造一流法治化营商环境',
        '十二、其他',
      ]),
    ).toEqual([
      { level: 1, heading: '一、2023年法治政府建设主要工作及成效' },
      { level: 2, heading: '(一)优化全面高效的政府职能体系' },
      { level: 2, heading: '（二）健全完善依法行政决策体系' },
      { level: 3, heading: '1.深入推进“放管服”改革' },
      { level: 3, heading: '2、打造一流法治化营商环境' },
      { level: 1, heading: '十二、其他' },
    ]);
  });
  it('does not take numbers, years and "一是" for headings', () => {
    expect(outlineOf(['1.5万人次参加培训。', '2023年，我局。', '一是领导干部学法。', '5.15、6.26等宣传日。'])).toEqual(
      [],
    );
  });
});
