// src/http-api.ts
import { exportReports, listRuns, runSummary } from "@govwatch/db";
import { requestCrawl } from "./run-crawl.js";
async function buildApi(rt, sites) {
  const { default: Fastify } = await import("fastify");
  const app = Fastify({ logger: false });
  const byId = new Map(sites.map((s) => [s.id, s]));
  app.get("/health", async () => ({ ok: true }));
  app.get("/sites", async () => sites.map(({ id, name, render, schedule, startUrls }) => ({ id, name, render, schedule, startUrls })));
  app.post("/sites/:id/crawl", async (req, reply) => {
    const site = byId.get(req.params.id);
    if (!site) return reply.code(404).send({ error: `no site ${req.params.id}` });
    const run = await requestCrawl(rt, site, "api");
    return reply.code(202).send(run);
  });
  app.get(
    "/runs",
    async (req) => listRuns(rt.db.prisma, req.query.site, Math.min(Number(req.query.limit ?? 20), 200))
  );
  app.get("/runs/:id", async (req, reply) => {
    const run = await runSummary(rt.db.prisma, req.params.id);
    return run ?? reply.code(404).send({ error: "no such run" });
  });
  app.get("/reports", async (req, reply) => {
    const since = req.query.since ? new Date(req.query.since) : void 0;
    if (since && Number.isNaN(since.getTime())) return reply.code(400).send({ error: "since: not an ISO date" });
    const lines = [];
    for await (const row of exportReports(rt.db.prisma, { since })) lines.push(JSON.stringify(row));
    return reply.type("application/x-ndjson").send(lines.join("\n") + (lines.length ? "\n" : ""));
  });
  return app;
}
export {
  buildApi
};
//# sourceMappingURL=http-api.js.map
