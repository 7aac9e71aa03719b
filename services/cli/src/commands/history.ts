// `govwatch history REPORT_ID` and `govwatch diff REPORT_ID [A B]`.
import { diffVersions, NotFoundError, reportHistory } from '@govwatch/db';
import { type Context, out } from '../context.ts';

export async function historyCommand(ctx: Context, reportId: string, opts: { json?: boolean }) {
  const rt = await ctx.database();
  try {
    const h = await reportHistory(rt.db.prisma, reportId);
    if (!h) throw new Error(`no report ${reportId}`);
    if (opts.json) return void (await out(JSON.stringify(h)));
    await out(`report ${h.id} (${h.status}, current version ${h.currentVersion}, site ${h.siteId})`);
    await out(`  ${h.title ?? '(no title)'}`);
    for (const url of h.urls) await out(`  ${url}`);
    await out('version\tfetchedAt\tcontentHash\tchars\tcrawlRunId');
    for (const v of h.versions) {
      await out([v.version, v.fetchedAt.toISOString(), v.contentHash, v.chars, v.crawlRunId ?? '-'].join('\t'));
    }
  } finally {
    await rt.close();
  }
}

function versionArg(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/^v/i, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: not a version number: ${value}`);
  return n;
}

export async function diffCommand(ctx: Context, reportId: string, a: string | undefined, b: string | undefined) {
  const from = versionArg('A', a);
  const to = versionArg('B', b);
  const rt = await ctx.database();
  try {
    const patch = await diffVersions(rt.db.prisma, reportId, from, to);
    await new Promise<void>((resolve) => process.stdout.write(patch, () => resolve()));
  } catch (err) {
    if (err instanceof NotFoundError) throw new Error(err.message);
    throw err;
  } finally {
    await rt.close();
  }
}
