// Polite fetching: rate and concurrency per host across processes, robots.txt, the SSRF guard,
// size caps, redirects checked hop by hop, and the names of what went wrong.
export * from './challenge.ts';
export * from './error-kind.ts';
export * from './fetch-page.ts';
export * from './fetcher.ts';
export * from './host-limiter.ts';
export * from './robots.ts';
export * from './ssrf.ts';
