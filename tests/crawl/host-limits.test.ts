// The per-host rate and concurrency hold across processes: they live in Redis, not in a worker.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { producerConnection } from '@govwatch/core';
import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import { openQueues } from '@govwatch/jobs';
import { dueForRenewal, redisHostLimiter } from '@govwatch/pipeline';
import { parseSites } from '@govwatch/sites';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cliArgv, repoRoot, userEnv } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { dropPrefix, redisUrl, testPrefix } from '../helpers/test-queues.ts';

const prefix = testPrefix();
afterAll(() => dropPrefix(prefix));

// A limiter on a connection of its own, as each crawler process has; closed after each test.
const connections: Redis[] = [];
afterEach(() => {
  for (const c of connections.splice(0)) c.disconnect();
});
function limiterOnItsOwnConnection(options: { slotTtlMs?: number } = {}) {
  const redis = new Redis(redisUrl);
  connections.push(redis);
  return { redis, limiter: redisHostLimiter(redis, prefix, options) };
}
const limiters = (n: number) => Array.from({ length: n }, () => limiterOnItsOwnConnection().limiter);

describe('host concurrency', () => {
  it('never lets more than maxConcurrency requests run at once across three limiters', async () => {
    const three = limiters(3);
    let inFlight = 0;
    let peak = 0;
    const task = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
    };
    const limits = { requestsPerSecond: 1000, maxConcurrency: 2 };
    await Promise.all(Array.from({ length: 30 }, (_, i) => three[i % 3]?.schedule('gov.example:80', limits, task)));
    expect(peak).toBe(2);
  });
});

describe('host slots are short-lived and renewed while their request runs', () => {
  const TTL = 1200; // GOVWATCH_HOST_SLOT_TTL_MS, 15 s by default
  const limits = { requestsPerSecond: 1000, maxConcurrency: 1 };

  it('frees the slot of a holder that stopped renewing (its Redis connection gone) after the TTL, and its request still ends well', async () => {
    const a = limiterOnItsOwnConnection({ slotTtlMs: TTL });
    const b = limiterOnItsOwnConnection({ slotTtlMs: TTL });
    const host = 'crashed.example:80';
    let finishA: () => void = () => undefined;
    const t0 = Date.now();
    const running = a.limiter.schedule(host, limits, async () => {
      await new Promise<void>((r) => {
        finishA = r;
      });
      return 'a done';
    });
    while ((await b.redis.zcard(`${prefix}:host-slots:${host}`)) < 1) await new Promise((r) => setTimeout(r, 1));
    a.redis.disconnect(); // as a SIGKILLed process's: no renewal, no release
    let bStarted = 0;
    await b.limiter.schedule(host, limits, async () => {
      bStarted = Date.now();
    });
    // The slot lasted its TTL from A's reservation, not the 90 s it once did.
    expect(bStarted - t0).toBeGreaterThanOrEqual(TTL - 50);
    expect(bStarted - t0).toBeLessThan(TTL + 1000);
    // A's renewals and release failed (Redis gone for it): its request ends all the same.
    finishA();
    expect(await running).toBe('a done');
  });

  it('keeps the slot of a request running three times the TTL: nobody else gets in before it ends', async () => {
    const a = limiterOnItsOwnConnection({ slotTtlMs: TTL });
    const b = limiterOnItsOwnConnection({ slotTtlMs: TTL });
    const host = 'long.example:80';
    let aEnded = 0;
    const long = a.limiter.schedule(host, limits, async () => {
      await new Promise((r) => setTimeout(r, 3 * TTL));
      aEnded = Date.now();
    });
    while ((await b.redis.zcard(`${prefix}:host-slots:${host}`)) < 1) await new Promise((r) => setTimeout(r, 1));
    let bStarted = 0;
    await b.limiter.schedule(host, limits, async () => {
      bStarted = Date.now();
    });
    await long;
    expect(aEnded).toBeGreaterThan(0);
    expect(bStarted).toBeGreaterThanOrEqual(aEnded);
  });

  it('renews only slots a third of whose time has gone, in one batch per slot set', () => {
    const held = new Map([
      ['fresh', { key: 'k1', expiresAt: 1000 + 9000 }],
      ['old-1', { key: 'k1', expiresAt: 1000 + 5000 }],
      ['old-2', { key: 'k1', expiresAt: 1000 + 100 }],
      ['other', { key: 'k2', expiresAt: 1000 + 7999 }],
      ['ahead', { key: 'k2', expiresAt: 1000 + 60_000 }], // reserved a minute ahead (a slow host)
    ]);
    expect(dueForRenewal(held, 1000, 12_000)).toEqual(
      new Map([
        ['k1', ['old-1', 'old-2']],
        ['k2', ['other']],
      ]),
    );
  });

  it('never shortens a slot reserved further ahead than the TTL (a slow host)', async () => {
    const { redis, limiter } = limiterOnItsOwnConnection({ slotTtlMs: TTL });
    const host = 'slow-renew.example:80';
    const slow = { requestsPerSecond: 1 / 60, maxConcurrency: 2 };
    expect(await limiter.reserve(host, slow, 'first')).toBe(0);
    const ahead = await limiter.reserve(host, slow, 'second'); // a minute from now
    expect(ahead).toBeGreaterThan(59_000);
    const key = `${prefix}:host-slots:${host}`;
    const before = Number(await redis.zscore(key, 'second'));
    await (redis as unknown as RenewSlots).govwatchRenewSlots(1, key, TTL, 'first second');
    expect(Number(await redis.zscore(key, 'second'))).toBe(before);
    expect(await redis.pttl(key)).toBeGreaterThan(59_000);
  });
});

type RenewSlots = { govwatchRenewSlots(...args: (string | number)[]): Promise<unknown> };

describe('host rate reservations', () => {
  it('reserves send times 1/rate apart across limiters, so a late sender never pushes the next ones back', async () => {
    const [a, b] = limiters(2);
    const limits = { requestsPerSecond: 10, maxConcurrency: 10 };
    const host = 'reserve.example:80';
    // Five callers of two processes reserve one after another without sending anything.
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) waits.push((await (i % 2 ? a : b)?.reserve(host, limits, `caller-${i}`)) ?? Number.NaN);
    // Reservations run back to back (well under 100 ms): each is one interval after the one before.
    waits.forEach((wait, i) => {
      expect(wait).toBeLessThanOrEqual(i * 100);
      expect(wait).toBeGreaterThan(i * 100 - 50);
    });
    // Every reservation holds a concurrency slot until released: at maxConcurrency, none is left,
    // and the answer says how long until the host's next free send time (-1 - ms, about 500).
    const busy = { requestsPerSecond: 10, maxConcurrency: 5 };
    expect(await a?.reserve(host, busy, 'caller-5')).toBeLessThan(-400);
    await a?.release(host, 'caller-0');
    expect(await a?.reserve(host, busy, 'caller-5')).toBeGreaterThan(400); // after caller-4's time
  });

  it('ignores a next send time no reservation could have set (a clock stepped back)', async () => {
    const { redis, limiter } = limiterOnItsOwnConnection();
    const host = 'skew.example:80';
    const [seconds = 0] = await redis.time();
    await redis.set(`${prefix}:host-rate:${host}`, Number(seconds) * 1000 + 3600_000);
    expect(await limiter.reserve(host, { requestsPerSecond: 1, maxConcurrency: 1 }, 'caller')).toBe(0);
  });

  it('keeps a slow host slow: reservations a Crawl-delay of 10 minutes apart are not taken for a skewed clock', async () => {
    const { limiter } = limiterOnItsOwnConnection();
    const host = 'slow.example:80';
    const limits = { requestsPerSecond: 1 / 600, maxConcurrency: 2 };
    expect(await limiter.reserve(host, limits, 'first')).toBe(0);
    expect(await limiter.reserve(host, limits, 'second')).toBeGreaterThan(599_000);
    await limiter.release(host, 'first');
    expect(await limiter.reserve(host, limits, 'third')).toBeGreaterThan(1_199_000); // 20 minutes ahead, legitimately
  });

  it('sends no burst after a stalled process wakes past several reserved times', async () => {
    const { redis, limiter } = limiterOnItsOwnConnection();
    const host = 'stall.example:80';
    const limits = { requestsPerSecond: 10, maxConcurrency: 4 };
    const sent: number[] = [];
    const calls = Array.from({ length: 4 }, () =>
      limiter.schedule(host, limits, async () => void sent.push(Date.now())),
    );
    while ((await redis.zcard(`${prefix}:host-slots:${host}`)) < 4) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(r, 5)); // every caller is asleep until its reserved time
    const stallUntil = Date.now() + 350; // past the times reserved for +100, +200 and +300 ms
    while (Date.now() < stallUntil);
    await Promise.all(calls);
    sent.sort((x, y) => x - y);
    const gaps = sent.slice(1).map((t, i) => t - (sent[i] ?? 0));
    // Each gap at least the interval less the lateness tolerance (10 ms) and timer jitter.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(85);
  });

  it('gives a free slot to the longest waiting caller, not back to the process that just freed it', async () => {
    const [a, b] = limiters(2);
    const host = 'fair.example:80';
    const limits = { requestsPerSecond: 10, maxConcurrency: 1 };
    const order: string[] = [];
    const request = (who: string) => async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push(who);
    };
    // A has back-to-back work: it asks again the moment its request ends.
    const busyA = (async () => {
      for (let i = 0; i < 8; i++) await a?.schedule(host, limits, request('a'));
    })();
    await new Promise((r) => setTimeout(r, 30)); // A holds the slot
    await b?.schedule(host, limits, request('b'));
    await busyA;
    // B waited behind at most the request A held and the one A had already reserved.
    expect(order.indexOf('b')).toBeLessThanOrEqual(2);
  });

  it('admits as many waiters at once as there are free slots, in their order of arrival', async () => {
    const { limiter } = limiterOnItsOwnConnection();
    const host = 'queue.example:80';
    const limits = { requestsPerSecond: 1000, maxConcurrency: 3 };
    const take = (who: string) => limiter.reserve(host, limits, who);
    for (const holder of ['h1', 'h2', 'h3']) expect(await take(holder)).toBeGreaterThanOrEqual(0);
    for (const waiter of ['w1', 'w2', 'w3']) expect(await take(waiter)).toBeLessThan(0); // queued in this order
    await limiter.release(host, 'h1');
    await limiter.release(host, 'h2');
    expect(await take('late')).toBeLessThan(0); // two slots free, but three wait ahead of it
    expect(await take('w2')).toBeGreaterThanOrEqual(0); // second in line, two slots free
    expect(await take('w3')).toBeLessThan(0); // one slot left, and w1 is ahead
    expect(await take('w1')).toBeGreaterThanOrEqual(0);
  });

  it('waits for the next free send time instead of polling while every slot is busy', async () => {
    const { limiter } = limiterOnItsOwnConnection();
    let reservations = 0;
    const reserve = limiter.reserve;
    limiter.reserve = (...args) => {
      reservations++;
      return reserve(...args);
    };
    const limits = { requestsPerSecond: 4, maxConcurrency: 1 };
    const task = () => new Promise<void>((r) => setTimeout(r, 10));
    await Promise.all(Array.from({ length: 4 }, () => limiter.schedule('busy.example:80', limits, task)));
    // Four requests 250 ms apart; polling every 5-50 ms meanwhile took about 60 reservations.
    expect(reservations).toBeLessThanOrEqual(16);
  });
});

describe('host rate with three crawler processes', () => {
  let fixture: FixtureSite;
  let database: TestDatabase;
  const workers: ChildProcess[] = [];
  afterAll(async () => {
    for (const w of workers) w.kill('SIGTERM');
    await fixture?.close();
    await database?.drop();
  });

  it('holds requestsPerSecond for the host while three processes crawl three of its sites', async () => {
    fixture = await startFixtureSite({ reportCount: 20 });
    database = await createTestDatabase();
    const rate = 8;
    const ids = ['fixture-main', 'fixture-countpage', 'fixture-query'];
    const sites = parseSites(
      fixture.siteYaml({ only: ids, defaults: { requestsPerSecond: rate, maxConcurrency: 4 } }),
      'fixture',
    );
    const dir = mkdtempSync(join(tmpdir(), 'govwatch-rate-'));
    writeFileSync(join(dir, 'sites.yaml'), fixture.siteYaml({ only: ids }));
    const env = userEnv({
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      GOVWATCH_QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'info',
      GOVWATCH_CRAWL_CONCURRENCY: '1',
    });
    const started = new Set<number>();
    for (let i = 0; i < 3; i++) {
      const w = spawn(process.execPath, cliArgv(['worker', 'crawl']), { cwd: repoRoot, env });
      w.stderr?.on('data', (d: Buffer) => {
        for (const line of d.toString().split('\n'))
          if (line.includes('"crawl started"')) started.add(JSON.parse(line).pid);
      });
      workers.push(w);
    }
    const redis = producerConnection(redisUrl);
    const queues = openQueues(redis, prefix);
    // Wait until the three workers are connected, so each takes one job at the same time.
    for (let i = 0; i < 200 && (await queues.crawl.getWorkers()).length < 3; i++)
      await new Promise((r) => setTimeout(r, 100));
    for (const site of sites) {
      await queues.crawl.add('crawl', { runId: `run-${site.id}`, siteId: site.id, trigger: 'cli', site });
    }
    // No store worker runs: each crawl's end shows as a crawlFinished job waiting in `store`.
    const finished = async () =>
      (await queues.store.getJobs(['waiting'])).filter((j) => j.name === 'crawlFinished').length;
    for (let i = 0; i < 600 && (await finished()) < 3; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await finished()).toBe(3);
    expect(started.size).toBe(3); // three processes, one crawl each

    const times = fixture.log.map((e) => e.t).sort((a, b) => a - b);
    expect(times.length).toBeGreaterThan(3 * rate);
    // Slots are 1/rate apart in Redis time; a request can only leave late, never early, so any
    // rate+1 consecutive arrivals span about a second less one request's lateness, and the average
    // never exceeds the rate. Lateness is a crawler busy parsing or a stalled event loop here: up
    // to 173 ms seen on this 2-core machine, before this session's changes as after (100 ms
    // allowed failed 1 run in 4), so allow 250 ms. Three processes each keeping the rate on their
    // own would put those arrivals within 333 ms.
    let tightest = Number.POSITIVE_INFINITY;
    for (let i = 0; i + rate < times.length; i++)
      tightest = Math.min(tightest, (times[i + rate] ?? 0) - (times[i] ?? 0));
    expect(tightest).toBeGreaterThanOrEqual(1000 - 250);
    const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
    expect((times.length - 1) / (span / 1000)).toBeLessThanOrEqual(rate * 1.01);
    await queues.close();
  });
});
