// A newcomer with no internet sees the whole pipeline work: serve the bundled fixture site on
// 127.0.0.1, crawl it through crawl → extract → store, print what was stored.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siteReports } from '@govwatch/db';
import { startFixtureSite } from '@govwatch/fixture-site';
import { parseSites } from '@govwatch/sites';
import { type Context, out } from '../context.ts';
import { crawlAndMaybeWait } from './crawl.ts';
import { formatSummary } from './format.ts';

export async function demoCommand(ctx: Context, opts: { keep?: boolean; port?: string }) {
  const fixture = await startFixtureSite({ port: opts.port ? Number(opts.port) : 0 });
  process.stderr.write(`fixture government site serving on ${fixture.origin}\n`);
  try {
    const rt = await ctx.runtime({ migrate: true });
    const site = parseSites(fixture.siteYaml(), 'fixture sites').find((s) => s.id === 'fixture-main');
    if (!site) throw new Error('fixture site file has no fixture-main site');
    const summary = await crawlAndMaybeWait(rt, site, 'demo', true, 10 * 60_000);
    if (summary) await out(formatSummary(summary));
    const reports = await siteReports(rt.db.prisma, site.id);
    await out(`\n${reports.length} report(s) stored for ${site.id}:`);
    for (const r of reports) {
      await out(
        `- ${r.publishedAt ?? '????-??-??'}  ${r.title}  [${r.agency ?? '?'} · ${r.reportYear ?? '?'}年 · v${r.currentVersion} · ${r.text.length} chars]`,
      );
      await out(`    ${r.text.slice(0, 60).replace(/\n/g, ' ')}…`);
    }
    await rt.close();
    if (opts.keep) await keepServing(fixture.origin, fixture.siteYaml(), reports[0]?.canonicalUrl);
    else
      await out(
        '\n(the fixture site stops now; `govwatch export` prints the stored records as JSON; `demo --keep` keeps it serving)',
      );
  } finally {
    await fixture.close();
  }
}

/** Serve until Ctrl-C, with a site file and the commands to try on the fixture site by hand. */
async function keepServing(origin: string, siteYaml: string, reportUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'govwatch-demo-'));
  const file = join(dir, 'sites.yaml');
  writeFileSync(file, siteYaml);
  await out(`\nThe fixture site keeps serving on ${origin} until Ctrl-C. Its site file: ${file}`);
  await out('Try, in another terminal:');
  await out(`  pnpm -s govwatch sites --sites ${file}`);
  await out(`  pnpm -s govwatch crawl --site fixture-main --wait --sites ${file}`);
  await out(`  pnpm -s govwatch crawl --site fixture-jsonly --wait --sites ${file}    # render: browser (Chromium)`);
  if (reportUrl) {
    await out(`  pnpm -s govwatch history ${reportUrl}`);
    await out(`  pnpm -s govwatch diff ${reportUrl} --word`);
  }
  await out('  pnpm -s govwatch export | head -c 600');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
