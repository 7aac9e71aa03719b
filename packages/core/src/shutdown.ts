import type { Logger } from 'pino';

/**
 * On SIGINT/SIGTERM run the closers in order (workers first so current jobs finish, then
 * connections), then exit 0; exit 1 if they take longer than the deadline.
 */
export function onShutdown(log: Logger, closers: Array<() => Promise<unknown>>, deadlineMs = 30_000): void {
  let closing = false;
  const handler = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error('shutdown deadline passed, exiting');
      process.exit(1);
    }, deadlineMs);
    timer.unref();
    try {
      for (const close of closers) await close();
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void handler('SIGINT'));
  process.once('SIGTERM', () => void handler('SIGTERM'));
}
