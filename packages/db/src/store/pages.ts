// The Page row: crawl state the crawler reads for conditional GETs, written by every store.
import type { Prepared } from './prepare.ts';
import type { StoreJobInput, Tx } from './types.ts';

export type PageData = {
  status: string;
  failReason: string | null;
  etag?: string | null;
  lastModified?: string | null;
  lastRawSha256?: string | null;
  lastContentHash?: string | null;
  missCount?: number;
  reportId?: string;
  lastChangedAt?: Date;
};

/** The validators a conditional GET sends next time. */
export function validators(job: StoreJobInput) {
  return {
    etag: job.etag ?? null,
    lastModified: job.lastModified ?? null,
    lastRawSha256: job.rawSha256,
  };
}

export async function upsertPage(tx: Tx, p: Prepared, data: PageData) {
  const now = new Date();
  const common = {
    ...data,
    fetchUrl: p.job.fetchUrl,
    lastFetchedAt: p.fetchedAt,
    ...(data.missCount === 0 ? { lastSeenAt: now, lastMissRunId: null } : {}),
  };
  return tx.page.upsert({
    where: { url: p.pageUrl },
    create: { url: p.pageUrl, siteId: p.job.siteId, ...common, lastChangedAt: data.lastChangedAt ?? now },
    update: common,
  });
}
