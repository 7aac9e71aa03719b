// The seed texts (packages/fixture-site/seeds/*.txt) are the visible text of five real report pages,
// chrome included. The fixture renders chrome from its own templates, so the bodies are the seed
// lines minus everything that is page furniture rather than report text.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * packages/fixture-site/seeds: beside src/ when run from source, else found through the package
 * (the built CLI bundles this module into services/cli/dist, which depends on the package).
 */
function seedsDir(): string {
  const beside = fileURLToPath(new URL('../seeds', import.meta.url));
  if (existsSync(beside)) return beside;
  const pkg = createRequire(import.meta.url).resolve('@govwatch/fixture-site/package.json');
  return join(dirname(pkg), 'seeds');
}

const CHROME_LINE: RegExp[] = [
  /^分享到[:：]?/,
  /扫一扫在手机打开当前页/,
  /^您的当前位置/,
  /^当前位置/,
  /^发布日期[:：]/,
  /^字号[:：]?/,
  /【打印】|【下载】|【关闭】/,
  /^(全国各省市政府网站|天津市各区政府网站|滨海新区政府系统网站|重点链接)$/,
];

/** Collapse runs of whitespace (including 全角空格 and no-break spaces) and trim, as the record contract does. */
export function normalizeParagraph(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/** Body paragraphs of a seed: chrome lines, bullets, blank lines and a leading copy of the title removed. */
export function seedParagraphs(seedId: string, title: string): string[] {
  const raw = readFileSync(join(seedsDir(), `${seedId}.txt`), 'utf8');
  const out: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    const text = normalizeParagraph(line.replace(/^\s*•\s*/, ''));
    if (text === '') continue;
    if (CHROME_LINE.some((re) => re.test(text))) continue;
    if (out.length === 0 && text === title) continue;
    out.push(text);
  }
  return out;
}
