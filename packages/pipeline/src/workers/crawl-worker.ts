import { gzipBase64, sha256Hex } from '@govwatch/core';
import { markRevisited, pageStates, type Revisit, runOrigin, settledUrls, startOrJoinRun } from '@govwatch/db';
import { type CrawlProgress, type FetchMeta, jobIds, type Payload } from '@govwatch/jobs';
import { fetchPolicyOf, type Site } from '@govwatch/sites';
import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { crawlSite } from '../crawl/crawl-site.ts';
import { Frontier } from '../crawl/frontier.ts';
import { BlockedAddressError, type FetchedPage } from '../fetch/index.ts';
import type { Runtime } from '../runtime.ts';

export async function processCrawl(rt: Runtime, job: Job, data: Payload<'crawl'>) {
  // Validated by the catalog's schema (an invalid site config fails the job at once, unretried).
  const site = data.site;
  let runId = data.runId;
  if (!runId) {
    // A scheduled job starts its run here; recording it on the job lets a retry reuse the run and
    // a final failure mark it failed.
    runId = (await startOrJoinRun(rt.db.prisma, site.id, data.trigger)).runId;
    await job.updateData({ ...data, runId });
  }
  const shard = data.shard ?? 1;
  const log = rt.log.child({ queue: 'crawl', jobId: job.id, site: site.id, runId, shard });
  // A run that ended has nothing left to crawl, nor has a crawled one for a late shard (the first
  // shard of a crawled run is the reaper crawling it again: it dropped the frontier first).
  const run = await runOrigin(rt.db.prisma, runId);
  if (run && (run.status !== 'running' || (shard > 1 && run.crawlDone))) {
    log.info({ status: run.status, crawlDone: run.crawlDone }, 'crawl job has nothing left to do');
    return { runId, pagesQueued: null };
  }
  if (shard === 1) await queueShards(rt, { ...data, runId });
  const frontier = new Frontier(rt.redis, rt.config.queuePrefix, runId);
  const states = await pageStates(rt.db.prisma, site.id);
  const settled = await settledUrls(rt.db.prisma, runId); // by an earlier attempt of this job
  log.info({ render: site.render }, 'crawl started');
  const revisited: Revisit[] = []; // not-report pages found unchanged: their revisit period restarts

  const meta = (page: FetchedPage): FetchMeta => ({
    runId,
    siteId: site.id,
    fetchUrl: page.url,
    fetchedAt: new Date().toISOString(),
    status: page.status,
    contentType: page.headers.get('content-type'),
    etag: page.headers.get('etag'),
    lastModified: page.headers.get('last-modified'),
    rawSha256: sha256Hex(page.body),
  });
  const stats = await crawlSite(site, {
    log,
    fetcher: rt.fetcher,
    signal: rt.shutdown.signal,
    chromiumPath: rt.config.chromiumPath,
    run: { frontier, shard, leaseMs: rt.config.crawlLeaseMs },
    // A page that was gone, failed or blocked is fetched in full when it answers again, so the
    // store sees it (and restores its report) even if its bytes did not change.
    pageState: (canonical) => {
      const state = states.get(canonical);
      return state?.status === 'ok' || state?.status === 'notReport' ? state : undefined;
    },
    settledInRun: (canonical) => settled.has(canonical),
    onRevisited: (url, at) => revisited.push({ url, at }),
    mayStartRequest: () => rt.pageBacklog.open(),
    onPage: async (page, document) => {
      const payload: Payload<'extract'> = {
        ...meta(page),
        bodyGzipBase64: gzipBase64(page.body),
        encoding: site.encoding ?? null,
        titleKeywords: site.titleKeywords,
        fetchPolicy: fetchPolicyOf(site),
        ...(document ? { document } : {}),
      };
      await rt.queues.extract.add('extract', payload, { jobId: jobIds.extract(runId, page.url) });
      rt.pageBacklog.added();
    },
    // Recorded as failed with its reason; the challenge page itself is never stored as content.
    onBlocked: async (page, reason) => {
      await rt.queues.store.add(
        'failed',
        { kind: 'failed', ...meta(page), reason },
        { jobId: jobIds.store.blocked(runId, page.url) },
      );
    },
    onProgress: (s) => {
      const progress: CrawlProgress = {
        runId,
        listPages: s.listPagesFetched,
        reportLinks: s.reportLinksFound,
        queued: s.pagesQueued,
        unchanged: s.notModified + s.unchangedBytes,
        notDue: s.notDue,
      };
      // Progress is for display: losing Redis for a moment must not take the process down with it.
      job.updateProgress(progress).catch((err: Error) => log.debug({ err: err.message }, 'progress not recorded'));
    },
  }).catch((err: Error) => {
    // Refused addresses stay refused: fail the run now instead of retrying.
    throw err instanceof BlockedAddressError ? new UnrecoverableError(err.message) : err;
  });
  // Every shard records its own; only a timestamp: if it is not written, those pages are fetched again next crawl.
  await markRevisited(rt.db.prisma, site.id, revisited).catch((err: Error) =>
    log.warn({ err: err.message }, 'revisited pages not recorded'),
  );
  if (!stats) {
    log.info("crawl job done: another of the run's crawl jobs ends its crawl");
    return { runId, pagesQueued: null };
  }
  for (const w of stats.warnings) log.warn(w);
  log.info({ ...stats, seenUrls: stats.seenUrls.length }, 'crawl finished');
  await rt.queues.store.add(
    'crawlFinished',
    { kind: 'crawlFinished', runId, siteId: site.id, stats },
    { jobId: jobIds.store.crawlFinished(runId) },
  );
  await frontier.handOff();
  return { runId, pagesQueued: stats.pagesQueued };
}

/** The run's further crawl jobs (site.crawlShards), sharing its frontier; their ids make this idempotent. */
async function queueShards(rt: Runtime, data: Payload<'crawl'> & { runId: string; site: Site }) {
  const { shard: _, ...rest } = data;
  for (let shard = 2; shard <= data.site.crawlShards; shard++)
    await rt.queues.crawl.add('crawl', { ...rest, shard }, { jobId: jobIds.crawlShard(data.runId, shard) });
}
