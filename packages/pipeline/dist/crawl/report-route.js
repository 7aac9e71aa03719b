// src/crawl/report-route.ts
import { canonicalUrl, sha256Hex } from "@govwatch/core";
import { lazyBrowser, renderInBrowser } from "./browser.js";
import { fetchPage, HttpStatusError } from "./fetch-page.js";
var CHALLENGE = /__jsl_clearance|acw_sc__v2|Please enable JavaScript and cookies|请开启JavaScript并刷新该页/i;
function isChallenge(body) {
  return body.length < 3e4 && CHALLENGE.test(body.toString("latin1")) && !/<p[\s>][^<]{200,}/i.test(body.toString("utf8"));
}
function reportRoute(ctx, sink) {
  const { stats } = ctx;
  const queued = /* @__PURE__ */ new Set();
  const gone = /* @__PURE__ */ new Set();
  const browser = lazyBrowser(ctx.chromiumPath);
  const handOn = async (page) => {
    const finalKey = canonicalUrl(page.url);
    if (queued.has(finalKey)) return;
    queued.add(finalKey);
    await sink.onPage(page);
    stats.pagesQueued++;
    ctx.progress();
  };
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
    const key = canonicalUrl(page.url);
    if (queued.has(key)) return;
    queued.add(key);
    stats.errors.blocked = (stats.errors.blocked ?? 0) + 1;
    await sink.onBlocked(page, "blocked: WAF challenge page, also after a browser retry");
    stats.pagesQueued++;
  };
  return {
    gone,
    close: () => browser.close(),
    async handle(request) {
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
  isChallenge,
  reportRoute
};
//# sourceMappingURL=report-route.js.map
