// src/attachments.ts
import { isDocumentLink } from "./render.js";
import { resolveUrl } from "./url.js";
function fileNameOf(url) {
  try {
    const path = new URL(url).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
  } catch {
    return url;
  }
}
function attachmentsOf(anchors, base, inRange) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const a of anchors) {
    if (!isDocumentLink(a.href) || !inRange(a.line)) continue;
    const url = resolveUrl(a.href, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    out.push({ url, name: a.text || fileNameOf(url) });
  }
  return out;
}
export {
  attachmentsOf
};
//# sourceMappingURL=attachments.js.map
