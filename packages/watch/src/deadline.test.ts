import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  deadlineFor,
  deadlinePassesAt,
  isValidMonthDay,
  judge,
  latestDueYear,
  shanghaiDate,
} from './deadline.ts';

describe('deadlines', () => {
  it('default: 1 April of the following year', () => {
    expect(deadlineFor(2023)).toBe('2024-04-01');
    expect(deadlineFor(2023, '06-30')).toBe('2024-06-30');
    expect(() => deadlineFor(2023, '02-29')).toThrow(/month-day/);
    expect(isValidMonthDay('13-01')).toBe(false);
    expect(isValidMonthDay('04-31')).toBe(false);
    expect(isValidMonthDay('12-31')).toBe(true);
  });

  it('counts calendar days in Shanghai, not UTC', () => {
    // 2024-03-31 17:00 UTC is already 1 April in Shanghai.
    expect(shanghaiDate(new Date('2024-03-31T17:00:00Z'))).toBe('2024-04-01');
    expect(shanghaiDate(new Date('2024-03-31T15:59:59Z'))).toBe('2024-03-31');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-04-02', '2024-04-01')).toBe(-1);
  });

  it('a deadline passes at midnight Shanghai after its last day', () => {
    expect(deadlinePassesAt('2024-04-01').toISOString()).toBe('2024-04-01T16:00:00.000Z');
  });

  it('latestDueYear moves on the day after the deadline', () => {
    expect(latestDueYear(new Date('2024-04-01T15:59:59Z'))).toBe(2022);
    expect(latestDueYear(new Date('2024-04-01T16:00:00Z'))).toBe(2023);
    expect(latestDueYear(new Date('2024-12-31T00:00:00Z'), '06-30')).toBe(2023);
  });
});

describe('judge', () => {
  const seen = new Date('2026-12-01T00:00:00Z');
  it('on time by the stated date, with days to spare', () => {
    expect(judge('2024-04-01', { publishedAt: '2024-03-22', firstSeenAt: seen }, seen)).toEqual({
      status: 'onTime',
      publishedOn: '2024-03-22',
      by: 'publishedAt',
      daysBefore: 10,
    });
    expect(judge('2024-04-01', { publishedAt: '2024-04-01', firstSeenAt: seen }, seen)).toMatchObject({
      status: 'onTime',
      daysBefore: 0,
    });
  });
  it('late by the stated date', () => {
    expect(judge('2024-04-01', { publishedAt: '2024-06-10', firstSeenAt: seen }, seen)).toMatchObject({
      status: 'late',
      daysBefore: -70,
    });
  });
  it('falls back to first seen when the page states no date', () => {
    expect(
      judge('2024-04-01', { publishedAt: null, firstSeenAt: new Date('2024-04-01T17:00:00Z') }, seen),
    ).toMatchObject({
      status: 'late',
      by: 'firstSeen',
      publishedOn: '2024-04-02',
      daysBefore: -1,
    });
  });
  it('missing until the deadline passes, then overdue', () => {
    expect(judge('2024-04-01', null, new Date('2024-04-01T15:00:00Z'))).toEqual({ status: 'missing', daysBefore: 0 });
    expect(judge('2024-04-01', null, new Date('2024-04-01T16:00:00Z'))).toEqual({ status: 'overdue', daysBefore: -1 });
  });
});
