// Publication deadlines. Agencies must make last year's report public before 1 April
// (《法治政府建设与责任落实督察工作规定》, 2019); a site may set another day. All dates are calendar days
// in Asia/Shanghai, which has had no daylight saving since 1991: UTC+8 all year.

export const DEFAULT_DEADLINE = '04-01';
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** A month-day a deadline may fall on (02-29 is refused: most following years have none). */
export function isValidMonthDay(mmdd: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(mmdd);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** The calendar day in Shanghai of an instant, as YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (YYYY-MM-DD each): positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The last day (inclusive) to publish the report on year `year`: that month-day of the following year. */
export function deadlineFor(year: number, monthDay: string = DEFAULT_DEADLINE): string {
  if (!isValidMonthDay(monthDay)) throw new Error(`not a month-day (MM-DD): ${monthDay}`);
  return `${year + 1}-${monthDay}`;
}

/** The instant the deadline has passed: the start of the next day in Shanghai. */
export function deadlinePassesAt(deadline: string): Date {
  return new Date(Date.parse(`${deadline}T00:00:00Z`) + DAY_MS - SHANGHAI_OFFSET_MS);
}

/** The latest report year whose deadline has passed at `now`. */
export function latestDueYear(now: Date, monthDay: string = DEFAULT_DEADLINE): number {
  const today = shanghaiDate(now);
  const thisYear = Number(today.slice(0, 4));
  return today > `${thisYear}-${monthDay}` ? thisYear - 1 : thisYear - 2;
}

export type Timeliness =
  | { status: 'onTime' | 'late'; publishedOn: string; by: 'publishedAt' | 'firstSeen'; daysBefore: number }
  | { status: 'missing' | 'overdue'; daysBefore: number };

/** The day a report counts as published: the date it states, else the day govwatch first saw it. */
export function publicationDay(report: { publishedAt: string | null; firstSeenAt: Date }): string {
  return report.publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(report.publishedAt)
    ? report.publishedAt
    : shanghaiDate(report.firstSeenAt);
}

/** Reports already published at `now`: a watch judged as of a past day ignores later ones. */
export function publishedBy<R extends { publishedAt: string | null; firstSeenAt: Date }>(reports: R[], now: Date): R[] {
  const today = shanghaiDate(now);
  return reports.filter((r) => publicationDay(r) <= today);
}

/**
 * How a report (or its absence) stands against the deadline. A report is judged by the date it
 * states (publishedAt) — the agency's act — and by when govwatch first saw it only when it states
 * none. daysBefore: days from publication (or from today, when missing) to the deadline; negative
 * once past it.
 */
export function judge(
  deadline: string,
  report: { publishedAt: string | null; firstSeenAt: Date } | null,
  now: Date,
): Timeliness {
  if (!report) {
    const today = shanghaiDate(now);
    return { status: today > deadline ? 'overdue' : 'missing', daysBefore: daysBetween(today, deadline) };
  }
  const publishedOn = publicationDay(report);
  const daysBefore = daysBetween(publishedOn, deadline);
  return {
    status: daysBefore >= 0 ? 'onTime' : 'late',
    publishedOn,
    by: publishedOn === report.publishedAt ? 'publishedAt' : 'firstSeen',
    daysBefore,
  };
}
