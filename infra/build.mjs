#!/usr/bin/env node
// The build: every workspace package's TypeScript (src/) transpiled file by file to JavaScript in
// its own dist/, next to its own package.json and node_modules. Node then resolves every import
// from dist/ exactly as it would from src/ — a dependency's own runtime require()s (crawlee's
// jquery, pino's transports, Prisma's wasm) included — which a bundle that moves code away from
// its package cannot promise. Types are checked separately (`pnpm typecheck`); this only strips them.
//
//   node infra/build.mjs           build every package (≈ 0.3 s)
//   node infra/build.mjs --check   exit 1, naming a changed file, when a build is missing or stale
//
// Each package's dist/build.json records its inputs (path, size, mtime): the build is stale when
// any of them differs or a source file is added or removed. services/cli/bin/govwatch.mjs runs the
// same check (build-stamp.mjs) before it starts, so a stale build fails with one clear line.
import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { inputsOf, STAMP, stalePackage } from './build-stamp.mjs';
import { repoRoot, workspaceDirs } from './workspace.mjs';

/** esbuild resolves nothing: every import stays as written, a relative `./x.ts` becomes `./x.js`. */
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const path = args.path.startsWith('.') ? args.path.replace(/\.(m?)ts$/, '.$1js') : args.path;
      return { path, external: true };
    });
  },
};

async function buildPackage(dir) {
  const inputs = inputsOf(dir);
  const entryPoints = inputs.map(([path]) => path).filter((p) => p.startsWith('src/') && /\.m?ts$/.test(p));
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  await build({
    absWorkingDir: dir,
    entryPoints,
    outdir: 'dist',
    outbase: 'src',
    bundle: true, // with every import external: one output per source file, specifiers rewritten
    plugins: [keepImports],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true, // stack traces name the TypeScript sources (node --enable-source-maps)
    logLevel: 'error',
  });
  writeFileSync(join(dir, STAMP), `${JSON.stringify({ inputs }, null, 0)}\n`);
}

const args = process.argv.slice(2);
if (args.includes('--check')) {
  for (const dir of workspaceDirs()) {
    const why = stalePackage(dir);
    if (why) {
      process.stderr.write(`build: ${relative(repoRoot, dir)} is stale (${why}): run pnpm build\n`);
      process.exit(1);
    }
  }
  process.stdout.write('build: up to date\n');
} else {
  const started = performance.now();
  const dirs = workspaceDirs();
  await Promise.all(dirs.map(buildPackage));
  process.stdout.write(`build: ${dirs.length} packages in ${Math.round(performance.now() - started)} ms\n`);
}
