// Is this page a 法治政府建设 report? The title decides most pages (reports are titled
// "<机关><年份>年法治政府建设<年度报告|情况报告|工作情况|情况>"); the body confirms it, and
// pages that are not articles at all (WAF challenges, 404s, deleted notices, list pages) are
// recognised first so their stray words never make them reports.
import type { Attachment, PageKind, Section } from './record.ts';

export type ClassifyInput = {
  html: string;
  title: string | null;
  rawTitle: string;
  text: string;
  sections: Section[];
  hasSignature: boolean;
  attachments: Attachment[];
  /** Lines of the page that are list entries (link text, 8+ characters, not an attachment). */
  listEntries: number;
  /** Link rows of the content that alternate with prose lines (a list with summaries), else 0. */
  bodyListEntries: number;
  /** Characters of prose (punctuated, non-link text) in the body. */
  proseChars: number;
  /** <title> only names the site and the body offered no title either. */
  titleIsSiteName: boolean;
  /** The page dates itself: a labelled date in the title block, a date meta tag or <time>. */
  hasDateline: boolean;
  titleKeywords: string[];
};

export type Classification = { pageKind: PageKind; isReport: boolean; reasons: string[] };

// Anti-bot challenge pages (Jiasule, Aliyun WAF, generic JS walls) answer 200 with a script.
const WAF_COOKIE = /__jsl_clearance|acw_sc__v2|acw_tc|cdn_sec_tc|_waf_bd8ce2ce37/i;
// A JavaScript wall; only a challenge when the page shows (almost) nothing else — many real
// pages carry "Please enable JavaScript" in a <noscript>.
const JS_WALL =
  /Please enable JavaScript|enable JavaScript and cookies|请(开启|启用|打开)\s*JavaScript|浏览器安全检查|正在进行安全验证/i;
const NOT_FOUND =
  /(^|\D)404(\D|$)|页面不存在|页面未找到|找不到(该|您要的|您访问的)?页面|not found|页面已失效|您访问的页面|访问的(资源|内容)不存在/i;
const DELETED = /(信息|文章|内容|页面|稿件|新闻)(已|已经)?(被)?(删除|撤销|撤回|下线|过期)|(信息|文章|内容)不存在/;
const GOV_INFO_DISCLOSURE = /政府信息公开/;
// Titles that are about a report rather than the report: news verbs, a quoted report name.
const NEWS_TITLE =
  /召开|举行|举办|发布|印发|公布|解读|图解|部署|调研|督导|督查|荣获|获评|入选|推进会|座谈会|《[^》]*法治政府建设[^》]*》/;
const REPORT_TITLE_END = /(报告|情况|总结)$/;
// "（全文）", "(摘要)" and trailing punctuation after the report noun.
const TITLE_TAIL = /[\s（(【[]*(全文|摘要|正文|简版)?[)）】\]]*[。.!！\s]*$/;

const SHORT_PAGE = 500;
// Words that end a column's name rather than a headline.
const COLUMN_NAME_END = /(专栏|专题|栏目|列表|目录|动态|公告|信息|频道|汇编|集锦)$/;

function finish(pageKind: PageKind, reasons: string[]): Classification {
  return { pageKind, isReport: pageKind === 'report', reasons };
}

export function classify(i: ClassifyInput): Classification {
  const textLen = i.text.length;
  const keywords = i.titleKeywords.length > 0 ? i.titleKeywords : ['法治政府建设'];

  if (i.proseChars < 200 && WAF_COOKIE.test(i.html))
    return finish('challenge', ['WAF challenge page (anti-bot cookie script), not content']);
  if ((textLen < 50 || (i.proseChars < 100 && JS_WALL.test(i.text))) && JS_WALL.test(i.html)) {
    return finish('challenge', ['JavaScript wall: the page asks to enable JavaScript and shows nothing else']);
  }
  const shortText = `${i.rawTitle}\n${i.text}`;
  if (textLen < SHORT_PAGE && i.proseChars < 200 && NOT_FOUND.test(shortText))
    return finish('notFound', ['page says it does not exist (404)']);
  if (textLen < SHORT_PAGE && DELETED.test(i.text)) return finish('deleted', ['page says the information was deleted']);
  // A short news item among related-link lists has the same counts as a column page; the
  // structure tells them apart: the body is a prose block under a title, not a block of link rows.
  // A column page may open with an introduction over its rows; an article's title block dates
  // it, or its title is a headline rather than a column name.
  const headline =
    i.title !== null &&
    !i.titleIsSiteName &&
    (i.hasDateline || (i.title.replace(/\s/g, '').length >= 12 && !COLUMN_NAME_END.test(i.title)));
  const proseUnderTitle = headline && i.proseChars >= 40 && i.bodyListEntries < 3;
  if (i.listEntries >= 8 && i.proseChars < 400 && i.attachments.length === 0 && !proseUnderTitle) {
    return finish('list', [`list/column page: ${i.listEntries} link entries, little prose`]);
  }
  if (textLen === 0 && i.attachments.length === 0) return finish('empty', ['no visible text']);

  const bodyEvidence = i.sections.filter((s) => s.level === 1).length >= 2 || i.hasSignature || textLen >= 1500;
  const attachmentOnly = i.attachments.length > 0 && i.proseChars < 300;

  // A title that only names the site says nothing: the body decides, as with no title.
  if (!i.title || i.titleIsSiteName) {
    const opening = i.text.slice(0, 300);
    const inHeadings = i.sections.some((s) => s.level === 1 && keywords.some((k) => s.heading.includes(k)));
    const inOpening = keywords.some((k) => opening.includes(k));
    if (
      (inHeadings || inOpening) &&
      i.sections.filter((s) => s.level === 1).length >= 2 &&
      textLen >= 1000 &&
      !GOV_INFO_DISCLOSURE.test(opening)
    ) {
      return finish('report', ['no title; body is an outlined report on the keyword topic']);
    }
    return finish('article', ['no title and the body does not read as a report']);
  }

  const title = i.title;
  if (!keywords.some((k) => title.includes(k))) return finish('article', [`title lacks ${keywords.join('/')}`]);
  if (GOV_INFO_DISCLOSURE.test(title)) return finish('article', ['政府信息公开 report, not a 法治政府建设 report']);
  if (NEWS_TITLE.test(title)) return finish('article', ['title reads as news about the work, not the report']);
  if (!REPORT_TITLE_END.test(title.replace(TITLE_TAIL, '')))
    return finish('article', ['title is not a report title (报告/情况/总结)']);
  if (attachmentOnly)
    return finish('report', [
      'report title; the body only points to an attachment: the report text is in the attachment',
    ]);
  if (!bodyEvidence) return finish('article', ['report title but body too short and without outline or signature']);
  return finish('report', ['report title and body (outline/signature/length)']);
}
