// src/crawl/report-route.ts
import { canonicalUrl, sha256Hex } from "@govwatch/core";
import { lazyBrowser, renderInBrowser } from "./browser.js";
import { fetchPage, HttpStatusError, isChallenge } from "../fetch/index.js";
function reportRoute(ctx, sink) {
  const { stats } = ctx;
  const queued = /* @__PURE__ */ new Set();
  const gone = /* @__PURE__ */ new Set();
  const browser = lazyBrowser(ctx.chromiumPath);
  const once = async (key, send) => {
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
  const handOn = (page) => once(canonicalUrl(page.url), () => sink.onPage(page));
  const settledBefore = (key) => once(key, async () => {
    stats.alreadySettled++;
  });
  const passChallenge = async (page) => {
    stats.browserRetries++;
    try {
      const rendered = await ctx.limiter.schedule(
        new URL(page.url).host,
        ctx.fetchOptions.limits,
        async () => renderInBrowser(await browser.get(), page.url, ctx.fetchOptions.userAgent, ctx.fetchOptions)
      );
      const body = Buffer.from(rendered.html, "utf8");
      if (isChallenge(body)) return null;
      const headers = new Headers({ "content-type": "text/html; charset=utf-8" });
      return { url: rendered.url, status: 200, headers, body };
    } catch (err) {
      ctx.log.warn({ url: page.url, err: err.message }, "browser retry failed");
      return null;
    }
  };
  const challenged = async (page) => {
    const passed = await passChallenge(page);
    if (passed) return handOn(passed);
    await once(canonicalUrl(page.url), async () => {
      await sink.onBlocked(page, "blocked: WAF challenge page, also after a browser retry");
      stats.errors.blocked = (stats.errors.blocked ?? 0) + 1;
    });
  };
  return {
    gone,
    close: () => browser.close(),
    async handle(request) {
      if (sink.settledInRun?.(request.uniqueKey)) return settledBefore(request.uniqueKey);
      const state = sink.pageState(request.uniqueKey);
      let page;
      try {
        page = await fetchPage(request.url, {
          ...ctx.fetchOptions,
          conditional: state ? { etag: state.etag, lastModified: state.lastModified } : void 0
        });
      } catch (err) {
        if (err instanceof HttpStatusError && err.body && isChallenge(err.body)) {
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
        return;
      }
      stats.bytes += page.body.length;
      if (state?.lastRawSha256 && state.lastRawSha256 === sha256Hex(page.body)) {
        stats.unchangedBytes++;
        return;
      }
      if (isChallenge(page.body)) return challenged(page);
      await handOn(page);
    },
    failed(request, error) {
      if (error instanceof HttpStatusError && (error.status === 404 || error.status === 410)) gone.add(request.uniqueKey);
    }
  };
}
export {
  reportRoute
};
//# sourceMappingURL=report-route.js.map
