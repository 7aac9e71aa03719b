// src/watch-check.ts
import { checkDeadlines, checkLinkedReport, linkReportAgency, syncDeclaredAgencies } from "@govwatch/db";
var WATCH_SCHEDULER_KEY = "watch-daily";
var WATCH_SCHEDULE = "30 6 * * *";
async function watchStoredReport(rt, reportId) {
  const link = await linkReportAgency(rt.db.prisma, reportId);
  if (!link.linked) {
    rt.log.debug({ reportId, reason: link.reason }, "report not linked to an agency");
    return;
  }
  if (link.created) rt.log.info({ reportId, agencyId: link.agencyId }, "new agency found on a report; listed for review");
  await checkLinkedReport(rt.db.prisma, reportId);
}
function runDeadlineCheck(rt, now = /* @__PURE__ */ new Date()) {
  return checkDeadlines(rt.db.prisma, now);
}
async function syncWatch(rt, sites) {
  await syncDeclaredAgencies(rt.db.prisma, sites);
  await rt.queues.store.upsertJobScheduler(
    WATCH_SCHEDULER_KEY,
    { pattern: WATCH_SCHEDULE, tz: rt.config.timezone },
    { name: "watchCheck", data: { kind: "watchCheck" } }
  );
}
export {
  WATCH_SCHEDULE,
  WATCH_SCHEDULER_KEY,
  runDeadlineCheck,
  syncWatch,
  watchStoredReport
};
//# sourceMappingURL=watch-check.js.map
