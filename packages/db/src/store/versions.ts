// Report writes through Prisma: a new version of a known report and a removed report restored,
// each with its outbox event in the same transaction. A new report, its URLs and its page are
// written in one statement by writes.ts.

import type { StoreRecordJob } from '@govwatch/jobs';
import type { Prisma } from '../generated/prisma/client.ts';
import { writeReportEvent } from '../outbox.ts';
import type { Prepared } from './prepare.ts';
import type { JobRecord, Tx } from './types.ts';

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

/** A removed report seen again is active again; downstream hears it as an update. */
export async function restoreIfRemoved(tx: Tx, reportId: string, url: string) {
  const restored = await tx.report.updateMany({
    where: { id: reportId, status: 'removed' },
    data: { status: 'active' },
  });
  if (restored.count === 0) return;
  const report = await tx.report.findUniqueOrThrow({ where: { id: reportId } });
  await writeReportEvent(tx, 'report.updated', report, {
    version: report.currentVersion,
    url,
    contentHash: report.contentHash,
    restored: true,
  });
}
