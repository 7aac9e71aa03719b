// src/site-yaml.ts
function siteEntries(origin, sections, options = {}) {
  const host = new URL(origin).host;
  return sections.filter((s) => !options.only || options.only.includes(s.id)).map((s) => {
    const entry = {
      id: s.id,
      name: s.name,
      startUrls: s.startPaths.map((p) => origin + p),
      allowedHosts: [host],
      reportLinkPattern: s.reportLinkPattern,
      listLinkPattern: s.listLinkPattern,
      titleKeywords: ["\u6CD5\u6CBB\u653F\u5E9C\u5EFA\u8BBE"],
      render: s.render,
      maxPages: s.maxPages,
      maxDepth: s.maxDepth,
      requestsPerSecond: 20,
      allowPrivateNetwork: true,
      ...options.defaults,
      ...options.overrides?.[s.id]
    };
    for (const [k, v] of Object.entries(entry)) if (v === void 0) delete entry[k];
    return entry;
  });
}
function scalar(v) {
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(scalar).join(", ")}]`;
  return JSON.stringify(v);
}
function renderSiteYaml(origin, sites) {
  const lines = [`# Fixture government site at ${origin} (tests/fixture-site), one site per section.`, "sites:"];
  for (const site of sites) {
    let first = true;
    for (const [k, v] of Object.entries(site)) {
      lines.push(`${first ? "  - " : "    "}${k}: ${scalar(v)}`);
      first = false;
    }
  }
  return `${lines.join("\n")}
`;
}
export {
  renderSiteYaml,
  siteEntries
};
//# sourceMappingURL=site-yaml.js.map
