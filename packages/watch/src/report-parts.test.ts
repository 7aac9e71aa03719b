import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { originalReports } from '../../fixture-site/src/reports.ts';
import { GOLD, GOLD_VARIANTS, type GoldReport } from './report-parts.gold.ts';
import { paragraphsByPart, REPORT_PARTS, type ReportPart, tagHeading, tagReport } from './report-parts.ts';

const CASES = new URL('../../../tests/fixtures/extract/cases/', import.meta.url);

type Sample = { name: string; text: string; gold: GoldReport };

/** Every report text of the corpus that has gold tags: each extraction case and each fixture-site report. */
function corpus(): Sample[] {
  const samples: Sample[] = [];
  for (const file of readdirSync(CASES).filter((f) => f.endsWith('.json'))) {
    const c = JSON.parse(readFileSync(new URL(file, CASES), 'utf8')) as {
      name: string;
      expected: { isReport: boolean; agency: string | null; reportYear: number | null; text: string };
    };
    if (!c.expected.isReport || !c.expected.agency) continue;
    const gold = GOLD[`${c.expected.agency} ${c.expected.reportYear}`];
    if (gold) samples.push({ name: c.name, text: c.expected.text, gold });
  }
  for (const r of originalReports()) {
    const gold = GOLD[`${r.agency} ${r.reportYear}`];
    if (gold) samples.push({ name: `fixture ${r.agency} ${r.reportYear}`, text: r.paragraphs.join('\n'), gold });
  }
  for (const [i, gold] of GOLD_VARIANTS.entries()) {
    const text = gold.headings.flatMap(([h]) => [h, '（一）有关工作。本年度开展了相关工作，取得一定进展。']).join('\n');
    samples.push({ name: `variant ${i + 1}`, text, gold });
  }
  return samples;
}

const sameParts = (a: ReportPart[], b: ReportPart[]) => a.length === b.length && a.every((p) => b.includes(p));

describe('tagReport accuracy on the gold-tagged corpus', () => {
  const samples = corpus();

  it('covers the seeds, the extraction corpus and the fixture site', () => {
    // 5 seeds + 6 written sources in tests/fixtures/extract (several pages each) + 8 fixture reports + 3 variants.
    expect(samples.length).toBeGreaterThanOrEqual(30);
    expect(new Set(samples.map((s) => s.gold)).size).toBe(Object.keys(GOLD).length + GOLD_VARIANTS.length);
  });

  it('tags each part with accuracy >= 0.9 (top-level sections, exact part sets)', () => {
    const total: Record<ReportPart, number> = { achievements: 0, leadership: 0, problems: 0, nextSteps: 0 };
    const right: Record<ReportPart, number> = { achievements: 0, leadership: 0, problems: 0, nextSteps: 0 };
    const misses: string[] = [];
    for (const s of samples) {
      const tagged = tagReport(s.text, s.gold.reportYear).filter((t) => t.heading !== null);
      for (const [heading, parts] of s.gold.headings) {
        const got = tagged.find((t) => t.heading === heading);
        for (const part of parts) {
          total[part]++;
          if (got && sameParts(got.parts, parts)) right[part]++;
          else misses.push(`${s.name}: ${heading} → ${got ? got.parts.join('+') || '(none)' : '(heading not found)'}`);
        }
      }
    }
    const accuracy = Object.fromEntries(REPORT_PARTS.map((p) => [p, right[p] / total[p]]));
    console.log('part tag accuracy', JSON.stringify(accuracy), 'gold sections', JSON.stringify(total));
    for (const part of REPORT_PARTS) {
      expect(total[part], part).toBeGreaterThanOrEqual(8);
      expect(accuracy[part], `${part}: ${misses.join('; ')}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('finds no top-level heading the gold does not list', () => {
    for (const s of samples) {
      const headings = tagReport(s.text, s.gold.reportYear).flatMap((t) => (t.heading ? [t.heading] : []));
      expect(headings, s.name).toEqual(s.gold.headings.map(([h]) => h));
    }
  });
});

describe('tagHeading rules', () => {
  it('a heading about the following year is a plan even without 计划 or 安排', () => {
    expect(tagHeading('四、2024年重点工作措施', 2023, true)).toEqual(['nextSteps']);
    expect(tagHeading('一、2023年重点工作措施', 2023, false)).toEqual(['achievements']);
  });
  it('untitled work areas count as achievements only before the problems', () => {
    expect(tagHeading('二、坚持依法行政', 2023, false)).toEqual(['achievements']);
    expect(tagHeading('五、附件', 2023, true)).toEqual([]);
  });
});

describe('paragraphsByPart', () => {
  it('splits a combined problems-and-plans section at the first paragraph announcing plans', () => {
    const text = [
      '一、主要工作情况',
      '全年办理行政复议案件12件。',
      '二、存在的问题及下一步打算',
      '执法人员专业能力有待提升。',
      '下一步，我局将加强执法培训。',
      '某某市某某局',
      '2024年3月1日',
    ].join('\n');
    const parts = paragraphsByPart(tagReport(text, 2023));
    expect(parts).toEqual({
      achievements: ['全年办理行政复议案件12件。'],
      leadership: [],
      problems: ['执法人员专业能力有待提升。'],
      nextSteps: ['下一步，我局将加强执法培训。'],
    });
  });
});
