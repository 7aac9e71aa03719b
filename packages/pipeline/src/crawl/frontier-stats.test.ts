import { Site } from '@govwatch/sites';
import { describe, expect, it } from 'vitest';
import { emptyStats } from './crawl-context.ts';
import type { FrontierSnapshot } from './frontier.ts';
import { countersOf, statsOf } from './frontier-stats.ts';

const site = Site.parse({ id: 'gov-a', name: '某市公安局', startUrls: ['https://gov-a.example/list/'], maxPages: 50 });
const snapshot = (over: Partial<FrontierSnapshot> = {}): FrontierSnapshot => ({
  stats: {},
  meta: { startedAt: '1000' },
  reportLinks: 3,
  handed: 2,
  seen: ['https://gov-a.example/b.html', 'https://gov-a.example/a.html'],
  warnings: [],
  ...over,
});

describe('countersOf', () => {
  it('sends what a request counted, without the figures the frontier counts from its sets', () => {
    const counted = { ...emptyStats(), pagesFetched: 1, bytes: 2048, pagesQueued: 1, alreadySettled: 1 };
    counted.errors.http = 1;
    counted.discoveryComplete = false;
    expect(countersOf(counted)).toEqual({ d: { pagesFetched: 1, bytes: 2048 }, e: { http: 1 }, inc: 1, w: [] });
  });
});

describe('statsOf', () => {
  it('builds the run figures from the frontier: pages handed on are pagesQueued, errors by kind', () => {
    const stats = statsOf(
      snapshot({ stats: { pagesFetched: '7', listPagesFetched: '2', alreadySettled: '1', 'error:http': '2' } }),
      site,
      4000,
    );
    expect(stats).toMatchObject({
      pagesFetched: 7,
      listPagesFetched: 2,
      pagesQueued: 2,
      alreadySettled: 1,
      reportLinksFound: 3,
      errors: { http: 2 },
      discoveryComplete: true,
      seenUrls: ['https://gov-a.example/a.html', 'https://gov-a.example/b.html'],
      durationMs: 3000,
    });
  });

  it('says a crawl stopped at maxPages, and counts nothing missing then', () => {
    const stats = statsOf(snapshot({ stats: { cutShort: '1' } }), site, 2000);
    expect(stats.discoveryComplete).toBe(false);
    expect(stats.warnings).toEqual(['stopped at maxPages (50) for site gov-a']);
  });

  it('takes a site that lists no report as incomplete discovery, saying what to check', () => {
    const stats = statsOf(snapshot({ reportLinks: 0, seen: [] }), site, 2000);
    expect(stats.discoveryComplete).toBe(false);
    expect(stats.warnings[0]).toMatch(/no report links found .* set render: browser/);
  });
});
