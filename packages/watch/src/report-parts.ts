// The parts these reports share, tagged on a report's text. 法治政府建设 reports follow one outline
// (the 2019 督察工作规定 lists what they must cover): what was done and achieved, how the principal
// leader fulfilled the duty of first responsible person, the problems, and next year's plans.
// Headings vary (主要成效 / 工作情况 / 主要举措; 存在的问题 / 不足; 下一步 / 工作安排 / 打算;
// 主要负责人履行…第一责任人职责情况), so each top-level heading is tagged by its wording, then by
// its place: untitled work areas before the problems are achievements. Accuracy is measured on gold
// tags for the seeds and the fixture corpus (report-parts.test.ts).

export const REPORT_PARTS = ['achievements', 'leadership', 'problems', 'nextSteps'] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];

export const PART_LABELS: Record<ReportPart, string> = {
  achievements: '主要成效/工作情况',
  leadership: '主要负责人履行推进法治建设第一责任人职责情况',
  problems: '存在的问题/不足',
  nextSteps: '下一步/工作安排',
};

export type TaggedSection = {
  /** The top-level heading as written; null for the text before the first one. */
  heading: string | null;
  /** Empty for the preamble and for sections no rule recognizes. */
  parts: ReportPart[];
  paragraphs: string[];
};

const TOP_HEADING = /^(?:[一二三四五六七八九十]{1,3}[、．.]|第[一二三四五六七八九十]{1,3}(?:部分|章)[、：:\s]?)/;

const LEADERSHIP = /第一责任人|主要负责人|履行.{0,12}职责/;
const PROBLEMS = /问题|不足|短板|差距|薄弱|困难/;
const NEXT_STEPS = /下一步|下步|打算|安排|计划|思路|展望|努力方向|今后/;
const ACHIEVEMENTS = /成效|成绩|情况|举措|措施|做法|进展|工作/;

/** The parts one top-level heading stands for, given the report's year and what came before. */
export function tagHeading(heading: string, reportYear: number | null, seenLaterParts: boolean): ReportPart[] {
  const h = heading.replace(TOP_HEADING, '');
  if (LEADERSHIP.test(h)) return ['leadership'];
  const parts: ReportPart[] = [];
  if (PROBLEMS.test(h)) parts.push('problems');
  // A heading about the following year (2024年重点工作措施 in a 2023 report) is a plan.
  const years = [...h.matchAll(/(20\d\d)年/g)].map((m) => Number(m[1]));
  const aboutNextYear = reportYear !== null && years.some((y) => y > reportYear);
  if (NEXT_STEPS.test(h) || aboutNextYear) parts.push('nextSteps');
  if (parts.length > 0) return parts;
  if (ACHIEVEMENTS.test(h) || !seenLaterParts) return ['achievements'];
  return [];
}

/** A paragraph that is only a signature (agency name) or a date: no content to compare. */
export function isSignatureLine(p: string): boolean {
  return /^\d{4}年\d{1,2}月\d{1,2}日$/.test(p) || (p.length <= 30 && !/[。；;，,：:！？]/.test(p));
}

/** Split a report's text (paragraphs joined by \n) into top-level sections and tag each. */
export function tagReport(text: string, reportYear: number | null): TaggedSection[] {
  const sections: TaggedSection[] = [{ heading: null, parts: [], paragraphs: [] }];
  let seenLater = false;
  for (const raw of text.split('\n')) {
    const p = raw.trim();
    if (p === '') continue;
    if (TOP_HEADING.test(p) && p.length <= 60) {
      const parts = tagHeading(p, reportYear, seenLater);
      if (parts.includes('problems') || parts.includes('nextSteps')) seenLater = true;
      sections.push({ heading: p, parts, paragraphs: [] });
      continue;
    }
    sections[sections.length - 1]?.paragraphs.push(p);
  }
  // The signature block trails the last section.
  const last = sections[sections.length - 1];
  while (last && last.paragraphs.length > 0 && isSignatureLine(last.paragraphs[last.paragraphs.length - 1] ?? '')) {
    last.paragraphs.pop();
  }
  return sections;
}

const NEXT_STEP_CUE =
  /^(?:[（(][一二三四五六七八九十]+[)）]|\d+[.、．]|[一二三四五六七八九十]是)?.{0,8}(下一步|下步|今后|明年|\d{4}年[，,]?(?:我|本)?(?:局|分局|区|市)?将)/;

/**
 * Paragraphs by part. A section tagged both problems and next steps (存在的不足及下一步打算) hands
 * its paragraphs to next steps from the first one that announces plans.
 */
export function paragraphsByPart(sections: TaggedSection[]): Record<ReportPart, string[]> {
  const out: Record<ReportPart, string[]> = { achievements: [], leadership: [], problems: [], nextSteps: [] };
  for (const s of sections) {
    const [first] = s.parts;
    if (!first) continue;
    if (s.parts.length === 1) {
      out[first].push(...s.paragraphs);
      continue;
    }
    let current: ReportPart = first;
    for (const p of s.paragraphs) {
      if (current === 'problems' && s.parts.includes('nextSteps') && NEXT_STEP_CUE.test(p)) current = 'nextSteps';
      out[current].push(p);
    }
  }
  return out;
}
