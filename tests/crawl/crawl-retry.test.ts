// Nothing is marked done before it is: a page counts as queued only once it was handed on, and a
// retried crawl neither refetches nor recounts what its earlier attempt settled.
import { canonicalUrl } from '@govwatch/core';
import { type FixtureSite, startFixtureSite } from '@govwatch/fixture-site';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dropPrefix, testPrefix } from '../helpers/test-queues.ts';
import { crawlOnce, siteOf } from './crawl-harness.ts';

let fixture: FixtureSite;
const prefix = testPrefix();

beforeAll(async () => {
  fixture = await startFixtureSite();
});
afterAll(async () => {
  await fixture?.close();
  await dropPrefix(prefix);
});
beforeEach(() => fixture.clearLog());

const site = () => siteOf(fixture, 'fixture-countpage');
const paths = (urls: string[]) => urls.map((u) => new URL(u).pathname).sort();

describe('a crawl hands on every page exactly once', () => {
  it('hands on a page again when queueing its job failed, instead of skipping it as queued', async () => {
    const full = await crawlOnce(site(), prefix);
    expect(full.pages.length).toBeGreaterThan(3);
    const victim = full.pages[1]?.url ?? '';
    let refusals = 0;
    fixture.clearLog();
    const { pages, stats } = await crawlOnce(site(), prefix, {
      beforeHandOn: (url) => {
        if (url === victim && refusals++ === 0) throw new Error('Connection is closed.');
      },
    });
    expect(refusals).toBe(2); // refused once, handed on by the retry
    expect(paths(pages.map((p) => p.url))).toEqual(paths(full.pages.map((p) => p.url)));
    expect(stats.pagesQueued).toBe(full.pages.length);
    expect(stats.errors).toEqual({});
  });

  it('does not refetch or recount pages an earlier attempt of the run settled', async () => {
    const full = await crawlOnce(site(), prefix);
    const settledUrls = full.pages.slice(0, 3).map((p) => p.url);
    fixture.clearLog();
    const { pages, stats } = await crawlOnce(site(), prefix, {
      settled: new Set(settledUrls.map((u) => canonicalUrl(u))),
    });
    const fetched = fixture.log.map((e) => e.path);
    for (const url of settledUrls) expect(fetched).not.toContain(new URL(url).pathname);
    expect(paths(pages.map((p) => p.url))).toEqual(paths(full.pages.slice(3).map((p) => p.url)));
    // Settled pages still count as queued, so the run waits for exactly the pages it has.
    expect(stats.pagesQueued).toBe(full.pages.length);
    expect(stats.alreadySettled).toBe(3);
  });
});
