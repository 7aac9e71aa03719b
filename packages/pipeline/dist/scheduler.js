// src/scheduler.ts
import { isCrawlSchedule, jobIds } from "@govwatch/jobs";
import { syncWatch } from "./watch-check.js";
async function syncSchedules(rt, sites) {
  const wanted = new Set(sites.map((s) => jobIds.crawlSchedule(s.id)));
  for (const site of sites) {
    await rt.queues.crawl.upsertJobScheduler(
      jobIds.crawlSchedule(site.id),
      { pattern: site.schedule, tz: rt.config.timezone },
      { name: "crawl", data: { siteId: site.id, trigger: "schedule", site } }
    );
  }
  for (const scheduler of await rt.queues.crawl.getJobSchedulers()) {
    if (isCrawlSchedule(scheduler.key) && !wanted.has(scheduler.key)) await rt.queues.crawl.removeJobScheduler(scheduler.key);
  }
  await syncWatch(rt, sites);
}
export {
  syncSchedules
};
//# sourceMappingURL=scheduler.js.map
