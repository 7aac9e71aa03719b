// Which request the code running now works for. The routes count into `ctx.stats` and call the
// crawl's enqueue; with requests of one crawl in flight at once (and several crawl workers on one
// run), each request's counts and findings must reach the frontier with that request's completion,
// exactly once. An AsyncLocalStorage scope per request gives every route the request's own figures
// through the one `ctx.stats` object they already hold, without threading the request through.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CrawlStats } from '@govwatch/jobs';
import { emptyStats } from './crawl-context.ts';
import type { Findings } from './frontier.ts';

export type RequestScope = { counted: CrawlStats; findings: Findings };

export const emptyFindings = (): Findings => ({ children: [], handed: [], gone: [], beyond: [] });
export const newScope = (): RequestScope => ({ counted: emptyStats(), findings: emptyFindings() });

export type Scopes = {
  /** Stands for the current scope's `counted` (outside any request: the crawl's own scope). */
  stats: CrawlStats;
  current(): RequestScope;
  run<T>(scope: RequestScope, fn: () => T): T;
};

/**
 * One storage for every crawl of the process, each scope tagged with its crawl. Node 20 copies
 * every AsyncLocalStorage's value into each new promise: one storage per crawl, 200 crawls in a
 * worker, made every promise of the process cost 200 copies (async_hooks' _propagate was the crawl
 * worker's heaviest function, 8.8 ms of CPU a request and 980 MB RSS in the pipeline benchmark).
 */
const storage = new AsyncLocalStorage<{ crawl: object; scope: RequestScope }>();

export function requestScopes(outside: RequestScope): Scopes {
  const crawl = {};
  const current = () => {
    const held = storage.getStore();
    return held?.crawl === crawl ? held.scope : outside;
  };
  const stats = new Proxy({} as CrawlStats, {
    get: (_, field) => Reflect.get(current().counted, field),
    set: (_, field, value) => Reflect.set(current().counted, field, value),
    has: (_, field) => Reflect.has(current().counted, field),
    ownKeys: () => Reflect.ownKeys(current().counted),
    getOwnPropertyDescriptor: (_, field) => Reflect.getOwnPropertyDescriptor(current().counted, field),
  });
  return { stats, current, run: (scope, fn) => storage.run({ crawl, scope }, fn) };
}
