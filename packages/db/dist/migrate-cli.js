// src/migrate-cli.ts
import { loadConfig } from "@govwatch/core";
import { migrateDeploy } from "./migrate.js";
var { databaseUrl } = loadConfig();
try {
  const out = await migrateDeploy(databaseUrl);
  process.stdout.write(out);
} catch (err) {
  process.stderr.write(`db:migrate: ${err.message}
`);
  process.exit(1);
}
//# sourceMappingURL=migrate-cli.js.map
