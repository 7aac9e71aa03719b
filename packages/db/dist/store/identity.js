// src/store/identity.ts
import { hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE, NEAR_DUPLICATE_MIN_JACCARD, shingleJaccard } from "../simhash.js";
async function findReport(tx, p, record) {
  const hash = record.contentHash;
  const aliases = await tx.reportUrl.findMany({ where: { url: { in: p.urls } } });
  const alias = aliases.find((a) => a.url === p.pageUrl) ?? aliases[0];
  if (alias) {
    const known = await tx.reportVersion.findUnique({
      where: { reportId_contentHash: { reportId: alias.reportId, contentHash: hash } },
      select: { id: true }
    });
    if (known || alias.contentHash === hash) return { reportId: alias.reportId, kind: "url", outcome: "unchanged" };
    if (alias.kind === "duplicate" && await isNearDuplicateOf(tx, alias.reportId, p)) {
      return { reportId: alias.reportId, kind: "url", outcome: "duplicate" };
    }
    return { reportId: alias.reportId, kind: "url", outcome: "newVersion" };
  }
  const sameContent = await tx.reportVersion.findFirst({
    where: { contentHash: hash },
    orderBy: { createdAt: "asc" },
    select: { reportId: true }
  });
  if (sameContent) return { reportId: sameContent.reportId, kind: "hash", outcome: "unchanged" };
  if (record.agency && record.reportYear !== null && record.title) {
    const moved = await tx.report.findFirst({
      where: { agency: record.agency, reportYear: record.reportYear, title: record.title },
      orderBy: { firstSeenAt: "asc" },
      select: { id: true, siteId: true }
    });
    if (moved) {
      if (moved.siteId !== p.job.siteId && await isNearDuplicateOf(tx, moved.id, p)) {
        return { reportId: moved.id, kind: "duplicate", outcome: "duplicate" };
      }
      return { reportId: moved.id, kind: "moved", outcome: "newVersion" };
    }
  }
  const near = await nearestReport(tx, p, record);
  if (near) return { reportId: near, kind: "duplicate", outcome: "duplicate" };
  return null;
}
async function isNearDuplicateOf(tx, reportId, p) {
  if (p.fingerprint === null || p.job.kind !== "record") return false;
  const report = await tx.report.findUnique({ where: { id: reportId }, select: { simhash: true } });
  if (report?.simhash === null || report?.simhash === void 0) return false;
  if (hammingDistance(report.simhash, p.fingerprint) > NEAR_DUPLICATE_MAX_DISTANCE) return false;
  return await currentJaccard(tx, reportId, p.job.record.text) >= NEAR_DUPLICATE_MIN_JACCARD;
}
async function currentJaccard(tx, reportId, text) {
  const rows = await tx.$queryRaw`
    SELECT v.text FROM "ReportVersion" v JOIN "Report" r ON r.id = v."reportId" AND v.version = r."currentVersion"
    WHERE r.id = ${reportId}`;
  const current = rows[0]?.text;
  return current === void 0 ? 0 : shingleJaccard(current, text);
}
async function nearReportCandidates(tx, fingerprint, reportYear, limit = 5, agency = null) {
  if (fingerprint === null) return [];
  return tx.$queryRaw`
    SELECT id, bit_count((simhash # ${fingerprint}::bigint)::bit(64))::int AS distance
    FROM "Report"
    WHERE simhash IS NOT NULL
      AND (${reportYear}::int IS NULL OR "reportYear" IS NULL OR "reportYear" = ${reportYear}::int)
      AND (${agency}::text IS NULL OR agency IS NULL OR agency = ${agency}::text)
      AND bit_count((simhash # ${fingerprint}::bigint)::bit(64)) <= ${NEAR_DUPLICATE_MAX_DISTANCE}
    ORDER BY distance, "firstSeenAt"
    LIMIT ${limit}`;
}
async function nearestReport(tx, p, record) {
  for (const candidate of await nearReportCandidates(tx, p.fingerprint, record.reportYear, 5, record.agency)) {
    if (await currentJaccard(tx, candidate.id, record.text) >= NEAR_DUPLICATE_MIN_JACCARD) return candidate.id;
  }
  return null;
}
export {
  findReport,
  nearReportCandidates
};
//# sourceMappingURL=identity.js.map
