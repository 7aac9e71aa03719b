import { describe, expect, it } from 'vitest';
import { repeatStreak, sameTemplateOtherNumbers, urlTemplate } from './url-patterns.ts';

describe('urlTemplate', () => {
  it('puts # for every number of the path and query, keeping the origin (port included)', () => {
    expect(urlTemplate('http://127.0.0.1:8080/calendar/2024/01/')).toBe('http://127.0.0.1:8080/calendar/#/#/');
    expect(urlTemplate('http://a.gov.cn/list?page=17&col=3')).toBe('http://a.gov.cn/list?page=#&col=#');
  });
});

describe('repeatStreak', () => {
  const month = (y: number, m: number) => `http://a.gov.cn/cal/${y}/${String(m).padStart(2, '0')}/`;

  it('counts a chain of empty pages of one template, forwards or backwards', () => {
    let page = { url: month(2024, 7), streak: 0, foundNewReports: false };
    for (let i = 0; i < 30; i++) {
      const next = month(2024 + Math.floor((7 + i) / 12), ((7 + i) % 12) + 1);
      page = { url: next, streak: repeatStreak(page, next), foundNewReports: false };
    }
    expect(page.streak).toBe(30);
    expect(repeatStreak({ url: month(2024, 1), streak: 4, foundNewReports: false }, month(2023, 12))).toBe(5);
  });

  it('starts over on a page that found a new report, or on a link of another template', () => {
    expect(repeatStreak({ url: month(2024, 7), streak: 9, foundNewReports: true }, month(2024, 8))).toBe(0);
    expect(repeatStreak({ url: month(2024, 7), streak: 9, foundNewReports: false }, 'http://a.gov.cn/cal/2024/')).toBe(
      0,
    );
    expect(
      repeatStreak(
        { url: 'http://a.gov.cn/list?page=3', streak: 2, foundNewReports: false },
        'http://a.gov.cn/list?page=4',
      ),
    ).toBe(3);
  });

  it('does not take a page for its own next page', () => {
    expect(sameTemplateOtherNumbers(month(2024, 7), month(2024, 7))).toBe(false);
  });
});
