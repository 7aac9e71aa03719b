// Redis connections for BullMQ. The queue catalog itself lives in @govwatch/jobs.
import { Redis, type RedisOptions } from 'ioredis';

/** Workers block on Redis and must never give up a command (BullMQ requirement). */
export function workerConnection(redisUrl: string, extra: RedisOptions = {}): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, ...extra });
}

/** Producers fail fast when Redis is down instead of queueing commands forever. */
export function producerConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 3_000 });
}
