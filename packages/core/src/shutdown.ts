// The process's shutdown registry: anything that holds a resource registers its closer by name,
// one at a time, where it is created (trigger.dev's shutdownManager does the same). On SIGINT or
// SIGTERM the handlers run last-registered first, like `defer`: what was started on top of a
// connection stops before the connection closes (crawls abort, workers finish their jobs, then
// Redis and PostgreSQL close). The registry never exits the process itself: the process's main
// passes `process.exit` in, so no library can end a process.
import type { Logger } from 'pino';

type Handler = { name: string; fn: () => unknown };

const handlers: Handler[] = [];
let running: Promise<number> | null = null;

/** Register a closer. Names show in the log, and in the error when the deadline passes. */
export function onShutdown(name: string, fn: () => unknown): void {
  handlers.push({ name, fn });
}

/** Names of the registered handlers, in the order they will run. */
export function shutdownHandlerNames(): string[] {
  return handlers.map((h) => h.name).reverse();
}

/**
 * Run every handler (last registered first), once: a second call gets the first one's result.
 * Resolves to the exit code: 0, or 1 when a handler threw or the deadline passed.
 */
export function runShutdown(log: Logger, deadlineMs = 30_000): Promise<number> {
  running ??= (async () => {
    let pending = '';
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        log.error({ handler: pending, deadlineMs }, 'shutdown deadline passed');
        resolve(1);
      }, deadlineMs);
      timer.unref();
    });
    const all = (async () => {
      let code = 0;
      for (const h of [...handlers].reverse()) {
        pending = h.name;
        try {
          await h.fn();
          log.debug({ handler: h.name }, 'closed');
        } catch (err) {
          code = 1;
          log.error({ handler: h.name, err: (err as Error).message }, 'error during shutdown');
        }
      }
      return code;
    })();
    const code = await Promise.race([all, deadline]);
    clearTimeout(timer);
    return code;
  })();
  return running;
}

/** For a process's main: on SIGINT/SIGTERM run the handlers, then `exit` with their code. */
export function shutdownOnSignals(log: Logger, exit: (code: number) => void, deadlineMs = 30_000): void {
  let signalled = false;
  const handler = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    log.info({ signal, handlers: shutdownHandlerNames() }, 'shutting down');
    void runShutdown(log, deadlineMs).then(exit);
  };
  // `on`, not `once`: signal-exit (a dependency of a dependency) re-sends the signal to kill the
  // process when it finds itself the only listener left, which it would be after a `once` fired.
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** Forget every handler (tests that build several runtimes in one process). */
export function resetShutdown(): void {
  handlers.length = 0;
  running = null;
}
