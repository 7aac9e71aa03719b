// The publication watch over HTTP: GET /watch (which agencies have published their report on a
// year, on time or late, or are missing) and GET /watch/compare (two years of one agency's reports,
// part by part); the same data as `govwatch watch` and `govwatch compare`.
import { AmbiguousAgencyError, compareAgencyYears, NotFoundError, watchTable } from '@govwatch/db';
import { latestDueYear } from '@govwatch/watch';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.ts';
import { errorBody } from '../errors.ts';

export type WatchQueryString = { year?: number; site?: string; at?: string };

export const watchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    year: {
      type: 'integer',
      minimum: 2000,
      maximum: 2100,
      description: 'report year (default: the latest whose deadline has passed)',
    },
    site: { type: 'string', description: 'only the agencies this site publishes for' },
    at: {
      type: 'string',
      format: 'date',
      description: 'judge as of the end of this day (Asia/Shanghai; default: now)',
    },
  },
} as const;

/** The end of a day in Shanghai: "as of 2024-04-02" includes all of it. */
const endOfDay = (day: string) => new Date(`${day}T23:59:59+08:00`);

export async function watchFor(ctx: ApiContext, q: WatchQueryString) {
  const now = q.at ? endOfDay(q.at) : new Date();
  return watchTable(ctx.rt.db.prisma, { year: q.year ?? latestDueYear(now), siteId: q.site, now });
}

export function watchRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Querystring: WatchQueryString }>(
    '/watch',
    {
      schema: {
        tags: ['watch'],
        summary: 'Per agency: its report on a year, on time or late, or missing (and overdue); totals',
        querystring: watchQuery,
      },
    },
    async (req) => watchFor(ctx, req.query),
  );

  app.get<{ Querystring: { agency: string; from: number; to: number } }>(
    '/watch/compare',
    {
      schema: {
        tags: ['watch'],
        summary: "An agency's reports of two years, part by part: new, dropped and repeated sentences",
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['agency', 'from', 'to'],
          properties: {
            agency: { type: 'string', minLength: 1, description: 'name, alias or id' },
            from: { type: 'integer', minimum: 2000, maximum: 2100 },
            to: { type: 'integer', minimum: 2000, maximum: 2100 },
          },
        },
      },
    },
    async (req, reply) => {
      try {
        return await compareAgencyYears(ctx.rt.db.prisma, req.query.agency, [req.query.from, req.query.to]);
      } catch (err) {
        // An unknown agency, or no report of one of the years: 404; a name several agencies answer to: 400.
        if (err instanceof NotFoundError) return reply.code(404).send(errorBody('not_found', err.message));
        if (err instanceof AmbiguousAgencyError)
          return reply.code(400).send(errorBody('ambiguous_agency', err.message));
        throw err;
      }
    },
  );
}
