import { type Context, out } from '../context.ts';

export async function sitesCommand(ctx: Context, opts: { sites?: string }) {
  const { file, sites } = ctx.sites(opts.sites);
  await out(`${file}: ${sites.length} site(s) valid`);
  for (const s of sites) {
    await out(`${s.id}\t${s.name}\t${s.render}\t${s.schedule}\t${s.startUrls.join(' ')}`);
  }
}
