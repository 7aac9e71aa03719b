// src/runs.ts
async function upsertSites(prisma, sites) {
  for (const s of sites) {
    await prisma.site.upsert({
      where: { id: s.id },
      create: { id: s.id, name: s.name, config: s.config },
      update: { name: s.name, config: s.config }
    });
  }
}
var STALE_MS = 6 * 3600 * 1e3;
async function startOrJoinRun(prisma, siteId, trigger) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`crawl-run:${siteId}`}))`;
    const crawls = { siteId, status: "running", trigger: { not: "reextract" } };
    const running = await tx.crawlRun.findFirst({
      where: { ...crawls, startedAt: { gt: new Date(Date.now() - STALE_MS) } },
      orderBy: { startedAt: "desc" }
    });
    if (running) return { runId: running.id, joined: true };
    await tx.crawlRun.updateMany({ where: crawls, data: { status: "failed", error: "abandoned" } });
    const run = await tx.crawlRun.create({ data: { siteId, trigger } });
    return { runId: run.id, joined: false };
  });
}
async function finishCrawl(prisma, runId, stats) {
  const pagesQueued = typeof stats.pagesQueued === "number" ? stats.pagesQueued : 0;
  await prisma.crawlRun.update({
    where: { id: runId },
    data: { crawlDone: true, pagesQueued, stats }
  });
  await completeRunIfSettled(prisma, runId);
}
async function failRun(prisma, runId, error) {
  await prisma.crawlRun.updateMany({
    where: { id: runId, status: "running" },
    data: { status: "failed", error, finishedAt: /* @__PURE__ */ new Date() }
  });
}
async function completeRunIfSettled(prisma, runId) {
  const changed = await prisma.$executeRaw`
    UPDATE "CrawlRun" r SET status = 'finished', "finishedAt" = now()
    WHERE r.id = ${runId} AND r.status = 'running' AND r."crawlDone"
      AND (SELECT count(*) FROM "CrawlRunPage" p WHERE p."runId" = r.id) >= r."pagesQueued"`;
  return changed > 0;
}
async function runSummary(prisma, runId) {
  const run = await prisma.crawlRun.findUnique({ where: { id: runId } });
  if (!run) return null;
  const groups = await prisma.crawlRunPage.groupBy({ by: ["outcome"], where: { runId }, _count: { _all: true } });
  const outcomes = {};
  let settled = 0;
  for (const g of groups) {
    outcomes[g.outcome] = g._count._all;
    settled += g._count._all;
  }
  return {
    id: run.id,
    siteId: run.siteId,
    trigger: run.trigger,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    error: run.error,
    pagesQueued: run.pagesQueued,
    pagesSettled: settled,
    outcomes,
    stats: run.stats
  };
}
async function listRuns(prisma, siteId, limit = 50) {
  const runs = await prisma.crawlRun.findMany({
    where: siteId ? { siteId } : {},
    orderBy: { startedAt: "desc" },
    take: limit,
    select: { id: true }
  });
  const out = [];
  for (const r of runs) {
    const s = await runSummary(prisma, r.id);
    if (s) out.push(s);
  }
  return out;
}
async function pageStates(prisma, siteId) {
  const pages = await prisma.page.findMany({
    where: { siteId },
    select: { url: true, etag: true, lastModified: true, lastRawSha256: true, status: true }
  });
  return new Map(pages.map((p) => [p.url, p]));
}
async function settledUrls(prisma, runId) {
  const rows = await prisma.crawlRunPage.findMany({ where: { runId }, select: { url: true } });
  return new Set(rows.map((r) => r.url));
}
async function settleAsFailed(prisma, runId, url, reason) {
  await prisma.crawlRunPage.createMany({ data: [{ runId, url, outcome: "failed", reason }], skipDuplicates: true });
  await completeRunIfSettled(prisma, runId);
}
function formatSummary(s) {
  const st = s.stats;
  const errors = Object.entries(st.errors ?? {}).map(([k, v]) => `${k}=${v}`).join(" ");
  const o = s.outcomes;
  const lines = [
    `run ${s.id} site ${s.siteId}: ${s.status}${s.error ? ` (${s.error})` : ""}`,
    `  pages fetched ${st.pagesFetched ?? 0} (list ${st.listPagesFetched ?? 0}, not modified ${st.notModified ?? 0}, unchanged bytes ${st.unchangedBytes ?? 0}), bytes ${st.bytes ?? 0}`,
    `  reports new ${o.created ?? 0} / updated ${o.updated ?? 0} / unchanged ${(o.unchanged ?? 0) + Number(st.notModified ?? 0) + Number(st.unchangedBytes ?? 0)} / duplicate ${o.duplicate ?? 0} / removed ${st.reportsRemoved ?? 0}`,
    `  not reports ${o.notReport ?? 0}, failed ${o.failed ?? 0}, errors ${errors || "none"}, ${st.durationMs ?? 0} ms`
  ];
  for (const w of st.warnings ?? []) lines.push(`  warning: ${w}`);
  return lines.join("\n");
}
async function runOrigin(prisma, runId) {
  return prisma.crawlRun.findUnique({ where: { id: runId }, select: { trigger: true, crawlDone: true } });
}
export {
  completeRunIfSettled,
  failRun,
  finishCrawl,
  formatSummary,
  listRuns,
  pageStates,
  runOrigin,
  runSummary,
  settleAsFailed,
  settledUrls,
  startOrJoinRun,
  upsertSites
};
//# sourceMappingURL=runs.js.map
