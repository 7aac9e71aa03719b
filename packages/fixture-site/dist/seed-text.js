// src/seed-text.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
function seedsDir() {
  const beside = fileURLToPath(new URL("../seeds", import.meta.url));
  if (existsSync(beside)) return beside;
  const pkg = createRequire(import.meta.url).resolve("@govwatch/fixture-site/package.json");
  return join(dirname(pkg), "seeds");
}
var CHROME_LINE = [
  /^分享到[:：]?/,
  /扫一扫在手机打开当前页/,
  /^您的当前位置/,
  /^当前位置/,
  /^发布日期[:：]/,
  /^字号[:：]?/,
  /【打印】|【下载】|【关闭】/,
  /^(全国各省市政府网站|天津市各区政府网站|滨海新区政府系统网站|重点链接)$/
];
function normalizeParagraph(line) {
  return line.replace(/\s+/g, " ").trim();
}
function seedParagraphs(seedId, title) {
  const raw = readFileSync(join(seedsDir(), `${seedId}.txt`), "utf8");
  const out = [];
  for (const line of raw.split(/\r?\n/)) {
    const text = normalizeParagraph(line.replace(/^\s*•\s*/, ""));
    if (text === "") continue;
    if (CHROME_LINE.some((re) => re.test(text))) continue;
    if (out.length === 0 && text === title) continue;
    out.push(text);
  }
  return out;
}
export {
  normalizeParagraph,
  seedParagraphs
};
//# sourceMappingURL=seed-text.js.map
