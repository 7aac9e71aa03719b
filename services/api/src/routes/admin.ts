// Operators' views: bull-board at /admin/queues (behind the write token, see guard.ts) and the
// process's Prometheus metrics at /metrics.
import { collectQueueDepth, metricsText } from '@govwatch/pipeline';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.ts';

export const QUEUE_DASHBOARD = '/admin/queues';

export async function adminRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  collectQueueDepth(ctx.rt);
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['probes'],
        summary: 'Prometheus metrics of this process (text exposition format)',
        produces: ['text/plain'],
      },
    },
    async (_req, reply) => {
      const m = await metricsText();
      return reply.type(m.contentType).send(m.body);
    },
  );

  // Loaded on use, like fastify itself: only the API process serves the dashboard.
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/fastify'),
  ]);
  const serverAdapter = new FastifyAdapter();
  const q = ctx.rt.queues;
  createBullBoard({
    queues: [q.crawl, q.extract, q.store, q.events, q.webhooks].map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'govwatch queues' } },
  });
  serverAdapter.setBasePath(QUEUE_DASHBOARD);
  await app.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD });
}
