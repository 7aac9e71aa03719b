// The HTTP app: JSON API (a schema on every route, OpenAPI at /openapi.json, docs at /docs), the
// reports pages, and the operator's views. Routes live in routes/ by subject; pages in pages/.
import type { Runtime } from '@govwatch/pipeline';
import type { Site } from '@govwatch/sites';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './context.ts';
import { installErrorHandlers } from './errors.ts';
import { installGuard } from './guard.ts';
import { pageRoutes } from './pages/pages.ts';
import { adminRoutes } from './routes/admin.ts';
import { operationRoutes } from './routes/operations.ts';
import { reportRoutes } from './routes/reports.ts';
import { watchRoutes } from './routes/watch.ts';

export type { ApiContext };

export const BODY_LIMIT = 1024 * 1024;

export async function buildApi(rt: Runtime, sites: Site[]): Promise<FastifyInstance> {
  // Loaded here, not with the package: `govwatch crawl` and the workers never serve HTTP.
  const { default: Fastify } = await import('fastify');
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    // Unknown query parameters are a 400 (additionalProperties: false), not silently dropped.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });
  const ctx: ApiContext = { rt, sites };
  if (!rt.config.api.token)
    rt.log.warn('GOVWATCH_API_TOKEN is not set: the API refuses every write (401) and the queue dashboard');

  // Writes take no body or JSON; a form or text/plain body (what a cross-site form can send) is 415.
  app.removeContentTypeParser('text/plain');
  installErrorHandlers(app);
  installGuard(app, rt.config.api);

  const { default: swagger } = await import('@fastify/swagger');
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'govwatch API',
        version: '0.1.0',
        description: 'Reports found on government websites, crawls, runs and events.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  const { default: swaggerUi } = await import('@fastify/swagger-ui');
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  reportRoutes(app, ctx);
  operationRoutes(app, ctx);
  pageRoutes(app, ctx);
  await adminRoutes(app, ctx);
  watchRoutes(app, ctx);
  return app;
}
