// `govwatch watch`: per agency, whether its report on a year was published, on time or late, or is
// missing (and overdue); totals at the bottom. `govwatch compare`: two years of an agency's reports,
// part by part.
import { existsSync } from 'node:fs';
import {
  checkDeadlines,
  compareAgencyYears,
  linkUnlinkedReports,
  syncDeclaredAgencies,
  upsertSites,
  watchTable,
} from '@govwatch/db';
import { latestDueYear } from '@govwatch/watch';
import { type Context, out } from '../context.ts';
import { formatComparison, formatWatchTable, watchCsv } from './watch-format.ts';

function parseYear(v: string, what: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new Error(`${what}: not a year: ${v}`);
  return n;
}

function parseAt(v: string | undefined): Date {
  if (v === undefined) return new Date();
  // A bare date means the end of that day in Shanghai: "as of 2024-04-02" includes all of it.
  const at = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T23:59:59+08:00`) : new Date(v);
  if (Number.isNaN(at.getTime())) throw new Error(`--at: not a date or time: ${v}`);
  return at;
}

type WatchOptions = { year?: string; site?: string; format?: string; at?: string; check?: boolean; sites?: string };

export async function watchCommand(ctx: Context, opts: WatchOptions) {
  const format = opts.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format))
    throw new Error(`--format: expected table, json or csv, got ${format}`);
  const now = parseAt(opts.at);
  const year = opts.year === undefined ? latestDueYear(now) : parseYear(opts.year, '--year');
  // The site file, where there is one, is the source of declared agencies and deadlines.
  const path = opts.sites ?? ctx.config.sitesPath;
  const sites = opts.sites || existsSync(path) ? ctx.sites(path).sites : [];
  if (opts.site && sites.length > 0 && !sites.some((s) => s.id === opts.site)) {
    throw new Error(`${path}: no site with id ${opts.site} (known: ${sites.map((s) => s.id).join(', ')})`);
  }
  const rt = await ctx.database();
  try {
    const prisma = rt.db.prisma;
    if (sites.length > 0) {
      await upsertSites(
        prisma,
        sites.map((s) => ({ id: s.id, name: s.name, config: s })),
      );
      await syncDeclaredAgencies(prisma, sites);
    }
    await linkUnlinkedReports(prisma, opts.site);
    if (opts.check) {
      const c = await checkDeadlines(prisma, now);
      process.stderr.write(
        `deadline check: ${c.overdue} report.overdue and ${c.foundLate} report.found_late event(s) written\n`,
      );
    }
    const table = await watchTable(prisma, { year, siteId: opts.site, now });
    if (format === 'json') await out(JSON.stringify(table, null, 2));
    else if (format === 'csv') process.stdout.write(watchCsv(table));
    else for (const line of formatWatchTable(table)) await out(line);
  } finally {
    await rt.close();
  }
}

export async function compareCommand(ctx: Context, agency: string, opts: { years: string[]; format?: string }) {
  const format = opts.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new Error(`--format: expected text or json, got ${format}`);
  if (opts.years.length !== 2)
    throw new Error(`--years: expected two years, e.g. --years 2022 2023 (got ${opts.years.join(' ')})`);
  const years = opts.years.map((y) => parseYear(y, '--years')) as [number, number];
  const rt = await ctx.database();
  try {
    await linkUnlinkedReports(rt.db.prisma);
    const comparison = await compareAgencyYears(rt.db.prisma, agency, years);
    if (format === 'json') await out(JSON.stringify(comparison, null, 2));
    else for (const line of formatComparison(comparison)) await out(line);
  } finally {
    await rt.close();
  }
}
