// The CLI runs from an esbuild bundle under plain node: its TypeScript, the workspace packages
// and most dependencies in a few files. tsx sends every module through loader hooks on a separate
// thread (about a second per command), and even natively, resolving and reading the ~1,000
// files of crawlee, bullmq and undici one by one takes longer than the code they hold (the crawl
// command loads in 0.25 s bundled, 0.43 s from node_modules). The bundle is rebuilt on first use
// after any source changed, so there is no build step to forget.
//
// Layout: dist/current.json names the build in use; each build is a directory of its own,
// written complete before current.json is switched to it (atomic rename), so concurrent runs
// never see half a build and a process still running an older build keeps its files.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(cliDir, '../..');
const distDir = join(cliDir, 'dist');
const currentFile = join(distDir, 'current.json');
const entry = join(cliDir, 'src/main.ts');
/** Dependencies change with these (node_modules itself is too big to check on every start). */
const alsoWatched = ['pnpm-lock.yaml', 'node_modules/.modules.yaml'].map((f) => join(repoRoot, f));

// Loaded from node_modules as they are: they find files next to their own code (engines, wasm,
// browser drivers, data files, native addons), start worker threads by file path, or load late.
const EXTERNAL = new Set([
  'playwright', 'playwright-core', // driver files
  '@prisma/client', '@prisma/adapter-pg', 'prisma', // query compiler wasm
  'pg', 'pg-native', 'msgpackr-extract', // optional native addons
  'pino', 'thread-stream', // transports run in worker threads
  'header-generator', 'fingerprint-generator', 'fingerprint-injector', 'generative-bayesian-network', // data files
  'unpdf', 'mammoth', 'fastify', 'esbuild', // loaded on use
]);
const KEEP_OLD_BUILDS_MS = 24 * 3600_000;

/** The bundle's entry as a file URL: the current build when it is fresh, else a new one. */
export async function bundledCli() {
  const current = freshBuild();
  return pathToFileURL(join(current ?? (await build()), 'main.js')).href;
}

/** The build dir named by current.json when no input has changed since it was built. */
function freshBuild() {
  try {
    const { dir, startedAt, inputs } = JSON.parse(readFileSync(currentFile, 'utf8'));
    const buildDir = join(distDir, dir);
    if (!existsSync(join(buildDir, 'main.js'))) return null;
    // A file written during or after the build has an mtime at or past its start.
    for (const input of inputs) if (statSync(join(repoRoot, input)).mtimeMs >= startedAt) return null;
    return buildDir;
  } catch {
    return null; // no build yet, or an input is gone
  }
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  const startedAt = Date.now();
  const dir = `build-${startedAt}-${process.pid}`;
  const buildDir = join(distDir, dir);
  mkdirSync(distDir, { recursive: true });
  const result = await esbuild({
    entryPoints: { main: entry },
    bundle: true,
    splitting: true, // keeps the commands' lazy imports lazy
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: buildDir,
    sourcemap: 'linked', // stack traces name our TypeScript sources (files stay where they are)
    sourcesContent: false,
    metafile: true,
    logLevel: 'error',
    // crawlee finds its storage clients by class name.
    keepNames: true,
    // Resolve packages as node does (no "module" field or condition).
    mainFields: ['main'],
    conditions: [],
    // Bundled CommonJS packages require node's built-ins (and the externals) at run time.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [externalPackages],
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes('node_modules/'))
    .map((p) => relative(repoRoot, resolve(p)));
  inputs.push(...alsoWatched.filter(existsSync).map((p) => relative(repoRoot, p)));
  const tmp = `${currentFile}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ dir, startedAt, inputs }));
  renameSync(tmp, currentFile);
  pruneOldBuilds(dir);
  return buildDir;
}

const packageName = (specifier) => specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * Import the EXTERNAL packages from node_modules. pnpm gives each package its own node_modules,
 * so an external is imported by the absolute path it resolves to from its importer.
 */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'resolving' || !EXTERNAL.has(packageName(args.path))) return undefined;
      const found = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'resolving' });
      if (found.errors.length > 0) return { errors: found.errors };
      return found.external ? found : { path: found.path, external: true };
    });
  },
};

function pruneOldBuilds(keep) {
  for (const name of readdirSync(distDir)) {
    const path = join(distDir, name);
    if (name === keep || !name.startsWith('build-')) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // another process pruned it first
    }
  }
}

// `node services/cli/bundle.mjs`: build now (setup does, so tests starting many CLIs at once find it ready).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundledCli();
