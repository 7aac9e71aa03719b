// What a process that owns the schedules does first: apply migrations (when asked) and record the
// site file's sites, so runs and reports can name them.
import { migrateDeploy, upsertSites } from '@govwatch/db';
import type { Site } from '@govwatch/sites';
import type { Runtime } from './runtime.ts';

export async function migrateAndUpsertSites(rt: Runtime, sites: Site[], opts: { migrate: boolean }): Promise<void> {
  if (opts.migrate) {
    const out = await migrateDeploy(rt.config.databaseUrl);
    rt.log.info({ out: out.trim().split('\n').at(-1) }, 'migrations applied');
  }
  await upsertSites(
    rt.db.prisma,
    sites.map((s) => ({ id: s.id, name: s.name, config: s })),
  );
}
