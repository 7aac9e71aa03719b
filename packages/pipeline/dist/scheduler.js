// src/scheduler.ts
async function syncSchedules(rt, sites) {
  const wanted = new Set(sites.map((s) => `site-${s.id}`));
  for (const site of sites) {
    await rt.queues.crawl.upsertJobScheduler(
      `site-${site.id}`,
      { pattern: site.schedule, tz: rt.config.timezone },
      { name: "crawl", data: { siteId: site.id, trigger: "schedule", site } }
    );
  }
  for (const scheduler of await rt.queues.crawl.getJobSchedulers()) {
    if (scheduler.key.startsWith("site-") && !wanted.has(scheduler.key)) await rt.queues.crawl.removeJobScheduler(scheduler.key);
  }
}
export {
  syncSchedules
};
//# sourceMappingURL=scheduler.js.map
