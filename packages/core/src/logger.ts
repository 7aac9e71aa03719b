import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs to stderr (stdout belongs to CLI output); pretty on a TTY. */
export function createLogger(level: string = 'info', name = 'govwatch'): Logger {
  const pretty = process.stderr.isTTY;
  return pino({
    name,
    level,
    redact: ['*.authorization', '*.cookie', '*.token', 'headers.authorization', 'headers.cookie'],
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } }
      : {}),
  }, pretty ? undefined : pino.destination(2));
}
