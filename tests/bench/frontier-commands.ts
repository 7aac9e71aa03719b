// Redis cost of the crawl frontier (issue 16, counted as issue 13 counts it): one crawl of the
// fixture site's main section (FRONTIER_REPORTS reports, default 300) through the real crawler,
// against a private redis-server whose MONITOR feed is counted. Prints pages fetched, Redis round
// trips and commands (those run inside Lua scripts included) per page, all and the frontier's
// alone (its keys), and this process's peak RSS.
//   pnpm exec tsx --conditions=source tests/bench/frontier-commands.ts
// (It runs on the code before the frontier too, for comparison: no Frontier there, nothing to pass.)
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createLogger } from '@govwatch/core';
import { startFixtureSite } from '@govwatch/fixture-site';
import * as pipeline from '@govwatch/pipeline';
import { parseSites } from '@govwatch/sites';
import { Redis } from 'ioredis';

const REPORTS = Number(process.env.FRONTIER_REPORTS ?? 300);
const port = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => resolve(p));
  });
});
const server: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', ''], {
  stdio: 'ignore',
});
for (let i = 0; i < 100; i++) {
  try {
    if (
      execFileSync('redis-cli', ['-p', String(port), 'ping'])
        .toString()
        .includes('PONG')
    )
      break;
  } catch {}
  await new Promise((r) => setTimeout(r, 50));
}
const url = `redis://127.0.0.1:${port}`;
const fixture = await startFixtureSite({ reportCount: REPORTS });
const site = parseSites(
  fixture.siteYaml({
    only: ['fixture-main'],
    defaults: { requestsPerSecond: 1000, maxPages: 10_000, maxConcurrency: 8 },
  }),
  'bench',
)[0];
if (!site) throw new Error('no fixture-main');

// Every command the server runs: from a client (a round trip) or from a script ("lua").
const monitor = await new Redis(url).monitor();
const count = { trips: 0, commands: 0, frontierTrips: 0, frontierCommands: 0 };
monitor.on('monitor', (_time: string, args: string[], source: string) => {
  const fromScript = source.includes('lua');
  const frontier = args.some((a) => a.includes(':frontier:'));
  const name = (args[0] ?? '').toLowerCase();
  const script = name === 'evalsha' || name === 'eval';
  if (!fromScript) count.trips++;
  if (!fromScript && frontier) count.frontierTrips++;
  if (!script && name !== 'multi' && name !== 'exec') {
    count.commands++;
    if (frontier) count.frontierCommands++;
  }
});
await new Promise((r) => setTimeout(r, 200));

const redis = new Redis(url);
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const { crawlSite, createFetcher } = pipeline;
const { Frontier } = pipeline as Partial<typeof pipeline>;
const frontier = Frontier ? new Frontier(redis, 'bench', 'frontier-commands') : null;
let handedOn = 0;
const started = performance.now();
const stats = await crawlSite(site, {
  ...({} as { run: pipeline.RunFrontier }), // (typed for the code with a frontier)
  log: createLogger('silent'),
  fetcher: createFetcher(redis, 'bench', { userAgent: 'govwatch-bench', allowPrivateNetwork: true }),
  chromiumPath: '/usr/bin/chromium',
  ...(frontier ? { run: { frontier, shard: 1, leaseMs: 60_000 } } : {}),
  pageState: () => undefined,
  onPage: async () => {
    handedOn++;
  },
  onBlocked: async () => undefined,
});
const ms = performance.now() - started;
await new Promise((r) => setTimeout(r, 300)); // the last MONITOR lines
clearInterval(sampler);
const pages = stats?.pagesFetched ?? 0;
const per = (n: number) => (n / Math.max(1, pages)).toFixed(2);
console.log(
  `${pages} pages fetched (${stats?.listPagesFetched} lists, ${handedOn} handed on) in ${Math.round(ms)} ms; ` +
    `Redis per page: ${per(count.trips)} round trips, ${per(count.commands)} commands (scripts' included); ` +
    `the frontier's: ${per(count.frontierTrips)} round trips, ${per(count.frontierCommands)} commands; ` +
    `peak RSS ${Math.round(peak / 2 ** 20)} MB`,
);
await frontier?.handOff(); // as the crawl worker does once its crawlFinished job is queued
const left = await redis.keys('bench:frontier:*');
console.log(`frontier keys left after the hand-off: ${left.length} (a marker that expires in a day)`);
await frontier?.drop();
monitor.disconnect();
redis.disconnect();
await fixture.close();
server.kill('SIGKILL');
process.exit(0);
