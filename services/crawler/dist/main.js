// src/main.ts
import { createLogger, isProcessEntry, loadConfig, onShutdown, shutdownOnSignals } from "@govwatch/core";
import { checkServices, createRuntime, startWorker } from "@govwatch/pipeline";
async function startCrawler(rt) {
  const worker = startWorker("crawl", rt);
  onShutdown("crawl worker", () => worker.close());
  onShutdown("abort crawls", () => rt.shutdown.abort());
  rt.log.info({ stage: "crawl" }, "worker running");
}
async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel ?? "info", "govwatch-crawler");
  shutdownOnSignals(log, process.exit);
  const rt = createRuntime(config, log);
  onShutdown("runtime", () => rt.close());
  await checkServices(rt);
  await startCrawler(rt);
}
if (isProcessEntry(import.meta.url)) {
  main().catch((err) => {
    process.stderr.write(`govwatch-crawler: ${err.message}
`);
    process.exit(1);
  });
}
export {
  startCrawler
};
//# sourceMappingURL=main.js.map
