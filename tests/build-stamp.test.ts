// The build's staleness check, which the govwatch command runs before anything else.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of infra/, without type declarations
import { inputsOf, STAMP, staleInstall, stalePackage } from '../infra/build-stamp.mjs';

function packageWithBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'govwatch-stamp-'));
  mkdirSync(join(dir, 'src/sub'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'src/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(dir, 'src/sub/b.ts'), 'export const b = 2;\n');
  writeFileSync(join(dir, 'src/a.test.ts'), 'test file, not an input\n');
  writeFileSync(join(dir, STAMP), JSON.stringify({ inputs: inputsOf(dir) }));
  return dir;
}

describe('build stamp', () => {
  it('is current until a source changes, appears or goes; tests do not count', () => {
    const dir = packageWithBuild();
    expect(stalePackage(dir)).toBeNull();
    writeFileSync(join(dir, 'src/a.test.ts'), 'changed test\n');
    expect(stalePackage(dir)).toBeNull();
    writeFileSync(join(dir, 'src/sub/b.ts'), 'export const b = 3;\n');
    expect(stalePackage(dir)).toBe('src/sub/b.ts changed');

    const restored = packageWithBuild();
    utimesSync(join(restored, 'src/a.ts'), new Date(2020, 0, 1), new Date(2020, 0, 1)); // an older file restored
    expect(stalePackage(restored)).toBe('src/a.ts changed');

    const added = packageWithBuild();
    writeFileSync(join(added, 'src/c.ts'), 'export {};\n');
    expect(stalePackage(added)).toBe('src/c.ts is new');
  });

  it('says a package was never built', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govwatch-stamp-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/a.ts'), 'export {};\n');
    expect(stalePackage(dir)).toBe('never built');
  });

  it('tells an install older than the lockfile', () => {
    const root = mkdtempSync(join(tmpdir(), 'govwatch-install-'));
    writeFileSync(join(root, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    expect(staleInstall(root)).toBeNull(); // no install to compare with
    mkdirSync(join(root, 'node_modules/.pnpm'), { recursive: true });
    writeFileSync(join(root, 'node_modules/.pnpm/lock.yaml'), "lockfileVersion: '9.0'\n");
    expect(staleInstall(root)).toBeNull();
    writeFileSync(join(root, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\npackages: {}\n");
    expect(staleInstall(root)).toMatch(/pnpm-lock\.yaml changed since the last pnpm install/);
  });
});
