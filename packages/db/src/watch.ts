// The publication watch over the database: the table for a year (what `govwatch watch` and
// GET /watch show), the deadline check that writes report.overdue / report.found_late into the
// outbox, and the year-over-year comparison of an agency's reports.
import {
  buildWatchTable,
  compareReports,
  deadlineFor,
  judge,
  latestDueYear,
  type PartComparison,
  publishedBy,
  tagReport,
  type WatchTable,
} from '@govwatch/watch';
import { type AgencyRecord, deadlineMonthDay, findAgency, watchSiteConfigs } from './agencies.ts';
import type { Prisma, PrismaClient } from './generated/prisma/client.ts';
import { NotFoundError } from './report-history.ts';

export type WatchQuery = {
  year: number;
  /** Only agencies this site publishes for. */
  siteId?: string;
  /** The instant to judge at (default: now). */
  now?: Date;
};

/** Reports of a year that count: active, not a near-duplicate copy. */
const countedReports = (agencyIds: string[], year: number) => ({
  agencyId: { in: agencyIds },
  reportYear: year,
  status: 'active',
});

/** The watch table of one report year, as data (the CLI formats it; the API returns it). */
export async function watchTable(prisma: PrismaClient, q: WatchQuery): Promise<WatchTable> {
  const now = q.now ?? new Date();
  const sites = await watchSiteConfigs(prisma);
  const agencies = await prisma.agency.findMany({ where: q.siteId ? { siteIds: { has: q.siteId } } : {} });
  const reports = await prisma.report.findMany({
    where: countedReports(
      agencies.map((a) => a.id),
      q.year,
    ),
    select: { id: true, agencyId: true, title: true, canonicalUrl: true, publishedAt: true, firstSeenAt: true },
  });
  return buildWatchTable(
    q.year,
    agencies.map((a) => ({ ...a, deadlineMonthDay: deadlineMonthDay(a, sites) })),
    reports.map((r) => ({ ...r, agencyId: r.agencyId as string, url: r.canonicalUrl })),
    now,
  );
}

function agencyPayload(
  a: AgencyRecord,
  year: number,
  deadline: string,
  extra: Record<string, unknown>,
): Prisma.InputJsonValue {
  // The shape of every report event (eventPayload in store-page.ts) plus the agency's own fields.
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
    ...extra,
  } as Prisma.InputJsonValue;
}

/** Write a deadline event once per (agency, year, kind): the notice row and the outbox row commit together. */
async function notifyOnce(
  prisma: PrismaClient,
  a: AgencyRecord,
  year: number,
  kind: 'overdue' | 'found_late',
  reportId: string | null,
  payload: Prisma.InputJsonValue,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const notice = await tx.watchNotice.createMany({
      data: [{ agencyId: a.id, year, kind, reportId }],
      skipDuplicates: true,
    });
    if (notice.count === 0) return false;
    await tx.event.create({
      data: { type: kind === 'overdue' ? 'report.overdue' : 'report.found_late', reportId, payload },
    });
    return true;
  });
}

export type DeadlineCheck = { checked: number; overdue: number; foundLate: number };

/**
 * The daily check: for each agency, the latest year whose deadline has passed at `now` (or the
 * given year, once its deadline has passed): report.overdue when no report is found for it,
 * report.found_late when the report found was published after the deadline. Each event is written
 * once, however often the check runs.
 */
export async function checkDeadlines(
  prisma: PrismaClient,
  now: Date,
  opts: { year?: number; agencyId?: string } = {},
): Promise<DeadlineCheck> {
  const sites = await watchSiteConfigs(prisma);
  const agencies = await prisma.agency.findMany({ where: opts.agencyId ? { id: opts.agencyId } : {} });
  const result: DeadlineCheck = { checked: 0, overdue: 0, foundLate: 0 };
  for (const a of agencies) {
    const monthDay = deadlineMonthDay(a, sites);
    const year = opts.year ?? latestDueYear(now, monthDay);
    const deadline = deadlineFor(year, monthDay);
    const reports = await prisma.report.findMany({
      where: countedReports([a.id], year),
      select: { id: true, siteId: true, title: true, canonicalUrl: true, publishedAt: true, firstSeenAt: true },
    });
    const judged = publishedBy(reports, now)
      .map((r) => ({ r, t: judge(deadline, r, now) }))
      .sort((x, y) =>
        'publishedOn' in x.t && 'publishedOn' in y.t ? x.t.publishedOn.localeCompare(y.t.publishedOn) : 0,
      )[0];
    if (!judged) {
      if (judge(deadline, null, now).status !== 'overdue') continue;
      result.checked++;
      if (
        await notifyOnce(
          prisma,
          a,
          year,
          'overdue',
          null,
          agencyPayload(a, year, deadline, { daysOverdue: -judge(deadline, null, now).daysBefore }),
        )
      ) {
        result.overdue++;
      }
      continue;
    }
    result.checked++;
    const { r, t } = judged;
    if (t.status !== 'late' || !('publishedOn' in t)) continue;
    const payload = agencyPayload(a, year, deadline, {
      reportId: r.id,
      siteId: r.siteId,
      title: r.title,
      url: r.canonicalUrl,
      publishedAt: r.publishedAt,
      publishedOn: t.publishedOn,
      judgedBy: t.by,
      firstSeenAt: r.firstSeenAt.toISOString(),
      daysLate: -t.daysBefore,
    });
    if (await notifyOnce(prisma, a, year, 'found_late', r.id, payload)) result.foundLate++;
  }
  return result;
}

/**
 * After a report is linked: report.found_late at once if it was published after its deadline
 * (the daily check would write the same event, once, the next morning).
 */
export async function checkLinkedReport(
  prisma: PrismaClient,
  reportId: string,
  now: Date = new Date(),
): Promise<DeadlineCheck> {
  const report = await prisma.report.findUnique({
    where: { id: reportId },
    select: { agencyId: true, reportYear: true },
  });
  if (!report?.agencyId || report.reportYear === null) return { checked: 0, overdue: 0, foundLate: 0 };
  return checkDeadlines(prisma, now, { agencyId: report.agencyId, year: report.reportYear });
}

export type YearReport = {
  id: string;
  title: string | null;
  url: string;
  publishedAt: string | null;
  reportYear: number;
};

export type AgencyComparison = {
  agency: { id: string; name: string };
  before: YearReport;
  after: YearReport;
  parts: PartComparison[];
};

/** Compare an agency's reports of two years, part by part (AGENCY: id, name, alias or a name meaning it). */
export async function compareAgencyYears(
  prisma: PrismaClient,
  agencyRef: string,
  years: [number, number],
): Promise<AgencyComparison> {
  const agency = await findAgency(prisma, agencyRef);
  const load = async (year: number) => {
    const report = await prisma.report.findFirst({
      where: countedReports([agency.id], year),
      orderBy: [{ publishedAt: 'asc' }, { firstSeenAt: 'asc' }],
    });
    if (!report) throw new NotFoundError(`${agency.name} has no report for ${year} stored`);
    const version = await prisma.reportVersion.findUniqueOrThrow({
      where: { reportId_version: { reportId: report.id, version: report.currentVersion } },
      select: { text: true },
    });
    return {
      meta: {
        id: report.id,
        title: report.title,
        url: report.canonicalUrl,
        publishedAt: report.publishedAt,
        reportYear: year,
      },
      sections: tagReport(version.text, year),
    };
  };
  const [a, b] = [await load(years[0]), await load(years[1])];
  return {
    agency: { id: agency.id, name: agency.name },
    before: a.meta,
    after: b.meta,
    parts: compareReports(a.sections, b.sections),
  };
}
