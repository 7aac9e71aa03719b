// Prometheus text on GOVWATCH_METRICS_PORT for a worker process, so one scraper reaches workers on
// any machine. The API serves the same registry at its own /metrics.
import { createServer, type Server } from 'node:http';
import { collectProcessMetrics, metricsRegistry, onShutdown, setQueueDepthSource } from '@govwatch/core';
import type { Runtime } from './runtime.ts';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Queue depth is read from Redis when scraped (not polled), for every queue of the catalog. */
export function collectQueueDepth(rt: Runtime): void {
  collectProcessMetrics();
  setQueueDepthSource(async () => {
    const queues = [rt.queues.crawl, rt.queues.extract, rt.queues.store, rt.queues.events, rt.queues.webhooks];
    const counts = await Promise.all(queues.map((q) => q.getJobCounts(...STATES).catch(() => null)));
    // A queue whose counts could not be read is left out, rather than reported empty.
    return queues.flatMap((q, i) => {
      const c = counts[i];
      return c ? STATES.map((state) => ({ queue: q.name, state, jobs: c[state] ?? 0 })) : [];
    });
  });
}

export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

/** Serve GET /metrics on the port; resolves once listening. */
export function startMetricsServer(rt: Runtime, port: number, host = '0.0.0.0'): Promise<Server> {
  collectQueueDepth(rt);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: GET /metrics\n');
      return;
    }
    metricsText().then(
      (m) => res.writeHead(200, { 'content-type': m.contentType }).end(m.body),
      (err: Error) => {
        rt.log.warn({ err: err.message }, 'metrics collection failed');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics collection failed\n');
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      rt.log.info({ port, host }, 'metrics listening');
      resolve(server);
    });
  });
}

/** A worker process's metrics endpoint, when GOVWATCH_METRICS_PORT is set; closed at shutdown. */
export async function serveMetricsWhenConfigured(rt: Runtime): Promise<void> {
  if (rt.config.metricsPort === undefined) return;
  const server = await startMetricsServer(rt, rt.config.metricsPort, rt.config.metricsHost);
  onShutdown('metrics server', () => new Promise<void>((resolve) => server.close(() => resolve())));
}
