// src/watch-table.ts
import { deadlineFor, judge, publishedBy, shanghaiDate } from "./deadline.js";
var LEVEL_ORDER = { city: 0, district: 1, county: 2 };
function buildWatchTable(year, agencies, reports, now) {
  const byAgency = /* @__PURE__ */ new Map();
  for (const r of publishedBy(reports, now)) byAgency.set(r.agencyId, [...byAgency.get(r.agencyId) ?? [], r]);
  const rows = agencies.map((a) => {
    const deadline = deadlineFor(year, a.deadlineMonthDay);
    const judged = (byAgency.get(a.id) ?? []).map((r2) => ({ r: r2, t: judge(deadline, r2, now) })).sort((x, y) => "publishedOn" in x.t && "publishedOn" in y.t ? x.t.publishedOn.localeCompare(y.t.publishedOn) : 0)[0];
    const base = {
      agencyId: a.id,
      agency: a.name,
      level: a.level,
      siteIds: a.siteIds,
      declared: a.declared,
      needsReview: a.needsReview,
      deadline
    };
    if (!judged || !("publishedOn" in judged.t)) {
      const t2 = judge(deadline, null, now);
      return { ...base, status: t2.status, daysBefore: t2.daysBefore, report: null };
    }
    const { r, t } = judged;
    return {
      ...base,
      status: t.status,
      daysBefore: t.daysBefore,
      report: {
        id: r.id,
        title: r.title,
        url: r.url,
        publishedAt: r.publishedAt,
        firstSeenAt: r.firstSeenAt.toISOString(),
        publishedOn: t.publishedOn,
        judgedBy: t.by
      }
    };
  });
  rows.sort((x, y) => (LEVEL_ORDER[x.level] ?? 9) - (LEVEL_ORDER[y.level] ?? 9) || x.agency.localeCompare(y.agency, "zh"));
  const count = (s) => rows.filter((r) => r.status === s).length;
  return {
    year,
    asOf: now.toISOString(),
    asOfDate: shanghaiDate(now),
    rows,
    // missing counts every agency without a report; overdue those of them past the deadline.
    totals: { agencies: rows.length, onTime: count("onTime"), late: count("late"), missing: count("missing") + count("overdue"), overdue: count("overdue") }
  };
}
export {
  buildWatchTable
};
//# sourceMappingURL=watch-table.js.map
