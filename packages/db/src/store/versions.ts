// Report writes: a new report with its first version, a new version of a known report, a
// removed report restored, and the URLs a report is known by. Each change writes its outbox
// event in the same transaction.
import type { Prisma } from '../generated/prisma/client.ts';
import { writeReportEvent } from '../outbox.ts';
import type { Prepared } from './prepare.ts';
import type { JobRecord, Tx } from './types.ts';
import type { StoreRecordJob } from '@govwatch/jobs';

function versionData(p: Prepared, job: StoreRecordJob, record: JobRecord) {
  const { text, sections, attachments, ...rest } = record;
  return {
    contentHash: record.contentHash,
    record: rest as Prisma.InputJsonValue,
    text,
    sections: sections as Prisma.InputJsonValue,
    attachments: attachments as Prisma.InputJsonValue,
    fetchedAt: p.fetchedAt,
    crawlRunId: job.runId,
    rawSha256: p.snapshot ? job.rawSha256 : null,
  };
}

function reportFields(record: JobRecord) {
  return {
    title: record.title,
    agency: record.agency,
    reportYear: record.reportYear,
    publishedAt: record.publishedAt,
    source: record.source,
  };
}

export async function createReport(tx: Tx, p: Prepared, job: StoreRecordJob, record: JobRecord) {
  const report = await tx.report.create({
    data: {
      siteId: job.siteId,
      canonicalUrl: p.pageUrl,
      ...reportFields(record),
      contentHash: record.contentHash,
      simhash: p.fingerprint,
      currentVersion: 1,
      versions: { create: { version: 1, ...versionData(p, job, record) } },
    },
  });
  await writeReportEvent(tx, 'report.created', report, { version: 1, url: p.pageUrl, contentHash: record.contentHash });
  return report;
}

export async function addVersion(tx: Tx, p: Prepared, job: StoreRecordJob, record: JobRecord, reportId: string) {
  const max = await tx.reportVersion.aggregate({ where: { reportId }, _max: { version: true } });
  const version = (max._max.version ?? 0) + 1;
  await tx.reportVersion.create({ data: { reportId, version, ...versionData(p, job, record) } });
  const before = await tx.report.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } });
  const report = await tx.report.update({
    where: { id: reportId },
    data: {
      ...Object.fromEntries(Object.entries(reportFields(record)).filter(([, v]) => v !== null)),
      contentHash: record.contentHash,
      simhash: p.fingerprint,
      currentVersion: version,
      status: 'active',
    },
  });
  await writeReportEvent(tx, 'report.updated', report, {
    version,
    previousVersion: version - 1,
    url: p.pageUrl,
    contentHash: record.contentHash,
    ...(before.status === 'removed' ? { restored: true } : {}),
  });
  return version;
}

/** The version a report holds this content as, if any. */
export async function versionOfContent(tx: Tx, reportId: string, contentHash: string): Promise<number | undefined> {
  const existing = await tx.reportVersion.findUnique({
    where: { reportId_contentHash: { reportId, contentHash } },
    select: { version: true },
  });
  return existing?.version;
}

/** A removed report seen again is active again; downstream hears it as an update. */
export async function restoreIfRemoved(tx: Tx, reportId: string, url: string) {
  const restored = await tx.report.updateMany({ where: { id: reportId, status: 'removed' }, data: { status: 'active' } });
  if (restored.count === 0) return;
  const report = await tx.report.findUniqueOrThrow({ where: { id: reportId } });
  await writeReportEvent(tx, 'report.updated', report, { version: report.currentVersion, url, contentHash: report.contentHash, restored: true });
}

/** Record every URL the page stands for as a URL of the report (an alias, with how it joined). */
export async function recordReportUrls(tx: Tx, urls: string[], reportId: string, contentHash: string, kindOf: (index: number) => string) {
  const now = new Date();
  for (const [i, url] of urls.entries()) {
    await tx.reportUrl.upsert({
      where: { url },
      create: { url, reportId, kind: kindOf(i), contentHash, firstSeenAt: now, lastSeenAt: now },
      update: { lastSeenAt: now, contentHash },
    });
  }
}
