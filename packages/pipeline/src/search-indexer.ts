// Runs the search indexer (packages/db/src/search-index.ts) beside each store worker: a batch of
// pending reports every GOVWATCH_SEARCH_INDEX_INTERVAL_MS, and more often while a backlog lasts
// (after a big first crawl, or an upgrade). Store workers all run one; a lock in PostgreSQL lets
// one index at a time. Search finds pending reports meanwhile (it reads their text directly), so
// the indexer only decides how long they are searched the slow way.
import { metrics } from '@govwatch/core';
import { indexPendingSearch, pendingSearchCount, SEARCH_INDEX_BATCH } from '@govwatch/db';
import type { Runtime } from './runtime.ts';

export function startSearchIndexer(
  rt: Pick<Runtime, 'db' | 'log'>,
  intervalMs: number,
  batch = SEARCH_INDEX_BATCH,
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let failing = false;
  const tick = async () => {
    const started = performance.now();
    let full = false;
    try {
      const { indexed, ran } = await indexPendingSearch(rt.db.prisma, batch);
      full = indexed === batch;
      if (ran) metrics.searchIndexed(indexed, await pendingSearchCount(rt.db.prisma));
      if (indexed > 0) rt.log.debug({ indexed, ms: Math.round(performance.now() - started) }, 'search index batch');
      if (failing) rt.log.info('search indexer running again');
      failing = false;
    } catch (err) {
      // Once per outage, not once a tick: PostgreSQL being away is reported by the store itself.
      if (!failing) rt.log.warn({ err: (err as Error).message }, 'search indexing failed; will retry');
      failing = true;
    }
    // A full batch means more wait. The next batch follows after a pause as long as this one took:
    // catching up holds at most half of one PostgreSQL backend, and the stores keep the rest.
    const pause = full ? performance.now() - started : intervalMs;
    if (!stopped) timer = setTimeout(() => (running = tick()), pause);
  };
  timer = setTimeout(() => (running = tick()), intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
