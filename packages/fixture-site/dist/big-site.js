// src/big-site.ts
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { esc, footer } from "./html.js";
import { seedParagraphs } from "./seed-text.js";
import { renderTrs } from "./templates/trs.js";
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var SEEDS = [
  ["000", "\u4E0A\u6D77\u5E02\u516C\u5B89\u5C402021\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5\u62A5\u544A"],
  ["001", "\u5609\u5B9A\u516C\u5B89\u5206\u5C402023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5"],
  ["002", "\u5B9C\u6625\u5E02\u516C\u5B89\u5C402023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u5DE5\u4F5C\u60C5\u51B5\u62A5\u544A"],
  ["003", "\u6B66\u6C49\u5E02\u516C\u5B89\u5C402021\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u5E74\u5EA6\u62A5\u544A"],
  ["004", "\u5929\u6D25\u5E02\u6EE8\u6D77\u65B0\u533A\u516C\u5B89\u5C402023\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE\u60C5\u51B5\u62A5\u544A"]
];
function sentenceBank() {
  const out = [];
  for (const [id, title] of SEEDS) {
    for (const p of seedParagraphs(id, title)) for (const s of p.split(/(?<=。)/)) if (s.length >= 12) out.push(s);
  }
  return out;
}
var CITIES = ["\u6C5F\u5B81", "\u9F13\u697C", "\u79E6\u6DEE", "\u7384\u6B66", "\u6D66\u53E3", "\u516D\u5408", "\u6EA7\u6C34", "\u9AD8\u6DF3", "\u6816\u971E", "\u96E8\u82B1\u53F0", "\u5EFA\u90BA", "\u6C5F\u9634", "\u5B9C\u5174", "\u65B0\u5434", "\u6881\u6EAA", "\u9521\u5C71", "\u60E0\u5C71", "\u6EE8\u6E56"];
var NEWS_TOPICS = ["\u5F00\u5C55\u590F\u5B63\u6CBB\u5B89\u6253\u51FB\u6574\u6CBB\u884C\u52A8", "\u53EC\u5F00\u8B66\u52A1\u5DE5\u4F5C\u4F1A\u8BAE", "\u4E3E\u529E\u8B66\u8425\u5F00\u653E\u65E5\u6D3B\u52A8", "\u5F00\u5C55\u53CD\u8BC8\u5BA3\u4F20\u8FDB\u793E\u533A", "\u90E8\u7F72\u9053\u8DEF\u4EA4\u901A\u5B89\u5168\u5DE5\u4F5C", "\u8868\u5F70\u4F18\u79C0\u6C11\u8B66", "\u5F00\u5C55\u6D88\u9632\u5B89\u5168\u68C0\u67E5", "\u53EC\u5F00\u515A\u98CE\u5EC9\u653F\u5EFA\u8BBE\u4F1A\u8BAE"];
var NOTICES = ["\u5173\u4E8E\u8C03\u6574\u6237\u7C4D\u4E1A\u52A1\u529E\u7406\u65F6\u95F4\u7684\u901A\u544A", "\u5173\u4E8E\u516C\u5F00\u62DB\u8058\u8B66\u52A1\u8F85\u52A9\u4EBA\u5458\u7684\u516C\u544A", "\u5173\u4E8E\u5F00\u5C55\u96C6\u4E2D\u6E05\u7406\u6574\u6CBB\u884C\u52A8\u7684\u901A\u544A", "\u5173\u4E8E\u673A\u52A8\u8F66\u9A7E\u9A76\u4EBA\u8003\u8BD5\u5B89\u6392\u7684\u901A\u77E5"];
function chrome(host, bytes, rand) {
  let menu = "";
  for (let i = 0; menu.length < bytes * 0.45; i++) {
    menu += `<li><a href="/col/col${1e3 + i}/index.html" title="${CITIES[i % CITIES.length]}\u680F\u76EE${i}">${NEWS_TOPICS[i % NEWS_TOPICS.length]?.slice(2, 6)}${i}</a></li>`;
  }
  let script = "";
  for (let i = 0; script.length < bytes * 0.45; i++) {
    script += `var cfg_${i}={site:${host},col:${Math.floor(rand() * 9e3)},stat:"${Math.floor(rand() * 1e9).toString(36)}"};function track_${i}(e){if(window._hmt){_hmt.push(["_trackEvent","nav","click",cfg_${i}.stat]);}return e;}
`;
  }
  return {
    head: `<div class="top-nav"><ul>${menu}</ul></div>
<script type="text/javascript">
${script}</script>
`,
    tail: `<div class="friend-links">${footer(`\u6C5F\u82CF\u7701${CITIES[host % CITIES.length]}\u516C\u5B89\u5C40`)}</div>
`
  };
}
function pick(items, rand) {
  return items[Math.floor(rand() * items.length)];
}
async function startBigSite(opts = {}) {
  const hostCount = opts.hosts ?? 200;
  const total = opts.pages ?? 5e3;
  const firstOctet = opts.firstOctet ?? 2;
  const reportShare = opts.reportShare ?? 0.1;
  const bank = sentenceBank();
  const servers = [];
  const byHost = /* @__PURE__ */ new Map();
  const pages = [];
  const counts = { requests: 0, byStatus: {}, conditional: 0 };
  const originOf = [];
  const lastModified = new Date(Date.UTC(2026, 0, 5, 8, 0, 0));
  const routesOf = Array.from({ length: hostCount }, () => /* @__PURE__ */ new Map());
  const handler = (routes) => createServer((req, res) => {
    counts.requests++;
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const e = routes.get(path);
    const inm = req.headers["if-none-match"];
    const ims = req.headers["if-modified-since"];
    if (inm || ims) counts.conditional++;
    let status = 200;
    if (!e) status = 404;
    else if (inm ? inm.split(",").some((t) => t.trim() === e.etag) : ims !== void 0 && e.lastModified.getTime() <= Date.parse(ims)) status = 304;
    counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
    if (!e) {
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" }).end("<html><body>404</body></html>");
      return;
    }
    const headers = { Server: "nginx", ETag: e.etag, "Last-Modified": e.lastModified.toUTCString() };
    if (status === 304) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Length": String(e.body.length) }).end(e.body);
  });
  const setBody = (s, modified) => {
    s.body = Buffer.from(s.render(s.edition), "utf8");
    s.etag = `"${createHash("sha256").update(s.body).digest("hex").slice(0, 32)}"`;
    s.lastModified = new Date(Math.floor(modified.getTime() / 1e3) * 1e3);
  };
  try {
    for (let h = 0; h < hostCount; h++) {
      const server = handler(routesOf[h]);
      servers.push(server);
      await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, `127.0.0.${firstOctet + h}`, () => resolve());
      });
      const { address, port } = server.address();
      originOf.push(`http://${address}:${port}`);
    }
  } catch (err) {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    throw new Error(`big fixture site: cannot listen on 127.0.0.${firstOctet}\u2026${firstOctet + hostCount - 1} (${err.message})`);
  }
  const reportsTotal = Math.round(total * reportShare);
  let reportsMade = 0;
  for (let h = 0; h < hostCount; h++) {
    const rand = prng(1e3 + h);
    const origin = originOf[h];
    const routes = routesOf[h];
    byHost.set(origin, routes);
    const city = `${CITIES[h % CITIES.length]}${h + 1}`;
    const siteName = `${city}\u533A\u516C\u5B89\u5206\u5C40`;
    const hostPages = Math.floor(total / hostCount) + (h < total % hostCount ? 1 : 0);
    const articles = hostPages - 2;
    const reportsHere = Math.round((h + 1) * reportsTotal / hostCount) - reportsMade;
    reportsMade += reportsHere;
    const links = [];
    for (let i = 0; i < articles; i++) {
      const kind = i < reportsHere ? "report" : i % 3 === 0 ? "notice" : "news";
      const year = 2019 + (h + i) % 6;
      const title = kind === "report" ? `${siteName}${year}\u5E74\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE${i % 2 ? "\u60C5\u51B5\u62A5\u544A" : "\u5E74\u5EA6\u62A5\u544A"}` : kind === "notice" ? `${siteName}${pick(NOTICES, rand)}` : `${siteName}${pick(NEWS_TOPICS, rand)}\uFF08${i}\uFF09`;
      const page = { url: `${origin}/art/${2026e3 + i}.html`, kind, title };
      links.push(page);
      const size = 2e4 + Math.floor(rand() * 6e4);
      const { head, tail } = chrome(h, (size - 6e3) * 0.8, rand);
      const paragraphs = [];
      const n = kind === "report" ? 30 + Math.floor(rand() * 30) : 6 + Math.floor(rand() * 10);
      for (let k = 0; k < n; k++) paragraphs.push(kind === "report" && k % 8 === 0 ? `${"\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03"[k / 8]}\u3001${pick(bank, rand).slice(0, 14)}` : `${city}${pick(bank, rand)}${pick(bank, rand)}`);
      if (kind === "report") paragraphs.push(siteName, `${year + 1}\u5E741\u6708${1 + i % 28}\u65E5`);
      const served = {
        page,
        body: Buffer.alloc(0),
        etag: "",
        lastModified,
        edition: 0,
        render: (edition) => renderTrs({
          title,
          siteName,
          date: `${year + 1}-01-${String(1 + i % 28).padStart(2, "0")}`,
          time: "09:30",
          source: siteName,
          showDate: true,
          paragraphs: edition ? [...paragraphs.slice(0, 3), `\uFF08\u7B2C${edition}\u6B21\u4FEE\u8BA2\uFF09\u672C\u62A5\u544A\u7B2C\u4E09\u90E8\u5206\u5DF2\u6839\u636E\u6700\u65B0\u60C5\u51B5\u66F4\u65B0\u3002`, ...paragraphs.slice(3)] : paragraphs,
          columnName: "\u901A\u77E5\u516C\u544A",
          columnHref: "/col/index.html"
        }).replace("<body>\n", `<body>
${head}`).replace("</body>", `${tail}</body>`)
      };
      setBody(served, lastModified);
      routes.set(new URL(page.url).pathname, served);
    }
    const half = Math.ceil(links.length / 2);
    for (let p = 0; p < 2; p++) {
      const path = p === 0 ? "/col/index.html" : "/col/index_1.html";
      const page = { url: origin + path, kind: "list", title: `\u901A\u77E5\u516C\u544A \u7B2C${p + 1}\u9875` };
      const items = links.slice(p * half, (p + 1) * half);
      const { head, tail } = chrome(h, 18e3 + Math.floor(rand() * 2e4), rand);
      const render = () => `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>\u901A\u77E5\u516C\u544A_${esc(siteName)}</title></head><body>
${head}
<div class="list"><ul>
${items.map((a, k) => `<li><a href="${new URL(a.url).pathname}" title="${esc(a.title)}" target="_blank">${esc(a.title)}</a><span>2026-01-${String(1 + k % 28).padStart(2, "0")}</span></li>`).join("\n")}
</ul></div>
<script>createPageHTML(2, ${p}, "index", "html");</script>
${tail}</body></html>
`;
      const served = { page, body: Buffer.alloc(0), etag: "", lastModified, edition: 0, render };
      setBody(served, lastModified);
      routes.set(path, served);
      pages.push(page);
    }
    pages.push(...links);
  }
  return {
    pages,
    sites(defaults = {}) {
      return originOf.map((origin, h) => ({
        id: `big-${String(h + 1).padStart(3, "0")}`,
        name: `${CITIES[h % CITIES.length]}${h + 1}\u533A\u516C\u5B89\u5206\u5C40`,
        startUrls: [`${origin}/col/index.html`],
        // Every article is fetched (the same URL list a plain crawler gets); extraction tells reports apart.
        reportLinkPattern: "/art/\\d+\\.html$",
        allowPrivateNetwork: true,
        requestsPerSecond: 2,
        maxConcurrency: 2,
        ...defaults
      }));
    },
    counts: () => ({ requests: counts.requests, byStatus: { ...counts.byStatus }, conditional: counts.conditional }),
    resetCounts() {
      counts.requests = 0;
      counts.byStatus = {};
      counts.conditional = 0;
    },
    changeReports(share) {
      const reports = [...byHost.values()].flatMap((routes) => [...routes.values()].filter((s) => s.page.kind === "report"));
      const n = Math.max(1, Math.round(reports.length * share));
      const step = reports.length / n;
      const changed = [];
      for (let k = 0; k < n; k++) {
        const s = reports[Math.floor(k * step)];
        s.edition++;
        setBody(s, new Date(Date.now()));
        changed.push(s.page.url);
      }
      return changed;
    },
    close: () => Promise.all(servers.map((s) => new Promise((r) => {
      s.closeAllConnections();
      s.close(() => r());
    }))).then(() => void 0)
  };
}
export {
  startBigSite
};
//# sourceMappingURL=big-site.js.map
