// Record metadata, most trusted source first: the government-website meta tags (国办 standard:
// ArticleTitle, PubDate, ContentSource, SiteName, ColumnName), the page's title block
// (发布日期：/来源：), the <title> minus its site-name suffix, and the signature block.

export type MetaTags = Map<string, string>; // lower-cased name → content

/** YYYY-MM-DD from 2024-03-22, 2024/3/22, 2024.03.22, 2024年3月22日 or 二〇二四年三月二十二日. */
export function normalizeDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  const c = /([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/.exec(s);
  if (c)
    return ymd(Number([...(c[1] as string)].map(cnDigit).join('')), cnNumber(c[2] as string), cnNumber(c[3] as string));
  const compact = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(s.trim());
  if (compact) return ymd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  // English versions of the sites: "April 8, 2024", "8 April 2024", "Apr. 8, 2024".
  const mdy = /\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b/.exec(s);
  if (mdy && monthOf(mdy[1] as string)) return ymd(Number(mdy[3]), monthOf(mdy[1] as string), Number(mdy[2]));
  const dmy = /\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+((?:19|20)\d{2})\b/.exec(s);
  if (dmy && monthOf(dmy[2] as string)) return ymd(Number(dmy[3]), monthOf(dmy[2] as string), Number(dmy[1]));
  return null;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** 1–12 for a month's full name or its abbreviation (Jan, Sept), else 0. */
function monthOf(name: string): number {
  const n = name.toLowerCase();
  if (n.length < 3) return 0;
  return MONTHS.findIndex((m) => m === n || (n.length <= 4 && m.startsWith(n))) + 1;
}

/**
 * The date a CMS writes into the page's URL: TRS `t20240322_123.html`, Hanweb
 * `/art/2024/3/22/art_…`, gov.cn `/2024-03/22/content_…`. Only a last resort: the URL date is
 * when the page was made, which can differ from the date it shows.
 */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const trs = /\/t((?:19|20)\d{6})_\d+/.exec(path);
  if (trs) return normalizeDate(trs[1]);
  const art =
    /\/art\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\//.exec(path) ?? /\/((?:19|20)\d{2})-(\d{2})\/(\d{2})\//.exec(path);
  return art ? ymd(Number(art[1]), Number(art[2]), Number(art[3])) : null;
}

function ymd(y: number, m: number, d: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const CN_DIGITS = '〇一二三四五六七八九';
function cnDigit(ch: string): number {
  if (ch === '○' || ch === '零') return 0;
  return CN_DIGITS.indexOf(ch);
}
/** 一 … 三十一 */
function cnNumber(s: string): number {
  if (s === '十') return 10;
  const i = s.indexOf('十');
  if (i < 0) return cnDigit(s);
  const tens = i === 0 ? 1 : cnDigit(s[0] as string);
  const ones = i === s.length - 1 ? 0 : cnDigit(s[s.length - 1] as string);
  return tens * 10 + ones;
}

const DATE_LABEL =
  /(?:发布日期|发布时间|发文日期|成文日期|日期|时间)\s*[:：]\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;
// English versions of bureau sites: "Release Date: 2024-04-08", "Date: April 8, 2024".
const EN_DATE_LABEL =
  /\b(?:Release Date|Date Published|Publication Date|Published|Posted|Date)\s*[:：]\s*([^|｜]{6,30})/i;
const EN_SOURCE_LABEL =
  /\bSource\s*[:：]\s*(.+?)(?:\s*[|｜]|\s{2,}|\s+(?:Release Date|Date|Updated|Author|Editor|Views?|Font)\b|$)/i;
const SOURCE_LABEL = /(?:信息来源|文章来源|稿件来源|来源|发布机构)\s*[:：]\s*([^\s【[|｜:：]+)/;
// Title-block fields often sit in adjacent <span>s with no space between them.
const NEXT_LABEL =
  /(浏览次数|浏览量|点击数|点击量|阅读次数|阅读量|访问量|发布日期|发布时间|时间|日期|作者|编辑|责任编辑|字号|字体|分享)/;
const BARE_DATE = /(?:^|[^\d])((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;

/** `labelled`: the date came after a label (发布日期：, Date:), not from a bare date nearby. */
export type TitleBlock = { date: string | null; source: string | null; labelled: boolean };

/**
 * 发布日期 / 来源 from the lines of the title block. `near` lines (just above the body) may
 * carry an unlabeled date (<time>2023-03-10</time>), used when no labeled one exists.
 */
export function parseTitleBlock(lines: string[], near: string[] = []): TitleBlock {
  let date: string | null = null;
  let source: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i] as string;
    // 信息公开 tables put the label and its value in adjacent cells: "发布机构：" | "某某局".
    if (text.length <= 8 && /[:：]$/.test(text) && i + 1 < lines.length) text += lines[i + 1];
    if (text.length > 300) continue;
    if (!date) {
      const m = DATE_LABEL.exec(text);
      if (m) date = normalizeDate(m[1]);
      else {
        const e = EN_DATE_LABEL.exec(text);
        if (e) date = normalizeDate(e[1]);
      }
    }
    if (!source) {
      const m = SOURCE_LABEL.exec(text);
      const v = m?.[1]?.split(NEXT_LABEL)[0]?.trim() || EN_SOURCE_LABEL.exec(text)?.[1]?.trim();
      if (v) source = v;
    }
    if (date && source) break;
  }
  const labelled = date !== null;
  if (!date) {
    for (const text of near) {
      const m = text.length <= 100 ? BARE_DATE.exec(text) : null;
      if (m) {
        date = normalizeDate(m[1]);
        break;
      }
    }
  }
  return { date, source, labelled };
}

const GENERIC_TITLES =
  /^(新闻详情|详情|详细信息|信息详情|正文|内容页|文章详情|详情页|政务公开|信息公开|无标题文档|untitled|document)$/i;

// A title that is only the portal's or a column's name: old templates put the real title in
// the body and this in <title>.
const SITE_NAME =
  /^[^\s，。、：:]{1,28}(省|市|县|区|州|盟|旗|镇|乡)(人民政府|政府)(门户网站|网站|网|门户|首页)?$|^[^\s，。、：:]{2,30}(门户网站|政府网站|政务网|政府网|信息网|公众信息网|官方网站|官网|门户)$|^(通知公告|新闻动态|工作动态|政务动态|政务公开|政府信息公开|信息公开目录|部门动态|基层动态|公示公告|图片新闻|法治政府|法治建设)$/;

// Bureaus whose name alone makes a site's <title>; not 会 (推进会, 座谈会 end headlines).
const SITE_AGENCY = /(局|委员会|办公室|人民政府|政府|厅|法院|检察院|管委会|办事处|支队|大队)$/;

/** The <title> (suffix already stripped) names the site or a column, not the page. */
export function isSiteNameTitle(t: string | null, siteName: string | null): boolean {
  if (!t) return true;
  if (siteName && t === siteName.trim()) return true;
  return SITE_NAME.test(t) || (!/[\d\s]/.test(t) && t.length <= 16 && SITE_AGENCY.test(t) && looksLikeAgency(t));
}

// Words a site's name ends with; the remainder after an unspaced hyphen must read as one.
const SITE_SUFFIX =
  /(人民政府|政府|门户网站|门户|网站|政府网|政务网|网|局|委|委员会|办公室|厅|院|Government|Portal|Office|Bureau|Website)$/i;

/** <title> without its site-name / column suffix ("标题_站点名", "标题 - 栏目 - 站点名"). */
export function stripTitleSuffix(raw: string, siteName: string | null): string | null {
  let t = raw.replace(/\s+/g, ' ').trim();
  if (siteName) {
    const s = siteName.trim();
    for (const sep of ['_', '-', '|', '｜', '—', '－', ' ']) {
      if (s && t.endsWith(`${sep}${s}`)) t = t.slice(0, -(sep.length + s.length)).trim();
    }
  }
  // Split at the first separator whose remainder has no digits: "(2021-2025年)" in a title
  // is part of it, "_武汉市公安局" is not. An unspaced hyphen or dash joins words as often as
  // it separates (中国-东盟, Work-Life): it cuts only when what follows reads as a site name.
  const re = /\s*(?:_|\||｜|\s[-—－–]\s|[-—－–](?=[^\d]*$))\s*/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const rest = t.slice(m.index + m[0].length);
    const head = t.slice(0, m.index);
    if (head.length < 4 || /\d/.test(rest)) continue;
    if (/^[-—－–]$/.test(m[0]) && !restIsSiteName(rest)) continue;
    t = head;
    break;
  }
  t = t.trim();
  if (t === '' || GENERIC_TITLES.test(t)) return null;
  return t;
}

/** "栏目-站点名" or "站点名": every part after an unspaced hyphen names a site or column. */
function restIsSiteName(rest: string): boolean {
  const parts = rest.split(/[-—－–_|｜]/).map((p) => p.trim());
  const last = parts.pop() ?? '';
  // Column names between (工作动态, 通知公告) are short; a longer part is the title going on.
  return last.length >= 3 && last.length <= 30 && SITE_SUFFIX.test(last) && parts.every((p) => p.length <= 6);
}

// Bodies that issue reports: 局, 分局, 委员会, 人民政府, 办公室, …
const AGENCY_SUFFIX =
  /(局|分局|委|委员会|办公室|办|政府|人民政府|院|厅|部|署|处|所|队|支队|大队|中心|站|会|司法所|管委会|街道办事处|办事处)$/;
const SIGN_DATE =
  /^((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$/;

export function looksLikeAgency(s: string): boolean {
  return s.length >= 3 && s.length <= 40 && !/[，。；：:,;！？]/.test(s) && AGENCY_SUFFIX.test(s);
}

export type Signature = { agency: string | null; date: string | null; lines: number };

/** Agency line then date line at the end of the body (or both on one line). */
export function parseSignature(body: string[]): Signature {
  const n = body.length;
  for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
    const text = (body[i] as string).replace(/\s+/g, ' ').trim();
    if (SIGN_DATE.test(text.replace(/\s/g, ''))) {
      const date = normalizeDate(text.replace(/\s/g, ''));
      const prev = i > 0 ? (body[i - 1] as string).trim() : '';
      const agency = looksLikeAgency(prev) ? prev : null;
      return { agency, date, lines: agency ? 2 : 1 };
    }
    const both = /^(.{3,40}?)\s+((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$/.exec(text);
    if (both && looksLikeAgency((both[1] as string).trim())) {
      return { agency: (both[1] as string).trim(), date: normalizeDate(both[2]), lines: 1 };
    }
  }
  return { agency: null, date: null, lines: 0 };
}

/** The issuing body named before the year in a title: 武汉市公安局2021年法治政府建设年度报告. */
export function agencyFromTitle(title: string): string | null {
  const m = /^(?:关于)?(.{2,40}?)\s*(?:关于)?\s*(?:19|20)\d{2}\s*年/.exec(title);
  const a = m?.[1]?.replace(/[“”"《》（）()]/g, '').trim();
  return a && looksLikeAgency(a) ? a : null;
}

/** The year a report covers: from the title, else the opening sentence. */
export function reportYearOf(title: string | null, firstLine: string | null): number | null {
  const t = title ? yearNotInSpan(title) : null;
  if (t) return t;
  if (!firstLine) return null;
  const sentence = firstLine.split('。')[0] ?? '';
  // A year at the start ("2023年，市公安局…") is the covered year; a span like
  // "(2021-2025年)" in a cited plan is not.
  const lead = /^\s*((?:19|20)\d{2})\s*年/.exec(sentence);
  if (lead) return Number(lead[1]);
  return yearNotInSpan(sentence);
}

/** The first "YYYY年" that does not end a span ("(2024—2028年)" names a plan's period). */
function yearNotInSpan(s: string): number | null {
  const re = /((?:19|20)\d{2})\s*年/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const before = s[m.index - 1] ?? '';
    if (!/[-—–－至~]/.test(before)) return Number(m[1]);
  }
  return null;
}

// Meta keys of Open Graph, article: and schema.org microdata dates.
const STRUCTURED_DATE_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:release_date',
  'og:article:published_time',
  'datepublished',
  'dc.date',
  'dcterms.created',
];

/** article:published_time / og: / itemprop metas, then JSON-LD datePublished. */
export function structuredDate(meta: Map<string, string>, jsonLd: string[]): string | null {
  for (const k of STRUCTURED_DATE_KEYS) {
    const d = normalizeDate(meta.get(k));
    if (d) return d;
  }
  for (const j of jsonLd) {
    // A regex, not JSON.parse: CMS JSON-LD is often invalid (trailing commas, raw newlines).
    const m = /"datePublished"\s*:\s*"([^"]{8,40})"/.exec(j);
    const d = m ? normalizeDate(m[1]) : null;
    if (d) return d;
  }
  return null;
}

/** The `<time datetime>` of the title block: the last one above the body, else the first in it. */
export function timeElementDate(times: Array<{ datetime: string; line: number }>, contentStart: number): string | null {
  let pick: string | null = null;
  for (const t of times) {
    if (t.line <= contentStart) pick = t.datetime;
    else if (pick === null) pick = t.datetime;
  }
  return normalizeDate(pick);
}
