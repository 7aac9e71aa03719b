// The queue catalog: every queue, its payload schema, its role, attempts and backoff, in one
// place. Queues, workers and handler maps are typed from it, so a queue added here without a
// handler fails to compile.
import { type JobsOptions, Queue, type QueueOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { CrawlJob, EventJob, ExtractJob, StoreJob, WebhookJob } from './payloads.ts';

/**
 * stage: a step of a crawl (crawl → extract → store), worked by govwatch's own workers.
 * delivery: worked by govwatch beside the event relay, but no part of a crawl (webhooks).
 * outbound: filled for downstream consumers; govwatch runs no worker on it (events).
 */
type Role = 'stage' | 'delivery' | 'outbound';
type Entry = { schema: z.ZodType; role: Role; defaults: JobsOptions };

export const catalog = {
  crawl: { schema: CrawlJob, role: 'stage', defaults: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } } },
  extract: {
    schema: ExtractJob,
    role: 'stage',
    defaults: { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } },
  },
  store: { schema: StoreJob, role: 'stage', defaults: { attempts: 8, backoff: { type: 'exponential', delay: 500 } } },
  events: {
    schema: EventJob,
    role: 'outbound',
    defaults: { attempts: 5, backoff: { type: 'exponential', delay: 1_000 } },
  },
  // The relay sets attempts and backoff from config (GOVWATCH_WEBHOOK_ATTEMPTS / _BACKOFF_MS).
  webhooks: {
    schema: WebhookJob,
    role: 'delivery',
    defaults: { attempts: 8, backoff: { type: 'exponential', delay: 10_000 } },
  },
} as const satisfies Record<string, Entry>;

export type QueueName = keyof typeof catalog;
export type Payload<Q extends QueueName> = z.infer<(typeof catalog)[Q]['schema']>;
export const queueNames = Object.keys(catalog) as QueueName[];

type QueuesWithRole<R extends Role> = {
  [Q in QueueName]: (typeof catalog)[Q]['role'] extends R ? Q : never;
}[QueueName];
/** The pipeline's stages: crawl, extract, store. */
export type StageName = QueuesWithRole<'stage'>;
/** Every queue govwatch runs workers for: the stages and webhook delivery. */
export type WorkerQueue = QueuesWithRole<'stage' | 'delivery'>;

const withRole = (...roles: Role[]) => queueNames.filter((q) => (roles as string[]).includes(catalog[q].role));
export const stages = withRole('stage') as StageName[];
export const workerQueues = withRole('stage', 'delivery') as WorkerQueue[];

/**
 * Completed jobs are removed at once; failed ones are kept a week for inspection (their reason is
 * also in PostgreSQL), at most 10,000 a queue, and 1,000 of the stages whose payloads carry a
 * page body (gzip + base64, 10–30 KB each): a site of poison pages must not fill Redis.
 */
const retention = (name: QueueName): JobsOptions => ({
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: name === 'extract' || name === 'store' ? 1_000 : 10_000 },
});

/**
 * Entries kept in each queue's BullMQ event stream (`PREFIX:QUEUE:events`; BullMQ's default is
 * 10,000, about 1 MB a queue). Nothing in govwatch reads these streams (`crawl --wait` reads
 * PostgreSQL); a QueueEvents listener sees what happens live, and trimming only drops history.
 */
export const EVENT_STREAM_MAX_LEN = 1_000;

export type Queues = { [Q in QueueName]: Queue<Payload<Q>> } & { close(): Promise<void> };

export function openQueues(connection: Redis, prefix: string): Queues {
  const make = <Q extends QueueName>(name: Q) => {
    const options: QueueOptions = {
      connection,
      prefix,
      defaultJobOptions: { ...retention(name), ...catalog[name].defaults },
      streams: { events: { maxLen: EVENT_STREAM_MAX_LEN } },
    };
    return new Queue<Payload<Q>>(name, options);
  };
  const queues = {
    crawl: make('crawl'),
    extract: make('extract'),
    store: make('store'),
    events: make('events'),
    webhooks: make('webhooks'),
  } satisfies { [Q in QueueName]: Queue<Payload<Q>> };
  return {
    ...queues,
    async close() {
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}

/** Parse a job payload against its queue's schema; the error names the queue and the field. */
export function parsePayload<Q extends QueueName>(queue: Q, data: unknown): Payload<Q> {
  const result = catalog[queue].schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`invalid ${queue} job: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return result.data as Payload<Q>;
}
