// Runs one crawl (discovery + conditional fetches) in-process against the fixture site, with the
// real Redis limiter, robots cache and frontier (a run of its own); pages handed on are collected
// instead of queued.
import { randomUUID } from 'node:crypto';
import { createLogger } from '@govwatch/core';
import type { FixtureSite, SiteYamlOptions } from '@govwatch/fixture-site';
import { type CrawlStats, crawlSite, createFetcher, Frontier } from '@govwatch/pipeline';
import { parseSites, type Site } from '@govwatch/sites';
import { Redis } from 'ioredis';
import { redisUrl } from '../helpers/test-queues.ts';

export type Collected = { pages: Array<{ url: string; body: Buffer }>; blocked: string[]; stats: CrawlStats };

export function siteOf(fixture: FixtureSite, id: string, options: SiteYamlOptions = {}): Site {
  const site = parseSites(fixture.siteYaml({ ...options, only: [id] }), 'fixture').find((s) => s.id === id);
  if (!site) throw new Error(`no fixture site ${id}`);
  return site;
}

export async function crawlOnce(
  site: Site,
  prefix: string,
  opts: {
    allowPrivateNetwork?: boolean;
    states?: Map<string, { etag: string | null; lastModified: string | null; lastRawSha256: string | null }>;
    /** Runs before a page is collected: throwing stands for a queue that refused the job. */
    beforeHandOn?: (url: string) => void;
    /** Canonical URLs an earlier attempt of the run settled. */
    settled?: Set<string>;
  } = {},
): Promise<Collected> {
  const redis = new Redis(redisUrl);
  const collected: Collected = { pages: [], blocked: [], stats: undefined as unknown as CrawlStats };
  const frontier = new Frontier(redis, prefix, `harness-${randomUUID()}`);
  try {
    const stats = await crawlSite(site, {
      run: { frontier, shard: 1, leaseMs: 60_000 },
      log: createLogger('silent'),
      fetcher: createFetcher(redis, prefix, {
        userAgent: 'govwatch/0.1 (+https://example.org/govwatch-tests)',
        allowPrivateNetwork: opts.allowPrivateNetwork ?? false,
      }),
      chromiumPath: '/usr/bin/chromium',
      pageState: (canonical) => opts.states?.get(canonical),
      settledInRun: (canonical) => opts.settled?.has(canonical) ?? false,
      onPage: async (page) => {
        opts.beforeHandOn?.(page.url);
        collected.pages.push({ url: page.url, body: page.body });
      },
      onBlocked: async (page) => {
        collected.blocked.push(page.url);
      },
    });
    if (!stats) throw new Error('the only crawl job of a run did not end its crawl');
    collected.stats = stats;
  } finally {
    await frontier.drop();
    redis.disconnect();
  }
  return collected;
}
