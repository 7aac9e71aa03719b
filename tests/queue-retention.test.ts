// What a queue leaves in Redis (noeviction) once its jobs are done: completed jobs go at once,
// each queue's BullMQ event stream is capped, and failed jobs of the stages that carry page bodies
// are kept in fewer numbers than the others.
import { openQueues, type Queues } from '@govwatch/jobs';
import { type Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPrefix, redisUrl, testPrefix } from './helpers/test-queues.ts';

const prefix = testPrefix();
let redis: Redis;
let queues: Queues;

beforeAll(() => {
  redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  queues = openQueues(redis, prefix);
});
afterAll(async () => {
  await queues?.close();
  redis?.disconnect();
  await dropPrefix(prefix);
});

/** Work every job of a queue with fn until `total` have finished either way. */
async function work(queue: string, total: number, fn: (job: Job) => Promise<unknown>): Promise<void> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  let finished = 0;
  const worker = new Worker(queue, fn, { connection, prefix, concurrency: 50 });
  try {
    await new Promise<void>((resolve) => {
      const done = () => ++finished === total && resolve();
      worker.on('completed', done);
      worker.on('failed', done);
    });
  } finally {
    await worker.close();
    connection.disconnect();
  }
}

const job = (i: number) => ({ name: 'store', data: { kind: 'watchCheck' as const }, opts: { jobId: `j${i}` } });

describe('queue retention', () => {
  it('removes completed jobs and caps the event stream', async () => {
    const n = 1500;
    await queues.store.addBulk(Array.from({ length: n }, (_, i) => job(i)));
    await work('store', n, async () => ({ outcome: 'unchanged' }));
    const counts = await queues.store.getJobCounts('completed', 'failed', 'waiting', 'active');
    expect(counts).toMatchObject({ completed: 0, failed: 0, waiting: 0, active: 0 });
    const [, jobKeys] = await redis.scan('0', 'MATCH', `${prefix}:store:j*`, 'COUNT', 10_000);
    expect(jobKeys).toEqual([]);
    // Four entries per job (added, waiting, active, completed): 6,000 without the cap.
    expect(await redis.xlen(`${prefix}:store:events`)).toBeLessThanOrEqual(1100);
  });

  it('keeps at most 1,000 failed jobs of a stage whose payloads carry page bodies', async () => {
    const n = 1200;
    await queues.extract.addBulk(
      Array.from({ length: n }, (_, i) => ({
        name: 'extract',
        data: {} as never,
        opts: { jobId: `f${i}`, attempts: 1 },
      })),
    );
    await work('extract', n, async () => {
      throw new Error('poison page');
    });
    expect(await queues.extract.getFailedCount()).toBe(1000);
  });
});
