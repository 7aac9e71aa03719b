// src/sites-setup.ts
import { migrateDeploy, upsertSites } from "@govwatch/db";
async function migrateAndUpsertSites(rt, sites, opts) {
  if (opts.migrate) {
    const out = await migrateDeploy(rt.config.databaseUrl);
    rt.log.info({ out: out.trim().split("\n").at(-1) }, "migrations applied");
  }
  await upsertSites(rt.db.prisma, sites.map((s) => ({ id: s.id, name: s.name, config: s })));
}
export {
  migrateAndUpsertSites
};
//# sourceMappingURL=sites-setup.js.map
