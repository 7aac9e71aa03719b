// Crawls, runs, sites, the outbox and the probes: GET /health, /ready, /sites, /runs, /runs/:id,
// /events; POST /sites/:id/crawl, /events/redeliver.
import { eventsAfter, listRuns, runSummary } from '@govwatch/db';
import { redeliverDeadWebhooks, requestCrawl } from '@govwatch/pipeline';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.ts';
import { errorBody, errorSchema, notFound } from '../errors.ts';

const run = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    siteId: { type: 'string' },
    trigger: { type: 'string' },
    status: { type: 'string' },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
    error: { type: ['string', 'null'] },
    pagesQueued: { type: 'integer' },
    pagesSettled: { type: 'integer' },
    outcomes: { type: 'object', additionalProperties: { type: 'integer' } },
    stats: { type: 'object', additionalProperties: true },
  },
} as const;

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

/** Whether Redis and PostgreSQL answer within 2 s each. */
export async function readiness(ctx: ApiContext): Promise<{ redis: boolean; postgres: boolean }> {
  const [redis, postgres] = await Promise.allSettled([
    withTimeout(ctx.rt.redis.ping(), 2000),
    withTimeout(ctx.rt.db.prisma.$queryRaw`SELECT 1`, 2000),
  ]);
  return { redis: redis.status === 'fulfilled', postgres: postgres.status === 'fulfilled' };
}

export function operationRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get(
    '/health',
    {
      config: { access: 'open' },
      schema: {
        tags: ['probes'],
        summary: 'Liveness: the process answers',
        response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } } },
      },
    },
    async () => ({ ok: true }),
  );

  app.get(
    '/ready',
    {
      config: { access: 'open' },
      schema: {
        tags: ['probes'],
        summary: 'Readiness: Redis and PostgreSQL answer (503 naming the one that does not)',
        response: {
          200: {
            type: 'object',
            properties: { ok: { type: 'boolean' }, redis: { type: 'string' }, postgres: { type: 'string' } },
          },
          503: {
            type: 'object',
            properties: { ...errorSchema.properties, redis: { type: 'string' }, postgres: { type: 'string' } },
          },
        },
      },
    },
    async (_req, reply) => {
      const r = await readiness(ctx);
      const state = { redis: r.redis ? 'ok' : 'down', postgres: r.postgres ? 'ok' : 'down' };
      if (r.redis && r.postgres) return { ok: true, ...state };
      const down = [r.redis ? null : 'Redis', r.postgres ? null : 'PostgreSQL'].filter(Boolean).join(' and ');
      return reply.code(503).send({ ...errorBody('not_ready', `${down} does not answer`), ...state });
    },
  );

  app.get(
    '/sites',
    {
      schema: {
        tags: ['sites'],
        summary: 'The sites of the site file',
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                name: { type: 'string' },
                render: { type: 'string' },
                schedule: { type: 'string' },
                startUrls: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    async () =>
      ctx.sites.map(({ id, name, render, schedule, startUrls }) => ({ id, name, render, schedule, startUrls })),
  );

  app.post<{ Params: { id: string } }>(
    '/sites/:id/crawl',
    {
      config: { access: 'write' },
      schema: {
        tags: ['sites'],
        summary: 'Start a crawl of one site, or join the one running: 202 with the run id either way',
        security: [{ bearer: [] }],
        params: {
          type: 'object',
          properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
          required: ['id'],
        },
        response: {
          202: { type: 'object', properties: { runId: { type: 'string' }, joined: { type: 'boolean' } } },
          401: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const site = ctx.sites.find((s) => s.id === req.params.id);
      if (!site) throw notFound(`no site ${req.params.id}`);
      return reply.code(202).send(await requestCrawl(ctx.rt, site, 'api'));
    },
  );

  app.get<{ Querystring: { site?: string; limit?: number } }>(
    '/runs',
    {
      schema: {
        tags: ['runs'],
        summary: 'Crawl runs, newest first',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            site: { type: 'string', minLength: 1, maxLength: 100 },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
          },
        },
        response: { 200: { type: 'array', items: run }, 400: errorSchema },
      },
    },
    async (req) => listRuns(ctx.rt.db.prisma, req.query.site, req.query.limit ?? 20),
  );

  app.get<{ Params: { id: string } }>(
    '/runs/:id',
    {
      schema: {
        tags: ['runs'],
        summary: 'One crawl run with its figures',
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] },
        response: { 200: run, 400: errorSchema, 404: errorSchema },
      },
    },
    async (req) =>
      (await runSummary(ctx.rt.db.prisma, req.params.id)) ?? Promise.reject(notFound(`no run ${req.params.id}`)),
  );

  app.get<{ Querystring: { after?: string; limit?: number } }>(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Outbox events after an id, oldest first: resume from `next`',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            after: {
              type: 'string',
              pattern: '^[0-9]{1,19}$',
              default: '0',
              description: 'last event id seen (0: from the start)',
            },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              events: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    type: { type: 'string' },
                    reportId: { type: 'string' },
                    payload: { type: 'object', additionalProperties: true },
                    createdAt: { type: 'string' },
                  },
                },
              },
              next: { type: 'string', description: 'pass as `after` for the events that follow' },
            },
          },
          400: errorSchema,
        },
      },
    },
    async (req) => {
      const after = req.query.after ?? '0';
      const events = await eventsAfter(ctx.rt.db.prisma, after === '0' ? null : after, req.query.limit ?? 100);
      return {
        events: events.map((e) => ({
          id: e.id,
          type: e.type,
          reportId: e.reportId,
          payload: e.payload,
          createdAt: e.createdAt.toISOString(),
        })),
        next: events.at(-1)?.id ?? after,
      };
    },
  );

  app.post(
    '/events/redeliver',
    {
      config: { access: 'write' },
      schema: {
        tags: ['events'],
        summary: 'Re-send every dead-lettered webhook delivery with a fresh set of attempts',
        security: [{ bearer: [] }],
        response: { 202: { type: 'object', properties: { requeued: { type: 'integer' } } }, 401: errorSchema },
      },
    },
    async (_req, reply) => reply.code(202).send(await redeliverDeadWebhooks(ctx.rt)),
  );
}
