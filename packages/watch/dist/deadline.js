// src/deadline.ts
var DEFAULT_DEADLINE = "04-01";
var SHANGHAI_OFFSET_MS = 8 * 36e5;
var DAY_MS = 864e5;
function isValidMonthDay(mmdd) {
  const m = /^(\d{2})-(\d{2})$/.exec(mmdd);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== void 0 && day >= 1 && day <= days;
}
function shanghaiDate(at) {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}
function deadlineFor(year, monthDay = DEFAULT_DEADLINE) {
  if (!isValidMonthDay(monthDay)) throw new Error(`not a month-day (MM-DD): ${monthDay}`);
  return `${year + 1}-${monthDay}`;
}
function deadlinePassesAt(deadline) {
  return new Date(Date.parse(`${deadline}T00:00:00Z`) + DAY_MS - SHANGHAI_OFFSET_MS);
}
function latestDueYear(now, monthDay = DEFAULT_DEADLINE) {
  const today = shanghaiDate(now);
  const thisYear = Number(today.slice(0, 4));
  return today > `${thisYear}-${monthDay}` ? thisYear - 1 : thisYear - 2;
}
function publicationDay(report) {
  return report.publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(report.publishedAt) ? report.publishedAt : shanghaiDate(report.firstSeenAt);
}
function publishedBy(reports, now) {
  const today = shanghaiDate(now);
  return reports.filter((r) => publicationDay(r) <= today);
}
function judge(deadline, report, now) {
  if (!report) {
    const today = shanghaiDate(now);
    return { status: today > deadline ? "overdue" : "missing", daysBefore: daysBetween(today, deadline) };
  }
  const publishedOn = publicationDay(report);
  const daysBefore = daysBetween(publishedOn, deadline);
  return { status: daysBefore >= 0 ? "onTime" : "late", publishedOn, by: publishedOn === report.publishedAt ? "publishedAt" : "firstSeen", daysBefore };
}
export {
  DEFAULT_DEADLINE,
  daysBetween,
  deadlineFor,
  deadlinePassesAt,
  isValidMonthDay,
  judge,
  latestDueYear,
  publicationDay,
  publishedBy,
  shanghaiDate
};
//# sourceMappingURL=deadline.js.map
