// The `report` route: GET one report page politely and conditionally. A 304 or bytes identical to
// the last fetch cost nothing more; a WAF challenge is retried once through a browser, then
// counted as blocked and never handed on as content.
import { canonicalUrl, sha256Hex } from '@govwatch/core';
import type { DocumentLink } from '@govwatch/extract';
import {
  errorKind,
  type FetchedPage,
  fetchPage,
  HttpStatusError,
  isChallenge,
  MAX_ATTACHMENT_BYTES,
} from '../fetch/index.ts';
import { lazyBrowser, renderInBrowser } from './browser.ts';
import type { CrawlContext } from './crawl-context.ts';
import { notDue, type RevisitState, revisitedLessOften } from './revisit.ts';

export type PageState = {
  etag: string | null;
  lastModified: string | null;
  lastRawSha256: string | null;
} & RevisitState;

export type ReportSink = {
  pageState(canonical: string): PageState | undefined;
  /**
   * A report page whose bytes may have changed: hand it to extraction. `document`: the page is a
   * PDF/DOCX report linked from a list, with the link's title and list date.
   */
  onPage(page: FetchedPage, document?: DocumentLink): Promise<void>;
  /**
   * A page recorded as failed with its reason, never handed on as content: blocked by a WAF
   * challenge, or a fetch that failed for good (then `page` has the link's URL and no body).
   */
  onBlocked(page: FetchedPage, reason: string): Promise<void>;
  /**
   * Whether the page is settled in this run already (stored by an earlier attempt of the crawl
   * job): it is counted as queued and not fetched again, so a retried crawl neither refetches what
   * it stored nor counts it twice.
   */
  settledInRun?(canonical: string): boolean;
  /**
   * A page the revisit policy governs was fetched and found unchanged (304, identical bytes) at
   * `at`: its period starts again then, though the store never sees it.
   */
  onRevisited?(canonical: string, at: Date): void;
};

/** `revisitNotReportsDays` of the site: 0 fetches every known page every crawl. */
export function reportRoute(ctx: CrawlContext, sink: ReportSink, revisitNotReportsDays = 0) {
  const { stats } = ctx;
  const queued = new Set<string>();
  /** Canonical URLs that answered 404/410: missing from this crawl (gone after N crawls). */
  const gone = new Set<string>();
  const browser = lazyBrowser(ctx.chromiumPath);

  /**
   * Hand a page on once per final URL (two links that redirect to one page must settle as one
   * page, or the run never completes). It counts as queued only once its job is in the queue:
   * when adding it throws, the request's retry hands it on again instead of skipping it.
   */
  const once = async (key: string, send: () => Promise<void>) => {
    if (queued.has(key)) return;
    queued.add(key);
    try {
      await send();
    } catch (err) {
      queued.delete(key);
      throw err;
    }
    stats.pagesQueued++;
    ctx.progress();
  };
  const handOn = (page: FetchedPage, document?: DocumentLink) =>
    once(canonicalUrl(page.url), () => sink.onPage(page, document));
  const settledBefore = (key: string) =>
    once(key, async () => {
      stats.alreadySettled++;
    });

  const passChallenge = async (page: FetchedPage): Promise<FetchedPage | null> => {
    stats.browserRetries++;
    try {
      const rendered = await ctx.limiter.schedule(new URL(page.url).host, ctx.fetchOptions.limits, async () =>
        renderInBrowser(await browser.get(), page.url, ctx.fetchOptions.userAgent, ctx.fetchOptions),
      );
      const body = Buffer.from(rendered.html, 'utf8');
      if (isChallenge(body)) return null;
      const headers = new Headers({ 'content-type': 'text/html; charset=utf-8' });
      return { url: rendered.url, status: 200, headers, body };
    } catch (err) {
      ctx.log.warn({ url: page.url, err: (err as Error).message }, 'browser retry failed');
      return null;
    }
  };

  /** Retry a challenge page once in the browser; hand on what it passes, else record it blocked. */
  const challenged = async (page: FetchedPage) => {
    const passed = await passChallenge(page);
    if (passed) return handOn(passed);
    // Settles one page per final URL, like handOn, or the run would wait for a duplicate.
    await once(canonicalUrl(page.url), async () => {
      await sink.onBlocked(page, 'blocked: WAF challenge page, also after a browser retry');
      stats.errors.blocked = (stats.errors.blocked ?? 0) + 1;
    });
  };

  const unchanged = (key: string, state: PageState) => {
    if (revisitedLessOften(state)) sink.onRevisited?.(key, new Date());
  };

  return {
    gone,
    close: () => browser.close(),
    /**
     * Whether a report link need not be fetched in this crawl (revisit.ts): a known non-report
     * page not yet due. The frontier counts it (notDue) once per run and keeps it seen, so it is
     * never counted missing.
     */
    notDue(key: string): boolean {
      if (sink.settledInRun?.(key)) return false; // counted as settled by handle()
      return notDue(key, sink.pageState(key), revisitNotReportsDays, new Date());
    },
    async handle(request: {
      url: string;
      uniqueKey: string;
      noRetry: boolean;
      userData?: { document?: DocumentLink };
    }) {
      if (sink.settledInRun?.(request.uniqueKey)) return settledBefore(request.uniqueKey);
      const state = sink.pageState(request.uniqueKey);
      const document = request.userData?.document;
      let page: FetchedPage;
      try {
        page = await fetchPage(request.url, {
          ...ctx.fetchOptions,
          conditional: state ? { etag: state.etag, lastModified: state.lastModified } : undefined,
          // A document report is a file: the extractor's limit on files, not the one on pages.
          ...(document ? { maxBytes: MAX_ATTACHMENT_BYTES } : {}),
        });
      } catch (err) {
        if (err instanceof HttpStatusError && err.body && isChallenge(err.body)) {
          // Jiasule answers its challenge with 521: the same browser retry as a 200 challenge.
          page = { url: err.url, status: err.status, headers: new Headers(), body: err.body };
          return challenged(page);
        }
        throw err;
      }
      stats.pagesFetched++;
      const finalKey = canonicalUrl(page.url);
      if (finalKey !== request.uniqueKey && sink.settledInRun?.(finalKey)) return settledBefore(finalKey);
      if (page.status === 304) {
        stats.notModified++;
        if (state) unchanged(request.uniqueKey, state);
        return;
      }
      stats.bytes += page.body.length;
      if (state?.lastRawSha256 && state.lastRawSha256 === sha256Hex(page.body)) {
        stats.unchangedBytes++;
        unchanged(request.uniqueKey, state);
        return;
      }
      if (isChallenge(page.body)) return challenged(page);
      await handOn(page, document);
    },
    /** A report page that failed for good: recorded on its page with the reason (404/410: gone, not failed). */
    async failed(request: { url: string; uniqueKey: string }, error: Error) {
      if (error instanceof HttpStatusError && (error.status === 404 || error.status === 410)) {
        gone.add(request.uniqueKey);
        return;
      }
      const status = error instanceof HttpStatusError ? error.status : 0;
      const page: FetchedPage = { url: request.url, status, headers: new Headers(), body: Buffer.alloc(0) };
      await once(request.uniqueKey, () => sink.onBlocked(page, `${errorKind(error)}: ${error.message}`));
    },
  };
}
