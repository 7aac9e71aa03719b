// `govwatch history REPORT_ID` and `govwatch diff REPORT_ID [A B]`.
import { createTwoFilesPatch } from 'diff';
import type { PrismaClient } from './generated/prisma/client.ts';

export type VersionSummary = {
  version: number;
  contentHash: string;
  fetchedAt: Date;
  createdAt: Date;
  crawlRunId: string | null;
  rawSha256: string | null;
  title: string | null;
  chars: number;
  sections: number;
};

export type ReportHistory = {
  id: string;
  siteId: string;
  canonicalUrl: string;
  title: string | null;
  status: string;
  currentVersion: number;
  urls: string[];
  versions: VersionSummary[];
};

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** The report and its versions, oldest first; null when there is no such report. */
export async function reportHistory(prisma: PrismaClient, reportId: string): Promise<ReportHistory | null> {
  const report = await prisma.report.findUnique({
    where: { id: reportId },
    include: {
      urls: { select: { url: true }, orderBy: [{ firstSeenAt: 'asc' }, { url: 'asc' }] },
      versions: { orderBy: { version: 'asc' } },
    },
  });
  if (!report) return null;
  return {
    id: report.id,
    siteId: report.siteId,
    canonicalUrl: report.canonicalUrl,
    title: report.title,
    status: report.status,
    currentVersion: report.currentVersion,
    urls: report.urls.map((u) => u.url),
    versions: report.versions.map((v) => {
      const record = (v.record ?? {}) as { title?: unknown };
      return {
        version: v.version,
        contentHash: v.contentHash,
        fetchedAt: v.fetchedAt,
        createdAt: v.createdAt,
        crawlRunId: v.crawlRunId,
        rawSha256: v.rawSha256,
        title: typeof record.title === 'string' ? record.title : null,
        chars: v.text.length,
        sections: Array.isArray(v.sections) ? v.sections.length : 0,
      };
    }),
  };
}

const withNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

/**
 * Unified line diff of two versions' texts (paragraphs are lines). Defaults: b = the current
 * version, a = the one before it (an empty text when b is the first). Throws NotFoundError for an
 * unknown report or version.
 */
/** The texts of versions a and b of a report (defaults: the one before the current, and the current). */
export async function versionPair(prisma: PrismaClient, reportId: string, a?: number, b?: number) {
  const report = await prisma.report.findUnique({ where: { id: reportId }, select: { currentVersion: true } });
  if (!report) throw new NotFoundError(`no report ${reportId}`);
  const to = b ?? report.currentVersion;
  const from = a ?? to - 1;
  const load = async (version: number) => {
    if (version === 0 && a === undefined) return { text: '', label: 'empty', fetchedAt: undefined };
    const v = await prisma.reportVersion.findUnique({
      where: { reportId_version: { reportId, version } },
      select: { text: true, fetchedAt: true },
    });
    if (!v) throw new NotFoundError(`report ${reportId} has no version ${version}`);
    return { text: v.text, label: `v${version}`, fetchedAt: v.fetchedAt.toISOString() };
  };
  const [older, newer] = await Promise.all([load(from), load(to)]);
  return { older, newer };
}

export async function diffVersions(prisma: PrismaClient, reportId: string, a?: number, b?: number): Promise<string> {
  const { older, newer } = await versionPair(prisma, reportId, a, b);
  return createTwoFilesPatch(
    `${reportId}@${older.label}`,
    `${reportId}@${newer.label}`,
    withNewline(older.text),
    withNewline(newer.text),
    older.fetchedAt,
    newer.fetchedAt,
  );
}

export type SiteReport = {
  canonicalUrl: string;
  title: string | null;
  agency: string | null;
  reportYear: number | null;
  publishedAt: string | null;
  currentVersion: number;
  /** Text of the latest version. */
  text: string;
};

/** Every report of a site, oldest publication first, with its latest version's text. */
export async function siteReports(prisma: PrismaClient, siteId: string): Promise<SiteReport[]> {
  const reports = await prisma.report.findMany({
    where: { siteId },
    orderBy: { publishedAt: 'asc' },
    include: { versions: { orderBy: { version: 'desc' }, take: 1, select: { text: true } } },
  });
  return reports.map((r) => ({
    canonicalUrl: r.canonicalUrl,
    title: r.title,
    agency: r.agency,
    reportYear: r.reportYear,
    publishedAt: r.publishedAt,
    currentVersion: r.currentVersion,
    text: r.versions[0]?.text ?? '',
  }));
}
