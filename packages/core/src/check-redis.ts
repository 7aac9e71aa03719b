// Before a command opens its queues: one line if Redis does not answer, instead of every queue
// logging its own connection error first.
import { Redis } from 'ioredis';

/** A URL with its password masked, for messages and logs (DATABASE_URL, REDIS_URL). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return '(unparseable URL)';
  }
}

export async function checkRedis(url: string, timeoutMs = 4000): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null, // one attempt: this is a check, not a connection to keep
    enableOfflineQueue: false,
  });
  let cause: (Error & { code?: string }) | undefined;
  redis.on('error', (err) => {
    cause ??= err; // the socket's own error (ECONNREFUSED…), reported below, once
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    const e = cause ?? (err as Error & { code?: string });
    throw new Error(
      `cannot reach Redis at ${redactUrl(url)} (${e.code ?? e.message}): start it (pnpm services starts a local one) or set REDIS_URL`,
    );
  } finally {
    redis.disconnect();
  }
}
