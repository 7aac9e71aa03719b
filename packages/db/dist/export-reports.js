// src/export-reports.ts
function fetchBatch(prisma, options, after, take) {
  return prisma.report.findMany({
    where: {
      ...options.since ? { updatedAt: { gte: options.since } } : {},
      ...options.siteId ? { siteId: options.siteId } : {},
      ...after ? { OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] } : {}
    },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take,
    include: { urls: { select: { url: true }, orderBy: [{ firstSeenAt: "asc" }, { url: "asc" }] } }
  });
}
async function* exportReports(prisma, options = {}) {
  const batchSize = options.batchSize ?? 200;
  let after = null;
  for (; ; ) {
    const reports = await fetchBatch(prisma, options, after, batchSize);
    if (reports.length === 0) return;
    const versions = await prisma.reportVersion.findMany({
      where: { OR: reports.map((r) => ({ reportId: r.id, version: r.currentVersion })) },
      select: { reportId: true, text: true, sections: true, attachments: true, contentHash: true }
    });
    const byReport = new Map(versions.map((v) => [v.reportId, v]));
    for (const r of reports) {
      const v = byReport.get(r.id);
      if (!v) continue;
      const urls = r.urls.map((u) => u.url);
      if (!urls.includes(r.canonicalUrl)) urls.unshift(r.canonicalUrl);
      yield {
        id: r.id,
        siteId: r.siteId,
        url: r.canonicalUrl,
        isReport: true,
        title: r.title,
        publishedAt: r.publishedAt,
        source: r.source,
        agency: r.agency,
        reportYear: r.reportYear,
        text: v.text,
        sections: v.sections,
        attachments: v.attachments,
        contentHash: v.contentHash,
        version: r.currentVersion,
        status: r.status,
        firstSeenAt: r.firstSeenAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        urls
      };
    }
    const last = reports[reports.length - 1];
    if (!last || reports.length < batchSize) return;
    after = { updatedAt: last.updatedAt, id: last.id };
  }
}
export {
  exportReports
};
//# sourceMappingURL=export-reports.js.map
