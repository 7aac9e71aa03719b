// `govwatch export`: stored reports (--since), outbox events (--after) or a site's raw snapshots
// (--format warc), to stdout or --out FILE. Without options it prints every report as NDJSON.
import { basename } from 'node:path';
import { eventsAfter, exportReports, type OutboxEvent } from '@govwatch/db';
import type { Context } from '../context.ts';
import { csvHeader, EVENT_COLUMNS, eventCsvRow, REPORT_COLUMNS, reportCsvRow } from './export-csv.ts';
import { writeSiteWarc } from './export-warc.ts';
import { openOutput } from './output.ts';

export type ExportOptions = {
  since?: string;
  after?: string;
  site?: string;
  format?: string;
  out?: string;
  gzip?: boolean;
};

const FORMATS = ['ndjson', 'csv', 'warc'] as const;
type Format = (typeof FORMATS)[number];

function checkOptions(opts: ExportOptions): { format: Format; since?: Date; after?: string } {
  const format = (opts.format ?? 'ndjson') as Format;
  if (!FORMATS.includes(format)) throw new Error(`--format: one of ${FORMATS.join(', ')}, not ${opts.format}`);
  if (opts.since !== undefined && opts.after !== undefined) throw new Error('--since and --after exclude each other');
  if (format === 'warc') {
    if (!opts.site) throw new Error('--format warc needs --site ID');
    if (opts.since !== undefined || opts.after !== undefined)
      throw new Error('--format warc takes neither --since nor --after');
  }
  if (opts.gzip && format !== 'warc') throw new Error('--gzip applies to --format warc only');
  let since: Date | undefined;
  if (opts.since !== undefined) {
    since = new Date(opts.since);
    if (Number.isNaN(since.getTime())) throw new Error(`--since: not an ISO date: ${opts.since}`);
  }
  if (opts.after !== undefined && !/^\d+$/.test(opts.after)) throw new Error(`--after: not an event id: ${opts.after}`);
  return { format, since, after: opts.after };
}

/** Events after an id, oldest first, page by page; --site keeps those whose payload names the site. */
async function* allEventsAfter(
  ctx: { prisma: Parameters<typeof eventsAfter>[0] },
  after: string,
  siteId?: string,
): AsyncIterable<OutboxEvent> {
  let cursor = after;
  for (;;) {
    const page = await eventsAfter(ctx.prisma, cursor, 500);
    for (const e of page) if (!siteId || e.payload.siteId === siteId) yield e;
    const last = page.at(-1);
    if (!last || page.length < 500) return;
    cursor = last.id;
  }
}

const eventLine = (e: OutboxEvent) =>
  JSON.stringify({
    id: e.id,
    type: e.type,
    reportId: e.reportId,
    createdAt: e.createdAt.toISOString(),
    payload: e.payload,
  });

export async function exportCommand(ctx: Context, opts: ExportOptions) {
  const { format, since, after } = checkOptions(opts);
  const rt = await ctx.database();
  const prisma = rt.db.prisma;
  const output = openOutput(opts.out);
  try {
    if (format === 'warc') {
      const filename = opts.out ? basename(opts.out) : `${opts.site}.warc${opts.gzip ? '.gz' : ''}`;
      const { snapshots } = await writeSiteWarc(prisma, output, {
        siteId: opts.site as string,
        userAgent: rt.config.userAgent,
        filename,
        gzip: opts.gzip,
      });
      if (snapshots === 0) ctx.log.warn({ site: opts.site }, 'no archived snapshots for this site');
    } else if (after !== undefined) {
      if (format === 'csv') await output.write(csvHeader(EVENT_COLUMNS));
      for await (const e of allEventsAfter({ prisma }, after, opts.site)) {
        await output.write(format === 'csv' ? eventCsvRow(e) : `${eventLine(e)}\n`);
      }
    } else {
      if (format === 'csv') await output.write(csvHeader(REPORT_COLUMNS));
      for await (const row of exportReports(prisma, { since, siteId: opts.site })) {
        await output.write(format === 'csv' ? reportCsvRow(row) : `${JSON.stringify(row)}\n`);
      }
    }
  } finally {
    await output.close();
    await rt.close();
  }
}
