// Backpressure between the crawl and the stages after it. Every page a crawl hands on rides in
// Redis (gzip + base64, in an extract job, then in a store job) until the store has written it.
// When extraction or the store lags — a first crawl of millions of pages — that backlog would
// grow until Redis (noeviction) refuses writes. Crawls therefore start no new request while more
// pages than the limit wait downstream, and carry on once the backlog has drained to the resume
// mark. Pages already being fetched when the gate closes are still handed on, so Redis holds at
// most the limit plus one page per crawl slot (GOVWATCH_CRAWL_CONCURRENCY × a site's concurrency)
// per crawl worker, plus what other crawl workers queue within one refresh interval.
import type { Queues } from '@govwatch/jobs';

export type BacklogLimits = {
  /** Pages waiting for extract or store at which crawls pause (0: no limit). */
  max: number;
  /** Crawls resume once the backlog is down to this (below max, so the gate does not flap). */
  resumeAt: number;
};

/** The limits for a configured maximum: resume at three quarters of it. */
export function backlogLimits(max: number): BacklogLimits {
  return { max, resumeAt: Math.floor(max * 0.75) };
}

/** Whether crawls may start new requests, given the backlog now and whether they could before. */
export function gateOpen(wasOpen: boolean, backlog: number, limits: BacklogLimits): boolean {
  if (limits.max <= 0) return true;
  return wasOpen ? backlog < limits.max : backlog <= limits.resumeAt;
}

export type PageBacklog = {
  /**
   * Whether crawls may start new requests now. Answers at once from the last measurement and
   * measures again in the background when that is older than the refresh interval, so 200 crawls
   * asking twice a second cost one Redis look per interval, not one each.
   */
  open(): boolean;
  /**
   * A page was just queued by this process: counted at once, so a burst of pages closes the gate
   * before the next measurement (which then replaces the estimate).
   */
  added(pages?: number): void;
  /** The backlog as last measured, plus what this process queued since. */
  last(): number;
  /** Measure now and return whether the gate is open (tests, and the first ask of a crawl). */
  refresh(): Promise<boolean>;
};

export function pageBacklog(
  measure: () => Promise<number>,
  limits: BacklogLimits,
  opts: {
    refreshMs?: number;
    onChange?: (open: boolean, backlog: number) => void;
    onError?: (err: Error) => void;
  } = {},
): PageBacklog {
  const refreshMs = opts.refreshMs ?? 500;
  let isOpen = true;
  let backlog = 0;
  let measuredAt = 0;
  let inFlight: Promise<boolean> | undefined;
  const judge = (n: number) => {
    backlog = n;
    const next = gateOpen(isOpen, n, limits);
    if (next !== isOpen) opts.onChange?.(next, n);
    isOpen = next;
  };
  const refresh = (): Promise<boolean> => {
    inFlight ??= measure()
      .then(
        (n) => judge(n),
        // Redis unreachable: keep the last answer; adding the page's job fails on its own.
        (err: Error) => opts.onError?.(err),
      )
      .then(() => {
        measuredAt = Date.now();
        inFlight = undefined;
        return isOpen;
      });
    return inFlight;
  };
  return {
    open() {
      if (limits.max <= 0) return true;
      if (Date.now() - measuredAt >= refreshMs) void refresh();
      return isOpen;
    },
    added(pages = 1) {
      if (limits.max > 0) judge(backlog + pages);
    },
    last: () => backlog,
    refresh,
  };
}

/** Jobs not yet taken by a worker, in the stages whose payloads carry page bodies. */
export async function downstreamBacklog(queues: Pick<Queues, 'extract' | 'store'>): Promise<number> {
  const counts = await Promise.all(
    [queues.extract, queues.store].map((q) => q.getJobCountByTypes('waiting', 'prioritized', 'delayed')),
  );
  return counts.reduce((a, b) => a + b, 0);
}
