// src/report-history.ts
import { createTwoFilesPatch } from "diff";
var NotFoundError = class extends Error {
  name = "NotFoundError";
};
async function reportHistory(prisma, reportId) {
  const report = await prisma.report.findUnique({
    where: { id: reportId },
    include: {
      urls: { select: { url: true }, orderBy: [{ firstSeenAt: "asc" }, { url: "asc" }] },
      versions: { orderBy: { version: "asc" } }
    }
  });
  if (!report) return null;
  return {
    id: report.id,
    siteId: report.siteId,
    canonicalUrl: report.canonicalUrl,
    title: report.title,
    status: report.status,
    currentVersion: report.currentVersion,
    urls: report.urls.map((u) => u.url),
    versions: report.versions.map((v) => {
      const record = v.record ?? {};
      return {
        version: v.version,
        contentHash: v.contentHash,
        fetchedAt: v.fetchedAt,
        createdAt: v.createdAt,
        crawlRunId: v.crawlRunId,
        rawSha256: v.rawSha256,
        title: typeof record.title === "string" ? record.title : null,
        chars: v.text.length,
        sections: Array.isArray(v.sections) ? v.sections.length : 0
      };
    })
  };
}
var withNewline = (text) => text === "" || text.endsWith("\n") ? text : `${text}
`;
async function versionPair(prisma, reportId, a, b) {
  const report = await prisma.report.findUnique({ where: { id: reportId }, select: { currentVersion: true } });
  if (!report) throw new NotFoundError(`no report ${reportId}`);
  const to = b ?? report.currentVersion;
  const from = a ?? to - 1;
  const load = async (version) => {
    if (version === 0 && a === void 0) return { text: "", label: "empty", fetchedAt: void 0 };
    const v = await prisma.reportVersion.findUnique({
      where: { reportId_version: { reportId, version } },
      select: { text: true, fetchedAt: true }
    });
    if (!v) throw new NotFoundError(`report ${reportId} has no version ${version}`);
    return { text: v.text, label: `v${version}`, fetchedAt: v.fetchedAt.toISOString() };
  };
  const [older, newer] = await Promise.all([load(from), load(to)]);
  return { older, newer };
}
async function diffVersions(prisma, reportId, a, b) {
  const { older, newer } = await versionPair(prisma, reportId, a, b);
  return createTwoFilesPatch(
    `${reportId}@${older.label}`,
    `${reportId}@${newer.label}`,
    withNewline(older.text),
    withNewline(newer.text),
    older.fetchedAt,
    newer.fetchedAt
  );
}
async function siteReports(prisma, siteId) {
  const reports = await prisma.report.findMany({
    where: { siteId },
    orderBy: { publishedAt: "asc" },
    include: { versions: { orderBy: { version: "desc" }, take: 1, select: { text: true } } }
  });
  return reports.map((r) => ({
    canonicalUrl: r.canonicalUrl,
    title: r.title,
    agency: r.agency,
    reportYear: r.reportYear,
    publishedAt: r.publishedAt,
    currentVersion: r.currentVersion,
    text: r.versions[0]?.text ?? ""
  }));
}
export {
  NotFoundError,
  diffVersions,
  reportHistory,
  siteReports,
  versionPair
};
//# sourceMappingURL=report-history.js.map
