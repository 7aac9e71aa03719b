// Serve the fixture government site until interrupted:
//   pnpm --filter @govwatch/fixture-site serve [--port 18080] [--host 127.0.0.1] [--reports 500] [--news 4] [--page-size 10] [--latency 0] [--sites-yaml PATH]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startFixtureSite } from './index.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '18080' },
    host: { type: 'string', default: '127.0.0.1' },
    reports: { type: 'string' },
    news: { type: 'string' },
    'page-size': { type: 'string' },
    latency: { type: 'string' },
    'sites-yaml': { type: 'string' },
  },
});
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));

const site = await startFixtureSite({
  port: Number(values.port),
  host: values.host,
  reportCount: num(values.reports),
  newsCount: num(values.news),
  pageSize: num(values['page-size']),
  latencyMs: num(values.latency),
});
if (values['sites-yaml']) writeFileSync(values['sites-yaml'], site.siteYaml());
console.log(site.origin);
const stop = () => {
  void site.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
