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

  it('keeps a running request and its slot through a Redis outage of 2.5 s (slot TTL 6 s: renewals fail, then catch up)', async () => {
    const TTL = 6000; // renewals every 2 s, retried every second after a failure
    const proxy = await tcpProxy(Number(new URL(redisUrl).port || 6379), new URL(redisUrl).hostname);
    const db = Number(new URL(redisUrl).pathname.slice(1) || 0);
    const redis = new Redis({ host: '127.0.0.1', port: proxy.port, db, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    const other = new Redis(redisUrl); // another process, its Redis reachable all along
    try {
      const a = redisHostLimiter(redis, prefix, { slotTtlMs: TTL });
      const b = redisHostLimiter(other, prefix, { slotTtlMs: TTL });
      const host = 'outage-renew.example:80';
      const limits = { requestsPerSecond: 1000, maxConcurrency: 1 };
      let aEnded = 0;
      const long = a.schedule(host, limits, async () => {
        await new Promise((r) => setTimeout(r, 8000)); // past the TTL: lives by renewals only
        aEnded = Date.now();
        return 'a done';
      });
      while ((await other.zcard(`${prefix}:host-slots:${host}`)) < 1) await new Promise((r) => setTimeout(r, 1));
      await proxy.stop(); // the first renewal (at 2 s) fails
      await new Promise((r) => setTimeout(r, 2500));
      await proxy.start();
      let bStarted = 0;
      await b.schedule(host, limits, async () => {
        bStarted = Date.now();
      });
      expect(await long).toBe('a done');
      expect(bStarted).toBeGreaterThanOrEqual(aEnded);
    } finally {
      redis.disconnect();
      other.disconnect();
      await proxy.close();
    }
  });
});
