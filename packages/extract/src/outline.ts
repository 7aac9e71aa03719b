// The report's outline from its numbered headings: 一、 → 1, (一)/（一） → 2, 1./1、 → 3.
import type { Section } from './record.ts';

const LEVEL1 = /^[一二三四五六七八九十]{1,3}\s*、/;
const LEVEL2 = /^[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]/;
// "1." and "1、" but not "1.5万" or "2023年": the marker must not be followed by a digit.
const LEVEL3 = /^\d{1,2}\s*[.．、](?!\d)/;
// A level-3 "heading" running this long without a 。 is a numbered paragraph, not a heading.
const MAX_HEADING = 120;

/** Heading as written up to (not including) the first 。, or the whole line. */
function headingOf(line: string): string {
  const i = line.indexOf('。');
  return (i >= 0 ? line.slice(0, i) : line).trim();
}

export function outlineOf(lines: string[]): Section[] {
  const sections: Section[] = [];
  for (const line of lines) {
    const level = LEVEL1.test(line) ? 1 : LEVEL2.test(line) ? 2 : LEVEL3.test(line) ? 3 : 0;
    if (level === 0) continue;
    const heading = headingOf(line);
    if (level === 3 && heading.length > MAX_HEADING) continue;
    sections.push({ level: level as 1 | 2 | 3, heading });
  }
  return sections;
}
