// What a package's build was made from, and whether it still matches: shared by the build
// (infra/build.mjs) and the govwatch command, which refuses to run a stale build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const STAMP = 'dist/build.json';

/** Source files a package's build depends on (tests excluded), as [path, size, mtimeMs], sorted. */
export function inputsOf(dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.m?ts$/.test(entry.name) && !/\.test\.m?ts$|\.d\.m?ts$/.test(entry.name)) {
        const { size, mtimeMs } = statSync(join(dir, path));
        out.push([path, size, mtimeMs]);
      }
    }
  };
  try {
    walk('src');
  } catch {
    return []; // no src/: nothing to build
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/** Why the package's build is stale (a changed, added or removed file), or null when it is current. */
export function stalePackage(dir) {
  let built;
  try {
    built = JSON.parse(readFileSync(join(dir, STAMP), 'utf8')).inputs;
  } catch {
    return 'never built';
  }
  const now = inputsOf(dir);
  const before = new Map(built.map(([path, size, mtimeMs]) => [path, `${size}:${mtimeMs}`]));
  for (const [path, size, mtimeMs] of now) {
    const was = before.get(path);
    if (was === undefined) return `${path} is new`;
    if (was !== `${size}:${mtimeMs}`) return `${path} changed`;
    before.delete(path);
  }
  const [gone] = before.keys();
  return gone === undefined ? null : `${gone} was removed`;
}

/**
 * Why the installed dependencies do not match pnpm-lock.yaml (pnpm keeps a copy of the lockfile it
 * installed as node_modules/.pnpm/lock.yaml), or null when they do or when that cannot be told.
 */
export function staleInstall(repoRoot) {
  let installed;
  try {
    installed = readFileSync(join(repoRoot, 'node_modules/.pnpm/lock.yaml'));
  } catch {
    return null; // not a pnpm 10-style install: nothing to compare with
  }
  const wanted = readFileSync(join(repoRoot, 'pnpm-lock.yaml'));
  return installed.equals(wanted) ? null : 'pnpm-lock.yaml changed since the last pnpm install';
}
