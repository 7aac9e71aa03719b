// The `list` route: a list (column) page, sitemap, feed or Hanweb dataproxy group. Finds report
// links (handed to the `report` route at once) and more list pages.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { canonicalUrl } from '@govwatch/core';
import { decodeHtml } from '@govwatch/extract';
import type { Site } from '@govwatch/sites';
import { fetchPage, isChallenge } from '../fetch/index.ts';
import type { CrawlContext } from './crawl-context.ts';
import { discoverFromXml, looksLikeXml } from './feeds.ts';
import { dataproxyGroup, findDataproxy } from './hanweb.ts';
import { discoverLinksYielding, LINKS_PER_TURN, type ReportLink } from './links.ts';
import { repeatStreak, urlTemplate } from './url-patterns.ts';

export type ListData = {
  label: 'list';
  depth: number;
  /** List pages of one URL template in a row, up to this one, that found no new report (url-patterns.ts). */
  streak?: number;
  proxy?: { url: string; body: string; start: number; step: number; perPage: number };
};

export type ListRequest = { url: string; method: string; payload?: string | Buffer; userData: ListData };

export type Enqueue = {
  /** A list page to walk (unless seen, off-site or disallowed). */
  list(url: string, data: Omit<ListData, 'label'>, post?: { body: string; uniqueKey: string }): Promise<void>;
  /**
   * A report link (unless seen, off-site or disallowed); a document link (a PDF/DOCX report) keeps
   * its title and list date for the extractor. Resolves true when the link is new to this crawl
   * (not seen on an earlier list page).
   */
  report(link: ReportLink): Promise<boolean>;
  /** List pages linked past maxDepth: discovery is incomplete unless the crawl knows them (off-site ones count as known). */
  beyondMaxDepth(urls: string[]): void;
};

export function listRoute(site: Site, ctx: CrawlContext, enqueue: Enqueue) {
  const { stats, rules } = ctx;
  const enqueueProxyGroup = async (p: NonNullable<ListData['proxy']>, depth: number) => {
    const req = dataproxyGroup(p.url, p.body, p.start, p.step, p.perPage);
    await enqueue.list(req.url, { depth, proxy: p }, { body: req.body, uniqueKey: `${req.url}#${req.body}` });
  };

  /** Everything found on one list response: reports, more list pages, Hanweb groups. */
  const handle = async (body: string, pageUrl: string, contentType: string | null, data: ListData) => {
    stats.listPagesFetched++;
    if (looksLikeXml(body, contentType)) {
      const found = discoverFromXml(body, pageUrl, rules);
      for (const r of found.reports) await enqueue.report(r);
      if (data.proxy && found.hanweb && data.proxy.start + data.proxy.step <= found.hanweb.totalRecords) {
        await enqueueProxyGroup({ ...data.proxy, start: data.proxy.start + data.proxy.step }, data.depth);
      }
      if (data.depth < site.maxDepth) for (const url of found.lists) await enqueue.list(url, { depth: data.depth + 1 });
      return;
    }
    if (isChallenge(Buffer.from(body))) {
      // A challenge instead of a list: its reports are unseen, not missing.
      stats.discoveryComplete = false;
      ctx.countError(Object.assign(new Error(`list page ${pageUrl} is a WAF challenge`), { name: 'BlockedError' }));
      return;
    }
    const found = await discoverLinksYielding(body, pageUrl, rules);
    let newReports = 0;
    // A page of thousands of links gives the event loop a turn now and then (other crawls, lock renewal).
    for (const [i, r] of found.reports.entries()) {
      if (i % LINKS_PER_TURN === LINKS_PER_TURN - 1) await nextTurn();
      if (await enqueue.report(r)) newReports++;
    }
    ctx.progress();
    if (data.depth >= site.maxDepth) {
      // Older pages beyond maxDepth hold reports this crawl does not see: they are not missing.
      enqueue.beyondMaxDepth(found.lists);
      return;
    }
    const page = { url: pageUrl, streak: data.streak ?? 0, foundNewReports: newReports > 0 };
    for (const url of found.lists) {
      const streak = repeatStreak(page, url);
      if (streak > site.endlessListLimit) {
        // An endless calendar or pager: what lies further holds no report this crawl has not seen.
        const warning = `not following ${urlTemplate(url)} further: ${site.endlessListLimit} list pages in a row of that pattern found no new report (an endless calendar or pager? raise endlessListLimit of site ${site.id} if not)`;
        if (!stats.warnings.includes(warning)) stats.warnings.push(warning);
        continue;
      }
      await enqueue.list(url, { depth: data.depth + 1, streak });
    }
    const proxy = site.render === 'http' ? findDataproxy(body, pageUrl) : null; // a browser runs jpage itself
    if (proxy) {
      await enqueueProxyGroup(
        { url: proxy.url, body: proxy.body, start: 1, step: proxy.step, perPage: proxy.end - proxy.start + 1 },
        data.depth + 1,
      );
    }
  };

  return {
    handle,
    /** Fetch with our own polite client (every page of an http site; XML and POSTs anywhere). */
    async fetchAndHandle(request: ListRequest) {
      const page = await fetchPage(request.url, {
        ...ctx.fetchOptions,
        method: request.method === 'POST' ? 'POST' : 'GET',
        body: request.payload ? String(request.payload) : undefined,
        contentType: request.method === 'POST' ? 'application/x-www-form-urlencoded' : undefined,
      });
      stats.pagesFetched++;
      stats.bytes += page.body.length;
      const contentType = page.headers.get('content-type');
      const { html } = decodeHtml(page.body, contentType, site.encoding);
      await handle(html, page.url, contentType, request.userData);
    },
  };
}

/** Canonical key of a list request (POSTs are told apart by their body). */
export const listKey = (url: string, post?: { uniqueKey: string }) => post?.uniqueKey ?? canonicalUrl(url);
