// The CLI runs from an esbuild bundle that rebuilds itself when a source changed
// (services/cli/bundle.mjs). Several CLIs may start at once, e.g. under this test suite.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bundledCli } from '../services/cli/bundle.mjs';
import { repoRoot } from './helpers/cli.ts';

const run = promisify(execFile);
const distDir = join(repoRoot, 'services/cli/dist');
const current = () => JSON.parse(readFileSync(join(distDir, 'current.json'), 'utf8')) as { dir: string; inputs: string[] };
const touch = (path: string) => utimesSync(join(repoRoot, path), new Date(), new Date());

describe('the bundled CLI', () => {
  it('is reused while no source changed, and rebuilt after one did, keeping the old build for running processes', async () => {
    const first = await bundledCli();
    expect(await bundledCli()).toBe(first);
    expect(current().inputs).toEqual(expect.arrayContaining(['services/cli/src/main.ts', 'packages/pipeline/src/crawl/crawl-site.ts', 'pnpm-lock.yaml']));
    // A file far down the import graph counts as much as the entry.
    touch('packages/extract/src/outline.ts');
    const second = await bundledCli();
    expect(second).not.toBe(first);
    expect(existsSync(fileURLToPath(first))).toBe(true);
    const { stdout } = await run(process.execPath, [fileURLToPath(second), 'sites', '--help'], { cwd: repoRoot });
    expect(stdout).toContain('validate the site file');
  });

  it('survives several processes rebuilding at once: each runs, and current.json names a whole build', async () => {
    touch('services/cli/src/main.ts');
    const results = await Promise.all(
      Array.from({ length: 4 }, () => run(process.execPath, ['services/cli/bin/govwatch.mjs', '--help'], { cwd: repoRoot })),
    );
    for (const { stdout } of results) expect(stdout).toContain('watch government websites');
    const build = join(distDir, current().dir);
    expect(existsSync(join(build, 'main.js'))).toBe(true);
    expect(dirname(fileURLToPath(await bundledCli()))).toBe(build); // fresh now: no further build
  });
});
