import { describe, expect, it } from 'vitest';
import { inlineWordDiff, wordDiff } from './word-diff.ts';

describe('word diff', () => {
  it('marks the changed phrases of a Chinese paragraph, not the whole paragraph', () => {
    const older = '2023年，全市公安机关共办理行政复议案件12件，全部依法审结。';
    const newer = '2023年，全市公安机关共办理行政复议案件15件，全部依法按期审结。';
    const d = inlineWordDiff(older, newer);
    expect(d).toContain('[-12-]{+15+}');
    expect(d).toContain('{+按期+}');
    expect(d.startsWith('2023年，全市公安机关共办理行政复议案件')).toBe(true);
    expect(d.length).toBeLessThan(older.length + 20);
  });

  it('shows only changed paragraphs, counting the unchanged ones', () => {
    const older = ['一、主要工作', '依法行政水平提升。', '二、存在问题', '执法规范化有待加强。'].join('\n');
    const newer = [
      '一、主要工作',
      '依法行政水平明显提升。',
      '二、存在问题',
      '执法规范化有待加强。',
      '三、下一步工作',
    ].join('\n');
    const lines = wordDiff(older, newer).trimEnd().split('\n');
    expect(lines).toEqual([
      '  … 1 unchanged paragraph(s)',
      '~ 依法行政水平{+明显+}提升。',
      '  … 2 unchanged paragraph(s)',
      '+ {+三、下一步工作+}',
    ]);
  });
});
