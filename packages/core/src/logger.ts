import { createRequire } from 'node:module';
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

const REDACT = ['*.authorization', '*.cookie', '*.token', 'headers.authorization', 'headers.cookie'];

/**
 * Logs go to stderr (stdout belongs to command output): JSON, or human-readable on a terminal.
 * The pretty printer runs in this thread as a plain stream, not as a pino transport: a transport
 * is a worker thread that resolves "pino-pretty" by name at run time, which failed from every
 * build that did not sit next to node_modules — every terminal saw `unable to determine transport
 * target`. Loaded only on a terminal, so JSON runs never pay for it.
 */
export function createLogger(level: string = 'info', name = 'govwatch'): Logger {
  return pino({ name, level, redact: REDACT }, process.stderr.isTTY ? prettyStderr() : pino.destination(2));
}

function prettyStderr(): DestinationStream {
  const pretty = createRequire(import.meta.url)('pino-pretty') as (opts: object) => DestinationStream;
  return pretty({ destination: 2, colorize: true, sync: true, ignore: 'pid,hostname' });
}
