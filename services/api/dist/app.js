// src/app.ts
import { installErrorHandlers } from "./errors.js";
import { installGuard } from "./guard.js";
import { pageRoutes } from "./pages/pages.js";
import { operationRoutes } from "./routes/operations.js";
import { reportRoutes } from "./routes/reports.js";
var BODY_LIMIT = 1024 * 1024;
async function buildApi(rt, sites) {
  const { default: Fastify } = await import("fastify");
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    // Unknown query parameters are a 400 (additionalProperties: false), not silently dropped.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true } }
  });
  const ctx = { rt, sites };
  if (!rt.config.api.token) rt.log.warn("GOVWATCH_API_TOKEN is not set: the API refuses every write (401) and the queue dashboard");
  app.removeContentTypeParser("text/plain");
  installErrorHandlers(app);
  installGuard(app, rt.config.api);
  const { default: swagger } = await import("@fastify/swagger");
  await app.register(swagger, {
    openapi: {
      info: { title: "govwatch API", version: "0.1.0", description: "Reports found on government websites, crawls, runs and events." },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } }
    }
  });
  const { default: swaggerUi } = await import("@fastify/swagger-ui");
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  reportRoutes(app, ctx);
  operationRoutes(app, ctx);
  pageRoutes(app, ctx);
  return app;
}
export {
  BODY_LIMIT,
  buildApi
};
//# sourceMappingURL=app.js.map
