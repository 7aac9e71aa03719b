import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests run the TypeScript sources of the workspace packages (their exports' "source" condition),
// never a build in dist/; the CLI they spawn is the built one, as users run it.
function sourceAliases(): { find: RegExp; replacement: string }[] {
  return ['packages', 'services'].flatMap((group) =>
    readdirSync(group).flatMap((name) => {
      let manifest: { name: string; exports?: Record<string, { source?: string } | string> };
      try {
        manifest = JSON.parse(readFileSync(join(group, name, 'package.json'), 'utf8'));
      } catch {
        return [];
      }
      return Object.entries(manifest.exports ?? {}).flatMap(([key, target]) =>
        typeof target === 'object' && target.source
          ? [
              {
                find: new RegExp(`^${manifest.name}${key.slice(1)}$`),
                replacement: resolve(group, name, target.source),
              },
            ]
          : [],
      );
    }),
  );
}

// Two projects: pure unit tests beside the code (parallel), and cross-service tests under tests/
// that talk to the real Redis and PostgreSQL (one file at a time; each isolates its own queues/db).
export default defineConfig({
  resolve: { alias: sourceAliases() },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
