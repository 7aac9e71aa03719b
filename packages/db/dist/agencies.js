// src/agencies.ts
import {
  agencyKey,
  cleanAgencyName,
  DEFAULT_DEADLINE,
  parseAgencyName,
  resolveAgencyName
} from "@govwatch/watch";
var literalKey = (name) => `name|${cleanAgencyName(name)}`;
var union = (a, b) => [.../* @__PURE__ */ new Set([...a, ...b])];
function siteConfigOf(row) {
  const c = row.config ?? {};
  return { id: row.id, name: row.name, agencies: Array.isArray(c.agencies) ? c.agencies : [], reportDeadline: c.reportDeadline };
}
function declaredAgencies(site) {
  const decls = (site.agencies ?? []).map((d) => typeof d === "string" ? { name: d, aliases: [] } : { aliases: [], ...d });
  const known = [];
  for (const d of decls) {
    const p = parseAgencyName(d.name);
    if (p?.city) known.push({ key: agencyKey(p), level: p.level });
  }
  return decls.map((d) => {
    const r = resolveAgencyName(d.name, known, site.name);
    const level = "level" in d && d.level || (r.kind !== "unresolved" ? r.parsed.level : "city");
    return { key: r.kind === "unresolved" ? literalKey(d.name) : r.key, name: d.name, aliases: d.aliases ?? [], level };
  });
}
async function lockKey(tx, key) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`agency:${key}`}))`;
}
async function upsertAgency(tx, a) {
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
        needsReview: !a.declared
      }
    });
  }
  const name = a.declared ? a.name : existing.name;
  const aliases = union(existing.aliases, [existing.name, a.name, ...a.aliases]).filter((n) => n !== name);
  const siteIds = union(existing.siteIds, [a.siteId]);
  const declared = existing.declared || a.declared;
  const unchanged = name === existing.name && declared === existing.declared && aliases.length === existing.aliases.length && siteIds.length === existing.siteIds.length && (!a.declared || existing.level === a.level);
  if (unchanged) return existing;
  return tx.agency.update({
    where: { id: existing.id },
    data: { name, aliases, siteIds, declared, needsReview: declared ? false : existing.needsReview, ...a.declared ? { level: a.level } : {} }
  });
}
async function syncDeclaredAgencies(prisma, sites) {
  const out = [];
  for (const site of sites) {
    for (const d of declaredAgencies(site)) {
      out.push(await prisma.$transaction((tx) => upsertAgency(tx, { ...d, siteId: site.id, declared: true })));
    }
  }
  return out;
}
async function linkReportAgency(prisma, reportId) {
  const report = await prisma.report.findUnique({
    where: { id: reportId },
    select: { id: true, siteId: true, agency: true, agencyId: true, site: { select: { id: true, name: true, config: true } } }
  });
  if (!report) return { linked: false, reason: `no report ${reportId}` };
  const site = siteConfigOf(report.site);
  await syncDeclaredAgencies(prisma, [site]);
  const ofSite = await prisma.agency.findMany({ where: { siteIds: { has: site.id } } });
  let target = null;
  const raw = report.agency?.trim() || null;
  if (!raw) {
    const only = ofSite.length === 1 ? ofSite[0] : void 0;
    if (!only) return { linked: false, reason: "the report names no agency and its site publishes for several" };
    target = only;
  } else {
    const byName = ofSite.filter((a) => a.name === raw || a.aliases.includes(raw));
    if (byName.length === 1 && byName[0]) target = byName[0];
    else {
      const r = resolveAgencyName(raw, ofSite.map((a) => ({ key: a.key, level: a.level })), site.name);
      target = r.kind === "unresolved" ? { key: literalKey(raw), name: raw, level: "city" } : { key: r.key, name: raw, level: r.parsed.level };
    }
  }
  const before = await prisma.agency.findUnique({ where: { key: target.key }, select: { id: true } });
  const agency = await prisma.$transaction(
    (tx) => upsertAgency(tx, { key: target.key, name: target.name, aliases: raw ? [raw] : [], level: target.level, siteId: site.id, declared: false })
  );
  if (report.agencyId !== agency.id) await prisma.report.update({ where: { id: report.id }, data: { agencyId: agency.id } });
  return { linked: true, agencyId: agency.id, created: !before };
}
async function linkUnlinkedReports(prisma, siteId) {
  const rows = await prisma.report.findMany({
    where: { agencyId: null, ...siteId ? { siteId } : {} },
    select: { id: true },
    orderBy: { firstSeenAt: "asc" }
  });
  let linked = 0;
  for (const r of rows) if ((await linkReportAgency(prisma, r.id)).linked) linked++;
  return { linked, unlinked: rows.length - linked };
}
function deadlineMonthDay(agency, sites) {
  const days = agency.siteIds.map((id) => sites.get(id)?.reportDeadline ?? DEFAULT_DEADLINE);
  return days.sort()[0] ?? DEFAULT_DEADLINE;
}
async function watchSiteConfigs(prisma) {
  const rows = await prisma.site.findMany({ select: { id: true, name: true, config: true } });
  return new Map(rows.map((r) => [r.id, siteConfigOf(r)]));
}
async function findAgency(prisma, ref) {
  const all = await prisma.agency.findMany({ orderBy: { name: "asc" } });
  const exact = all.filter((a) => a.id === ref || a.name === ref || a.aliases.includes(ref));
  let found = exact;
  if (found.length === 0) {
    const p = parseAgencyName(ref);
    if (p) {
      const [organ, city, district] = agencyKey(p).split("|");
      found = all.filter((a) => {
        const [o, c, d] = a.key.split("|");
        return o === organ && d === district && (city === "?" || c === city);
      });
    }
  }
  if (found.length === 1 && found[0]) return found[0];
  if (found.length === 0) throw new Error(`no agency matches ${ref} (known: ${all.map((a) => a.name).join(", ") || "none"})`);
  throw new Error(`${ref} matches several agencies: ${found.map((a) => `${a.name} (${a.id})`).join(", ")}`);
}
export {
  deadlineMonthDay,
  declaredAgencies,
  findAgency,
  linkReportAgency,
  linkUnlinkedReports,
  syncDeclaredAgencies,
  watchSiteConfigs
};
//# sourceMappingURL=agencies.js.map
