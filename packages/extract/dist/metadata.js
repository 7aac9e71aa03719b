// src/metadata.ts
function normalizeDate(s) {
  if (!s) return null;
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  const c = /([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/.exec(s);
  if (c) return ymd(Number([...c[1]].map(cnDigit).join("")), cnNumber(c[2]), cnNumber(c[3]));
  const compact = /^((?:19|20)\d{2})(\d{2})(\d{2})$/.exec(s.trim());
  if (compact) return ymd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return null;
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
var SOURCE_LABEL = /(?:信息来源|文章来源|稿件来源|来源|发布机构)\s*[:：]\s*([^\s【[|｜:：]+)/;
var NEXT_LABEL = /(浏览次数|浏览量|点击数|点击量|阅读次数|阅读量|访问量|发布日期|发布时间|时间|日期|作者|编辑|责任编辑|字号|字体|分享)/;
var BARE_DATE = /(?:^|[^\d])((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;
function parseTitleBlock(lines, near = []) {
  let date = null;
  let source = null;
  for (const text of lines) {
    if (text.length > 300) continue;
    if (!date) {
      const m = DATE_LABEL.exec(text);
      if (m) date = normalizeDate(m[1]);
    }
    if (!source) {
      const m = SOURCE_LABEL.exec(text);
      const v = m?.[1]?.split(NEXT_LABEL)[0]?.trim();
      if (v) source = v;
    }
    if (date && source) break;
  }
  if (!date) {
    for (const text of near) {
      const m = text.length <= 100 ? BARE_DATE.exec(text) : null;
      if (m) {
        date = normalizeDate(m[1]);
        break;
      }
    }
  }
  return { date, source };
}
var GENERIC_TITLES = /^(新闻详情|详情|详细信息|信息详情|正文|内容页|文章详情|详情页|政务公开|信息公开|无标题文档|untitled|document)$/i;
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
    if (head.length >= 4 && !/\d/.test(rest)) {
      t = head;
      break;
    }
  }
  t = t.trim();
  if (t === "" || GENERIC_TITLES.test(t)) return null;
  return t;
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
var YEAR = /((?:19|20)\d{2})\s*年/;
function reportYearOf(title, firstLine) {
  const t = title ? YEAR.exec(title) : null;
  if (t) return Number(t[1]);
  if (!firstLine) return null;
  const sentence = firstLine.split("\u3002")[0] ?? "";
  const lead = /^\s*((?:19|20)\d{2})\s*年/.exec(sentence);
  if (lead) return Number(lead[1]);
  const re = /((?:19|20)\d{2})\s*年/g;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const before = sentence[m.index - 1] ?? "";
    if (!/[-—–－至~]/.test(before)) return Number(m[1]);
  }
  return null;
}
export {
  agencyFromTitle,
  looksLikeAgency,
  normalizeDate,
  parseSignature,
  parseTitleBlock,
  reportYearOf,
  stripTitleSuffix
};
//# sourceMappingURL=metadata.js.map
