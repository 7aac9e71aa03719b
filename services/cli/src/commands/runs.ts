import { failedPages, listRuns } from '@govwatch/db';
import { type Context, out } from '../context.ts';
import { formatSummary } from './format.ts';

export async function runsCommand(ctx: Context, opts: { site?: string; limit?: string }) {
  const rt = await ctx.database();
  const runs = await listRuns(rt.db.prisma, opts.site, Number(opts.limit ?? 20));
  if (runs.length === 0) await out('no crawl runs yet');
  for (const r of runs)
    await out(`${r.startedAt.toISOString()} ${r.trigger}\n${formatSummary(r, await failedPages(rt.db.prisma, r.id))}`);
  await rt.close();
}
