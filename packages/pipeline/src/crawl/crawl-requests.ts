// The requests of one crawl job, as crawlee sees them (its IRequestManager): leased from the run's
// frontier in Redis (frontier.ts) a few at a time, held under a renewed lease while they wait and
// run, and completed there with their own counts and findings (request-scope.ts). Crawlee's retries
// stay in this process under the same lease; a request whose job dies goes back to the frontier
// when its lease expires. crawlee's RequestQueue is not used: its memory storage cost each crawl a
// 1,000,000-slot cache and a stored copy of every request (pipeline benchmark profile).
import { randomUUID } from 'node:crypto';
import {
  type AddRequestsBatchedResult,
  type IRequestManager,
  Request,
  type RequestQueueOperationInfo,
  type RequestQueueOperationOptions,
  RequestState,
  type RequestsLike,
  type Source,
} from '@crawlee/basic';
import type { Frontier, FrontierRequest, Totals } from './frontier.ts';
import { countersOf } from './frontier-stats.ts';
import { newScope, type RequestScope } from './request-scope.ts';

export type CrawlRequestsOptions = {
  /** Requests leased at most at once (the crawler's concurrency). */
  batch: number;
  leaseMs: number;
  maxPages: number;
  /** The run's totals, with a completion a few times a second (for progress). */
  onTotals?: (totals: Totals) => void;
};

/** An empty frontier is asked again after this long (crawlee polls its queue every 0.5 s and after every request). */
const EMPTY_POLL_MS = 200;
/**
 * Looks that find nothing back off to this. A crawl waiting on its host's rate with nothing
 * pending would otherwise ask Redis five times a second: with 200 crawls in one worker that was
 * 1,000 lease scripts a second, 120 Redis commands and 20 ms of crawl-worker CPU per request of
 * an unchanged re-crawl (pipeline benchmark). What this crawl finds itself is looked at at once
 * (complete()); only other shards' links and a dead worker's expired leases wait for a slow look.
 */
const MAX_IDLE_POLL_MS = 3_000;
/** The run's totals (progress) come back with a completion at most this often. */
const TOTALS_EVERY_MS = 250;

export class CrawlRequests implements IRequestManager {
  /** Identifies this crawl job's leases (a new one each attempt, so a dead attempt's leases are not taken for ours). */
  readonly token = randomUUID();
  private readonly buffer: Request[] = [];
  /** Leased and handed to crawlee, by uniqueKey. */
  private readonly running = new Map<string, Request>();
  private readonly scopes = new WeakMap<Request, RequestScope>();
  private lastPoll = { at: 0, pending: 1, leased: 1 };
  private emptyPolls = 0;
  private polling: Promise<void> | null = null;
  private renewTimer: NodeJS.Timeout | null = null;
  private handled = 0;
  private leasesLost = 0;
  private totalsAt = 0;

  constructor(
    private readonly frontier: Frontier,
    private readonly opts: CrawlRequestsOptions,
  ) {}

  /** The request's own scope (its counts and findings until its completion). */
  scopeOf(request: Request): RequestScope {
    let scope = this.scopes.get(request);
    if (!scope) {
      scope = newScope();
      this.scopes.set(request, scope);
    }
    return scope;
  }

  /** Requests completed by another worker after this one's lease ran out (each was fetched twice). */
  get lostLeases(): number {
    return this.leasesLost;
  }

  /** Keep this job's leases (and the frontier's expiry) alive while the crawl runs. */
  startRenewing(onError: (err: Error) => void): void {
    this.renewTimer = setInterval(
      () => {
        this.frontier.renew(this.token, this.heldKeys(), this.opts.leaseMs).catch(onError);
      },
      Math.max(250, Math.floor(this.opts.leaseMs / 4)),
    );
    this.renewTimer.unref();
  }

  /** Stop renewing; leases not completed go back to the frontier for other workers at once. */
  async stop(): Promise<void> {
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.renewTimer = null;
    const keys = this.heldKeys();
    this.buffer.length = 0;
    this.running.clear();
    await this.frontier.release(this.token, keys);
  }

  async isFinished(): Promise<boolean> {
    if (this.buffer.length > 0 || this.running.size > 0) return false;
    await this.poll();
    return this.buffer.length === 0 && this.lastPoll.pending === 0 && this.lastPoll.leased === 0;
  }

  async isEmpty(): Promise<boolean> {
    if (this.buffer.length === 0) await this.poll();
    return this.buffer.length === 0;
  }

  async handledCount(): Promise<number> {
    return this.handled;
  }

  getTotalCount(): number {
    return this.handled + this.buffer.length + this.running.size;
  }

  getPendingCount(): number {
    return this.buffer.length + this.running.size;
  }

  async fetchNextRequest<T extends Record<string, unknown> = Record<string, unknown>>(): Promise<Request<T> | null> {
    if (this.buffer.length === 0) await this.poll();
    const request = this.buffer.shift();
    if (!request) return null;
    this.running.set(request.uniqueKey, request);
    return request as unknown as Request<T>;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Request> {
    for (let request = await this.fetchNextRequest(); request; request = await this.fetchNextRequest()) yield request;
  }

  async markRequestHandled(request: Request): Promise<RequestQueueOperationInfo> {
    // A request that failed for good is marked handled before crawlee calls the failed-request
    // handler, which still counts into its scope: that handler completes it (complete()).
    if (request.state !== RequestState.ERROR_HANDLER) await this.complete(request);
    return this.info(request, true, true);
  }

  /** Done in the frontier, with the request's counts and findings. */
  async complete(request: Request): Promise<void> {
    if (!this.running.has(request.uniqueKey)) return;
    const scope = this.scopeOf(request);
    const wantTotals = this.opts.onTotals !== undefined && Date.now() - this.totalsAt >= TOTALS_EVERY_MS;
    if (wantTotals) this.totalsAt = Date.now();
    const foundLinks = scope.findings.children.length > 0;
    const { done, totals } = await this.frontier.complete(
      this.token,
      request.uniqueKey,
      this.opts.maxPages,
      scope.findings,
      countersOf(scope.counted),
      wantTotals,
    );
    this.running.delete(request.uniqueKey);
    this.scopes.delete(request);
    this.handled++;
    // Links it found may be pending now: the next look must not wait out EMPTY_POLL_MS (a chain of
    // list pages, one leading to the next, waited 0.2–0.5 s a page).
    // So may the crawl's end, when nothing of this job runs any more.
    if (foundLinks || this.running.size === 0) this.lookNow();
    if (!done) this.leasesLost++;
    if (totals) this.opts.onTotals?.(totals);
  }

  /** Findings of a request still running (a list page of thousands of links), applied ahead of its completion. */
  async flushFindings(scope: RequestScope): Promise<void> {
    const { findings } = scope;
    if (findings.children.length === 0) return;
    const sent = { ...findings };
    scope.findings = { children: [], handed: [], gone: [], beyond: [] };
    await this.frontier.complete(this.token, '', this.opts.maxPages, sent, null);
    this.lookNow();
  }

  /** A retry: the request stays leased to this job, its scope (counts so far) with it. */
  async reclaimRequest(request: Request, options?: RequestQueueOperationOptions): Promise<RequestQueueOperationInfo> {
    this.running.delete(request.uniqueKey);
    if (options?.forefront) this.buffer.unshift(request);
    else this.buffer.push(request);
    return this.info(request, true, false, options?.forefront);
  }

  // Requests enter the frontier through the crawl's enqueue (links found by a request are part of
  // its completion); crawlee's own adding is not used by the crawl.
  async addRequest(source: Source): Promise<RequestQueueOperationInfo> {
    throw new Error(
      `requests enter the crawl frontier through the crawl's enqueue, not addRequest (${String(source)})`,
    );
  }

  async addRequestsBatched(requests: RequestsLike): Promise<AddRequestsBatchedResult> {
    throw new Error(`requests enter the crawl frontier through the crawl's enqueue (${typeof requests})`);
  }

  /** The keys this job holds leases on: leased and waiting, or running. */
  private heldKeys(): string[] {
    return [...this.buffer.map((r) => r.uniqueKey), ...this.running.keys()];
  }

  private lookNow() {
    this.lastPoll = { ...this.lastPoll, at: 0 };
    this.emptyPolls = 0;
  }

  /** Lease more requests, at most one call at a time; after finding none, not again for a while (backing off). */
  private poll(): Promise<void> {
    const idle = this.buffer.length === 0 && this.lastPoll.pending === 0;
    const pause = Math.min(MAX_IDLE_POLL_MS, EMPTY_POLL_MS * 2 ** this.emptyPolls);
    if (idle && Date.now() - this.lastPoll.at < pause) return Promise.resolve();
    this.polling ??= (async () => {
      try {
        const room = Math.max(1, this.opts.batch - this.running.size - this.buffer.length);
        const lease = await this.frontier.lease(this.token, room, this.opts.leaseMs);
        for (const r of lease.requests) this.buffer.push(toRequest(r));
        this.emptyPolls = lease.requests.length === 0 ? Math.min(this.emptyPolls + 1, 8) : 0;
        this.lastPoll = { at: Date.now(), pending: lease.pending, leased: lease.leased };
      } finally {
        this.polling = null;
      }
    })();
    return this.polling;
  }

  private info(
    request: Request,
    wasAlreadyPresent: boolean,
    wasAlreadyHandled: boolean,
    forefront = false,
  ): RequestQueueOperationInfo {
    return {
      requestId: request.id ?? '',
      uniqueKey: request.uniqueKey,
      wasAlreadyPresent,
      wasAlreadyHandled,
      forefront,
    };
  }
}

function toRequest(r: FrontierRequest): Request {
  const request = new Request({
    url: r.url,
    uniqueKey: r.uniqueKey,
    userData: r.userData,
    skipNavigation: r.skipNavigation ?? false,
    ...(r.method === 'POST' ? { method: 'POST' as const, payload: r.payload } : {}),
  });
  request.id = r.uniqueKey;
  return request;
}
