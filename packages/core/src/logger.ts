import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** Keys whose values never reach a log: credentials, and URLs that may carry a password. */
const REDACT = [
  'authorization',
  'cookie',
  'token',
  'password',
  'secret',
  'databaseUrl',
  'redisUrl',
  '*.authorization',
  '*.cookie',
  '*.token',
  '*.password',
  '*.secret',
  '*.databaseUrl',
  '*.redisUrl',
  'headers.authorization',
  'headers.cookie',
];

/** What every log line written while a job runs carries: which queue, job, run, site and page. */
export type JobLogContext = { queue: string; jobId?: string; runId?: string; site?: string; url?: string };
const jobContext = new AsyncLocalStorage<JobLogContext>();

/** Run `fn` so that every line logged during it (through any logger or child) carries `ctx`. */
export function withJobContext<T>(ctx: JobLogContext, fn: () => T): T {
  return jobContext.run(ctx, fn);
}

/**
 * Logs go to stderr (stdout belongs to command output): JSON, or human-readable on a terminal.
 * The pretty printer runs in this thread as a plain stream, not as a pino transport: a transport
 * is a worker thread that resolves "pino-pretty" by name at run time, which failed from every
 * build that did not sit next to node_modules — every terminal saw `unable to determine transport
 * target`. Loaded only on a terminal, so JSON runs never pay for it.
 */
export function createLogger(level: string = 'info', name = 'govwatch', destination?: DestinationStream): Logger {
  const dest = destination ?? (process.stderr.isTTY ? prettyStderr() : pino.destination(2));
  return pino(
    {
      name,
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      // The job's fields come from the async context, so code deep in a job needs no logger passed down.
      mixin: () => {
        const ctx = jobContext.getStore();
        return ctx ? { ...ctx } : {};
      },
    },
    dest,
  );
}

function prettyStderr(): DestinationStream {
  const pretty = createRequire(import.meta.url)('pino-pretty') as (opts: object) => DestinationStream;
  return pretty({ destination: 2, colorize: true, sync: true, ignore: 'pid,hostname' });
}
