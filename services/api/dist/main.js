// src/main.ts
import { createLogger, loadConfig, onShutdown } from "@govwatch/core";
import { buildApi, checkServices, createRuntime, syncSchedules } from "@govwatch/pipeline";
import { loadSites } from "@govwatch/sites";
try {
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? "info", "govwatch-api");
  const sites = loadSites(config.sitesPath);
  const rt = createRuntime(config, log);
  await checkServices(rt);
  await syncSchedules(rt, sites);
  const app = await buildApi(rt, sites);
  const address = await app.listen({ port: config.apiPort, host: "127.0.0.1" });
  log.info({ address, sites: sites.length }, "api listening");
  onShutdown(log, [() => app.close(), () => rt.close()]);
} catch (err) {
  process.stderr.write(`govwatch-api: ${err.message}
`);
  process.exit(1);
}
//# sourceMappingURL=main.js.map
