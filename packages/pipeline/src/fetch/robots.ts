// robots.txt per host, cached in Redis for a day so every process and machine asks once.
import type { Redis } from 'ioredis';
import robotsParserModule from 'robots-parser';
import { type FetchOptions, fetchPage, HttpStatusError } from './fetch-page.ts';
import type { HostLimits } from './host-limiter.ts';

// robots-parser is CommonJS (module.exports = fn) while its typings declare a default export.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

export type Robots = { isAllowed(url: string): boolean; crawlDelaySeconds: number | undefined; sitemaps: string[] };

const TTL_SECONDS = 24 * 3600;

/** The site's limits with robots.txt's Crawl-delay applied: it lowers the rate, never raises it. */
export function withCrawlDelay(limits: HostLimits, robots: Robots): HostLimits {
  const delay = robots.crawlDelaySeconds;
  return delay && delay > 0 ? { ...limits, requestsPerSecond: Math.min(limits.requestsPerSecond, 1 / delay) } : limits;
}

export function parseRobots(robotsUrl: string, text: string, userAgent: string): Robots {
  const parsed = robotsParser(robotsUrl, text);
  return {
    isAllowed: (url) => parsed.isAllowed(url, userAgent) !== false,
    crawlDelaySeconds: parsed.getCrawlDelay(userAgent),
    sitemaps: parsed.getSitemaps(),
  };
}

export async function loadRobots(
  origin: string,
  redis: Redis,
  prefix: string,
  fetchOptions: FetchOptions,
): Promise<Robots> {
  const robotsUrl = new URL('/robots.txt', origin).href;
  const key = `${prefix}:robots:${new URL(origin).host}`;
  let text = await redis.get(key);
  if (text === null) {
    try {
      const page = await fetchPage(robotsUrl, { ...fetchOptions, conditional: undefined });
      text = page.body.toString('utf8');
    } catch (err) {
      // A missing robots.txt (4xx) means everything is allowed; other failures retry the crawl job.
      if (err instanceof HttpStatusError && err.status >= 400 && err.status < 500) text = '';
      else throw err;
    }
    await redis.set(key, text, 'EX', TTL_SECONDS);
  }
  return parseRobots(robotsUrl, text, fetchOptions.userAgent);
}
