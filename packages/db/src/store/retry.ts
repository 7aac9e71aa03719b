// Retry policy of a store transaction: the unique constraints are the last line of defence
// against races, and a transaction that trips one (or a serialization failure / deadlock) simply
// runs again from the start, seeing what the other one committed.
import { Prisma } from '../generated/prisma/client.ts';

const RETRYABLE_SQLSTATE = new Set(['23505', '40001', '40P01']);

/** Unique violation, serialization failure or deadlock: the transaction can simply run again. */
export function isRetryableConflict(err: unknown): boolean {
  // pg's own error (the store's raw statements) carries the SQLSTATE as code.
  const sqlState = (err as { code?: unknown } | null)?.code;
  if (typeof sqlState === 'string' && RETRYABLE_SQLSTATE.has(sqlState)) return true;
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (err.code === 'P2002' || err.code === 'P2034') return true;
    const meta = err.meta as Record<string, unknown> | undefined;
    const code =
      meta?.code ??
      (meta?.driverAdapterError as { cause?: { originalCode?: string } } | undefined)?.cause?.originalCode;
    if (typeof code === 'string' && RETRYABLE_SQLSTATE.has(code)) return true;
  }
  const message = err instanceof Error ? err.message : String(err);
  return /\b(23505|40001|40P01)\b|unique constraint|could not serialize|deadlock detected/i.test(message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Run `attempt` until it succeeds, retrying retryable conflicts up to maxAttempts with jitter. */
export async function withConflictRetries<T>(maxAttempts: number, attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (n >= maxAttempts || !isRetryableConflict(err)) throw err;
      await sleep(10 * n + Math.random() * 20);
    }
  }
}
