// src/outline.ts
var LEVEL1 = /^[一二三四五六七八九十]{1,3}\s*、/;
var LEVEL2 = /^[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]/;
var LEVEL3 = /^\d{1,2}\s*[.．、](?!\d)/;
var MAX_HEADING = 120;
function headingOf(line) {
  const i = line.indexOf("\u3002");
  return (i >= 0 ? line.slice(0, i) : line).trim();
}
function outlineOf(lines) {
  const sections = [];
  for (const line of lines) {
    const level = LEVEL1.test(line) ? 1 : LEVEL2.test(line) ? 2 : LEVEL3.test(line) ? 3 : 0;
    if (level === 0) continue;
    const heading = headingOf(line);
    if (level === 3 && heading.length > MAX_HEADING) continue;
    sections.push({ level, heading });
  }
  return sections;
}
export {
  outlineOf
};
//# sourceMappingURL=outline.js.map
