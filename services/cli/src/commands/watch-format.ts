// How `govwatch watch` and `govwatch compare` print: a table aligned for CJK text (each Han
// character takes two columns in a terminal), CSV, and the comparison part by part. Pure.
import type { AgencyComparison } from '@govwatch/db';
import { PART_LABELS, type WatchRow, type WatchTable } from '@govwatch/watch';
import { csvHeader, csvRow } from './export-csv.ts';

/** Terminal columns of a string: East Asian wide and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

/** Rows of cells as aligned columns, two spaces apart. */
export function alignColumns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) {
    for (const [i, c] of r.entries()) widths[i] = Math.max(widths[i] ?? 0, displayWidth(c));
  }
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** "on time, 10 days before" / "LATE, 70 days after" / "missing, 2 days left" / "OVERDUE, 91 days past". */
export function statusText(row: Pick<WatchRow, 'status' | 'daysBefore'>): string {
  const d = Math.abs(row.daysBefore);
  const days = `${d} day${d === 1 ? '' : 's'}`;
  switch (row.status) {
    case 'onTime':
      return row.daysBefore === 0 ? 'on time, on the deadline' : `on time, ${days} before`;
    case 'late':
      return `LATE, ${days} after`;
    case 'missing':
      return row.daysBefore === 0 ? 'missing, due today' : `missing, ${days} left`;
    case 'overdue':
      return `OVERDUE, ${days} past`;
  }
}

export function formatWatchTable(t: WatchTable): string[] {
  const header = ['agency', 'level', 'deadline', 'status', 'published', 'first seen', 'title / URL'];
  const rows = t.rows.map((r) => [
    `${r.agency}${r.needsReview ? ' (review)' : ''}`,
    r.level,
    r.deadline,
    statusText(r),
    r.report ? `${r.report.publishedOn}${r.report.judgedBy === 'firstSeen' ? '*' : ''}` : '-',
    r.report ? r.report.firstSeenAt.slice(0, 10) : '-',
    r.report ? `${r.report.title ?? '(untitled)'} ${r.report.url}` : '-',
  ]);
  const { agencies, onTime, late, missing, overdue } = t.totals;
  return [
    `publication watch: reports on ${t.year}, as of ${t.asOfDate} (Asia/Shanghai)`,
    '',
    ...alignColumns([header, ...rows]),
    '',
    `${agencies} agencies: ${onTime} published on time, ${late} late, ${missing} missing (${overdue} overdue)`,
    ...(t.rows.some((r) => r.report?.judgedBy === 'firstSeen')
      ? ['* the page states no date: judged by when govwatch first saw it']
      : []),
    ...(t.rows.some((r) => r.needsReview) ? ['(review): found on a report, not declared in the site file'] : []),
  ];
}

export const WATCH_COLUMNS = [
  'year',
  'agencyId',
  'agency',
  'level',
  'siteIds',
  'declared',
  'needsReview',
  'deadline',
  'status',
  'daysBefore',
  'title',
  'url',
  'publishedAt',
  'publishedOn',
  'judgedBy',
  'firstSeenAt',
  'reportId',
] as const;

export function watchCsv(t: WatchTable): string {
  return (
    csvHeader(WATCH_COLUMNS) +
    t.rows
      .map((r) =>
        csvRow(WATCH_COLUMNS, {
          year: t.year,
          ...r,
          declared: String(r.declared),
          needsReview: String(r.needsReview),
          siteIds: r.siteIds.join(' '),
          title: r.report?.title ?? null,
          url: r.report?.url ?? null,
          publishedAt: r.report?.publishedAt ?? null,
          publishedOn: r.report?.publishedOn ?? null,
          judgedBy: r.report?.judgedBy ?? null,
          firstSeenAt: r.report?.firstSeenAt ?? null,
          reportId: r.report?.id ?? null,
        }),
      )
      .join('')
  );
}

export function formatComparison(c: AgencyComparison): string[] {
  const lines = [
    `${c.agency.name}: ${c.before.reportYear} → ${c.after.reportYear}`,
    `  ${c.before.reportYear}: ${c.before.title ?? '(untitled)'} ${c.before.url}`,
    `  ${c.after.reportYear}: ${c.after.title ?? '(untitled)'} ${c.after.url}`,
  ];
  for (const p of c.parts) {
    lines.push(
      '',
      `== ${PART_LABELS[p.part]} (${p.part}): ${p.new.length} new, ${p.dropped.length} dropped, ${p.repeated.length} repeated`,
    );
    for (const s of p.new) lines.push(`+ ${s}`);
    for (const s of p.dropped) lines.push(`- ${s}`);
    for (const r of p.repeated) lines.push(r.same ? `= ${r.after}` : `≈ ${r.after}  (was: ${r.before})`);
  }
  lines.push(
    '',
    '+ new in the later report, - dropped from the earlier one, = repeated, ≈ repeated with other figures or wording',
  );
  return lines;
}
