import { exportReports } from '@govwatch/db';
import { type Context, out } from '../context.ts';

export async function exportCommand(ctx: Context, opts: { since?: string }) {
  let since: Date | undefined;
  if (opts.since) {
    since = new Date(opts.since);
    if (Number.isNaN(since.getTime())) throw new Error(`--since: not an ISO date: ${opts.since}`);
  }
  const rt = await ctx.runtime();
  for await (const row of exportReports(rt.db.prisma, { since })) await out(JSON.stringify(row));
  await rt.close();
}
