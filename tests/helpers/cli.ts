// Run the govwatch CLI as a user would: `pnpm -s govwatch …` runs this same command.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The arguments after `node` that run the CLI (cwd: repoRoot). */
export const cliArgv = (args: string[]) => ['services/cli/bin/govwatch.mjs', ...args];

/**
 * The environment a user's shell gives the command: PATH and HOME, plus what the test sets (URLs,
 * the site file). Nothing inherited from the test runner: pnpm's bin shims export NODE_PATH (the
 * store's hoisted node_modules), which once let the CLI resolve a module no user's shell could.
 */
export function userEnv(env: Record<string, string>): Record<string, string> {
  const base: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' };
  return { ...base, ...env };
}

export type CliResult = { code: number; stdout: string; stderr: string };

export function runCli(args: string[], env: Record<string, string>, timeoutMs = 180_000): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      cliArgv(args),
      { cwd: repoRoot, env: userEnv(env), timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
