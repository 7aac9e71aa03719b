// src/shutdown.ts
function onShutdown(log, closers, deadlineMs = 3e4) {
  let closing = false;
  const handler = async (signal) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      log.error("shutdown deadline passed, exiting");
      process.exit(1);
    }, deadlineMs);
    timer.unref();
    try {
      for (const close of closers) await close();
      process.exit(0);
    } catch (err) {
      log.error({ err }, "error during shutdown");
      process.exit(1);
    }
  };
  process.once("SIGINT", () => void handler("SIGINT"));
  process.once("SIGTERM", () => void handler("SIGTERM"));
}
export {
  onShutdown
};
//# sourceMappingURL=shutdown.js.map
