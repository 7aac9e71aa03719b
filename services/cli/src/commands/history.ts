// `govwatch history REPORT` and `govwatch diff REPORT [A B] [--word]`: REPORT is an id or any URL the report was seen at.
import {
  diffVersions,
  NotFoundError,
  type PrismaClient,
  reportHistory,
  resolveReportRef,
  versionPair,
} from '@govwatch/db';
import { type Context, out } from '../context.ts';
import { colourStyle, plainStyle, wordDiff } from './word-diff.ts';

async function reportIdOf(prisma: PrismaClient, ref: string): Promise<string> {
  const id = await resolveReportRef(prisma, ref);
  if (!id)
    throw new Error(`no report ${ref}${/^https?:/i.test(ref) ? ' (no stored report was seen at that URL)' : ''}`);
  return id;
}

export async function historyCommand(ctx: Context, ref: string, opts: { json?: boolean }) {
  const rt = await ctx.database();
  try {
    const reportId = await reportIdOf(rt.db.prisma, ref);
    const h = await reportHistory(rt.db.prisma, reportId);
    if (!h) throw new Error(`no report ${ref}`);
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

export async function diffCommand(
  ctx: Context,
  ref: string,
  a: string | undefined,
  b: string | undefined,
  opts: { word?: boolean } = {},
) {
  const from = versionArg('A', a);
  const to = versionArg('B', b);
  const rt = await ctx.database();
  try {
    const reportId = await reportIdOf(rt.db.prisma, ref);
    let patch: string;
    if (opts.word) {
      const { older, newer } = await versionPair(rt.db.prisma, reportId, from, to);
      const header = `${reportId}: ${older.label} → ${newer.label}\n`;
      patch = header + wordDiff(older.text, newer.text, process.stdout.isTTY ? colourStyle : plainStyle);
    } else {
      patch = await diffVersions(rt.db.prisma, reportId, from, to);
    }
    await new Promise<void>((resolve) => process.stdout.write(patch, () => resolve()));
  } catch (err) {
    if (err instanceof NotFoundError) throw new Error(err.message);
    throw err;
  } finally {
    await rt.close();
  }
}
