// src/outbox.ts
function eventPayload(report, extra) {
  return {
    reportId: report.id,
    siteId: report.siteId,
    title: report.title,
    agency: report.agency,
    reportYear: report.reportYear,
    ...extra
  };
}
async function writeReportEvent(tx, type, report, extra) {
  await tx.event.create({ data: { type, reportId: report.id, payload: eventPayload(report, extra) } });
}
export {
  eventPayload,
  writeReportEvent
};
//# sourceMappingURL=outbox.js.map
