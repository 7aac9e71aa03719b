// src/serve.ts
import { onShutdown } from "@govwatch/core";
import { checkDatabase, migrateDeploy, upsertSites } from "@govwatch/db";
import { startEventRelay } from "./event-relay.js";
import { syncSchedules } from "./scheduler.js";
import { startWorker } from "./workers/start-worker.js";
async function serve(rt, opts) {
  if (opts.migrate) {
    const out = await migrateDeploy(rt.config.databaseUrl);
    rt.log.info({ out: out.trim().split("\n").at(-1) }, "migrations applied");
  }
  if (opts.sites) {
    await upsertSites(rt.db.prisma, opts.sites.map((s) => ({ id: s.id, name: s.name, config: s })));
    await syncSchedules(rt, opts.sites);
    rt.log.info({ sites: opts.sites.length, tz: rt.config.timezone }, "schedules synced");
  }
  const stages = opts.relay ? [...opts.stages, "webhooks"] : opts.stages;
  const workers = stages.map((stage) => startWorker(stage, rt));
  const relay = opts.relay ? startEventRelay(rt) : null;
  rt.log.info({ stages, relay: Boolean(relay), webhooks: rt.config.webhooks.urls.length }, "govwatch running");
  onShutdown(rt.log, [
    // Crawls can run for hours: stop them first, so worker.close() returns within the deadline.
    async () => rt.shutdown.abort(),
    ...opts.extraClosers ?? [],
    () => Promise.all(workers.map((w) => w.close())),
    async () => relay?.stop(),
    () => rt.close()
  ]);
  return { workers };
}
async function checkServices(rt) {
  try {
    await Promise.race([
      rt.redis.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 4e3))
    ]);
  } catch (err) {
    throw new Error(`cannot reach Redis at ${rt.config.redisUrl} (${err.message}); run: pnpm services`);
  }
  await checkDatabase(rt.db, rt.config.databaseUrl);
}
async function runServiceProcess(opts) {
  const { createLogger, loadConfig } = await import("@govwatch/core");
  const { createRuntime } = await import("./runtime.js");
  try {
    const config = loadConfig();
    const rt = createRuntime(config, createLogger(config.logLevel ?? "info", `govwatch-${opts.name}`));
    await checkServices(rt);
    await serve(rt, opts);
  } catch (err) {
    process.stderr.write(`govwatch-${opts.name}: ${err.message}
`);
    process.exit(1);
  }
}
export {
  checkServices,
  runServiceProcess,
  serve
};
//# sourceMappingURL=serve.js.map
