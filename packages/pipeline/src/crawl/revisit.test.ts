import { describe, expect, it } from 'vitest';
import { nextRevisitAt, notDue, revisitPeriodMs, urlShare } from './revisit.ts';

const DAY = 86_400_000;
const fetchedAt = new Date('2026-11-01T02:00:00Z');
const daysAfter = (d: number) => new Date(fetchedAt.getTime() + d * DAY);
const notReport = { status: 'notReport', reportId: null, lastFetchedAt: fetchedAt };
const url = 'http://gaj.example.gov.cn/xwzx/t20261101_1.html';

describe('revisit policy', () => {
  it('leaves a known non-report page unfetched until its period has passed, then fetches it', () => {
    const period = revisitPeriodMs(url, 7);
    expect(notDue(url, notReport, 7, daysAfter(1))).toBe(true);
    expect(notDue(url, notReport, 7, new Date(fetchedAt.getTime() + period - 1))).toBe(true);
    expect(notDue(url, notReport, 7, new Date(fetchedAt.getTime() + period))).toBe(false);
    expect(notDue(url, notReport, 7, daysAfter(7))).toBe(false);
  });

  it('fetches every other page every crawl: reports, pages that held a report, failures, unknown pages', () => {
    const now = daysAfter(1);
    expect(notDue(url, { ...notReport, status: 'ok', reportId: 'r1' }, 7, now)).toBe(false);
    // Held a report and now answers with something else: its next answers decide the report's removal.
    expect(notDue(url, { ...notReport, reportId: 'r1' }, 7, now)).toBe(false);
    for (const status of ['failed', 'blocked', 'gone'])
      expect(notDue(url, { ...notReport, status }, 7, now)).toBe(false);
    expect(notDue(url, undefined, 7, now)).toBe(false);
    expect(notDue(url, { ...notReport, lastFetchedAt: null }, 7, now)).toBe(false);
  });

  it('0 days fetches every page every crawl', () => {
    expect(notDue(url, notReport, 0, fetchedAt)).toBe(false);
    expect(nextRevisitAt(url, notReport, 0)).toBeNull();
  });

  it('gives each URL its own period between half of the days and all of them, the same every time', () => {
    const urls = Array.from({ length: 2000 }, (_, i) => `http://gaj.example.gov.cn/tzgg/t2026_${i}.html`);
    const periods = urls.map((u) => revisitPeriodMs(u, 7) / DAY);
    expect(Math.min(...periods)).toBeGreaterThan(3.5);
    expect(Math.max(...periods)).toBeLessThanOrEqual(7);
    expect(revisitPeriodMs(urls[5] as string, 7)).toBe(revisitPeriodMs(urls[5] as string, 7));
    // Pages first fetched the same night come due on different nights of a nightly crawl.
    const byNight = new Map<number, number>();
    for (const p of periods) byNight.set(Math.ceil(p), (byNight.get(Math.ceil(p)) ?? 0) + 1);
    expect([...byNight.keys()].sort()).toEqual([4, 5, 6, 7]);
    for (const n of byNight.values()) expect(n).toBeLessThan(urls.length / 2);
  });

  it('spreads URL shares over [0, 1)', () => {
    const shares = Array.from({ length: 1000 }, (_, i) => urlShare(`/a/${i}.html`));
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...shares)).toBeLessThan(1);
    expect(shares.filter((s) => s < 0.5).length).toBeGreaterThan(400);
    expect(shares.filter((s) => s < 0.5).length).toBeLessThan(600);
  });
});
