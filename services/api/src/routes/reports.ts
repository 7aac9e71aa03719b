// GET /reports (filters, search, keyset pages; NDJSON streamed on request), /reports/:id,
// /reports/:id/versions/:n, /reports/:id/diff.
import { Readable } from 'node:stream';
import { BadCursorError, type ReportFilter, reportDetail, reportVersion, searchReports } from '@govwatch/db';
import { diffLines } from 'diff';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.ts';
import { ApiError, errorSchema, notFound } from '../errors.ts';

export const reportsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    site: { type: 'string', minLength: 1, maxLength: 100, description: 'site id' },
    agency: { type: 'string', minLength: 1, maxLength: 200, description: 'issuing body, exactly as stored' },
    reportYear: { type: 'integer', minimum: 1949, maximum: 2100 },
    since: {
      type: 'string',
      format: 'date-time',
      description: 'only reports changed at or after this instant (ISO 8601)',
    },
    q: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'substring of the title or the text (Chinese works: 复议)',
    },
    order: { type: 'string', enum: ['desc', 'asc'], default: 'desc', description: 'by last change' },
    cursor: { type: 'string', maxLength: 200, description: 'nextCursor of the previous page' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
} as const;

export type ReportsQuery = {
  site?: string;
  agency?: string;
  reportYear?: number;
  since?: string;
  q?: string;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
};

const item = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    siteId: { type: 'string' },
    url: { type: 'string' },
    title: { type: ['string', 'null'] },
    agency: { type: ['string', 'null'] },
    reportYear: { type: ['integer', 'null'] },
    publishedAt: { type: ['string', 'null'] },
    source: { type: ['string', 'null'] },
    version: { type: 'integer' },
    status: { type: 'string' },
    firstSeenAt: { type: 'string' },
    updatedAt: { type: 'string' },
    chars: { type: 'integer' },
  },
} as const;

const section = { type: 'object', properties: { level: { type: 'integer' }, heading: { type: 'string' } } } as const;
const attachment = { type: 'object', properties: { url: { type: 'string' }, name: { type: 'string' } } } as const;
const versionDetail = {
  type: 'object',
  properties: {
    version: { type: 'integer' },
    contentHash: { type: 'string' },
    fetchedAt: { type: 'string' },
    crawlRunId: { type: ['string', 'null'] },
    title: { type: ['string', 'null'] },
    publishedAt: { type: ['string', 'null'] },
    agency: { type: ['string', 'null'] },
    reportYear: { type: ['integer', 'null'] },
    text: { type: 'string' },
    sections: { type: 'array', items: section },
    attachments: { type: 'array', items: attachment },
  },
} as const;

const idParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
  required: ['id'],
} as const;

export function toFilter(q: ReportsQuery): ReportFilter {
  return {
    siteId: q.site,
    agency: q.agency,
    reportYear: q.reportYear,
    since: q.since ? new Date(q.since) : undefined,
    q: q.q?.trim() || undefined,
    order: q.order,
    cursor: q.cursor,
    limit: q.limit ?? 50,
  };
}

/** A page of reports; a cursor we did not give out is the caller's error, not ours. */
export async function reportsPage(ctx: ApiContext, filter: ReportFilter) {
  try {
    return await searchReports(ctx.rt.db.prisma, filter);
  } catch (err) {
    if (err instanceof BadCursorError) throw new ApiError(400, 'bad_request', err.message);
    throw err;
  }
}

/** Every matching report, page by page, one JSON line each: memory stays flat however many match. */
async function* ndjson(ctx: ApiContext, filter: ReportFilter): AsyncIterable<string> {
  let cursor = filter.cursor;
  for (;;) {
    const page = await reportsPage(ctx, { ...filter, cursor, limit: 200 });
    for (const r of page.items) yield `${JSON.stringify(r)}\n`;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

export type DiffLine = { op: 'same' | 'add' | 'del'; text: string };

/** Line diff of two texts (paragraphs are lines), as the page and the API show it. */
export function lineDiff(from: string, to: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const part of diffLines(from.endsWith('\n') ? from : `${from}\n`, to.endsWith('\n') ? to : `${to}\n`)) {
    const op = part.added ? 'add' : part.removed ? 'del' : 'same';
    for (const line of part.value.replace(/\n$/, '').split('\n')) out.push({ op, text: line });
  }
  return out;
}

export async function versionDiff(ctx: ApiContext, id: string, from?: number, to?: number) {
  const report = await reportDetail(ctx.rt.db.prisma, id);
  if (!report) throw notFound(`no report ${id}`);
  const b = to ?? report.version;
  const a = from ?? Math.max(1, b - 1);
  const [older, newer] = await Promise.all([
    reportVersion(ctx.rt.db.prisma, id, a),
    reportVersion(ctx.rt.db.prisma, id, b),
  ]);
  if (!older) throw notFound(`report ${id} has no version ${a}`);
  if (!newer) throw notFound(`report ${id} has no version ${b}`);
  const lines = lineDiff(older.text, newer.text);
  return {
    report,
    from: a,
    to: b,
    added: lines.filter((l) => l.op === 'add').length,
    removed: lines.filter((l) => l.op === 'del').length,
    lines,
  };
}

export function reportRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Querystring: ReportsQuery }>(
    '/reports',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Stored reports, newest change first; JSON pages, or every match as NDJSON with Accept: application/x-ndjson',
        querystring: reportsQuery,
        response: {
          200: {
            type: 'object',
            properties: { items: { type: 'array', items: item }, nextCursor: { type: ['string', 'null'] } },
          },
          400: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const filter = toFilter(req.query);
      if ((req.headers.accept ?? '').includes('application/x-ndjson')) {
        // Validate the cursor before the 200 goes out: a stream cannot turn into a 400 later.
        if (filter.cursor) await reportsPage(ctx, { ...filter, limit: 1 });
        return reply.type('application/x-ndjson').send(Readable.from(ndjson(ctx, filter)));
      }
      return reportsPage(ctx, filter);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/reports/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'One report: its record (current version), versions, aliases and attachments',
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              ...item.properties,
              duplicateOfId: { type: ['string', 'null'] },
              aliases: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    url: { type: 'string' },
                    kind: { type: 'string' },
                    firstSeenAt: { type: 'string' },
                    lastSeenAt: { type: 'string' },
                  },
                },
              },
              versions: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    version: { type: 'integer' },
                    contentHash: { type: 'string' },
                    fetchedAt: { type: 'string' },
                    chars: { type: 'integer' },
                    crawlRunId: { type: ['string', 'null'] },
                  },
                },
              },
              current: versionDetail,
            },
          },
          404: errorSchema,
        },
      },
    },
    async (req) =>
      (await reportDetail(ctx.rt.db.prisma, req.params.id)) ?? Promise.reject(notFound(`no report ${req.params.id}`)),
  );

  app.get<{ Params: { id: string; n: number } }>(
    '/reports/:id/versions/:n',
    {
      schema: {
        tags: ['reports'],
        summary: 'One version of a report in full',
        params: {
          type: 'object',
          properties: { ...idParams.properties, n: { type: 'integer', minimum: 1 } },
          required: ['id', 'n'],
        },
        response: { 200: versionDetail, 404: errorSchema },
      },
    },
    async (req) =>
      (await reportVersion(ctx.rt.db.prisma, req.params.id, req.params.n)) ??
      Promise.reject(notFound(`report ${req.params.id} has no version ${req.params.n}`)),
  );

  app.get<{ Params: { id: string }; Querystring: { from?: number; to?: number } }>(
    '/reports/:id/diff',
    {
      schema: {
        tags: ['reports'],
        summary: 'Line diff between two versions (default: the one before the current, and the current)',
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              from: { type: 'integer' },
              to: { type: 'integer' },
              added: { type: 'integer' },
              removed: { type: 'integer' },
              lines: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { op: { type: 'string', enum: ['same', 'add', 'del'] }, text: { type: 'string' } },
                },
              },
            },
          },
          404: errorSchema,
        },
      },
    },
    async (req) => {
      const d = await versionDiff(ctx, req.params.id, req.query.from, req.query.to);
      return { id: d.report.id, from: d.from, to: d.to, added: d.added, removed: d.removed, lines: d.lines };
    },
  );
}
