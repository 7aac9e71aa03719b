// src/crawl/list-route.ts
import { canonicalUrl } from "@govwatch/core";
import { decodeHtml } from "@govwatch/extract";
import { discoverFromXml, looksLikeXml } from "./feeds.js";
import { fetchPage, isChallenge } from "../fetch/index.js";
import { dataproxyGroup, findDataproxy } from "./hanweb.js";
import { discoverLinksYielding } from "./links.js";
function listRoute(site, ctx, enqueue) {
  const { stats, rules } = ctx;
  const enqueueProxyGroup = async (p, depth) => {
    const req = dataproxyGroup(p.url, p.body, p.start, p.step, p.perPage);
    await enqueue.list(req.url, { depth, proxy: p }, { body: req.body, uniqueKey: `${req.url}#${req.body}` });
  };
  const handle = async (body, pageUrl, contentType, data) => {
    stats.listPagesFetched++;
    if (looksLikeXml(body, contentType)) {
      const found2 = discoverFromXml(body, pageUrl, rules);
      for (const r of found2.reports) await enqueue.report(r);
      if (data.proxy && found2.hanweb && data.proxy.start + data.proxy.step <= found2.hanweb.totalRecords) {
        await enqueueProxyGroup({ ...data.proxy, start: data.proxy.start + data.proxy.step }, data.depth);
      }
      if (data.depth < site.maxDepth) for (const url of found2.lists) await enqueue.list(url, { depth: data.depth + 1 });
      return;
    }
    if (isChallenge(Buffer.from(body))) {
      stats.discoveryComplete = false;
      ctx.countError(Object.assign(new Error(`list page ${pageUrl} is a WAF challenge`), { name: "BlockedError" }));
      return;
    }
    const found = await discoverLinksYielding(body, pageUrl, rules);
    for (const r of found.reports) await enqueue.report(r);
    ctx.progress();
    if (data.depth >= site.maxDepth) {
      if (found.lists.some((url) => !enqueue.isKnownList(url))) stats.discoveryComplete = false;
      return;
    }
    for (const url of found.lists) await enqueue.list(url, { depth: data.depth + 1 });
    const proxy = site.render === "http" ? findDataproxy(body, pageUrl) : null;
    if (proxy) {
      await enqueueProxyGroup({ url: proxy.url, body: proxy.body, start: 1, step: proxy.step, perPage: proxy.end - proxy.start + 1 }, data.depth + 1);
    }
  };
  return {
    handle,
    /** Fetch with our own polite client (every page of an http site; XML and POSTs anywhere). */
    async fetchAndHandle(request) {
      const page = await fetchPage(request.url, {
        ...ctx.fetchOptions,
        method: request.method === "POST" ? "POST" : "GET",
        body: request.payload ? String(request.payload) : void 0,
        contentType: request.method === "POST" ? "application/x-www-form-urlencoded" : void 0
      });
      stats.pagesFetched++;
      stats.bytes += page.body.length;
      const contentType = page.headers.get("content-type");
      const { html } = decodeHtml(page.body, contentType, site.encoding);
      await handle(html, page.url, contentType, request.userData);
    }
  };
}
var listKey = (url, post) => post?.uniqueKey ?? canonicalUrl(url);
export {
  listKey,
  listRoute
};
//# sourceMappingURL=list-route.js.map
