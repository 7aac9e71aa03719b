// CSV for `govwatch export --format csv`: one header row, then one row per report or event.
// Quoting (text with commas, quotes and newlines) is csv-stringify's.
import type { ExportRow, OutboxEvent } from '@govwatch/db';
import { stringify } from 'csv-stringify/sync';

export const REPORT_COLUMNS = [
  'id',
  'siteId',
  'url',
  'isReport',
  'title',
  'publishedAt',
  'source',
  'agency',
  'reportYear',
  'version',
  'status',
  'contentHash',
  'firstSeenAt',
  'updatedAt',
  'urls',
  'sections',
  'attachments',
  'text',
] as const;

export const EVENT_COLUMNS = ['id', 'type', 'reportId', 'createdAt', 'payload'] as const;

type Cell = string | number | boolean | null;

/** Arrays and objects go in as JSON; null stays an empty cell. */
const cell = (v: unknown): Cell =>
  v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : (v as Cell);

export function csvHeader(columns: readonly string[]): string {
  return stringify([columns as string[]]);
}

export function csvRow(columns: readonly string[], row: Record<string, unknown>): string {
  return stringify([columns.map((c) => cell(row[c]))]);
}

export const reportCsvRow = (row: ExportRow) => csvRow(REPORT_COLUMNS, row);

export const eventCsvRow = (e: OutboxEvent) => csvRow(EVENT_COLUMNS, { ...e, createdAt: e.createdAt.toISOString() });
