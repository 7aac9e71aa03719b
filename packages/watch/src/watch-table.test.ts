import { describe, expect, it } from 'vitest';
import { buildWatchTable, type WatchAgency } from './watch-table.ts';

const agency = (id: string, name: string, level = 'district'): WatchAgency => ({
  id,
  name,
  level,
  siteIds: ['s'],
  deadlineMonthDay: '04-01',
  declared: true,
  needsReview: false,
});
const seen = new Date('2024-05-01T00:00:00Z');

describe('buildWatchTable', () => {
  const agencies = [
    agency('a', '嘉定公安分局'),
    agency('b', '宝山公安分局'),
    agency('c', '上海市公安局', 'city'),
    agency('d', '闵行公安分局'),
  ];
  const reports = [
    { id: 'r1', agencyId: 'a', title: 'A 2023', url: 'http://x/a', publishedAt: '2024-03-22', firstSeenAt: seen },
    { id: 'r2', agencyId: 'b', title: 'B 2023', url: 'http://x/b', publishedAt: '2024-06-10', firstSeenAt: seen },
    // Republished later: the earliest publication counts.
    { id: 'r3', agencyId: 'a', title: 'A 2023 copy', url: 'http://x/a2', publishedAt: '2024-04-20', firstSeenAt: seen },
  ];

  it('before the deadline passes: on time, and missing (not yet overdue)', () => {
    const t = buildWatchTable(2023, agencies, reports.slice(0, 1), new Date('2024-03-30T00:00:00Z'));
    expect(t.rows.map((r) => [r.agency, r.status, r.daysBefore])).toEqual([
      ['上海市公安局', 'missing', 2],
      ['宝山公安分局', 'missing', 2],
      ['嘉定公安分局', 'onTime', 10],
      ['闵行公安分局', 'missing', 2],
    ]);
    expect(t.totals).toEqual({ agencies: 4, onTime: 1, late: 0, missing: 3, overdue: 0 });
  });

  it('as of a past day, reports published later do not count yet', () => {
    const t = buildWatchTable(2023, agencies, reports, new Date('2024-04-10T00:00:00Z'));
    const byId = Object.fromEntries(t.rows.map((r) => [r.agencyId, r]));
    expect(byId.a).toMatchObject({ status: 'onTime', report: { id: 'r1' } });
    expect(byId.b).toMatchObject({ status: 'overdue', daysBefore: -9, report: null });
  });

  it('after it: late reports count days past, absent ones are overdue', () => {
    const t = buildWatchTable(2023, agencies, reports, new Date('2024-07-01T00:00:00Z'));
    const byId = Object.fromEntries(t.rows.map((r) => [r.agencyId, r]));
    expect(byId.a).toMatchObject({
      status: 'onTime',
      daysBefore: 10,
      report: { id: 'r1', publishedOn: '2024-03-22', judgedBy: 'publishedAt' },
    });
    expect(byId.b).toMatchObject({ status: 'late', daysBefore: -70, report: { id: 'r2' } });
    expect(byId.c).toMatchObject({ status: 'overdue', daysBefore: -91, report: null });
    expect(t.totals).toEqual({ agencies: 4, onTime: 1, late: 1, missing: 2, overdue: 2 });
    expect(t.asOfDate).toBe('2024-07-01');
  });
});
