// HTTP API: on-demand crawls and read access to runs and reports, for other systems.
import { exportReports, listRuns, runSummary } from '@govwatch/db';
import type { Site } from '@govwatch/sites';
import type { FastifyInstance } from 'fastify';
import { requestCrawl, type Runtime } from '@govwatch/pipeline';

export async function buildApi(rt: Runtime, sites: Site[]): Promise<FastifyInstance> {
  // Loaded here, not with the package: `govwatch crawl` and the workers never serve HTTP.
  const { default: Fastify } = await import('fastify');
  const app = Fastify({ logger: false });
  const byId = new Map(sites.map((s) => [s.id, s]));

  app.get('/health', async () => ({ ok: true }));
  app.get('/sites', async () => sites.map(({ id, name, render, schedule, startUrls }) => ({ id, name, render, schedule, startUrls })));

  /** Start a crawl of one site, or join the one running: 202 with the run id either way. */
  app.post<{ Params: { id: string } }>('/sites/:id/crawl', async (req, reply) => {
    const site = byId.get(req.params.id);
    if (!site) return reply.code(404).send({ error: `no site ${req.params.id}` });
    const run = await requestCrawl(rt, site, 'api');
    return reply.code(202).send(run);
  });

  app.get<{ Querystring: { site?: string; limit?: string } }>('/runs', async (req) =>
    listRuns(rt.db.prisma, req.query.site, Math.min(Number(req.query.limit ?? 20), 200)),
  );
  app.get<{ Params: { id: string } }>('/runs/:id', async (req, reply) => {
    const run = await runSummary(rt.db.prisma, req.params.id);
    return run ?? reply.code(404).send({ error: 'no such run' });
  });

  /** Reports as NDJSON, like `govwatch export`. */
  app.get<{ Querystring: { since?: string } }>('/reports', async (req, reply) => {
    const since = req.query.since ? new Date(req.query.since) : undefined;
    if (since && Number.isNaN(since.getTime())) return reply.code(400).send({ error: 'since: not an ISO date' });
    const lines: string[] = [];
    for await (const row of exportReports(rt.db.prisma, { since })) lines.push(JSON.stringify(row));
    return reply.type('application/x-ndjson').send(lines.join('\n') + (lines.length ? '\n' : ''));
  });
  return app;
}
