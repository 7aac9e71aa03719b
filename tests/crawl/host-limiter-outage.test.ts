// A short Redis outage delays a crawl's requests instead of failing them: the host limiter waits
// for Redis to answer again (here Redis sits behind a proxy the test stops and starts).
import { redisHostLimiter } from '@govwatch/pipeline';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { tcpProxy } from '../helpers/tcp-proxy.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

const prefix = testPrefix();
afterAll(() => dropPrefix(prefix));

describe('host limiter during a Redis outage', () => {
  it('waits for Redis to come back, then runs the request', async () => {
    const proxy = await tcpProxy(Number(new URL(redisUrl).port || 6379), new URL(redisUrl).hostname);
    // As the runtime's connection: fail fast per command.
    const redis = new Redis({
      host: '127.0.0.1',
      port: proxy.port,
      db: Number(new URL(redisUrl).pathname.slice(1) || 0),
      maxRetriesPerRequest: 1,
    });
    redis.on('error', () => undefined);
    try {
      const limiter = redisHostLimiter(redis, prefix);
      const limits = { requestsPerSecond: 50, maxConcurrency: 2 };
      expect(await limiter.schedule('a.example', limits, async () => 'before')).toBe('before');
      await proxy.stop();
      let ran = false;
      const during = limiter.schedule('a.example', limits, async () => {
        ran = true;
        return 'after';
      });
      await new Promise((r) => setTimeout(r, 3_000));
      expect(ran).toBe(false); // no slot without Redis, and no failure either
      await proxy.start();
      expect(await during).toBe('after');
    } finally {
      redis.disconnect();
      await proxy.close();
    }
  });
});
