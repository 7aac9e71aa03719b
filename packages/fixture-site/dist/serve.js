// src/serve.ts
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startFixtureSite } from "./index.js";
var { values } = parseArgs({
  options: {
    port: { type: "string", default: "18080" },
    host: { type: "string", default: "127.0.0.1" },
    reports: { type: "string" },
    news: { type: "string" },
    "page-size": { type: "string" },
    latency: { type: "string" },
    "sites-yaml": { type: "string" }
  }
});
var num = (v) => v === void 0 ? void 0 : Number(v);
var site = await startFixtureSite({
  port: Number(values.port),
  host: values.host,
  reportCount: num(values.reports),
  newsCount: num(values.news),
  pageSize: num(values["page-size"]),
  latencyMs: num(values.latency)
});
if (values["sites-yaml"]) writeFileSync(values["sites-yaml"], site.siteYaml());
console.log(site.origin);
var stop = () => {
  void site.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
//# sourceMappingURL=serve.js.map
