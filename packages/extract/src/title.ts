// The page's title: the government-website meta tag (ArticleTitle), else a heading that agrees
// with <title>, else <title> without its site suffix; and when <title> only names the portal
// or a column (old table templates), the strongest title candidate in the body.
import { isStrictChrome } from './chrome.ts';
import type { MetaTags } from './metadata.ts';
import { isSiteNameTitle, stripTitleSuffix } from './metadata.ts';
import type { Line, Rendered } from './render.ts';

export type TitleChoice = {
  title: string | null;
  /** Taken from the body because <title> names only the site or a column, or lacks the topic. */
  fromBody: boolean;
  /** <title> only names the site and the body offered no title either. */
  siteNameOnly: boolean;
};

export function chooseTitle(r: Rendered, meta: MetaTags, contentStart: number, keywords: string[]): TitleChoice {
  const siteName = meta.get('sitename') ?? null;
  const fromTag = stripTitleSuffix(r.titleText, siteName);
  const tagIsSiteName = isSiteNameTitle(fromTag, siteName);
  const metaTitle = meta.get('articletitle')?.trim() || null;
  if (metaTitle) return { title: metaTitle, fromBody: false, siteNameOnly: false };
  if (tagIsSiteName) {
    const bodyTitle = bodyTitleOf(r, contentStart);
    return { title: bodyTitle ?? fromTag, fromBody: bodyTitle !== null, siteNameOnly: bodyTitle === null };
  }
  const heading = headingTitle(r.lines, r.headings, fromTag, contentStart);
  if (heading) return { title: heading, fromBody: false, siteNameOnly: false };
  // A <title> no heading confirms and that lacks the topic (a column name no list knows) does
  // not outrank an emphasised title in the body that names it.
  const hasKeyword = (t: string) => keywords.some((k) => t.includes(k));
  if (fromTag && !hasKeyword(fromTag)) {
    const candidate = bodyTitleOf(r, contentStart);
    if (candidate && hasKeyword(candidate)) return { title: candidate, fromBody: true, siteNameOnly: false };
  }
  return { title: fromTag, fromBody: false, siteNameOnly: false };
}

const TITLE_LABEL = /^(?:标\s*题|题\s*目|名\s*称|文章标题)\s*[:：]\s*(.*)$/;
const OUTLINE_MARK =
  /^([一二三四五六七八九十]{1,3}\s*、|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|\d{1,2}\s*[.．、](?!\d))/;
const DATE_IN_LINE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/;

/** A line that can be a page title: not chrome, not a sentence, not a date line. */
function titleLike(text: string): boolean {
  const len = text.replace(/\s/g, '').length;
  return (
    len >= 6 &&
    len <= 150 &&
    !text.includes('。') &&
    !isStrictChrome(text) &&
    !DATE_IN_LINE.test(text) &&
    !OUTLINE_MARK.test(text)
  );
}

/**
 * When <title> only names the site: the strongest title candidate at or above the body's top —
 * a 标题： row, then a heading (h1–h3, title-classed element), then an emphasised (bold,
 * centred, large) element, then a plain line right over the dateline; the nearest to the body
 * wins within a kind.
 */
function bodyTitleOf(r: Rendered, contentStart: number): string | null {
  const limit = Math.min(r.lines.length, contentStart + 3);
  for (let i = 0; i < limit; i++) {
    const m = TITLE_LABEL.exec((r.lines[i] as Line).text);
    if (!m) continue;
    const value = (m[1] ?? '').trim() || (r.lines[i + 1]?.text ?? '').trim();
    if (titleLike(value)) return value;
  }
  const nearest = (ranges: { start: number; end: number }[]): string | null => {
    let above: { start: number; text: string } | null = null;
    let inside: { start: number; text: string } | null = null;
    for (const h of ranges) {
      if (h.start > contentStart + 2 || h.end - h.start > 3) continue;
      const text = r.lines
        .slice(h.start, h.end)
        .map((l) => l.text)
        .join('')
        .trim();
      if (!titleLike(text) || (r.lines[h.start] as Line).linkChars > 0) continue;
      if (h.start < contentStart) {
        if (!above || h.start > above.start) above = { start: h.start, text };
      } else if (!inside || h.start < inside.start) inside = { start: h.start, text };
    }
    return (above ?? inside)?.text ?? null;
  };
  return nearest(r.headings) ?? nearest(r.emphasized) ?? lineOverDateline(r.lines, limit);
}

const DATELINE =
  /^(发布日期|发布时间|发文日期|更新时间|时间|日期|来源|信息来源|文章来源|作者|Release Date|Date|Source|Published)\s*[:：]/i;

/** Templates whose title carries no markup at all still put it right over the dateline. */
function lineOverDateline(lines: Line[], limit: number): string | null {
  for (let i = 1; i < limit; i++) {
    if (!DATELINE.test((lines[i] as Line).text)) continue;
    const above = lines[i - 1] as Line;
    if (above.linkChars === 0 && titleLike(above.text)) return above.text.trim();
  }
  return null;
}

/** One title is the other, or a prefix of it long enough not to be just the site name. */
function agrees(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && short.length >= long.length * 0.6;
}

/**
 * The visible title of the title block: a heading before (or at the top of) the content that
 * agrees with the <title>, or, when <title> is generic, the nearest heading above the content.
 */
function headingTitle(
  lines: Line[],
  headings: { start: number; end: number }[],
  fromTag: string | null,
  contentStart: number,
): string | null {
  const norm = (s: string) => s.replace(/\s+/g, '');
  let nearest: string | null = null;
  for (const h of headings) {
    if (h.end - h.start > 3 || h.start > contentStart + 2) continue;
    const text = lines
      .slice(h.start, h.end)
      .map((l) => l.text)
      .join('');
    if (text.length < 5 || text.length > 150 || text.includes('。')) continue;
    if (fromTag && agrees(norm(text), norm(fromTag))) return text.trim();
    if (h.start <= contentStart) nearest = text.trim();
  }
  return fromTag ? null : nearest;
}
