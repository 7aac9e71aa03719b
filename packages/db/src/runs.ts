// CrawlRun bookkeeping. Counters are derived from CrawlRunPage rows, so retried jobs count once.
import { poolOf } from './client.ts';
import type { PrismaClient } from './generated/prisma/client.ts';

export type SiteRow = { id: string; name: string; config: object };

export async function upsertSites(prisma: PrismaClient, sites: SiteRow[]): Promise<void> {
  for (const s of sites) {
    await prisma.site.upsert({
      where: { id: s.id },
      create: { id: s.id, name: s.name, config: s.config },
      update: { name: s.name, config: s.config },
    });
  }
}

/** Runs still "running" after this long are taken as abandoned (their process died). */
const STALE_MS = 6 * 3600 * 1000;

/**
 * Start a run of a site, or join the one already running: a second request for a site being
 * crawled must not start another crawl. An advisory lock serializes concurrent requests.
 */
export async function startOrJoinRun(
  prisma: PrismaClient,
  siteId: string,
  trigger: string,
): Promise<{ runId: string; joined: boolean }> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`crawl-run:${siteId}`}))`;
    // A re-extraction (trigger reextract) is no crawl: a crawl requested meanwhile starts its own.
    const crawls = { siteId, status: 'running', trigger: { not: 'reextract' } };
    const running = await tx.crawlRun.findFirst({
      where: { ...crawls, startedAt: { gt: new Date(Date.now() - STALE_MS) } },
      orderBy: { startedAt: 'desc' },
    });
    if (running) return { runId: running.id, joined: true };
    await tx.crawlRun.updateMany({ where: crawls, data: { status: 'failed', error: 'abandoned' } });
    const run = await tx.crawlRun.create({ data: { siteId, trigger } });
    return { runId: run.id, joined: false };
  });
}

/** The crawler is done: record its figures; the run finishes once every queued page settled. */
export async function finishCrawl(prisma: PrismaClient, runId: string, stats: Record<string, unknown>): Promise<void> {
  const pagesQueued = typeof stats.pagesQueued === 'number' ? stats.pagesQueued : 0;
  await prisma.crawlRun.update({
    where: { id: runId },
    data: { crawlDone: true, pagesQueued, stats: stats as object },
  });
  await completeRunIfSettled(prisma, runId);
}

export async function failRun(prisma: PrismaClient, runId: string, error: string): Promise<void> {
  await prisma.crawlRun.updateMany({
    where: { id: runId, status: 'running' },
    data: { status: 'failed', error, finishedAt: new Date() },
  });
}

/**
 * Mark the run finished when the crawl is done and every queued page has an outcome. The store
 * worker asks after every job, so this goes through the pg pool (Prisma spends ~0.6 ms of CPU on
 * a raw statement, more than the store of a page that is no report now costs).
 */
export async function completeRunIfSettled(prisma: PrismaClient, runId: string): Promise<boolean> {
  const { rowCount } = await poolOf(prisma).query(
    `UPDATE "CrawlRun" r SET status = 'finished', "finishedAt" = now()
     WHERE r.id = $1 AND r.status = 'running' AND r."crawlDone"
       AND (SELECT count(*) FROM "CrawlRunPage" p WHERE p."runId" = r.id) >= r."pagesQueued"`,
    [runId],
  );
  return (rowCount ?? 0) > 0;
}

export type RunSummary = {
  id: string;
  siteId: string;
  trigger: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  pagesQueued: number;
  pagesSettled: number;
  outcomes: Record<string, number>;
  stats: Record<string, unknown>;
};

export async function runSummary(prisma: PrismaClient, runId: string): Promise<RunSummary | null> {
  const run = await prisma.crawlRun.findUnique({ where: { id: runId } });
  if (!run) return null;
  const groups = await prisma.crawlRunPage.groupBy({ by: ['outcome'], where: { runId }, _count: { _all: true } });
  const outcomes: Record<string, number> = {};
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
    stats: run.stats as Record<string, unknown>,
  };
}

/** The pages a run recorded as failed, with their reasons (the first `limit`, oldest first). */
export async function failedPages(
  prisma: PrismaClient,
  runId: string,
  limit = 10,
): Promise<Array<{ url: string; reason: string | null }>> {
  return prisma.crawlRunPage.findMany({
    where: { runId, outcome: 'failed' },
    orderBy: [{ createdAt: 'asc' }, { url: 'asc' }],
    take: limit,
    select: { url: true, reason: true },
  });
}

export async function listRuns(prisma: PrismaClient, siteId?: string, limit = 50): Promise<RunSummary[]> {
  const runs = await prisma.crawlRun.findMany({
    where: siteId ? { siteId } : {},
    orderBy: { startedAt: 'desc' },
    take: limit,
    select: { id: true },
  });
  const out: RunSummary[] = [];
  for (const r of runs) {
    const s = await runSummary(prisma, r.id);
    if (s) out.push(s);
  }
  return out;
}

/** Crawl state of a site's pages, keyed by canonical URL, for conditional GETs and the revisit policy. */
export async function pageStates(prisma: PrismaClient, siteId: string) {
  const pages = await prisma.page.findMany({
    where: { siteId },
    select: {
      url: true,
      etag: true,
      lastModified: true,
      lastRawSha256: true,
      status: true,
      reportId: true,
      lastFetchedAt: true,
    },
  });
  return new Map(pages.map((p) => [p.url, p]));
}

/** Canonical URLs already settled in a run: what an earlier attempt of its crawl job handed on. */
export async function settledUrls(prisma: PrismaClient, runId: string): Promise<Set<string>> {
  const rows = await prisma.crawlRunPage.findMany({ where: { runId }, select: { url: true } });
  return new Set(rows.map((r) => r.url));
}

export type OpenRun = {
  id: string;
  siteId: string;
  trigger: string;
  crawlDone: boolean;
  startedAt: Date;
  /** The last sign of progress: the newest settled page, else the start. */
  lastActivity: Date;
  siteConfig: unknown;
};

/** Crawl runs still `running` (re-extractions aside), with their last progress, for the reaper. */
export async function openRuns(prisma: PrismaClient): Promise<OpenRun[]> {
  const runs = await prisma.crawlRun.findMany({
    where: { status: 'running', trigger: { not: 'reextract' } },
    select: {
      id: true,
      siteId: true,
      trigger: true,
      crawlDone: true,
      startedAt: true,
      site: { select: { config: true } },
    },
  });
  const latest = await prisma.crawlRunPage.groupBy({
    by: ['runId'],
    where: { runId: { in: runs.map((r) => r.id) } },
    _max: { createdAt: true },
  });
  const last = new Map(latest.map((l) => [l.runId, l._max.createdAt]));
  return runs.map((r) => ({
    id: r.id,
    siteId: r.siteId,
    trigger: r.trigger,
    crawlDone: r.crawlDone,
    startedAt: r.startedAt,
    lastActivity: last.get(r.id) ?? r.startedAt,
    siteConfig: r.site.config,
  }));
}

/** A store job that gave up after all attempts still settles its page, so the run can finish. */
export async function settleAsFailed(prisma: PrismaClient, runId: string, url: string, reason: string): Promise<void> {
  await prisma.crawlRunPage.createMany({ data: [{ runId, url, outcome: 'failed', reason }], skipDuplicates: true });
  await completeRunIfSettled(prisma, runId);
}

/** How a run was started, whether its crawl is done, and its status (null: no such run). */
export async function runOrigin(
  prisma: PrismaClient,
  runId: string,
): Promise<{ trigger: string; crawlDone: boolean; status: string } | null> {
  return prisma.crawlRun.findUnique({ where: { id: runId }, select: { trigger: true, crawlDone: true, status: true } });
}
