// src/main.ts
import { createLogger, isProcessEntry, loadConfig, onShutdown, shutdownOnSignals } from "@govwatch/core";
import { checkServices, createRuntime, migrateAndUpsertSites, syncSchedules } from "@govwatch/pipeline";
import { loadSites } from "@govwatch/sites";
import { buildApi } from "./app.js";
import { buildApi as buildApi2 } from "./app.js";
async function startScheduler(rt, sites, opts) {
  await migrateAndUpsertSites(rt, sites, opts);
  await syncSchedules(rt, sites);
  rt.log.info({ sites: sites.length, tz: rt.config.timezone }, "schedules synced");
}
async function startApi(rt, sites, listen) {
  const app = await buildApi(rt, sites);
  onShutdown("http api", () => app.close());
  const address = await app.listen(listen);
  rt.log.info({ address }, "api listening");
  return address;
}
async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? "info", "govwatch-api");
  shutdownOnSignals(log, process.exit);
  const sites = loadSites(config.sitesPath);
  const rt = createRuntime(config, log);
  onShutdown("runtime", () => rt.close());
  await checkServices(rt);
  await startScheduler(rt, sites, { migrate: false });
  await startApi(rt, sites, { port: config.apiPort, host: config.api.host });
}
if (isProcessEntry(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`govwatch-api: ${err.message}
`);
    process.exit(1);
  });
}
export {
  buildApi2 as buildApi,
  startApi,
  startScheduler
};
//# sourceMappingURL=main.js.map
