import { describe, expect, it } from 'vitest';
import { alignColumns, displayWidth, statusText } from './watch-format.ts';

describe('watch output', () => {
  it('counts Han characters and full-width punctuation as two columns', () => {
    expect(displayWidth('嘉定分局')).toBe(8);
    expect(displayWidth('a（b）')).toBe(6);
    expect(displayWidth('2024-04-01')).toBe(10);
  });

  it('aligns columns of mixed CJK and ASCII text', () => {
    expect(
      alignColumns([
        ['agency', 'status'],
        ['嘉定分局', 'on time'],
        ['上海市公安局', 'late'],
      ]),
    ).toEqual(['agency        status', '嘉定分局      on time', '上海市公安局  late']);
  });

  it('says how each status stands against the deadline', () => {
    expect(statusText({ status: 'onTime', daysBefore: 10 })).toBe('on time, 10 days before');
    expect(statusText({ status: 'onTime', daysBefore: 0 })).toBe('on time, on the deadline');
    expect(statusText({ status: 'late', daysBefore: -1 })).toBe('LATE, 1 day after');
    expect(statusText({ status: 'missing', daysBefore: 2 })).toBe('missing, 2 days left');
    expect(statusText({ status: 'overdue', daysBefore: -91 })).toBe('OVERDUE, 91 days past');
  });
});
