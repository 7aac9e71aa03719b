// `govwatch export`: every stored report as one flat row — the record keys of DESIGN.md taken from
// the report's current version, plus id, siteId, version, status, firstSeenAt, updatedAt, urls.
// Rows come in (updatedAt, id) order with keyset paging, so memory stays flat however many there are.
import type { Attachment, RecordContract, Section } from '@govwatch/extract';
import type { PrismaClient } from './generated/prisma/client.ts';

/** The record contract (the extractor's own schema), plus where the report stands. */
export type ExportRow = RecordContract & {
  id: string;
  siteId: string;
  isReport: true;
  version: number;
  status: string;
  firstSeenAt: string;
  updatedAt: string;
  urls: string[];
};

export type ExportOptions = {
  /** Only reports changed (created, updated, removed) at or after this instant. */
  since?: Date;
  siteId?: string;
  /** Rows fetched per query. */
  batchSize?: number;
};

type Cursor = { updatedAt: Date; id: string };

function fetchBatch(prisma: PrismaClient, options: ExportOptions, after: Cursor | null, take: number) {
  return prisma.report.findMany({
    where: {
      ...(options.since ? { updatedAt: { gte: options.since } } : {}),
      ...(options.siteId ? { siteId: options.siteId } : {}),
      ...(after
        ? { OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] }
        : {}),
    },
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    take,
    include: { urls: { select: { url: true }, orderBy: [{ firstSeenAt: 'asc' }, { url: 'asc' }] } },
  });
}

export async function* exportReports(prisma: PrismaClient, options: ExportOptions = {}): AsyncIterable<ExportRow> {
  const batchSize = options.batchSize ?? 200;
  let after: Cursor | null = null;
  for (;;) {
    const reports = await fetchBatch(prisma, options, after, batchSize);
    if (reports.length === 0) return;
    const versions = await prisma.reportVersion.findMany({
      where: { OR: reports.map((r) => ({ reportId: r.id, version: r.currentVersion })) },
      select: { reportId: true, text: true, sections: true, attachments: true, contentHash: true },
    });
    const byReport = new Map(versions.map((v) => [v.reportId, v]));
    for (const r of reports) {
      const v = byReport.get(r.id);
      if (!v) continue; // cannot happen: a report is created with its first version
      const urls = r.urls.map((u) => u.url);
      if (!urls.includes(r.canonicalUrl)) urls.unshift(r.canonicalUrl);
      yield {
        id: r.id,
        siteId: r.siteId,
        url: r.canonicalUrl,
        isReport: true,
        title: r.title,
        publishedAt: r.publishedAt,
        source: r.source,
        agency: r.agency,
        reportYear: r.reportYear,
        text: v.text,
        sections: v.sections as Section[],
        attachments: v.attachments as Attachment[],
        contentHash: v.contentHash,
        version: r.currentVersion,
        status: r.status,
        firstSeenAt: r.firstSeenAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        urls,
      };
    }
    const last = reports[reports.length - 1];
    if (!last || reports.length < batchSize) return;
    after = { updatedAt: last.updatedAt, id: last.id };
  }
}
