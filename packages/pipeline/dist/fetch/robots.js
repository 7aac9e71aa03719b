// src/fetch/robots.ts
import robotsParserModule from "robots-parser";
import { fetchPage, HttpStatusError } from "./fetch-page.js";
var robotsParser = robotsParserModule;
var TTL_SECONDS = 24 * 3600;
function withCrawlDelay(limits, robots) {
  const delay = robots.crawlDelaySeconds;
  return delay && delay > 0 ? { ...limits, requestsPerSecond: Math.min(limits.requestsPerSecond, 1 / delay) } : limits;
}
function parseRobots(robotsUrl, text, userAgent) {
  const parsed = robotsParser(robotsUrl, text);
  return {
    isAllowed: (url) => parsed.isAllowed(url, userAgent) !== false,
    crawlDelaySeconds: parsed.getCrawlDelay(userAgent),
    sitemaps: parsed.getSitemaps()
  };
}
async function loadRobots(origin, redis, prefix, fetchOptions) {
  const robotsUrl = new URL("/robots.txt", origin).href;
  const key = `${prefix}:robots:${new URL(origin).host}`;
  let text = await redis.get(key);
  if (text === null) {
    try {
      const page = await fetchPage(robotsUrl, { ...fetchOptions, conditional: void 0 });
      text = page.body.toString("utf8");
    } catch (err) {
      if (err instanceof HttpStatusError && err.status >= 400 && err.status < 500) text = "";
      else throw err;
    }
    await redis.set(key, text, "EX", TTL_SECONDS);
  }
  return parseRobots(robotsUrl, text, fetchOptions.userAgent);
}
export {
  loadRobots,
  parseRobots,
  withCrawlDelay
};
//# sourceMappingURL=robots.js.map
