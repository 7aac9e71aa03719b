// src/report-parts.ts
var REPORT_PARTS = ["achievements", "leadership", "problems", "nextSteps"];
var PART_LABELS = {
  achievements: "\u4E3B\u8981\u6210\u6548/\u5DE5\u4F5C\u60C5\u51B5",
  leadership: "\u4E3B\u8981\u8D1F\u8D23\u4EBA\u5C65\u884C\u63A8\u8FDB\u6CD5\u6CBB\u5EFA\u8BBE\u7B2C\u4E00\u8D23\u4EFB\u4EBA\u804C\u8D23\u60C5\u51B5",
  problems: "\u5B58\u5728\u7684\u95EE\u9898/\u4E0D\u8DB3",
  nextSteps: "\u4E0B\u4E00\u6B65/\u5DE5\u4F5C\u5B89\u6392"
};
var TOP_HEADING = /^(?:[一二三四五六七八九十]{1,3}[、．.]|第[一二三四五六七八九十]{1,3}(?:部分|章)[、：:\s]?)/;
var LEADERSHIP = /第一责任人|主要负责人|履行.{0,12}职责/;
var PROBLEMS = /问题|不足|短板|差距|薄弱|困难/;
var NEXT_STEPS = /下一步|下步|打算|安排|计划|思路|展望|努力方向|今后/;
var ACHIEVEMENTS = /成效|成绩|情况|举措|措施|做法|进展|工作/;
function tagHeading(heading, reportYear, seenLaterParts) {
  const h = heading.replace(TOP_HEADING, "");
  if (LEADERSHIP.test(h)) return ["leadership"];
  const parts = [];
  if (PROBLEMS.test(h)) parts.push("problems");
  const years = [...h.matchAll(/(20\d\d)年/g)].map((m) => Number(m[1]));
  const aboutNextYear = reportYear !== null && years.some((y) => y > reportYear);
  if (NEXT_STEPS.test(h) || aboutNextYear) parts.push("nextSteps");
  if (parts.length > 0) return parts;
  if (ACHIEVEMENTS.test(h) || !seenLaterParts) return ["achievements"];
  return [];
}
function isSignatureLine(p) {
  return /^\d{4}年\d{1,2}月\d{1,2}日$/.test(p) || p.length <= 30 && !/[。；;，,：:！？]/.test(p);
}
function tagReport(text, reportYear) {
  const sections = [{ heading: null, parts: [], paragraphs: [] }];
  let seenLater = false;
  for (const raw of text.split("\n")) {
    const p = raw.trim();
    if (p === "") continue;
    if (TOP_HEADING.test(p) && p.length <= 60) {
      const parts = tagHeading(p, reportYear, seenLater);
      if (parts.includes("problems") || parts.includes("nextSteps")) seenLater = true;
      sections.push({ heading: p, parts, paragraphs: [] });
      continue;
    }
    sections[sections.length - 1]?.paragraphs.push(p);
  }
  const last = sections[sections.length - 1];
  while (last && last.paragraphs.length > 0 && isSignatureLine(last.paragraphs[last.paragraphs.length - 1] ?? "")) {
    last.paragraphs.pop();
  }
  return sections;
}
var NEXT_STEP_CUE = /^(?:[（(][一二三四五六七八九十]+[)）]|\d+[.、．]|[一二三四五六七八九十]是)?.{0,8}(下一步|下步|今后|明年|\d{4}年[，,]?(?:我|本)?(?:局|分局|区|市)?将)/;
function paragraphsByPart(sections) {
  const out = { achievements: [], leadership: [], problems: [], nextSteps: [] };
  for (const s of sections) {
    const [first] = s.parts;
    if (!first) continue;
    if (s.parts.length === 1) {
      out[first].push(...s.paragraphs);
      continue;
    }
    let current = first;
    for (const p of s.paragraphs) {
      if (current === "problems" && s.parts.includes("nextSteps") && NEXT_STEP_CUE.test(p)) current = "nextSteps";
      out[current].push(p);
    }
  }
  return out;
}
export {
  PART_LABELS,
  REPORT_PARTS,
  isSignatureLine,
  paragraphsByPart,
  tagHeading,
  tagReport
};
//# sourceMappingURL=report-parts.js.map
