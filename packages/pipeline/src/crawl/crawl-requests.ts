// The requests of one crawl, in memory: crawlee's IRequestManager without a storage behind it.
// A crawl job lives in one process and is retried from the start, so nothing needs persisting;
// crawlee's RequestQueue (memory storage) cost each crawl a 1,000,000-slot cache (16 MB, 14 ms)
// and per request a stored copy, locks and JSON: with 200 crawls at once in one worker, a fifth of
// the crawl worker's CPU and most of its garbage (pipeline benchmark profile).
import {
  type AddRequestsBatchedResult,
  type IRequestManager,
  Request,
  type RequestQueueOperationInfo,
  type RequestQueueOperationOptions,
  type RequestsLike,
  type Source,
} from '@crawlee/basic';

export class CrawlRequests implements IRequestManager {
  private readonly pending: Request[] = [];
  private readonly known = new Map<string, Request>();
  private readonly done = new Set<string>();
  private inProgress = 0;

  async isFinished(): Promise<boolean> {
    return this.pending.length === 0 && this.inProgress === 0;
  }

  async isEmpty(): Promise<boolean> {
    return this.pending.length === 0;
  }

  async handledCount(): Promise<number> {
    return this.done.size;
  }

  getTotalCount(): number {
    return this.known.size;
  }

  getPendingCount(): number {
    return this.pending.length + this.inProgress;
  }

  async fetchNextRequest<T extends Record<string, unknown> = Record<string, unknown>>(): Promise<Request<T> | null> {
    const request = this.pending.shift();
    if (!request) return null;
    this.inProgress++;
    return request as unknown as Request<T>;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Request> {
    for (let request = await this.fetchNextRequest(); request; request = await this.fetchNextRequest()) yield request;
  }

  async markRequestHandled(request: Request): Promise<RequestQueueOperationInfo> {
    this.inProgress--;
    request.handledAt ??= new Date().toISOString();
    this.done.add(request.uniqueKey);
    return this.info(request, true, false);
  }

  async reclaimRequest(request: Request, options?: RequestQueueOperationOptions): Promise<RequestQueueOperationInfo> {
    this.inProgress--;
    if (options?.forefront) this.pending.unshift(request);
    else this.pending.push(request);
    return this.info(request, true, false, options?.forefront);
  }

  async addRequest(source: Source, options?: RequestQueueOperationOptions): Promise<RequestQueueOperationInfo> {
    const request =
      source instanceof Request ? source : new Request(source as ConstructorParameters<typeof Request>[0]);
    const seen = this.known.get(request.uniqueKey);
    if (seen) return this.info(seen, true, this.done.has(seen.uniqueKey));
    request.id ??= String(this.known.size + 1);
    this.known.set(request.uniqueKey, request);
    if (options?.forefront) this.pending.unshift(request);
    else this.pending.push(request);
    return this.info(request, false, false, options?.forefront);
  }

  async addRequestsBatched(
    requests: RequestsLike,
    options?: RequestQueueOperationOptions,
  ): Promise<AddRequestsBatchedResult> {
    const addedRequests = [];
    for await (const r of requests as AsyncIterable<Source | string>) {
      const { requestId, uniqueKey, wasAlreadyHandled, wasAlreadyPresent } = await this.addRequest(
        typeof r === 'string' ? { url: r } : r,
        options,
      );
      addedRequests.push({ requestId, uniqueKey, wasAlreadyHandled, wasAlreadyPresent });
    }
    return { addedRequests, waitForAllRequestsToBeAdded: Promise.resolve([]) };
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
