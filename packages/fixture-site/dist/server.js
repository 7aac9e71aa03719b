// src/server.ts
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import iconv from "iconv-lite";
import { buildSite } from "./sections.js";
import { renderSiteYaml, siteEntries } from "./site-yaml.js";
import { DATAPROXY_PATH, renderDataproxy } from "./templates/hanweb-list.js";
import { renderWafChallenge } from "./templates/waf.js";
function encode(html, encoding) {
  return encoding === "gbk" ? iconv.encode(html, "gbk") : Buffer.from(html, "utf8");
}
function etagOf(body) {
  return `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`;
}
function wholeSecond(d) {
  return new Date(Math.floor(d.getTime() / 1e3) * 1e3);
}
function toEntry(page) {
  const body = encode(page.html, page.encoding);
  return { ...page, lastModified: wholeSecond(page.lastModified), body, etag: etagOf(body), removed: false };
}
function flatHeaders(req) {
  const out = {};
  for (const [k, v] of Object.entries(req.headers)) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}
function notModified(req, e) {
  const inm = req.headers["if-none-match"];
  if (inm !== void 0) {
    if (inm.trim() === "*") return true;
    return inm.split(",").some((t) => t.trim().replace(/^W\//, "") === e.etag);
  }
  const ims = req.headers["if-modified-since"];
  if (ims !== void 0) {
    const t = Date.parse(ims);
    return !Number.isNaN(t) && e.lastModified.getTime() <= t;
  }
  return false;
}
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
var NOT_FOUND = Buffer.from(
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 \u9875\u9762\u4E0D\u5B58\u5728</title></head><body><h1>404</h1><p>\u60A8\u8BBF\u95EE\u7684\u9875\u9762\u4E0D\u5B58\u5728\u6216\u5DF2\u88AB\u5220\u9664\u3002</p></body></html>\n'
);
async function startFixtureSite(opts = {}) {
  const host = opts.host ?? "127.0.0.1";
  const latencyMs = opts.latencyMs ?? 0;
  const log = [];
  const failCounts = /* @__PURE__ */ new Map();
  let entries = /* @__PURE__ */ new Map();
  let model;
  const lookup = (key) => {
    const e = entries.get(key);
    if (e) return e;
    const q = key.indexOf("?");
    const path = q < 0 ? key : key.slice(0, q);
    return path.endsWith("/") ? entries.get(`${path}index.html${q < 0 ? "" : key.slice(q)}`) : void 0;
  };
  const send = (req, res, status, headers, body) => {
    res.writeHead(status, { Server: "nginx", ...headers, "Content-Length": String(body.length) });
    res.end(req.method === "HEAD" ? void 0 : body);
  };
  const serveEntry = (req, res, key) => {
    const e = lookup(key);
    if (!e || e.removed) {
      send(req, res, 404, { "Content-Type": "text/html; charset=utf-8" }, NOT_FOUND);
      return;
    }
    const headers = { ETag: e.etag, "Last-Modified": e.lastModified.toUTCString(), "Cache-Control": "max-age=0" };
    if (notModified(req, e)) {
      res.writeHead(304, { Server: "nginx", ...headers });
      res.end();
      return;
    }
    send(req, res, 200, { ...headers, "Content-Type": e.contentType }, e.body);
  };
  const handle = async (req, res, url) => {
    const key = url.pathname + url.search;
    if (url.pathname.startsWith("/__fail/")) {
      const m = /^\/__fail\/(\d+)(\/.*)?$/.exec(url.pathname);
      const n = Number(m?.[1] ?? 0);
      const count = (failCounts.get(key) ?? 0) + 1;
      failCounts.set(key, count);
      if (count <= n) {
        const retryAfter = url.searchParams.get("retryAfter") ?? "1";
        send(req, res, 503, { "Content-Type": "text/html; charset=utf-8", "Retry-After": retryAfter }, Buffer.from("<html><body>503 Service Temporarily Unavailable</body></html>\n"));
        return;
      }
      if (m?.[2]) return serveEntry(req, res, m[2]);
      send(req, res, 200, { "Content-Type": "text/html; charset=utf-8" }, Buffer.from("<html><body>ok</body></html>\n"));
      return;
    }
    if (url.pathname === DATAPROXY_PATH && model) {
      const form = new URLSearchParams(req.method === "POST" ? await readBody(req) : "");
      const param = (name) => url.searchParams.get(name) ?? form.get(name);
      const { column, items } = model.hanweb;
      const perPage = Number(param("perpage") ?? column.perPage) || column.perPage;
      const start = Number(param("startrecord") ?? 1) || 1;
      const end = Number(param("endrecord") ?? start + perPage - 1) || start + perPage - 1;
      const known = String(param("columnid") ?? "") === String(column.columnId);
      const xml = renderDataproxy(column, known ? items : [], start, end);
      send(req, res, 200, { "Content-Type": "text/xml; charset=utf-8" }, Buffer.from(xml));
      return;
    }
    const passable = /^\/(wafpass|waf521|waf403)\//.exec(url.pathname);
    if (passable && /(?:^|;\s*)__jsl_clearance=/.test(req.headers.cookie ?? "")) {
      return serveEntry(req, res, key.slice(passable[0].length - 1));
    }
    if (url.pathname.startsWith("/waf/") || passable) {
      const seed = createHash("sha1").update(key).digest("hex").toUpperCase();
      send(
        req,
        res,
        url.pathname.startsWith("/waf521/") ? 521 : url.pathname.startsWith("/waf403/") ? 403 : 200,
        { "Content-Type": "text/html; charset=utf-8", "Set-Cookie": `__jsluid_h=${seed.slice(0, 32).toLowerCase()}; max-age=31536000; path=/; HttpOnly` },
        Buffer.from(renderWafChallenge(seed))
      );
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      send(req, res, 405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }, Buffer.from("405 Method Not Allowed\n"));
      return;
    }
    serveEntry(req, res, key);
  };
  const server = createServer((req, res) => {
    const entry = {
      t: Date.now(),
      method: req.method ?? "GET",
      path: req.url ?? "/",
      host: req.headers.host ?? "",
      headers: flatHeaders(req),
      status: 0
    };
    log.push(entry);
    res.on("finish", () => {
      entry.status = res.statusCode;
    });
    const url = new URL(req.url ?? "/", "http://fixture.invalid");
    const run = () => handle(req, res, url).catch((err) => {
      if (!res.headersSent) send(req, res, 500, { "Content-Type": "text/plain" }, Buffer.from(`500 ${String(err)}
`));
      else res.destroy();
    });
    if (latencyMs > 0) setTimeout(run, latencyMs);
    else void run();
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  model = buildSite(origin, {
    reportCount: opts.reportCount ?? 8,
    newsCount: opts.newsCount ?? 4,
    pageSize: opts.pageSize ?? 10,
    crawlDelay: opts.crawlDelay ?? 0
  });
  entries = new Map([...model.pages].map(([k, p]) => [k, toEntry(p)]));
  const sections = model.sections;
  const mustGet = (path) => {
    const e = lookup(path);
    if (!e) throw new Error(`fixture-site: no page at ${path}`);
    return e;
  };
  return {
    origin,
    log,
    clearLog: () => {
      log.length = 0;
    },
    reports: model.reports,
    nonReports: model.nonReports,
    mutate(path, change) {
      const e = mustGet(path);
      const decoded = e.encoding === "gbk" ? iconv.decode(e.body, "gbk") : e.body.toString("utf8");
      const html = change(decoded);
      e.html = html;
      e.body = encode(html, e.encoding);
      e.etag = etagOf(e.body);
      e.lastModified = wholeSecond(new Date(Math.max(Date.now(), e.lastModified.getTime() + 1e3)));
    },
    remove(path) {
      mustGet(path).removed = true;
    },
    restore(path) {
      mustGet(path).removed = false;
    },
    sites: (options) => siteEntries(origin, sections, options),
    siteYaml: (options) => renderSiteYaml(origin, siteEntries(origin, sections, options)),
    close: () => new Promise((resolve, reject) => {
      server.close((err) => err ? reject(err) : resolve());
      server.closeAllConnections();
    })
  };
}
export {
  startFixtureSite
};
//# sourceMappingURL=server.js.map
