// src/url.ts
function canonicalUrl(url) {
  try {
    const u = new URL(url.trim());
    u.hash = "";
    return u.href;
  } catch {
    return url.trim();
  }
}
function resolveUrl(href, base) {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    u.hash = "";
    return u.href;
  } catch {
    return null;
  }
}
export {
  canonicalUrl,
  resolveUrl
};
//# sourceMappingURL=url.js.map
