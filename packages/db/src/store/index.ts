// The store, in rooms: prepare (input decoding), identity (which report), versions (report
// writes), pages (crawl state), locks, retry, and transaction (one job, one transaction).

export { nearReportCandidates } from './identity.ts';
export { lockStore, STORE_LOCK_KEY } from './locks.ts';
export { StoreInputError } from './prepare.ts';
export { isRetryableConflict } from './retry.ts';
export { storePage } from './transaction.ts';
export type { StoreOptions, StoreOutcome, StoreResult } from './types.ts';
