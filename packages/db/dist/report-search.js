// src/report-search.ts
import { Prisma } from "./client.js";
var BadCursorError = class extends Error {
  name = "BadCursorError";
};
var encodeCursor = (c) => Buffer.from(`${c.updatedAt.toISOString()}|${c.id}`).toString("base64url");
function decodeCursor(s) {
  const [at, id] = Buffer.from(s, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(at ?? "");
  if (!id || Number.isNaN(updatedAt.getTime())) throw new BadCursorError("cursor: not one this API gave out");
  return { updatedAt, id };
}
var likePattern = (q) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
async function searchReports(prisma, f) {
  const desc = (f.order ?? "desc") === "desc";
  const where = [Prisma.sql`r."duplicateOfId" IS NULL`];
  if (f.siteId) where.push(Prisma.sql`r."siteId" = ${f.siteId}`);
  if (f.agency) where.push(Prisma.sql`r."agency" = ${f.agency}`);
  if (f.reportYear !== void 0) where.push(Prisma.sql`r."reportYear" = ${f.reportYear}`);
  if (f.since) where.push(Prisma.sql`r."updatedAt" >= ${f.since}`);
  if (f.q) {
    const pattern = likePattern(f.q);
    where.push(Prisma.sql`r."id" IN (
      SELECT "id" FROM "Report" WHERE "title" ILIKE ${pattern}
      UNION SELECT "reportId" FROM "ReportVersion" WHERE "text" ILIKE ${pattern})`);
    where.push(Prisma.sql`(r."title" ILIKE ${pattern} OR v."text" ILIKE ${pattern})`);
  }
  if (f.cursor) {
    const c = decodeCursor(f.cursor);
    where.push(
      desc ? Prisma.sql`(r."updatedAt", r."id") < (${c.updatedAt}, ${c.id})` : Prisma.sql`(r."updatedAt", r."id") > (${c.updatedAt}, ${c.id})`
    );
  }
  const order = desc ? Prisma.sql`r."updatedAt" DESC, r."id" DESC` : Prisma.sql`r."updatedAt" ASC, r."id" ASC`;
  const rows = await prisma.$queryRaw`
    SELECT r."id", r."siteId", r."canonicalUrl", r."title", r."agency", r."reportYear", r."publishedAt",
           r."source", r."currentVersion", r."status", r."firstSeenAt", r."updatedAt",
           length(v."text")::int AS "chars"
    FROM "Report" r
    JOIN "ReportVersion" v ON v."reportId" = r."id" AND v."version" = r."currentVersion"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order}
    LIMIT ${f.limit + 1}`;
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      siteId: r.siteId,
      url: r.canonicalUrl,
      title: r.title,
      agency: r.agency,
      reportYear: r.reportYear,
      publishedAt: r.publishedAt,
      source: r.source,
      version: r.currentVersion,
      status: r.status,
      firstSeenAt: r.firstSeenAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      chars: r.chars
    })),
    nextCursor: rows.length > f.limit && last ? encodeCursor({ updatedAt: new Date(last.updatedAt), id: last.id }) : null
  };
}
function versionDetail(v) {
  const record = v.record ?? {};
  const str = (k) => typeof record[k] === "string" ? record[k] : null;
  return {
    version: v.version,
    contentHash: v.contentHash,
    fetchedAt: v.fetchedAt.toISOString(),
    crawlRunId: v.crawlRunId,
    title: str("title"),
    publishedAt: str("publishedAt"),
    agency: str("agency"),
    reportYear: typeof record.reportYear === "number" ? record.reportYear : null,
    text: v.text,
    sections: Array.isArray(v.sections) ? v.sections : [],
    attachments: Array.isArray(v.attachments) ? v.attachments : []
  };
}
async function reportDetail(prisma, id) {
  const r = await prisma.report.findUnique({
    where: { id },
    include: {
      urls: { orderBy: [{ firstSeenAt: "asc" }, { url: "asc" }] },
      versions: { orderBy: { version: "asc" }, select: { version: true, contentHash: true, fetchedAt: true, crawlRunId: true, text: true } }
    }
  });
  if (!r) return null;
  const current = await reportVersion(prisma, id, r.currentVersion);
  if (!current) return null;
  return {
    id: r.id,
    siteId: r.siteId,
    url: r.canonicalUrl,
    title: r.title,
    agency: r.agency,
    reportYear: r.reportYear,
    publishedAt: r.publishedAt,
    source: r.source,
    version: r.currentVersion,
    status: r.status,
    firstSeenAt: r.firstSeenAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    duplicateOfId: r.duplicateOfId,
    aliases: r.urls.map((u) => ({ url: u.url, kind: u.kind, firstSeenAt: u.firstSeenAt.toISOString(), lastSeenAt: u.lastSeenAt.toISOString() })),
    versions: r.versions.map((v) => ({
      version: v.version,
      contentHash: v.contentHash,
      fetchedAt: v.fetchedAt.toISOString(),
      chars: v.text.length,
      crawlRunId: v.crawlRunId
    })),
    current
  };
}
async function reportVersion(prisma, reportId, version) {
  const v = await prisma.reportVersion.findUnique({ where: { reportId_version: { reportId, version } } });
  return v ? versionDetail(v) : null;
}
async function reportCountsBySite(prisma) {
  const groups = await prisma.report.groupBy({ by: ["siteId"], where: { duplicateOfId: null }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.siteId, g._count._all]));
}
export {
  BadCursorError,
  decodeCursor,
  encodeCursor,
  reportCountsBySite,
  reportDetail,
  reportVersion,
  searchReports
};
//# sourceMappingURL=report-search.js.map
