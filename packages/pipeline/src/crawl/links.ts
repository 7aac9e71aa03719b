// Pure link discovery on a list (column) page: which links are reports, which are more list pages.
// A streaming tokenizer (htmlparser2's), not a tree: the work is linear in the page's size however
// deep its nesting (parse5's tree builder took 65–226 s on a 1.8 MB page of 100,000–160,000 nested
// elements, and any tree keeps a stack that deep). Links are closed as a browser would for old
// templates that leave </a> out: at the next link, or where the list item, cell or block around
// it ends, so a link never swallows the next item's title.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { isDocumentUrl, listDateOf } from '@govwatch/extract';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

export type LinkRules = {
  titleKeywords: string[];
  reportLinkPattern?: RegExp;
  listLinkPattern?: RegExp;
};

/**
 * A report link. `document`: it names a PDF or DOCX that is the report itself (no HTML page
 * around it), with the date its list entry shows beside it, when it shows one.
 */
export type ReportLink = { url: string; title: string; document?: { listDate?: string } };

export type DiscoveredLinks = {
  reports: ReportLink[];
  lists: string[];
};

const PAGE_LIKE = /\.(s?html?|jhtml|jsp|php|aspx?)$|\/art_\d+|\/[^/.]*$/i;
const ATTACHMENT = /\.(pdf|docx?|wps|xlsx?|zip|rar|jpe?g|png|gif)$/i;
/** Tags that end a list entry: the text after a link up to one of these may hold its date. */
const ENDS_ENTRY = new Set(['li', 'tr', 'p', 'ul', 'ol', 'dl', 'table', 'tbody', 'section', 'article', 'body', 'html']);
/** Characters of text after a link read for its entry's date (a date, a view count, a column name). */
const MAX_AFTER_CHARS = 100;
const NEXT_TEXT = /^(下一页|下页|后一页|尾页|末页|>|»|更多)$/;
const PAGED_INDEX = /\/index_\d+\.s?html?$/i;
// TRS: createPageHTML(total, current, "index", "html"); others: var countPage = N / pageCount = N.
const PAGE_COUNT_SCRIPTS = [
  /createPageHTML\(\s*['"]?(\d+)['"]?\s*,\s*['"]?\d+['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/,
  /\b(?:countPage|pageCount|totalPage)\s*=\s*['"]?(\d+)/,
];

function pagedUrls(pageUrl: URL, html: string): string[] {
  for (const re of PAGE_COUNT_SCRIPTS) {
    const m = re.exec(html);
    if (!m?.[1]) continue;
    const total = Math.min(Number(m[1]), 500);
    const base = m[2] ?? 'index';
    const ext = m[3] ?? /\.(s?html?)$/i.exec(pageUrl.pathname)?.[1] ?? 'html';
    const dir = new URL('./', pageUrl);
    const urls: string[] = [];
    for (let i = 0; i < total; i++) urls.push(new URL(i === 0 ? `${base}.${ext}` : `${base}_${i}.${ext}`, dir).href);
    return urls;
  }
  return [];
}

function isPaginationOf(candidate: URL, page: URL): boolean {
  if (candidate.pathname === page.pathname && candidate.search !== page.search) {
    return /[?&](page|pageNo|pageIndex|pn|p|curpage)=\d+/i.test(candidate.search);
  }
  const sameDir = candidate.pathname.replace(/[^/]*$/, '') === page.pathname.replace(/[^/]*$/, '');
  return sameDir && PAGED_INDEX.test(candidate.pathname);
}

/** Tags whose start or end closes a link left open (the next link, the item or block around it). */
const ENDS_LINK = new Set([
  'a',
  'li',
  'ul',
  'ol',
  'dl',
  'dd',
  'dt',
  'td',
  'th',
  'tr',
  'tbody',
  'table',
  'p',
  'div',
  'section',
  'article',
  'body',
  'html',
]);
/** A link's text is a title: past this many characters the rest of it is not read. */
const MAX_TEXT_CHARS = 2000;
/** Characters tokenized between yields to the event loop, so one huge page never stalls other crawls. */
const CHUNK_CHARS = 256 * 1024;
/** Links sorted between yields (resolving a URL is the costly part). */
export const LINKS_PER_TURN = 1000;

/** `after`: text that follows the link in its list entry, up to the next link (for its date). */
type RawLink = { href: string; title: string | undefined; text: string; after: string };

/**
 * A copy of a title that does not keep its page alive. The tokenizer's text is a slice of the
 * page's HTML, and V8 keeps a slice's whole parent string: every report link a crawl remembers held
 * its 20–80 KB list page for the crawl's duration (6 MB in the first seconds of 200 crawls, heap
 * snapshot of the crawl worker; a site of 1,000 list pages would keep them all).
 */
const detached = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

/** Collects <a href> (with title attribute and text) and the first <base href>, token by token. */
function linkScanner(html: string) {
  const links: RawLink[] = [];
  let base: string | undefined;
  let open: RawLink | null = null;
  /** The link just closed, collecting the text after it until the next link or the entry's end. */
  let trailing: RawLink | null = null;
  let tag = '';
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
  const close = () => {
    if (open) {
      links.push(open);
      trailing = open;
    }
    open = null;
  };
  const addText = (text: string) => {
    if (open && open.text.length < MAX_TEXT_CHARS) open.text += text;
  };
  const tagEnd = () => {
    if (tag === 'a' && attrs.href !== undefined) open = { href: attrs.href, title: attrs.title, text: '', after: '' };
    else if (tag === 'base' && attrs.href !== undefined) base ??= attrs.href;
  };
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      tag = html.slice(start, end).toLowerCase();
      attrs = {};
      if (ENDS_LINK.has(tag)) close();
      if (tag === 'a' || ENDS_ENTRY.has(tag)) trailing = null;
    },
    onattribname(start, end) {
      attrName = html.slice(start, end).toLowerCase();
      attrValue = '';
    },
    onattribdata(start, end) {
      attrValue += html.slice(start, end);
    },
    onattribentity(codepoint) {
      attrValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      // The first of a repeated attribute wins, as in a browser.
      if ((attrName === 'href' || attrName === 'title') && attrs[attrName] === undefined) attrs[attrName] = attrValue;
    },
    onopentagend: tagEnd,
    onselfclosingtag: tagEnd,
    onclosetag(start, end) {
      const name = html.slice(start, end).toLowerCase();
      if (ENDS_LINK.has(name)) close();
      if (ENDS_ENTRY.has(name)) trailing = null;
    },
    ontext(start, end) {
      if (open) addText(html.slice(start, Math.min(end, start + MAX_TEXT_CHARS)));
      else if (trailing && trailing.after.length < MAX_AFTER_CHARS)
        trailing.after += html.slice(start, Math.min(end, start + MAX_AFTER_CHARS));
    },
    ontextentity(codepoint) {
      addText(String.fromCodePoint(codepoint));
    },
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend: close,
  };
  const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true }, callbacks);
  return {
    write: (from: number, to: number) => tokenizer.write(html.slice(from, to)),
    end() {
      tokenizer.end();
      return { links, base };
    },
  };
}

/** Sorts links into reports and list pages, one at a time (so a caller can pause between them). */
function classifier(html: string, pageUrl: string, rules: LinkRules, baseHref: string | undefined) {
  const page = new URL(pageUrl);
  let base: URL;
  try {
    base = new URL(baseHref?.trim() || pageUrl, pageUrl);
  } catch {
    base = page;
  }
  const reports = new Map<string, ReportLink>();
  const lists = new Set<string>(pagedUrls(page, html));
  return {
    add(link: RawLink) {
      const href = link.href.trim();
      if (!href || /^(javascript|mailto|tel):/i.test(href) || href.startsWith('#')) return;
      let url: URL;
      try {
        url = new URL(href, base);
      } catch {
        return;
      }
      if (!/^https?:$/.test(url.protocol)) return;
      url.hash = '';
      const text = (link.title || link.text).replace(/\s+/g, ' ').trim();
      const abs = url.href;
      if (rules.listLinkPattern?.test(abs) || NEXT_TEXT.test(text) || isPaginationOf(url, page)) {
        lists.add(abs);
        return;
      }
      const byTitle = rules.titleKeywords.some((k) => text.includes(k));
      // A PDF or DOCX whose link names a report is the report itself; other files are attachments.
      if (isDocumentUrl(url)) {
        if (!byTitle) return;
        const listDate = listDateOf(link.after);
        const known = reports.get(abs);
        if (!known || text.length > known.title.length)
          reports.set(abs, { url: abs, title: text, document: listDate ? { listDate } : {} });
        return;
      }
      if (ATTACHMENT.test(url.pathname)) return;
      const byPattern = rules.reportLinkPattern?.test(abs) ?? false;
      if (byPattern || (byTitle && PAGE_LIKE.test(url.pathname))) {
        const known = reports.get(abs);
        if (!known || text.length > known.title.length) reports.set(abs, { url: abs, title: text });
      }
    },
    result(): DiscoveredLinks {
      lists.delete(page.href);
      return { reports: [...reports.values()].map((r) => ({ ...r, title: detached(r.title) })), lists: [...lists] };
    },
  };
}

export function discoverLinks(html: string, pageUrl: string, rules: LinkRules): DiscoveredLinks {
  const scanner = linkScanner(html);
  scanner.write(0, html.length);
  const { links, base } = scanner.end();
  const sort = classifier(html, pageUrl, rules, base);
  for (const link of links) sort.add(link);
  return sort.result();
}

/** discoverLinks for a page of any size: the event loop gets a turn after every chunk. */
export async function discoverLinksYielding(html: string, pageUrl: string, rules: LinkRules): Promise<DiscoveredLinks> {
  const scanner = linkScanner(html);
  for (let from = 0; from < html.length; from += CHUNK_CHARS) {
    scanner.write(from, Math.min(html.length, from + CHUNK_CHARS));
    if (from + CHUNK_CHARS < html.length) await nextTurn();
  }
  const { links, base } = scanner.end();
  const sort = classifier(html, pageUrl, rules, base);
  for (let i = 0; i < links.length; i++) {
    if (i % LINKS_PER_TURN === LINKS_PER_TURN - 1) await nextTurn();
    sort.add(links[i] as RawLink);
  }
  return sort.result();
}
