// Whether an error looks like a lost connection (to Redis, PostgreSQL or anything else). Only a
// hint: whether a dependency is really down is asked of the dependency itself (probe.ts), since a
// site refusing a connection looks just the same.
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  // Prisma: cannot reach the server, it closed the connection, pool timeout.
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
]);
const MESSAGE =
  /Connection is closed|max retries per request|Stream isn't writeable|Connection terminated|connect ECONN|Can't reach database server|database system is (starting up|shutting down|in recovery)|terminating connection due to administrator command|Timed out fetching a new connection|Server has closed the connection|socket hang up/i;

export function looksLikeConnectionError(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current; depth++) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && (CODES.has(e.code) || /^08|^57P0[123]$/.test(e.code))) return true;
    if (typeof e.message === 'string' && MESSAGE.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}
