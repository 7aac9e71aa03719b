// Agencies as records (publication watch, issue 14). A site file may declare the agencies a site
// publishes for; each stored report is linked to its agency after the store transaction
// (linkReportAgency, called by the store worker), creating an agency listed for review when the
// report names one nobody declared. Identity is the normalized key of packages/watch.
import {
  type AgencyLevel,
  agencyKey,
  cleanAgencyName,
  DEFAULT_DEADLINE,
  type KnownAgency,
  parseAgencyName,
  resolveAgencyName,
} from '@govwatch/watch';
import type { Prisma, PrismaClient } from './generated/prisma/client.ts';
import { NotFoundError } from './report-history.ts';

/** A name that several agencies answer to: the caller must say which. */
export class AmbiguousAgencyError extends Error {
  override name = 'AmbiguousAgencyError';
}

type Tx = Prisma.TransactionClient;

/** What the watch needs of a site's configuration (the Site row mirrors the site file). */
export type WatchSiteConfig = {
  id: string;
  name: string;
  agencies?: Array<string | { name: string; aliases?: string[]; level?: AgencyLevel }>;
  reportDeadline?: string;
};

export type AgencyRecord = {
  id: string;
  key: string;
  name: string;
  aliases: string[];
  level: string;
  siteIds: string[];
  declared: boolean;
  needsReview: boolean;
};

/** The identity of a name that the rules cannot parse: the exact (cleaned) name itself. */
const literalKey = (name: string) => `name|${cleanAgencyName(name)}`;

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

function siteConfigOf(row: { id: string; name: string; config: unknown }): WatchSiteConfig {
  const c = (row.config ?? {}) as Partial<WatchSiteConfig>;
  return {
    id: row.id,
    name: row.name,
    agencies: Array.isArray(c.agencies) ? c.agencies : [],
    reportDeadline: c.reportDeadline,
  };
}

/** Keys, names and levels of a site's declarations: full names first, so short ones can take their city. */
export function declaredAgencies(
  site: WatchSiteConfig,
): Array<{ key: string; name: string; aliases: string[]; level: string }> {
  const decls = (site.agencies ?? []).map((d) =>
    typeof d === 'string' ? { name: d, aliases: [] as string[] } : { aliases: [], ...d },
  );
  const known: KnownAgency[] = [];
  for (const d of decls) {
    const p = parseAgencyName(d.name);
    if (p?.city) known.push({ key: agencyKey(p), level: p.level });
  }
  return decls.map((d) => {
    const r = resolveAgencyName(d.name, known, site.name);
    const level = ('level' in d && d.level) || (r.kind !== 'unresolved' ? r.parsed.level : 'city');
    return { key: r.kind === 'unresolved' ? literalKey(d.name) : r.key, name: d.name, aliases: d.aliases ?? [], level };
  });
}

/** Serialize writers of one agency key (two store workers meeting the same new agency). */
async function lockKey(tx: Tx, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`agency:${key}`}))`;
}

async function upsertAgency(
  tx: Tx,
  a: { key: string; name: string; aliases: string[]; level: string; siteId: string; declared: boolean },
): Promise<AgencyRecord> {
  await lockKey(tx, a.key);
  const existing = await tx.agency.findUnique({ where: { key: a.key } });
  if (!existing) {
    return tx.agency.create({
      data: {
        key: a.key,
        name: a.name,
        aliases: a.aliases.filter((n) => n !== a.name),
        level: a.level,
        siteIds: [a.siteId],
        declared: a.declared,
        needsReview: !a.declared,
      },
    });
  }
  // A declaration names the agency as its site wants it shown; a report's name becomes an alias.
  const name = a.declared ? a.name : existing.name;
  const aliases = union(existing.aliases, [existing.name, a.name, ...a.aliases]).filter((n) => n !== name);
  const siteIds = union(existing.siteIds, [a.siteId]);
  const declared = existing.declared || a.declared;
  const unchanged =
    name === existing.name &&
    declared === existing.declared &&
    aliases.length === existing.aliases.length &&
    siteIds.length === existing.siteIds.length &&
    (!a.declared || existing.level === a.level);
  if (unchanged) return existing;
  return tx.agency.update({
    where: { id: existing.id },
    data: {
      name,
      aliases,
      siteIds,
      declared,
      needsReview: declared ? false : existing.needsReview,
      ...(a.declared ? { level: a.level } : {}),
    },
  });
}

/** Create or update the agencies site files declare. Idempotent. */
export async function syncDeclaredAgencies(prisma: PrismaClient, sites: WatchSiteConfig[]): Promise<AgencyRecord[]> {
  const out: AgencyRecord[] = [];
  for (const site of sites) {
    for (const d of declaredAgencies(site)) {
      out.push(await prisma.$transaction((tx) => upsertAgency(tx, { ...d, siteId: site.id, declared: true })));
    }
  }
  return out;
}

export type LinkResult = { linked: true; agencyId: string; created: boolean } | { linked: false; reason: string };

/**
 * Link a stored report to its agency: one the site declares or already publishes for, else one
 * known from another site, else a new agency record marked for review. Idempotent; run after the
 * store transaction (a failure leaves the report stored and unlinked, and the next run links it).
 */
export async function linkReportAgency(prisma: PrismaClient, reportId: string): Promise<LinkResult> {
  const report = await prisma.report.findUnique({
    where: { id: reportId },
    select: {
      id: true,
      siteId: true,
      agency: true,
      agencyId: true,
      site: { select: { id: true, name: true, config: true } },
    },
  });
  if (!report) return { linked: false, reason: `no report ${reportId}` };
  const site = siteConfigOf(report.site);
  await syncDeclaredAgencies(prisma, [site]);
  const ofSite = await prisma.agency.findMany({ where: { siteIds: { has: site.id } } });

  let target: { key: string; name: string; level: string } | null = null;
  const raw = report.agency?.trim() || null;
  if (!raw) {
    // A page that names no issuer belongs to its site's agency when the site has just one.
    const only = ofSite.length === 1 ? ofSite[0] : undefined;
    if (!only) return { linked: false, reason: 'the report names no agency and its site publishes for several' };
    target = only;
  } else {
    const byName = ofSite.filter((a) => a.name === raw || a.aliases.includes(raw));
    if (byName.length === 1 && byName[0]) target = byName[0];
    else {
      const r = resolveAgencyName(
        raw,
        ofSite.map((a) => ({ key: a.key, level: a.level as AgencyLevel })),
        site.name,
      );
      target =
        r.kind === 'unresolved'
          ? { key: literalKey(raw), name: raw, level: 'city' }
          : { key: r.key, name: raw, level: r.parsed.level };
    }
  }
  const before = await prisma.agency.findUnique({ where: { key: target.key }, select: { id: true } });
  const agency = await prisma.$transaction((tx) =>
    upsertAgency(tx, {
      key: target.key,
      name: target.name,
      aliases: raw ? [raw] : [],
      level: target.level,
      siteId: site.id,
      declared: false,
    }),
  );
  if (report.agencyId !== agency.id)
    await prisma.report.update({ where: { id: report.id }, data: { agencyId: agency.id } });
  return { linked: true, agencyId: agency.id, created: !before };
}

/** Link every report not linked yet (reports stored before the watch existed, or by older workers). */
export async function linkUnlinkedReports(
  prisma: PrismaClient,
  siteId?: string,
): Promise<{ linked: number; unlinked: number }> {
  const rows = await prisma.report.findMany({
    where: { agencyId: null, ...(siteId ? { siteId } : {}) },
    select: { id: true },
    orderBy: { firstSeenAt: 'asc' },
  });
  let linked = 0;
  for (const r of rows) if ((await linkReportAgency(prisma, r.id)).linked) linked++;
  return { linked, unlinked: rows.length - linked };
}

/** An agency's deadline month-day: the earliest its sites set (default 04-01). */
export function deadlineMonthDay(agency: { siteIds: string[] }, sites: Map<string, WatchSiteConfig>): string {
  const days = agency.siteIds.map((id) => sites.get(id)?.reportDeadline ?? DEFAULT_DEADLINE);
  return days.sort()[0] ?? DEFAULT_DEADLINE;
}

/** Site configurations as the Site table mirrors them. */
export async function watchSiteConfigs(prisma: PrismaClient): Promise<Map<string, WatchSiteConfig>> {
  const rows = await prisma.site.findMany({ select: { id: true, name: true, config: true } });
  return new Map(rows.map((r) => [r.id, siteConfigOf(r)]));
}

/**
 * Find an agency by what a person types: its id, name or alias, or a name meaning the same
 * agency (嘉定公安分局 for 上海市公安局嘉定分局). Throws, naming the candidates, when several fit.
 */
export async function findAgency(prisma: PrismaClient, ref: string): Promise<AgencyRecord> {
  const all = await prisma.agency.findMany({ orderBy: { name: 'asc' } });
  const exact = all.filter((a) => a.id === ref || a.name === ref || a.aliases.includes(ref));
  let found = exact;
  if (found.length === 0) {
    const p = parseAgencyName(ref);
    if (p) {
      const [organ, city, district] = agencyKey(p).split('|');
      found = all.filter((a) => {
        const [o, c, d] = a.key.split('|');
        return o === organ && d === district && (city === '?' || c === city);
      });
    }
  }
  if (found.length === 1 && found[0]) return found[0];
  if (found.length === 0)
    throw new NotFoundError(`no agency matches ${ref} (known: ${all.map((a) => a.name).join(', ') || 'none'})`);
  throw new AmbiguousAgencyError(
    `${ref} matches several agencies: ${found.map((a) => `${a.name} (${a.id})`).join(', ')}`,
  );
}
