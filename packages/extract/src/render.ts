// One iterative walk over the parsed page that turns it into visible lines and remembers, for
// every element, which lines it produced. Everything after this (content selection, chrome
// removal, metadata) works on lines and line ranges, so the DOM is walked exactly once.
// Iterative, not recursive: a page with 10,000 levels of nesting must not blow the stack.
import { classAndId, type DomNode } from './dom.ts';

export type Line = {
  text: string;
  /** Characters that came from inside <a>. */
  linkChars: number;
  /** Sentence punctuation outside links: prose has it, navigation and footers rarely do. */
  punct: number;
  /** Prose weight used to find the main content. */
  weight: number;
  /** The line holds a link to an attachment file (PDF, DOC, …). */
  docLink: boolean;
};

export type Range = { start: number; end: number };
export type ElementRange = Range & { el: DomNode };
export type Anchor = { href: string; text: string; line: number };

export type Rendered = {
  lines: Line[];
  /** Line range of every element that produced lines. */
  ranges: Map<DomNode, Range>;
  /** Elements a CMS uses for the article body (TRS_Editor, UCAP-CONTENT, …). */
  contentMarkers: ElementRange[];
  /** Ranges between begin/end comments (ZJEG_RSS.content, Hanweb <$[信息内容]>). */
  commentMarkers: Range[];
  /** Elements whose class/id says chrome (share, footer, breadcrumb, …) and whose text is not prose. */
  chromeHints: ElementRange[];
  /** Headings and title-classed elements, candidates for the title block. */
  headings: ElementRange[];
  anchors: Anchor[];
  /** Attributes of every <meta>. */
  metas: Record<string, string>[];
  /** Text of the first <title>. */
  titleText: string;
  /** Bold, centred or large-font elements of one or two lines: title candidates of old table
   * templates that have no heading element. */
  emphasized: ElementRange[];
  /** `<time datetime>` values with the line they sit at. */
  times: Array<{ datetime: string; line: number }>;
  /** Text of every `<script type="application/ld+json">`. */
  jsonLd: string[];
  baseHref: string | null;
  /** prefix[i] = total weight of lines[0..i): range weights in O(1). */
  prefix: Float64Array;
};

// Elements whose content is never visible text.
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'select',
  'option',
  'button',
  'textarea',
  'input',
  'title',
  'meta',
  'link',
  'base',
  'svg',
  'canvas',
  'audio',
  'video',
  'map',
  'head-script',
]);

// Elements that start a new line when rendered.
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'summary',
]);

// Body containers of the CMSs Chinese government sites run on: TRS WCM (TRS_Editor,
// TRS_UEDITOR), Ucap (UCAP-CONTENT, ucapcontent), gov.cn (pages_content), Hanweb JCMS (zoom),
// and the 集约化 platforms' article containers.
const CONTENT_MARKER =
  /(^|\s)(TRS_Editor|TRS_UEDITOR|trs_editor_view|trs_paper_default|UCAP-CONTENT|ucapcontent|pages_content|zoom|Zoom|fontzoom|zoomcon|ivs_content|article-content|article_content|articleContent|art_con|con_text|wzcon|detail-content|detail_content|xxgk_content|news_content|ewb-article-info|zw)(\s|$)/;

// class/id words that name page chrome; only a hint — prose inside such an element is kept.
const CHROME_HINT =
  /(^|[\s_-])(share|bdshare|bdsharebuttonbox|fenxiang|qrcode|erweima|ewm|breadcrumbs?|crumbs?|position|location|weizhi|dqwz|footer|foot|copyright|banquan|related|xgwz|xglj|jiucuo|toolbar|print|dayin|fontsize|zihao|nav|navbar|menu|sidebar|pager|pagination|prev-next|sxp)([\s_-]|$)/i;

const TITLE_HINT = /(^|[\s_-])(title|bt|biaoti|article-title|detail-title|tit|con-title|xl-title)([\s_-]|$)/i;

const DOC_LINK = /\.(pdf|docx?|wps|xlsx?|et|ofd)(?:$|[?#])/i;
// ，。；！？ , ; ! ?
const SENTENCE_PUNCT = new Set([0xff0c, 0x3002, 0xff1b, 0xff01, 0xff1f, 0x2c, 0x3b, 0x21, 0x3f]);

function countPunct(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (SENTENCE_PUNCT.has(text.charCodeAt(i))) n++;
  return n;
}
const WS = /[\s\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+/g;

/**
 * One line of text as the record holds it: every whitespace run (ideographic spaces, NBSP,
 * zero-width spaces included) collapsed to one space, indentation and trailing space trimmed.
 * Full-width punctuation is left as it is.
 */
export function normalizeLine(text: string): string {
  return text.replace(WS, ' ').trim();
}

// Body containers that a page's own script reveals: WeChat's #js_content (and the many bureau
// sites re-posting WeChat articles with its markup) starts as visibility:hidden/opacity:0 and
// is lifted once the page's script runs. Hiding those is a loading trick, not hidden text.
const SCRIPT_LIFTED = /(^|\s)(js_content|rich_media_content|rich_media_area_primary)(\s|$)/;

function isHidden(node: DomNode): boolean {
  const a = node.attribs;
  if (!a) return false;
  if (a.hidden !== undefined) return true;
  const style = a.style;
  if (!style) return false;
  if (/display\s*:\s*none/i.test(style)) return true;
  if (!/visibility\s*:\s*hidden|opacity\s*:\s*0(?![.\d])/i.test(style)) return false;
  const hint = classAndId(node);
  return !(hint && (SCRIPT_LIFTED.test(hint) || CONTENT_MARKER.test(hint)));
}

// Old table templates mark the title by emphasis alone: <b>, <strong>, a large <font>, a
// centred cell.
function isEmphasis(node: DomNode): boolean {
  const name = node.name ?? '';
  if (name === 'b' || name === 'strong') return true;
  const a = node.attribs;
  if (!a) return false;
  if (name === 'font' && a.size && Number.parseInt(a.size.replace('+', ''), 10) >= 4) return true;
  if ((a.align ?? '').toLowerCase() === 'center') return true;
  return !!a.style && /text-align\s*:\s*center|font-weight\s*:\s*(bold|[6-9]00)/i.test(a.style);
}

export function isDocumentLink(href: string): boolean {
  return DOC_LINK.test(href);
}

type Frame = { node: DomNode; exit: boolean; start: number };

export function render(root: DomNode): Rendered {
  const lines: Line[] = [];
  const ranges = new Map<DomNode, Range>();
  const contentMarkers: ElementRange[] = [];
  const commentMarkers: Range[] = [];
  const chromeHints: ElementRange[] = [];
  const headings: ElementRange[] = [];
  const anchors: Anchor[] = [];
  const metas: Record<string, string>[] = [];
  const emphasized: ElementRange[] = [];
  const times: Array<{ datetime: string; line: number }> = [];
  const jsonLd: string[] = [];
  let titleText: string | null = null;
  let baseHref: string | null = null;

  let buf = '';
  let linkChars = 0;
  let linkDepth = 0;
  let docLink = false;
  let preDepth = 0;
  let openComment: number | null = null;
  // punctBefore[i] = sentence punctuation in lines[0..i), so "is this element prose?" is O(1)
  // even for 10,000 nested chrome-classed elements.
  const punctBefore: number[] = [0];

  const flush = () => {
    if (buf === '') return;
    const text = buf.replace(/ {2,}/g, ' ').trim();
    if (text !== '') {
      const len = text.length;
      const nonLink = Math.max(0, len - linkChars);
      const punct = linkChars >= len ? 0 : countPunct(text);
      const weight = linkChars > len / 2 ? 0 : punct > 0 ? nonLink : nonLink * 0.1;
      lines.push({ text, linkChars: Math.min(linkChars, len), punct, weight, docLink });
      punctBefore.push((punctBefore[punctBefore.length - 1] as number) + punct);
    }
    buf = '';
    linkChars = 0;
    docLink = false;
  };

  const appendText = (data: string) => {
    if (preDepth > 0 && data.includes('\n')) {
      const parts = data.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) flush();
        appendText(part);
      });
      return;
    }
    const t = data.replace(WS, ' ');
    if (t === '' || (t === ' ' && buf === '')) return;
    buf += t;
    if (linkDepth > 0) linkChars += t.replace(/ /g, '').length;
  };

  const stack: Frame[] = [{ node: root, exit: false, start: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const node = frame.node;

    if (frame.exit) {
      const name = node.name ?? '';
      if (BLOCK.has(name)) flush();
      if (name === 'a') linkDepth--;
      if (name === 'pre') preDepth--;
      const end = lines.length + (buf.trim() === '' ? 0 : 1);
      const hint = classAndId(node);
      // An empty CMS body container still says where the body is (attachment-only pages).
      if (end === frame.start && hint && CONTENT_MARKER.test(hint)) contentMarkers.push({ el: node, start: end, end });
      if (end > frame.start) {
        const range = { start: frame.start, end };
        ranges.set(node, range);
        if (hint) {
          if (CONTENT_MARKER.test(hint)) contentMarkers.push({ el: node, ...range });
          else if (CHROME_HINT.test(hint) && !isProse(punctBefore, range)) chromeHints.push({ el: node, ...range });
          if (TITLE_HINT.test(hint)) headings.push({ el: node, ...range });
        }
        if (name === 'h1' || name === 'h2' || name === 'h3') headings.push({ el: node, ...range });
        else if (range.end - range.start <= 2 && isEmphasis(node)) emphasized.push({ el: node, ...range });
      }
      continue;
    }

    switch (node.type) {
      case 'text':
        appendText(node.data ?? '');
        continue;
      case 'comment': {
        const data = node.data ?? '';
        if (/ZJEG_RSS\.content\.begin|<\$\[信息内容\]>\s*begin/i.test(data)) {
          flush();
          openComment = lines.length;
        } else if (openComment !== null && /ZJEG_RSS\.content\.end|<\$\[信息内容\]>\s*end/i.test(data)) {
          flush();
          if (lines.length > openComment) commentMarkers.push({ start: openComment, end: lines.length });
          openComment = null;
        }
        continue;
      }
      case 'root':
        break;
      case 'tag':
      case 'script':
      case 'style': {
        const name = node.name ?? '';
        if (name === 'meta' && node.attribs) metas.push(node.attribs);
        else if (name === 'title' && titleText === null) titleText = anchorText(node);
        else if (name === 'base' && baseHref === null) baseHref = node.attribs?.href ?? null;
        else if (name === 'time' && node.attribs?.datetime)
          times.push({ datetime: node.attribs.datetime, line: lines.length });
        else if (name === 'script' && /ld\+json/i.test(node.attribs?.type ?? '')) jsonLd.push(anchorText(node));
        if (SKIP.has(name) || isHidden(node)) continue;
        if (BLOCK.has(name)) flush();
        if (name === 'a') {
          linkDepth++;
          const href = node.attribs?.href;
          if (href) {
            const isDoc = isDocumentLink(href);
            if (isDoc) docLink = true;
            anchors.push({ href, text: anchorText(node), line: lines.length });
          }
        }
        if (name === 'pre') preDepth++;
        break;
      }
      default:
        continue;
    }

    // An inline element continues the line in progress, which will get index lines.length.
    stack.push({ node, exit: true, start: lines.length });
    const children = node.children;
    if (children)
      for (let i = children.length - 1; i >= 0; i--)
        stack.push({ node: children[i] as DomNode, exit: false, start: 0 });
  }
  flush();
  const prefix = new Float64Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) prefix[i + 1] = (prefix[i] as number) + (lines[i] as Line).weight;
  return {
    lines,
    ranges,
    contentMarkers,
    commentMarkers,
    chromeHints,
    headings,
    anchors,
    metas,
    titleText: titleText ?? '',
    emphasized,
    times,
    jsonLd,
    baseHref,
    prefix,
  };
}

/** A range reads as prose when it carries real sentence punctuation. */
function isProse(punctBefore: number[], range: Range): boolean {
  const end = Math.min(range.end, punctBefore.length - 1);
  return (punctBefore[end] as number) - (punctBefore[range.start] as number) > 3;
}

/** Text of a link, iteratively (links nest rarely, but the page may be hostile). */
function anchorText(a: DomNode): string {
  let out = '';
  const stack: DomNode[] = [a];
  let budget = 2000;
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop() as DomNode;
    if (n.type === 'text') out += n.data ?? '';
    else if (n.children && (n === a || !SKIP.has(n.name ?? '')))
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as DomNode);
  }
  const t = normalizeLine(out);
  return t || (a.attribs?.title ?? '').trim();
}

export function sumWeight(r: Rendered, range: Range): number {
  return (r.prefix[range.end] as number) - (r.prefix[range.start] as number);
}
