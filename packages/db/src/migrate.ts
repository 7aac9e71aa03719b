// Apply pending migrations with Prisma's own CLI (WebAssembly engine; see prisma.config.ts).
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export async function migrateDeploy(databaseUrl: string): Promise<string> {
  const prismaCli = createRequire(`${repoRoot}package.json`).resolve('prisma/build/index.js');
  const { stdout } = await run(process.execPath, [prismaCli, 'migrate', 'deploy'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return stdout;
}
