import { reextract } from '@govwatch/pipeline';
import { type Context, out } from '../context.ts';
import { formatReextract } from './format.ts';

export async function reextractCommand(ctx: Context, opts: { site?: string }) {
  const rt = await ctx.runtime();
  try {
    const summaries = await reextract(rt.db.prisma, { siteId: opts.site, log: ctx.log });
    if (summaries.length === 0) await out('no archived snapshots to re-extract');
    for (const s of summaries) await out(formatReextract(s));
    if (summaries.length > 1) {
      const sum = (k: 'pages' | 'changed' | 'unchanged' | 'failed') => summaries.reduce((n, s) => n + s[k], 0);
      await out(
        `total: pages ${sum('pages')}, changed ${sum('changed')}, unchanged ${sum('unchanged')}, failed ${sum('failed')}`,
      );
    }
  } finally {
    await rt.close();
  }
}
