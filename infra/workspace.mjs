// The workspace's package folders (packages/*, services/*), for the build and its staleness check.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Every package folder that has TypeScript sources to build (a src/ folder). */
export function workspaceDirs() {
  return ['packages', 'services'].flatMap((group) =>
    readdirSync(join(repoRoot, group), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(repoRoot, group, d.name, 'src')))
      .map((d) => join(repoRoot, group, d.name)),
  );
}
