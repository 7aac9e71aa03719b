// Page chrome that survives content selection: title blocks, share bars, QR boxes, related
// links, footers and link boxes. Every pattern matches a whole short line (anchored, no 。),
// so a body paragraph that merely mentions 版权所有 or 分享到 in a sentence is never cut; the
// looser patterns are trusted only at the head and tail of the body, where chrome sits.
import type { Line } from './render.ts';

const MAX_CHROME_LEN = 200;
// Consecutive link rows in the body's middle that make a box rather than a linked sentence.
const MIN_LINK_RUN = 3;

// Lines that are chrome wherever they appear.
const STRICT: RegExp[] = [
  /^您?(现在)?(的|所)?(当前)?(所在)?(的)?位置\s*[:：]/,
  /^当前(的)?位置\s*[:：]?/,
  /^(网站)?首页\s*[>＞»›]/,
  /^(发布日期|发布时间|发文日期|成文日期|更新时间|时间|日期|来源|信息来源|文章来源|稿件来源|作者|编辑|责任编辑|审核|浏览次数|阅读次数|点击数|点击率|访问量|浏览量|阅读量|字号|字体|索引号|发布机构|发文机关|文号|主题分类|所属主题|分类)\s*[:：]/,
  /^[【[（(]?\s*(字号|字体)\s*[:：]?\s*([大中小默认]\s*)*[】\]）)]?$/,
  /^(\s*[【[]?\s*(打印|打印本页|打印此页|打印正文|关闭|关闭窗口|关闭本页|下载|收藏|加入收藏|返回顶部|返回|顶部|分享|保存|保存本页|我要纠错|纠错|字号|大|中|小|默认|放大|缩小|朗读|视力保护色|繁体|简体)\s*[】\]]?[\s|｜/·]*)+$/,
  /^分享到\s*[:：]?/,
  /^(用手机)?扫(一扫|描二维码)/,
  /^(相关稿件|相关链接|相关文章|相关阅读|相关新闻|相关信息|相关文件|相关政策|延伸阅读|猜你喜欢|热点推荐)\s*[:：]?$/,
  /^(上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]/,
  /^(我要纠错|网站地图|联系我们|网站声明|隐私(声明|政策)|使用帮助|关于我们|无障碍(浏览)?|长者模式|适老化)(\s*[|｜/·]?\s*(我要纠错|网站地图|联系我们|网站声明|隐私(声明|政策)|使用帮助|关于我们|无障碍(浏览)?|长者模式|适老化))*$/,
  /^(版权所有|copyright|©|主办单位|承办单位|主办\s*[:：]|承办\s*[:：]|协办|技术支持|维护单位|运维单位|网站标识码|网站识别码|政府网站标识码)/i,
  /ICP\s*(备|证)\s*[:：]?\s*\d|公网安备\s*\d/i,
  /^(建议使用|推荐使用|最佳(浏览|分辨率)|分辨率)/,
];

// Footer words that, in a short punctuation-free line at the head or tail, mark chrome.
const EDGE_WORDS =
  /(版权所有|Copyright|©|主办单位|承办单位|网站标识码|网站地图|联系我们|ICP备|公网安备|技术支持|我要纠错|分享到|扫一扫|当前位置)/i;
// Footer link-box headings (全国各省市政府网站, 重点链接, …).
const LINK_BOX =
  /^(.{0,14}(政府网站|系统网站|部门网站|网站群|网站导航|门户网站)|重点链接|友情链接|相关网站|政府网站|网站链接|站点导航)\s*[:：]?$/;
// A bare date or date-time: the title block's unlabeled date; at the tail it is a signature.
const BARE_DATE = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;
const SYMBOLS_ONLY = /^[\s•·|｜/\\>＞»›\-—_*#]+$/;

function short(text: string): boolean {
  return text.length <= MAX_CHROME_LEN && !text.includes('。');
}

/** Chrome wherever it appears. */
export function isStrictChrome(text: string): boolean {
  if (!short(text)) return false;
  for (const re of STRICT) if (re.test(text)) return true;
  return SYMBOLS_ONLY.test(text);
}

/** A line mostly made of link text that does not point at an attachment: navigation. */
function isNavLine(line: Line): boolean {
  return !line.docLink && line.linkChars >= line.text.replace(/ /g, '').length * 0.6 && !line.text.includes('。');
}

/** Chrome when it sits at the head or tail of the body. */
export function isEdgeChrome(line: Line): boolean {
  const t = line.text;
  if (isStrictChrome(t)) return true;
  if (!short(t)) return false;
  return EDGE_WORDS.test(t) || LINK_BOX.test(t) || isNavLine(line);
}

const ATTACHMENT_LABEL = /^(相关)?附件(下载)?\s*[:：]?$/;
function isAttachmentLine(line: Line): boolean {
  return (
    (line.docLink && line.linkChars >= line.text.replace(/ /g, '').length * 0.5) || ATTACHMENT_LABEL.test(line.text)
  );
}

function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

export type Stripped = { body: Line[]; head: Line[] };

/**
 * Body lines without chrome. `head` gets the lines dropped from the top (the title block),
 * where metadata such as 发布日期 and 来源 is read from.
 */
export function stripChrome(lines: Line[], title: string | null, dropped: Uint8Array, offset: number): Stripped {
  let start = 0;
  let end = lines.length;
  const head: Line[] = [];
  const dropHead = (i: number) => {
    const line = lines[i] as Line;
    if (dropped[offset + i] === 1 || isEdgeChrome(line) || BARE_DATE.test(line.text)) return true;
    return title !== null && sameText(line.text, title);
  };
  while (start < end && dropHead(start)) head.push(lines[start++] as Line);
  // The tail: footers, link boxes, related links, and the attachment list (its links are the
  // record's attachments; keeping them in the text would make the hash depend on whether the
  // CMS puts the list inside or outside its body container).
  while (end > start) {
    const line = lines[end - 1] as Line;
    if (dropped[offset + end - 1] === 1 || isEdgeChrome(line) || isAttachmentLine(line)) end--;
    else break;
  }
  // A run of link rows inside the body (a recommendation box between paragraphs) is chrome too.
  const inLinkRun = new Uint8Array(end - start);
  for (let i = start; i < end; ) {
    let j = i;
    while (j < end && isNavLine(lines[j] as Line)) j++;
    if (j - i >= MIN_LINK_RUN) inLinkRun.fill(1, i - start, j - start);
    i = j > i ? j : i + 1;
  }
  const body: Line[] = [];
  for (let i = start; i < end; i++) {
    const line = lines[i] as Line;
    if (dropped[offset + i] === 1 || inLinkRun[i - start] === 1 || isStrictChrome(line.text)) continue;
    body.push(line);
  }
  return { body, head };
}
