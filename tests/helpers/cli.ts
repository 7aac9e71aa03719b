// Run the govwatch CLI as a user would (`pnpm -s govwatch …` runs this same entry under tsx).
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsxCli = createRequire(`${repoRoot}package.json`).resolve('tsx/cli');

export type CliResult = { code: number; stdout: string; stderr: string };

export function runCli(args: string[], env: Record<string, string>, timeoutMs = 180_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsxCli, 'services/cli/src/main.ts', ...args],
      { cwd: repoRoot, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
