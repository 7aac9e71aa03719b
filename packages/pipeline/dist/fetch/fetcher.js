// src/fetch/fetcher.ts
import { fetchOptionsFor } from "./fetch-page.js";
import { redisHostLimiter } from "./host-limiter.js";
import { loadRobots } from "./robots.js";
function createFetcher(redis, prefix, settings) {
  const limiter = redisHostLimiter(redis, prefix);
  const base = { ...settings, limiter };
  return {
    ...base,
    optionsFor: (policy) => fetchOptionsFor(policy, base),
    robots: (origin, options) => loadRobots(origin, redis, prefix, options)
  };
}
export {
  createFetcher
};
//# sourceMappingURL=fetcher.js.map
