// Advisory locks that serialize report identity decisions, only where two stores can collide.
//
// Deciding which report a record belongs to reads aliases, hashes and fingerprints that no
// unique constraint can guard (two workers storing the same content at two URLs would both find
// nothing and both create a report). Two report records can only decide on the same report when
// they share one of:
// - a canonical URL (the alias lookup, the replay check and the Page row),
// - the content hash (the exact-hash lookup),
// - agency + reportYear (the moved-page lookup matches agency, year and title; near-duplicate
//   candidates never cross agency or year — simhash.ts / identity.ts).
// So a report record takes an exclusive lock on each of those keys. A record without an agency
// or a year can match reports of any agency or year (the candidate query lets NULL match
// anything), so it takes the whole store exclusively, as markMissing does; every other record
// holds the store lock shared. Locks are taken with BEGIN, global first and the keys in
// sorted order, so two stores never wait on each other in a cycle.
import { sha256Hex } from '@govwatch/core';
import type { Prepared } from './prepare.ts';
import type { JobRecord, Tx } from './types.ts';

/** Key of the store-wide advisory lock: shared by report stores, exclusive for markMissing. */
export const STORE_LOCK_KEY = 0x6f7677_01; // "gov" + 1

/** The whole store, exclusively (markMissing, and records that can match any partition). */
export async function lockStore(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${STORE_LOCK_KEY}::bigint)`;
}

/** A 64-bit advisory lock key for one identity key (sha256 of it, first 8 bytes, signed). */
export function lockKey(kind: string, value: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${sha256Hex(`${kind}\u0000${value}`).slice(0, 16)}`));
}

/** The identity keys a report record can collide on (see above); null: it can collide with any. */
export function identityKeys(p: Prepared, record: JobRecord): bigint[] | null {
  if (!record.agency || record.reportYear === null) return null;
  const keys = [
    ...p.urls.map((url) => lockKey('url', url)),
    lockKey('hash', record.contentHash),
    lockKey('agency-year', `${record.agency}\u0000${record.reportYear}`),
  ];
  return [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The statements taking the locks a report record needs before it reads anything. Their keys are
 * integers computed here, written into the text, so they can travel with BEGIN in one simple
 * query (one round trip for both).
 */
export function identityLockSql(p: Prepared, record: JobRecord): string {
  const keys = identityKeys(p, record);
  if (keys === null) return `SELECT pg_advisory_xact_lock(${STORE_LOCK_KEY})`;
  return (
    `SELECT pg_advisory_xact_lock_shared(${STORE_LOCK_KEY}); ` +
    `SELECT pg_advisory_xact_lock(k) FROM unnest('{${keys.join(',')}}'::bigint[]) AS k`
  );
}
