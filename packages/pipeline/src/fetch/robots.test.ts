import { describe, expect, it } from 'vitest';
import { parseRobots, withCrawlDelay } from './robots.ts';

describe('withCrawlDelay', () => {
  const limits = { requestsPerSecond: 4, maxConcurrency: 2 };
  const robots = (crawlDelaySeconds: number | undefined) => ({
    isAllowed: () => true,
    crawlDelaySeconds,
    sitemaps: [],
  });
  it('lowers the rate to one request per Crawl-delay, never raises it', () => {
    expect(withCrawlDelay(limits, robots(2))).toEqual({ requestsPerSecond: 0.5, maxConcurrency: 2 });
    expect(withCrawlDelay(limits, robots(0.1))).toEqual(limits);
    expect(withCrawlDelay(limits, robots(undefined))).toEqual(limits);
  });
});

describe('parseRobots', () => {
  it('reads Disallow, Crawl-delay and Sitemap for our user agent', () => {
    const robots = parseRobots(
      'http://x.gov.cn/robots.txt',
      'User-agent: *\nDisallow: /private/\nCrawl-delay: 3\nSitemap: http://x.gov.cn/sitemap.xml\n',
      'govwatch/0.1 (+https://example.org)',
    );
    expect(robots.isAllowed('http://x.gov.cn/private/a.html')).toBe(false);
    expect(robots.isAllowed('http://x.gov.cn/gaxw/a.html')).toBe(true);
    expect(robots.crawlDelaySeconds).toBe(3);
    expect(robots.sitemaps).toEqual(['http://x.gov.cn/sitemap.xml']);
  });
});
