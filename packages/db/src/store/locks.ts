// Advisory locks that serialize report identity decisions (store and markMissing).
import type { Tx } from './types.ts';

/** Key of the advisory lock that serializes report identity decisions (store and markMissing). */
export const STORE_LOCK_KEY = 0x6f7677_01; // "gov" + 1

export async function lockStore(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STORE_LOCK_KEY}::bigint)`;
}
