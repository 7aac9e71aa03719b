// src/main.ts
import { createLogger, isProcessEntry, loadConfig, onShutdown, shutdownOnSignals } from "@govwatch/core";
import { checkServices, createRuntime, startWorker } from "@govwatch/pipeline";
async function startExtractor(rt) {
  const worker = startWorker("extract", rt);
  onShutdown("extract worker", () => worker.close());
  rt.log.info({ stage: "extract" }, "worker running");
}
async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? "info", "govwatch-extractor");
  shutdownOnSignals(log, process.exit);
  const rt = createRuntime(config, log);
  onShutdown("runtime", () => rt.close());
  await checkServices(rt);
  await startExtractor(rt);
}
if (isProcessEntry(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`govwatch-extractor: ${err.message}
`);
    process.exit(1);
  });
}
export {
  startExtractor
};
//# sourceMappingURL=main.js.map
