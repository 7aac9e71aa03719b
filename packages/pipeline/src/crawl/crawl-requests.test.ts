import { describe, expect, it } from 'vitest';
import { CrawlRequests } from './crawl-requests.ts';

describe('CrawlRequests', () => {
  it('hands requests out first in, first out, each unique key once', async () => {
    const q = new CrawlRequests();
    expect((await q.addRequest({ url: 'http://a.test/1', uniqueKey: 'one' })).wasAlreadyPresent).toBe(false);
    await q.addRequest({ url: 'http://a.test/2', uniqueKey: 'two' });
    expect((await q.addRequest({ url: 'http://a.test/1?again', uniqueKey: 'one' })).wasAlreadyPresent).toBe(true);
    expect(q.getTotalCount()).toBe(2);
    expect((await q.fetchNextRequest())?.uniqueKey).toBe('one');
    expect((await q.fetchNextRequest())?.uniqueKey).toBe('two');
    expect(await q.fetchNextRequest()).toBeNull();
  });

  it('is finished only when nothing is pending or in progress', async () => {
    const q = new CrawlRequests();
    expect(await q.isFinished()).toBe(true);
    await q.addRequest({ url: 'http://a.test/1' });
    const r = await q.fetchNextRequest();
    if (!r) throw new Error('no request');
    expect(await q.isEmpty()).toBe(true);
    expect(await q.isFinished()).toBe(false);
    // A retry goes back to the front; a handled request stays known (not added twice).
    await q.addRequest({ url: 'http://a.test/2' });
    await q.reclaimRequest(r, { forefront: true });
    expect((await q.fetchNextRequest())?.url).toBe('http://a.test/1');
    await q.markRequestHandled(r);
    expect((await q.addRequest({ url: 'http://a.test/1' })).wasAlreadyHandled).toBe(true);
    const second = await q.fetchNextRequest();
    if (!second) throw new Error('no second request');
    await q.markRequestHandled(second);
    expect(await q.handledCount()).toBe(2);
    expect(await q.isFinished()).toBe(true);
  });
});
