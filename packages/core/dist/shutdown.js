// src/shutdown.ts
var handlers = [];
var running = null;
function onShutdown(name, fn) {
  handlers.push({ name, fn });
}
function shutdownHandlerNames() {
  return handlers.map((h) => h.name).reverse();
}
function runShutdown(log, deadlineMs = 3e4) {
  running ??= (async () => {
    let pending = "";
    let timer;
    const deadline = new Promise((resolve) => {
      timer = setTimeout(() => {
        log.error({ handler: pending, deadlineMs }, "shutdown deadline passed");
        resolve(1);
      }, deadlineMs);
      timer.unref();
    });
    const all = (async () => {
      let code2 = 0;
      for (const h of [...handlers].reverse()) {
        pending = h.name;
        try {
          await h.fn();
          log.debug({ handler: h.name }, "closed");
        } catch (err) {
          code2 = 1;
          log.error({ handler: h.name, err: err.message }, "error during shutdown");
        }
      }
      return code2;
    })();
    const code = await Promise.race([all, deadline]);
    clearTimeout(timer);
    return code;
  })();
  return running;
}
function shutdownOnSignals(log, exit, deadlineMs = 3e4) {
  let signalled = false;
  const handler = (signal) => {
    if (signalled) return;
    signalled = true;
    log.info({ signal, handlers: shutdownHandlerNames() }, "shutting down");
    void runShutdown(log, deadlineMs).then(exit);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
function resetShutdown() {
  handlers.length = 0;
  running = null;
}
export {
  onShutdown,
  resetShutdown,
  runShutdown,
  shutdownHandlerNames,
  shutdownOnSignals
};
//# sourceMappingURL=shutdown.js.map
