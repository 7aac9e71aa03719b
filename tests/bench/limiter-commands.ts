// Redis cost of the host limiter alone, as the pipeline bench measures it (its 'host limiter,
// Redis commands per request' row: 200 hosts, two callers each, 6 requests per host at 2/s, 2 ms
// requests), without the rest of that bench; then the same with requests outlasting their slot's
// TTL, which the limiter renews while they run. Private redis-server (INFO commandstats).
//   pnpm exec tsx --conditions=source tests/bench/limiter-commands.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { limiterCost, startRedis } from './pipeline-bench.ts';

const hosts = Number(process.env.BENCH_HOSTS ?? 200);
const server = await startRedis(mkdtempSync(join(tmpdir(), 'govwatch-limiter-')));
try {
  console.log(`redis: ${server.label}`);
  const show = (label: string, r: Awaited<ReturnType<typeof limiterCost>>) =>
    console.log(
      `${label}: ${r.requests} requests, ${r.commandsPerRequest.toFixed(1)} Redis commands and ${r.roundTripsPerRequest.toFixed(2)} round trips per request, ${r.ms} ms`,
    );
  show('bench shape (2 ms requests)', await limiterCost(server.url, hosts, 6, 2));
  // Each request 2.5 s with a 1.5 s TTL: every slot renewed about four times while its request runs.
  show(
    '2.5 s requests, slot TTL 1.5 s',
    await limiterCost(server.url, hosts, 4, 2, { requestMs: 2500, slotTtlMs: 1500 }),
  );
} finally {
  await server.stop();
}
