// src/canonical-url.ts
var INDEX_FILE = /^(index|default)\.(html?|shtml|jsp|php|aspx?)$/i;
var TRACKING_PARAMS = /* @__PURE__ */ new Set([
  "from",
  "spm",
  "isappinstalled",
  "scene",
  "clicktime",
  "enterid",
  "nsukey",
  "share_token",
  "sharer_sharetime",
  "sharer_shareid",
  "wxfrom",
  "wxshare_count",
  "wx_header",
  "fbclid",
  "gclid",
  "msclkid",
  "mc_cid",
  "mc_eid",
  "yclid",
  "_hsenc",
  "_hsmi"
]);
var isTracking = (name) => {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || key.startsWith("utm_");
};
var upperEscapes = (s) => s.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());
function canonicalPath(pathname) {
  let path = pathname.replace(/\/{2,}/g, "/");
  if (path === "") return "/";
  const slash = path.lastIndexOf("/");
  const last = path.slice(slash + 1);
  if (INDEX_FILE.test(last)) {
    path = path.slice(0, slash + 1);
  } else if (last !== "" && !last.includes(".")) {
    path = `${path}/`;
  }
  return upperEscapes(path);
}
function canonicalUrl(url) {
  const u = new URL(url.trim());
  if (u.protocol !== "http:" && u.protocol !== "https:") return u.href;
  if (u.hostname.endsWith(".")) u.hostname = u.hostname.replace(/\.+$/, "");
  u.hash = "";
  u.username = "";
  u.password = "";
  u.pathname = canonicalPath(u.pathname);
  const params = [...u.searchParams].filter(([name]) => !isTracking(name));
  params.sort(([a, va], [b, vb]) => a < b ? -1 : a > b ? 1 : va < vb ? -1 : va > vb ? 1 : 0);
  u.search = params.length === 0 ? "" : new URLSearchParams(params).toString();
  return u.href;
}
export {
  TRACKING_PARAMS,
  canonicalUrl
};
//# sourceMappingURL=canonical-url.js.map
