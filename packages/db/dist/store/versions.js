// src/store/versions.ts
import { writeReportEvent } from "../outbox.js";
function versionData(p, job, record) {
  const { text, sections, attachments, ...rest } = record;
  return {
    contentHash: record.contentHash,
    record: rest,
    text,
    sections,
    attachments,
    fetchedAt: p.fetchedAt,
    crawlRunId: job.runId,
    rawSha256: p.snapshot ? job.rawSha256 : null
  };
}
function reportFields(record) {
  return {
    title: record.title,
    agency: record.agency,
    reportYear: record.reportYear,
    publishedAt: record.publishedAt,
    source: record.source
  };
}
async function createReport(tx, p, job, record) {
  const report = await tx.report.create({
    data: {
      siteId: job.siteId,
      canonicalUrl: p.pageUrl,
      ...reportFields(record),
      contentHash: record.contentHash,
      simhash: p.fingerprint,
      currentVersion: 1,
      versions: { create: { version: 1, ...versionData(p, job, record) } }
    }
  });
  await writeReportEvent(tx, "report.created", report, { version: 1, url: p.pageUrl, contentHash: record.contentHash });
  return report;
}
async function addVersion(tx, p, job, record, reportId) {
  const max = await tx.reportVersion.aggregate({ where: { reportId }, _max: { version: true } });
  const version = (max._max.version ?? 0) + 1;
  await tx.reportVersion.create({ data: { reportId, version, ...versionData(p, job, record) } });
  const before = await tx.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } });
  const report = await tx.report.update({
    where: { id: reportId },
    data: {
      ...Object.fromEntries(Object.entries(reportFields(record)).filter(([, v]) => v !== null)),
      contentHash: record.contentHash,
      simhash: p.fingerprint,
      currentVersion: version,
      status: "active"
    }
  });
  await writeReportEvent(tx, "report.updated", report, {
    version,
    previousVersion: version - 1,
    url: p.pageUrl,
    contentHash: record.contentHash,
    ...before.status === "removed" ? { restored: true } : {}
  });
  return version;
}
async function versionOfContent(tx, reportId, contentHash) {
  const existing = await tx.reportVersion.findUnique({
    where: { reportId_contentHash: { reportId, contentHash } },
    select: { version: true }
  });
  return existing?.version;
}
async function restoreIfRemoved(tx, reportId, url) {
  const restored = await tx.report.updateMany({ where: { id: reportId, status: "removed" }, data: { status: "active" } });
  if (restored.count === 0) return;
  const report = await tx.report.findUniqueOrThrow({ where: { id: reportId } });
  await writeReportEvent(tx, "report.updated", report, { version: report.currentVersion, url, contentHash: report.contentHash, restored: true });
}
async function recordReportUrls(tx, urls, reportId, contentHash, kindOf) {
  const now = /* @__PURE__ */ new Date();
  for (const [i, url] of urls.entries()) {
    await tx.reportUrl.upsert({
      where: { url },
      create: { url, reportId, kind: kindOf(i), contentHash, firstSeenAt: now, lastSeenAt: now },
      update: { lastSeenAt: now, contentHash }
    });
  }
}
export {
  addVersion,
  createReport,
  recordReportUrls,
  restoreIfRemoved,
  versionOfContent
};
//# sourceMappingURL=versions.js.map
