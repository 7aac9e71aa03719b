// Run the govwatch CLI as a user would: `pnpm -s govwatch …` runs this same command.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** The text a terminal would show: escape sequences dropped, each line as its last redraw (after \r) left it. */
export function screenOf(raw: string): string {
  return raw
    .replace(/\x1b\[\d*G/g, '\r') // cursor to a column: the bar redrawing its line
    .replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g, '')
    .split('\n')
    .map((line) => line.replace(/\r+$/, '').split('\r').at(-1) ?? '')
    .join('\n');
}

/**
 * The CLI in a pseudo-terminal (util-linux `script`), as a person runs it in a terminal window:
 * stdout and stderr are a TTY, so the logger and the progress bar take their terminal forms.
 * Resolves with everything the terminal received (`screen`: as it would read).
 */
export function runCliInTerminal(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 180_000,
): Promise<CliResult & { screen: string }> {
  const quoted = cliArgv(args)
    .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
    .join(' ');
  const command = `stty cols 120 rows 40; exec '${process.execPath}' ${quoted}`;
  return new Promise((resolve) => {
    execFile(
      'script',
      ['-qefc', command, '/dev/null'],
      {
        cwd: repoRoot,
        env: userEnv({ TERM: 'xterm-256color', ...env }),
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, screen: screenOf(stdout) });
      },
    );
  });
}

/** A site file of one site served on 127.0.0.1 (fast politeness, private address allowed); returns its path. */
export function writeLocalSiteFile(
  dir: string,
  site: { id: string; name: string; startUrl: string; reportLinkPattern: string },
): string {
  const file = join(dir, 'sites.yaml');
  writeFileSync(
    file,
    [
      'sites:',
      `  - id: ${site.id}`,
      `    name: ${site.name}`,
      `    startUrls: ['${site.startUrl}']`,
      `    reportLinkPattern: '${site.reportLinkPattern}'`,
      '    requestsPerSecond: 50',
      '    maxConcurrency: 4',
      '    allowPrivateNetwork: true',
      '',
    ].join('\n'),
  );
  return file;
}
