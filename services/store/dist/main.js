// src/main.ts
import { createLogger, isProcessEntry, loadConfig, onShutdown, shutdownOnSignals } from "@govwatch/core";
import { checkServices, createRuntime, startEventRelay, startWorker } from "@govwatch/pipeline";
async function startStore(rt) {
  const store = startWorker("store", rt);
  onShutdown("store worker", () => store.close());
  const webhooks = startWorker("webhooks", rt);
  onShutdown("webhooks worker", () => webhooks.close());
  const relay = startEventRelay(rt);
  onShutdown("event relay", () => relay.stop());
  rt.log.info({ stage: "store", relay: true, webhooks: rt.config.webhooks.urls.length }, "worker running");
}
async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? "info", "govwatch-store");
  shutdownOnSignals(log, process.exit);
  const rt = createRuntime(config, log);
  onShutdown("runtime", () => rt.close());
  await checkServices(rt);
  await startStore(rt);
}
if (isProcessEntry(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`govwatch-store: ${err.message}
`);
    process.exit(1);
  });
}
export {
  startStore
};
//# sourceMappingURL=main.js.map
