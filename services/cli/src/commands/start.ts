import { buildApi, serve, stages, type StageName } from '@govwatch/pipeline';
import type { Context } from '../context.ts';

export async function startCommand(ctx: Context, opts: { sites?: string; migrate: boolean; api: boolean; port?: string }) {
  const { sites } = ctx.sites(opts.sites);
  const rt = await ctx.runtime({ migrate: opts.migrate });
  const app = opts.api ? await buildApi(rt, sites) : null;
  await serve(rt, { stages, sites, relay: true, extraClosers: app ? [() => app.close()] : [] });
  if (app) {
    const address = await app.listen({ port: Number(opts.port ?? rt.config.apiPort), host: '127.0.0.1' });
    rt.log.info({ address }, 'api listening');
  }
}

export async function workerCommand(ctx: Context, kind: string) {
  if (!(stages as string[]).includes(kind)) throw new Error(`unknown worker kind ${kind} (crawl | extract | store)`);
  const rt = await ctx.runtime();
  // The store worker also relays the outbox: it is the one stage that writes events.
  await serve(rt, { stages: [kind as StageName], relay: kind === 'store' });
}
