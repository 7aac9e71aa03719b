// What a store is given and what it answers, shared by the rooms of the store.
import type { StoreFailedJob, StoreRecordJob } from '@govwatch/jobs';
import type { Prisma } from '../generated/prisma/client.ts';

export type Tx = Prisma.TransactionClient;
export type StoreJobInput = StoreRecordJob | StoreFailedJob;
export type JobRecord = StoreRecordJob['record'];

export type StoreOutcome = 'created' | 'updated' | 'unchanged' | 'duplicate' | 'notReport' | 'failed';

export type StoreResult = {
  outcome: StoreOutcome;
  reportId?: string;
  /** Version the page's content is now stored as (created/updated/unchanged via URL). */
  version?: number;
  /** True when this (runId, url) had already been stored: a retried or duplicated job. */
  replayed?: boolean;
};

export type StoreOptions = {
  /** Attempts of the whole transaction on a unique violation, serialization failure or deadlock. */
  maxAttempts?: number;
};
