// Nightly crawls through BullMQ job schedulers: one per site, keyed by site id, so restarts
// update the schedule in place instead of adding a duplicate.
import { isCrawlSchedule, jobIds } from '@govwatch/jobs';
import type { Site } from '@govwatch/sites';
import type { Runtime } from './runtime.ts';
import { syncWatch } from './watch-check.ts';

export async function syncSchedules(rt: Runtime, sites: Site[]): Promise<void> {
  const wanted = new Set(sites.map((s) => jobIds.crawlSchedule(s.id)));
  for (const site of sites) {
    await rt.queues.crawl.upsertJobScheduler(
      jobIds.crawlSchedule(site.id),
      { pattern: site.schedule, tz: rt.config.timezone },
      { name: 'crawl', data: { siteId: site.id, trigger: 'schedule', site } },
    );
  }
  for (const scheduler of await rt.queues.crawl.getJobSchedulers()) {
    if (isCrawlSchedule(scheduler.key) && !wanted.has(scheduler.key))
      await rt.queues.crawl.removeJobScheduler(scheduler.key);
  }
  await syncWatch(rt, sites);
}
