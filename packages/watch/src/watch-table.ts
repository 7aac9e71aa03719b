// The publication watch for one report year: per agency, its report (the earliest published, when
// a report was republished) judged against the agency's deadline, or its absence; and the totals.

import type { AgencyLevel } from './agency-name.ts';
import { deadlineFor, judge, publishedBy, shanghaiDate, type Timeliness } from './deadline.ts';

export type WatchAgency = {
  id: string;
  name: string;
  level: AgencyLevel | string;
  siteIds: string[];
  /** The site's deadline month-day (MM-DD) for this agency. */
  deadlineMonthDay: string;
  declared: boolean;
  needsReview: boolean;
};

export type WatchReport = {
  id: string;
  agencyId: string;
  title: string | null;
  url: string;
  publishedAt: string | null;
  firstSeenAt: Date;
};

export type WatchStatus = Timeliness['status'];

export type WatchRow = {
  agencyId: string;
  agency: string;
  level: string;
  siteIds: string[];
  declared: boolean;
  needsReview: boolean;
  deadline: string;
  status: WatchStatus;
  /** Days from publication (or today, when missing) to the deadline; negative once past it. */
  daysBefore: number;
  report: null | {
    id: string;
    title: string | null;
    url: string;
    publishedAt: string | null;
    firstSeenAt: string;
    /** The day the report is judged by, and whether the page stated it or govwatch first saw it then. */
    publishedOn: string;
    judgedBy: 'publishedAt' | 'firstSeen';
  };
};

export type WatchTable = {
  year: number;
  /** The instant the table describes (ISO) and its day in Shanghai. */
  asOf: string;
  asOfDate: string;
  rows: WatchRow[];
  totals: { agencies: number; onTime: number; late: number; missing: number; overdue: number };
};

const LEVEL_ORDER: Record<string, number> = { city: 0, district: 1, county: 2 };

export function buildWatchTable(year: number, agencies: WatchAgency[], reports: WatchReport[], now: Date): WatchTable {
  const byAgency = new Map<string, WatchReport[]>();
  // As of `now`: a report published later does not exist yet.
  for (const r of publishedBy(reports, now)) byAgency.set(r.agencyId, [...(byAgency.get(r.agencyId) ?? []), r]);
  const rows = agencies.map((a): WatchRow => {
    const deadline = deadlineFor(year, a.deadlineMonthDay);
    const judged = (byAgency.get(a.id) ?? [])
      .map((r) => ({ r, t: judge(deadline, r, now) }))
      .sort((x, y) =>
        'publishedOn' in x.t && 'publishedOn' in y.t ? x.t.publishedOn.localeCompare(y.t.publishedOn) : 0,
      )[0];
    const base = {
      agencyId: a.id,
      agency: a.name,
      level: a.level,
      siteIds: a.siteIds,
      declared: a.declared,
      needsReview: a.needsReview,
      deadline,
    };
    if (!judged || !('publishedOn' in judged.t)) {
      const t = judge(deadline, null, now);
      return { ...base, status: t.status, daysBefore: t.daysBefore, report: null };
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
        judgedBy: t.by,
      },
    };
  });
  rows.sort(
    (x, y) => (LEVEL_ORDER[x.level] ?? 9) - (LEVEL_ORDER[y.level] ?? 9) || x.agency.localeCompare(y.agency, 'zh'),
  );
  const count = (s: WatchStatus) => rows.filter((r) => r.status === s).length;
  return {
    year,
    asOf: now.toISOString(),
    asOfDate: shanghaiDate(now),
    rows,
    // missing counts every agency without a report; overdue those of them past the deadline.
    totals: {
      agencies: rows.length,
      onTime: count('onTime'),
      late: count('late'),
      missing: count('missing') + count('overdue'),
      overdue: count('overdue'),
    },
  };
}
