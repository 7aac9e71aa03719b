// src/reextract-sources.ts
async function storedSiteConfig(prisma, siteId) {
  const site = await prisma.site.findUnique({ where: { id: siteId }, select: { config: true } });
  if (!site) return null;
  return site.config ?? {};
}
async function sitesWithSnapshots(prisma) {
  const pages = await prisma.page.findMany({ where: { lastRawSha256: { not: null } }, distinct: ["siteId"], select: { siteId: true } });
  return pages.map((p) => p.siteId);
}
async function startReextractRun(prisma, siteId) {
  const run = await prisma.crawlRun.create({ data: { siteId, trigger: "reextract" } });
  return run.id;
}
async function recordPageFailure(prisma, runId, url, reason) {
  await prisma.crawlRunPage.createMany({ data: [{ runId, url, outcome: "failed", reason }], skipDuplicates: true });
}
async function keptAttachmentTexts(prisma, pageUrls) {
  const pages = await prisma.page.findMany({
    where: { url: { in: pageUrls }, reportId: { not: null } },
    select: { url: true, report: { select: { versions: { orderBy: { version: "desc" }, take: 1, select: { text: true, record: true } } } } }
  });
  const kept = /* @__PURE__ */ new Map();
  for (const page of pages) {
    const version = page.report?.versions[0];
    const record = version?.record;
    const file = record?.textAttachment;
    if (version && record?.textSource === "attachment" && file?.url && file.kind) {
      kept.set(page.url, { text: version.text, kind: file.kind, url: file.url });
    }
  }
  return kept;
}
export {
  keptAttachmentTexts,
  recordPageFailure,
  sitesWithSnapshots,
  startReextractRun,
  storedSiteConfig
};
//# sourceMappingURL=reextract-sources.js.map
