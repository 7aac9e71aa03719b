// The CLI runs from an esbuild bundle that rebuilds itself when a source changed
// (services/cli/bundle.mjs). Several CLIs may start at once, e.g. under this test suite.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bundledCli } from '../services/cli/bundle.mjs';
import { repoRoot } from './helpers/cli.ts';

const run = promisify(execFile);
const distDir = join(repoRoot, 'services/cli/dist');
type Current = { dir: string; inputs: Array<[path: string, mtimeMs: number, size: number]> };
const current = () => JSON.parse(readFileSync(join(distDir, 'current.json'), 'utf8')) as Current;
const touch = (path: string, at = new Date()) => utimesSync(join(repoRoot, path), at, at);

describe('the bundled CLI', () => {
  it('is reused while no source changed, and rebuilt after one did, keeping the old build for running processes', async () => {
    const first = await bundledCli();
    expect(await bundledCli()).toBe(first);
    expect(current().inputs.map(([path]) => path)).toEqual(
      expect.arrayContaining(['services/cli/src/main.ts', 'packages/pipeline/src/crawl/crawl-site.ts', 'pnpm-lock.yaml', 'services/cli/bundle.mjs']),
    );
    // A file far down the import graph counts as much as the entry.
    touch('packages/extract/src/outline.ts');
    const second = await bundledCli();
    expect(second).not.toBe(first);
    expect(existsSync(fileURLToPath(first))).toBe(true);
    const { stdout } = await run(process.execPath, [fileURLToPath(second), 'sites', '--help'], { cwd: repoRoot });
    expect(stdout).toContain('validate the site file');
  });

  it('counts a file restored with an older mtime as changed', async () => {
    const before = await bundledCli();
    const schema = 'packages/sites/src/site-schema.ts';
    touch(schema, new Date(statSync(join(repoRoot, schema)).mtimeMs - 86_400_000)); // as cp -p or rsync -a leave it
    expect(await bundledCli()).not.toBe(before);
  });

  it('builds once for a file stamped in the future (a skewed clock), not on every run', async () => {
    touch('packages/core/src/config.ts', new Date(Date.now() + 3600_000));
    const built = await bundledCli();
    expect(await bundledCli()).toBe(built);
    touch('packages/core/src/config.ts');
  });

  it('removes old builds that no live process runs from, and keeps the ones that one does', async () => {
    const old = new Date(Date.now() - 3600_000);
    const fakeBuild = (name: string, pid: number) => {
      mkdirSync(join(distDir, name, 'leases'), { recursive: true });
      writeFileSync(join(distDir, name, 'leases', String(pid)), '');
      utimesSync(join(distDir, name), old, old);
    };
    fakeBuild('build-1-1', process.pid); // this process runs from it
    fakeBuild('build-1-2', 2 ** 22 + 1); // above Linux's pid_max: no such process
    touch('services/cli/src/main.ts');
    await bundledCli();
    expect(existsSync(join(distDir, 'build-1-1'))).toBe(true);
    expect(existsSync(join(distDir, 'build-1-2'))).toBe(false);
    rmSync(join(distDir, 'build-1-1'), { recursive: true });
  });

  it('waits for a live builder however old its lock, and takes over once that process is gone', async () => {
    const lock = join(distDir, 'build.lock');
    const holder = spawn('sleep', ['1.5']);
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    writeFileSync(lock, `${holder.pid}:another-builder`);
    const old = new Date(Date.now() - 3600_000);
    utimesSync(lock, old, old);
    touch('services/cli/src/main.ts');
    const started = Date.now();
    await bundledCli();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400); // it waited for the holder
    await exited;
    expect(existsSync(lock)).toBe(false);
  });

  it('survives several processes starting at once after a change: one builds, each runs', async () => {
    const startedAt = Date.now();
    touch('services/cli/src/main.ts');
    const results = await Promise.all(
      Array.from({ length: 4 }, () => run(process.execPath, ['services/cli/bin/govwatch.mjs', '--help'], { cwd: repoRoot })),
    );
    for (const { stdout } of results) expect(stdout).toContain('watch government websites');
    const build = join(distDir, current().dir);
    expect(existsSync(join(build, 'main.js'))).toBe(true);
    // The others waited for the first build instead of making their own (dist/build.lock).
    const builtSince = readdirSync(distDir).filter((name) => name.startsWith('build-') && Number(name.split('-')[1]) >= startedAt);
    expect(builtSince).toEqual([current().dir]);
    expect(dirname(fileURLToPath(await bundledCli()))).toBe(build); // fresh now: no further build
  });
});
