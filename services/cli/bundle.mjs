// The CLI runs from an esbuild bundle under plain node: its TypeScript, the workspace packages
// and most dependencies in a few files. tsx sends every module through loader hooks on a separate
// thread (about a second per command), and even natively, resolving and reading the ~1,000
// files of crawlee, bullmq and undici one by one takes longer than the code they hold (the crawl
// command loads in 0.25 s bundled, 0.43 s from node_modules). The bundle is rebuilt on first use
// after any input changed, so there is no build step to forget.
//
// Layout: dist/current.json names the build in use and the inputs it was built from (size and
// mtime each: a file restored with an older mtime counts as changed too). Each build is a
// directory of its own, written complete before current.json is switched to it (atomic rename),
// so no run sees half a build. One process builds at a time (dist/build.lock, holding its pid);
// the others wait and use its build. A process records a lease in the build it runs from, so an old build is
// removed only when no live process may still load a chunk of it (`start` loads the browser
// crawler at its first browser-rendered crawl, maybe days later).
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(cliDir, '../..');
const distDir = join(cliDir, 'dist');
const currentFile = join(distDir, 'current.json');
const lockFile = join(distDir, 'build.lock');
const entry = join(cliDir, 'src/main.ts');

// Loaded from node_modules as they are: they find files next to their own code (engines, wasm,
// browser drivers, data files, native addons), start worker threads by file path, or load late.
const EXTERNAL = new Set([
  'playwright', 'playwright-core', // driver files
  '@prisma/client', '@prisma/adapter-pg', 'prisma', // query compiler wasm
  'pg', 'pg-native', 'msgpackr-extract', // optional native addons
  'pino', 'thread-stream', // transports run in worker threads
  'header-generator', 'fingerprint-generator', 'fingerprint-injector', 'generative-bayesian-network', // data files
  'unpdf', 'mammoth', 'fastify', 'esbuild', // loaded on use
  '@fastify/swagger-ui', '@fastify/static', '@fastify/view', 'ejs', '@bull-board/api', '@bull-board/fastify', '@bull-board/ui', // serve files from their package dirs
]);
/** An unused build older than this is removed (a process between choosing a build and leasing it is younger). */
const PRUNE_AFTER_MS = 10 * 60_000;
const LOCK_UNCLAIMED_MS = 10_000;

/** The bundle's entry as a file URL: the current build when it is fresh, else a new one. */
export async function bundledCli() {
  const buildDir = freshBuild() ?? (await buildOnce());
  lease(buildDir);
  return pathToFileURL(join(buildDir, 'main.js')).href;
}

const stampOf = (path) => {
  const { mtimeMs, size } = statSync(path);
  return [mtimeMs, size];
};

/** What decides a build besides the bundled sources: the bundler, compiler settings, dependencies. */
function extraInputs() {
  const manifests = ['packages', 'services'].flatMap((group) =>
    readdirSync(join(repoRoot, group)).map((name) => `${group}/${name}/package.json`),
  );
  return ['services/cli/bundle.mjs', 'tsconfig.json', 'package.json', 'tests/package.json', 'pnpm-lock.yaml', 'node_modules/.modules.yaml', ...manifests]
    .filter((path) => existsSync(join(repoRoot, path)));
}

/** The build dir named by current.json when every input is as it was at build time. */
function freshBuild() {
  try {
    const { dir, root, inputs } = JSON.parse(readFileSync(currentFile, 'utf8'));
    // Externals are imported by absolute path: a moved or copied checkout needs its own build.
    if (root !== repoRoot || !existsSync(join(distDir, dir, 'main.js'))) return null;
    for (const [path, mtimeMs, size] of inputs) {
      const stat = statSync(join(repoRoot, path));
      if (stat.mtimeMs !== mtimeMs || stat.size !== size) return null;
    }
    return join(distDir, dir);
  } catch {
    return null; // no build yet, or an input is gone
  }
}

/** Build unless another process is building; then wait for it and use its build. */
async function buildOnce() {
  mkdirSync(distDir, { recursive: true });
  const mine = `${process.pid}:${Math.random().toString(36).slice(2)}`;
  for (;;) {
    let fd;
    try {
      fd = openSync(lockFile, 'wx');
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (lockAbandoned()) rmSync(lockFile, { force: true });
      else await new Promise((r) => setTimeout(r, 50));
      const built = freshBuild();
      if (built) return built;
      continue;
    }
    try {
      writeSync(fd, mine);
      closeSync(fd);
      return freshBuild() ?? (await build()); // a build may have finished while we took the lock
    } finally {
      // Only our own lock: a waiter may have judged ours abandoned and taken the lock since.
      if (readLock() === mine) rmSync(lockFile, { force: true });
    }
  }
}

function readLock() {
  try {
    return readFileSync(lockFile, 'utf8');
  } catch {
    return null;
  }
}

/** The holder is gone; or, for a lock without a holder's pid (not yet written, or garbage), it is old. */
function lockAbandoned() {
  const content = readLock();
  if (content === null) return false; // released meanwhile
  const pid = Number(content.split(':')[0]);
  if (Number.isInteger(pid) && pid > 0) return !processAlive(pid);
  try {
    return Date.now() - statSync(lockFile).mtimeMs > LOCK_UNCLAIMED_MS;
  } catch {
    return false;
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM'; // alive, another user's
  }
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  const dir = `build-${Date.now()}-${process.pid}`;
  const buildDir = join(distDir, dir);
  // Each input's size and mtime as it was read, so a file changed during the build (or stamped
  // in the future) is judged by what the build saw.
  const stamps = new Map(extraInputs().map((path) => [path, stampOf(join(repoRoot, path))]));
  const recordInputs = {
    name: 'record-inputs',
    setup(b) {
      b.onLoad({ filter: /.*/ }, (args) => {
        if (!args.path.includes('node_modules/')) stamps.set(relative(repoRoot, args.path), stampOf(args.path));
        return undefined; // loaded as usual
      });
    },
  };
  let result;
  try {
    result = await esbuild({
      entryPoints: { main: entry },
      bundle: true,
      splitting: true, // keeps the commands' lazy imports lazy
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: buildDir,
      sourcemap: 'linked', // stack traces can name our TypeScript sources (files stay where they are)
      sourcesContent: false,
      metafile: true,
      logLevel: 'silent', // the first error, in one line, is thrown below
      // crawlee finds its storage clients by class name.
      keepNames: true,
      // Resolve packages as node does (no "module" field or condition).
      mainFields: ['main'],
      conditions: [],
      // Bundled CommonJS packages require node's built-ins (and the externals) at run time.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      plugins: [recordInputs, externalPackages, ownDirname],
    });
  } catch (err) {
    rmSync(buildDir, { recursive: true, force: true });
    const first = err.errors?.[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : '';
    throw new Error(`cannot bundle the CLI into ${relative(process.cwd(), distDir) || distDir}: ${first ? where + first.text : err.message}`);
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes('node_modules/'))
    .map((p) => relative(repoRoot, resolve(p)))
    .concat(extraInputs())
    .filter((path, i, all) => all.indexOf(path) === i)
    .map((path) => [path, ...(stamps.get(path) ?? [-1, -1])]);
  const tmp = `${currentFile}.${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ dir, root: repoRoot, inputs }));
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

/**
 * A bundled CommonJS module keeps its own __dirname/__filename (ioredis reads its version from
 * ../../package.json). Without this they are free names in the bundle, and the generated Prisma
 * client sets a global __dirname: the build directory.
 */
const ownDirname = {
  name: 'own-dirname',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!/\b__(dirname|filename)\b/.test(source) || /^\s*(import\s*[\w{*'"]|export\s)/m.test(source)) return undefined;
      // On the first line, so the module's line numbers stay as they are.
      const names = `var __dirname = ${JSON.stringify(dirname(args.path))}, __filename = ${JSON.stringify(args.path)};`;
      const shebang = source.startsWith('#!') ? source.slice(0, source.indexOf('\n') + 1) : '';
      return { contents: shebang + names + source.slice(shebang.length), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const leases = new Set();

/** Mark this process as running from the build, until it exits. */
function lease(buildDir) {
  const file = join(buildDir, 'leases', String(process.pid));
  if (leases.has(file)) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
  } catch {
    return; // a read-only checkout: nothing is pruned there either
  }
  if (leases.size === 0) process.on('exit', () => {
    for (const leased of leases) rmSync(leased, { force: true });
  });
  leases.add(file);
}

function pruneOldBuilds(keep) {
  for (const name of readdirSync(distDir)) {
    const path = join(distDir, name);
    if (name === keep || !name.startsWith('build-')) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs < PRUNE_AFTER_MS) continue;
      const holders = existsSync(join(path, 'leases')) ? readdirSync(join(path, 'leases')) : [];
      if (holders.some((pid) => processAlive(Number(pid)))) continue;
      rmSync(path, { recursive: true, force: true });
    } catch {
      // another process pruned it first
    }
  }
}

// `node services/cli/bundle.mjs`: build now (setup does, so tests starting many CLIs at once find it ready).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundledCli();
