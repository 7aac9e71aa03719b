// A newcomer with no internet sees the whole pipeline work: serve the bundled fixture site on
// 127.0.0.1, crawl it through crawl → extract → store, print what was stored.
import { formatSummary, migrateDeploy, siteReports } from '@govwatch/db';
import { parseSites } from '@govwatch/sites';
import { startFixtureSite } from '@govwatch/fixture-site';
import { type Context, out } from '../context.ts';
import { crawlAndMaybeWait } from './crawl.ts';

export async function demoCommand(ctx: Context, opts: { keep?: boolean }) {
  const fixture = await startFixtureSite();
  process.stderr.write(`fixture government site serving on ${fixture.origin}\n`);
  try {
    const rt = await ctx.runtime();
    await migrateDeploy(rt.config.databaseUrl);
    const site = parseSites(fixture.siteYaml(), 'fixture sites').find((s) => s.id === 'fixture-main');
    if (!site) throw new Error('fixture site file has no fixture-main site');
    const summary = await crawlAndMaybeWait(rt, site, 'demo', true, 10 * 60_000);
    if (summary) await out(formatSummary(summary));
    const reports = await siteReports(rt.db.prisma, site.id);
    await out(`\n${reports.length} report(s) stored for ${site.id}:`);
    for (const r of reports) {
      await out(`- ${r.publishedAt ?? '????-??-??'}  ${r.title}  [${r.agency ?? '?'} · ${r.reportYear ?? '?'}年 · v${r.currentVersion} · ${r.text.length} chars]`);
      await out(`    ${r.text.slice(0, 60).replace(/\n/g, ' ')}…`);
    }
    if (!opts.keep) await out('\n(the fixture site stops now; `govwatch export` prints the stored records as JSON)');
    await rt.close();
  } finally {
    await fixture.close();
  }
}
