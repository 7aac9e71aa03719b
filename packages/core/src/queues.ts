// The queue catalog: every stage's queue, its payload schema, attempts and backoff, in one place.
import { Queue, type JobsOptions, type QueueOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { z } from 'zod';
import { CrawlJob, EventJob, ExtractJob, StoreJob, WebhookJob } from './jobs.ts';

export const catalog = {
  crawl: { schema: CrawlJob, defaults: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } } },
  extract: { schema: ExtractJob, defaults: { attempts: 3, backoff: { type: 'exponential', delay: 1_000 } } },
  store: { schema: StoreJob, defaults: { attempts: 8, backoff: { type: 'exponential', delay: 500 } } },
  events: { schema: EventJob, defaults: { attempts: 5, backoff: { type: 'exponential', delay: 1_000 } } },
  // The relay sets attempts and backoff from config (GOVWATCH_WEBHOOK_ATTEMPTS / _BACKOFF_MS).
  webhooks: { schema: WebhookJob, defaults: { attempts: 8, backoff: { type: 'exponential', delay: 10_000 } } },
} as const satisfies Record<string, { schema: z.ZodType; defaults: JobsOptions }>;

export type QueueName = keyof typeof catalog;
export type Payload<Q extends QueueName> = z.infer<(typeof catalog)[Q]['schema']>;
export const queueNames = Object.keys(catalog) as QueueName[];

/** Completed jobs are removed (bounded history); failed ones kept a while for inspection. */
const retention: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/** Workers block on Redis and must never give up a command (BullMQ requirement). */
export function workerConnection(redisUrl: string, extra: RedisOptions = {}): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, ...extra });
}

/** Producers fail fast when Redis is down instead of queueing commands forever. */
export function producerConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 3_000 });
}

export type Queues = { [Q in QueueName]: Queue<Payload<Q>> } & { close(): Promise<void> };

export function openQueues(connection: Redis, prefix: string): Queues {
  const make = <Q extends QueueName>(name: Q) => {
    const options: QueueOptions = {
      connection,
      prefix,
      defaultJobOptions: { ...retention, ...catalog[name].defaults },
    };
    return new Queue<Payload<Q>>(name, options);
  };
  const queues = {
    crawl: make('crawl'),
    extract: make('extract'),
    store: make('store'),
    events: make('events'),
    webhooks: make('webhooks'),
  };
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
