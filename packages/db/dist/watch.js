// src/watch.ts
import {
  buildWatchTable,
  compareReports,
  deadlineFor,
  judge,
  latestDueYear,
  publishedBy,
  tagReport
} from "@govwatch/watch";
import { deadlineMonthDay, findAgency, watchSiteConfigs } from "./agencies.js";
var countedReports = (agencyIds, year) => ({
  agencyId: { in: agencyIds },
  reportYear: year,
  status: "active"
});
async function watchTable(prisma, q) {
  const now = q.now ?? /* @__PURE__ */ new Date();
  const sites = await watchSiteConfigs(prisma);
  const agencies = await prisma.agency.findMany({ where: q.siteId ? { siteIds: { has: q.siteId } } : {} });
  const reports = await prisma.report.findMany({
    where: countedReports(agencies.map((a) => a.id), q.year),
    select: { id: true, agencyId: true, title: true, canonicalUrl: true, publishedAt: true, firstSeenAt: true }
  });
  return buildWatchTable(
    q.year,
    agencies.map((a) => ({ ...a, deadlineMonthDay: deadlineMonthDay(a, sites) })),
    reports.map((r) => ({ ...r, agencyId: r.agencyId, url: r.canonicalUrl })),
    now
  );
}
function agencyPayload(a, year, deadline, extra) {
  return {
    reportId: null,
    siteId: a.siteIds[0] ?? null,
    title: null,
    agency: a.name,
    reportYear: year,
    agencyId: a.id,
    agencyLevel: a.level,
    siteIds: a.siteIds,
    deadline,
    ...extra
  };
}
async function notifyOnce(prisma, a, year, kind, reportId, payload) {
  return prisma.$transaction(async (tx) => {
    const notice = await tx.watchNotice.createMany({ data: [{ agencyId: a.id, year, kind, reportId }], skipDuplicates: true });
    if (notice.count === 0) return false;
    await tx.event.create({ data: { type: kind === "overdue" ? "report.overdue" : "report.found_late", reportId, payload } });
    return true;
  });
}
async function checkDeadlines(prisma, now, opts = {}) {
  const sites = await watchSiteConfigs(prisma);
  const agencies = await prisma.agency.findMany({ where: opts.agencyId ? { id: opts.agencyId } : {} });
  const result = { checked: 0, overdue: 0, foundLate: 0 };
  for (const a of agencies) {
    const monthDay = deadlineMonthDay(a, sites);
    const year = opts.year ?? latestDueYear(now, monthDay);
    const deadline = deadlineFor(year, monthDay);
    const reports = await prisma.report.findMany({
      where: countedReports([a.id], year),
      select: { id: true, siteId: true, title: true, canonicalUrl: true, publishedAt: true, firstSeenAt: true }
    });
    const judged = publishedBy(reports, now).map((r2) => ({ r: r2, t: judge(deadline, r2, now) })).sort((x, y) => "publishedOn" in x.t && "publishedOn" in y.t ? x.t.publishedOn.localeCompare(y.t.publishedOn) : 0)[0];
    if (!judged) {
      if (judge(deadline, null, now).status !== "overdue") continue;
      result.checked++;
      if (await notifyOnce(prisma, a, year, "overdue", null, agencyPayload(a, year, deadline, { daysOverdue: -judge(deadline, null, now).daysBefore }))) {
        result.overdue++;
      }
      continue;
    }
    result.checked++;
    const { r, t } = judged;
    if (t.status !== "late" || !("publishedOn" in t)) continue;
    const payload = agencyPayload(a, year, deadline, {
      reportId: r.id,
      siteId: r.siteId,
      title: r.title,
      url: r.canonicalUrl,
      publishedAt: r.publishedAt,
      publishedOn: t.publishedOn,
      judgedBy: t.by,
      firstSeenAt: r.firstSeenAt.toISOString(),
      daysLate: -t.daysBefore
    });
    if (await notifyOnce(prisma, a, year, "found_late", r.id, payload)) result.foundLate++;
  }
  return result;
}
async function checkLinkedReport(prisma, reportId, now = /* @__PURE__ */ new Date()) {
  const report = await prisma.report.findUnique({ where: { id: reportId }, select: { agencyId: true, reportYear: true } });
  if (!report?.agencyId || report.reportYear === null) return { checked: 0, overdue: 0, foundLate: 0 };
  return checkDeadlines(prisma, now, { agencyId: report.agencyId, year: report.reportYear });
}
async function compareAgencyYears(prisma, agencyRef, years) {
  const agency = await findAgency(prisma, agencyRef);
  const load = async (year) => {
    const report = await prisma.report.findFirst({
      where: countedReports([agency.id], year),
      orderBy: [{ publishedAt: "asc" }, { firstSeenAt: "asc" }]
    });
    if (!report) throw new Error(`${agency.name} has no report for ${year} stored`);
    const version = await prisma.reportVersion.findUniqueOrThrow({
      where: { reportId_version: { reportId: report.id, version: report.currentVersion } },
      select: { text: true }
    });
    return {
      meta: { id: report.id, title: report.title, url: report.canonicalUrl, publishedAt: report.publishedAt, reportYear: year },
      sections: tagReport(version.text, year)
    };
  };
  const [a, b] = [await load(years[0]), await load(years[1])];
  return { agency: { id: agency.id, name: agency.name }, before: a.meta, after: b.meta, parts: compareReports(a.sections, b.sections) };
}
export {
  checkDeadlines,
  checkLinkedReport,
  compareAgencyYears,
  watchTable
};
//# sourceMappingURL=watch.js.map
