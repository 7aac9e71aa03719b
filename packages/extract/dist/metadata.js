// src/metadata.ts
function normalizeDate(s) {
  if (!s) return null;
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  const c = /([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/.exec(s);
  if (c) return ymd(Number([...c[1]].map(cnDigit).join("")), cnNumber(c[2]), cnNumber(c[3]));
  const compact = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(s.trim());
  if (compact) return ymd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const mdy = /\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b/.exec(s);
  if (mdy && monthOf(mdy[1])) return ymd(Number(mdy[3]), monthOf(mdy[1]), Number(mdy[2]));
  const dmy = /\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+((?:19|20)\d{2})\b/.exec(s);
  if (dmy && monthOf(dmy[2])) return ymd(Number(dmy[3]), monthOf(dmy[2]), Number(dmy[1]));
  return null;
}
var MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
function monthOf(name) {
  const n = name.toLowerCase();
  if (n.length < 3) return 0;
  return MONTHS.findIndex((m) => m === n || n.length <= 4 && m.startsWith(n)) + 1;
}
function dateFromUrl(url) {
  let path;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const trs = /\/t((?:19|20)\d{6})_\d+/.exec(path);
  if (trs) return normalizeDate(trs[1]);
  const art = /\/art\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\//.exec(path) ?? /\/((?:19|20)\d{2})-(\d{2})\/(\d{2})\//.exec(path);
  return art ? ymd(Number(art[1]), Number(art[2]), Number(art[3])) : null;
}
function ymd(y, m, d) {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
var CN_DIGITS = "\u3007\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D";
function cnDigit(ch) {
  if (ch === "\u25CB" || ch === "\u96F6") return 0;
  return CN_DIGITS.indexOf(ch);
}
function cnNumber(s) {
  if (s === "\u5341") return 10;
  const i = s.indexOf("\u5341");
  if (i < 0) return cnDigit(s);
  const tens = i === 0 ? 1 : cnDigit(s[0]);
  const ones = i === s.length - 1 ? 0 : cnDigit(s[s.length - 1]);
  return tens * 10 + ones;
}
var DATE_LABEL = /(?:发布日期|发布时间|发文日期|成文日期|日期|时间)\s*[:：]\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;
var EN_DATE_LABEL = /\b(?:Release Date|Date Published|Publication Date|Published|Posted|Date)\s*[:：]\s*([^|｜]{6,30})/i;
var EN_SOURCE_LABEL = /\bSource\s*[:：]\s*(.+?)(?:\s*[|｜]|\s{2,}|\s+(?:Release Date|Date|Updated|Author|Editor|Views?|Font)\b|$)/i;
var SOURCE_LABEL = /(?:信息来源|文章来源|稿件来源|来源|发布机构)\s*[:：]\s*([^\s【[|｜:：]+)/;
var NEXT_LABEL = /(浏览次数|浏览量|点击数|点击量|阅读次数|阅读量|访问量|发布日期|发布时间|时间|日期|作者|编辑|责任编辑|字号|字体|分享)/;
var BARE_DATE = /(?:^|[^\d])((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;
function parseTitleBlock(lines, near = []) {
  let date = null;
  let source = null;
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i];
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
var GENERIC_TITLES = /^(新闻详情|详情|详细信息|信息详情|正文|内容页|文章详情|详情页|政务公开|信息公开|无标题文档|untitled|document)$/i;
var SITE_NAME = /^[^\s，。、：:]{1,28}(省|市|县|区|州|盟|旗|镇|乡)(人民政府|政府)(门户网站|网站|网|门户|首页)?$|^[^\s，。、：:]{2,30}(门户网站|政府网站|政务网|政府网|信息网|公众信息网|官方网站|官网|门户)$|^(通知公告|新闻动态|工作动态|政务动态|政务公开|政府信息公开|信息公开目录|部门动态|基层动态|公示公告|图片新闻|法治政府|法治建设)$/;
function isSiteNameTitle(t, siteName) {
  if (!t) return true;
  if (siteName && t === siteName.trim()) return true;
  return SITE_NAME.test(t) || !/[\d\s]/.test(t) && t.length <= 16 && looksLikeAgency(t);
}
var SITE_SUFFIX = /(人民政府|政府|门户网站|门户|网站|政府网|政务网|网|局|委|委员会|办公室|厅|院|Government|Portal|Office|Bureau|Website)$/i;
function stripTitleSuffix(raw, siteName) {
  let t = raw.replace(/\s+/g, " ").trim();
  if (siteName) {
    const s = siteName.trim();
    for (const sep of ["_", "-", "|", "\uFF5C", "\u2014", "\uFF0D", " "]) {
      if (s && t.endsWith(`${sep}${s}`)) t = t.slice(0, -(sep.length + s.length)).trim();
    }
  }
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
  if (t === "" || GENERIC_TITLES.test(t)) return null;
  return t;
}
function restIsSiteName(rest) {
  const parts = rest.split(/[-—－–_|｜]/).map((p) => p.trim());
  const last = parts.pop() ?? "";
  return last.length >= 3 && last.length <= 30 && SITE_SUFFIX.test(last) && parts.every((p) => p.length <= 6);
}
var AGENCY_SUFFIX = /(局|分局|委|委员会|办公室|办|政府|人民政府|院|厅|部|署|处|所|队|支队|大队|中心|站|会|司法所|管委会|街道办事处|办事处)$/;
var SIGN_DATE = /^((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$/;
function looksLikeAgency(s) {
  return s.length >= 3 && s.length <= 40 && !/[，。；：:,;！？]/.test(s) && AGENCY_SUFFIX.test(s);
}
function parseSignature(body) {
  const n = body.length;
  for (let i = n - 1; i >= Math.max(0, n - 4); i--) {
    const text = body[i].replace(/\s+/g, " ").trim();
    if (SIGN_DATE.test(text.replace(/\s/g, ""))) {
      const date = normalizeDate(text.replace(/\s/g, ""));
      const prev = i > 0 ? body[i - 1].trim() : "";
      const agency = looksLikeAgency(prev) ? prev : null;
      return { agency, date, lines: agency ? 2 : 1 };
    }
    const both = /^(.{3,40}?)\s+((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$/.exec(text);
    if (both && looksLikeAgency(both[1].trim())) {
      return { agency: both[1].trim(), date: normalizeDate(both[2]), lines: 1 };
    }
  }
  return { agency: null, date: null, lines: 0 };
}
function agencyFromTitle(title) {
  const m = /^(?:关于)?(.{2,40}?)\s*(?:关于)?\s*(?:19|20)\d{2}\s*年/.exec(title);
  const a = m?.[1]?.replace(/[“”"《》（）()]/g, "").trim();
  return a && looksLikeAgency(a) ? a : null;
}
function reportYearOf(title, firstLine) {
  const t = title ? yearNotInSpan(title) : null;
  if (t) return t;
  if (!firstLine) return null;
  const sentence = firstLine.split("\u3002")[0] ?? "";
  const lead = /^\s*((?:19|20)\d{2})\s*年/.exec(sentence);
  if (lead) return Number(lead[1]);
  return yearNotInSpan(sentence);
}
function yearNotInSpan(s) {
  const re = /((?:19|20)\d{2})\s*年/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const before = s[m.index - 1] ?? "";
    if (!/[-—–－至~]/.test(before)) return Number(m[1]);
  }
  return null;
}
export {
  agencyFromTitle,
  dateFromUrl,
  isSiteNameTitle,
  looksLikeAgency,
  normalizeDate,
  parseSignature,
  parseTitleBlock,
  reportYearOf,
  stripTitleSuffix
};
//# sourceMappingURL=metadata.js.map
