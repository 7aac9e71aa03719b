// Prometheus metrics of one process (prom-client). The code that does the work calls the small
// hooks below (a line each), and the process exposes the registry: the API at /metrics, each
// worker process on GOVWATCH_METRICS_PORT (pipeline/src/metrics-server.ts). Labels are few and
// bounded: status classes, queue names, outcomes, error class names — never URLs or ids.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
let defaultsOn = false;

/** Process metrics (CPU, memory, event-loop lag), once per process, when something serves them. */
export function collectProcessMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'govwatch_' });
}

const pagesFetched = new Counter({
  name: 'govwatch_pages_fetched_total',
  help: 'HTTP responses received by the crawler, by status class (2xx, 3xx, 4xx, 5xx); 304s are in 3xx and also counted alone',
  labelNames: ['status_class'],
  registers: [metricsRegistry],
});
const notModified = new Counter({
  name: 'govwatch_not_modified_total',
  help: '304 Not Modified answers to conditional requests',
  registers: [metricsRegistry],
});
const fetchedBytes = new Counter({
  name: 'govwatch_fetched_bytes_total',
  help: 'Response body bytes received',
  registers: [metricsRegistry],
});
const fetchDuration = new Histogram({
  name: 'govwatch_fetch_duration_seconds',
  help: 'Time from sending a request to the end of its body (after the host limiter let it go)',
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  registers: [metricsRegistry],
});
const hostLimiterWait = new Histogram({
  name: 'govwatch_host_limiter_wait_seconds',
  help: 'Time a request waited for its host slot and send time (per-host politeness)',
  buckets: [0, 0.01, 0.1, 0.5, 1, 2, 5, 10, 30, 60],
  registers: [metricsRegistry],
});
const jobDuration = new Histogram({
  name: 'govwatch_job_duration_seconds',
  help: 'Job processing time per queue and result (completed, failed)',
  labelNames: ['queue', 'result'],
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600, 3600],
  registers: [metricsRegistry],
});
const jobsFailed = new Counter({
  name: 'govwatch_jobs_failed_total',
  help: 'Failed job attempts per queue and reason (the error class: HttpStatusError, UnrecoverableError, …)',
  labelNames: ['queue', 'reason'],
  registers: [metricsRegistry],
});
const storeOutcomes = new Counter({
  name: 'govwatch_store_outcomes_total',
  help: 'Pages stored, by outcome: created, updated, unchanged, duplicate (near-duplicate merged), notReport, failed',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});
const reportEvents = new Counter({
  name: 'govwatch_report_events_total',
  help: 'Reports created, updated and removed (outbox events relayed)',
  labelNames: ['type'],
  registers: [metricsRegistry],
});
const webhookDeliveries = new Counter({
  name: 'govwatch_webhook_deliveries_total',
  help: 'Webhook delivery attempts by outcome: delivered, retrying, dead',
  labelNames: ['outcome'],
  registers: [metricsRegistry],
});
const searchIndexed = new Counter({
  name: 'govwatch_search_indexed_total',
  help: 'Report texts copied into the search index by this process (the search indexer of store workers)',
  registers: [metricsRegistry],
});
const searchPending = new Gauge({
  name: 'govwatch_search_pending_reports',
  help: 'Reports whose current text is not in the search index yet, as the last indexer batch of this process left them',
  registers: [metricsRegistry],
});
type QueueDepth = Array<{ queue: string; state: string; jobs: number }>;
let queueDepthSource: (() => Promise<QueueDepth>) | null = null;

/** Where the queue-depth gauge reads from at scrape time (set by the process that serves metrics). */
export function setQueueDepthSource(source: () => Promise<QueueDepth>): void {
  queueDepthSource = source;
}

new Gauge({
  name: 'govwatch_queue_jobs',
  help: 'Jobs per queue and state (waiting, active, delayed, failed), read from Redis at scrape time',
  labelNames: ['queue', 'state'],
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const d of (await queueDepthSource?.()) ?? []) this.set({ queue: d.queue, state: d.state }, d.jobs);
  },
});

const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;

/** Hooks called by the code that does the work. */
export const metrics = {
  fetched(status: number, bytes: number, seconds: number): void {
    pagesFetched.inc({ status_class: statusClass(status) });
    if (status === 304) notModified.inc();
    fetchedBytes.inc(bytes);
    fetchDuration.observe(seconds);
  },
  hostWaited(seconds: number): void {
    hostLimiterWait.observe(seconds);
  },
  jobFinished(queue: string, result: 'completed' | 'failed', seconds: number | null, reason?: string): void {
    if (seconds !== null && seconds >= 0) jobDuration.observe({ queue, result }, seconds);
    if (result === 'failed') jobsFailed.inc({ queue, reason: reason ?? 'Error' });
  },
  stored(outcome: string): void {
    storeOutcomes.inc({ outcome });
  },
  reportEvent(type: string): void {
    reportEvents.inc({ type: type.replace(/^report\./, '') });
  },
  webhookDelivery(outcome: string): void {
    webhookDeliveries.inc({ outcome });
  },
  searchIndexed(indexed: number, pending: number): void {
    searchIndexed.inc(indexed);
    searchPending.set(pending);
  },
};
