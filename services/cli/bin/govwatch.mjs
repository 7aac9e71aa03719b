#!/usr/bin/env node
// The govwatch command: runs the built CLI (services/cli/dist, made by `pnpm build`).
import { staleInstall, stalePackage } from '../../../infra/build-stamp.mjs';
import { repoRoot, workspaceDirs } from '../../../infra/workspace.mjs';

// After a `git pull`, dependencies or sources may have moved on: say what to run, in one line,
// rather than fail later on a missing package or run yesterday's code without a word.
const install = staleInstall(repoRoot);
if (install) {
  process.stderr.write(`govwatch: ${install}: run pnpm install && pnpm build\n`);
  process.exit(1);
}
for (const dir of workspaceDirs()) {
  const why = stalePackage(dir);
  if (why) {
    process.stderr.write(
      `govwatch: the build is stale (${why} in ${dir.split('/').slice(-2).join('/')}): run pnpm build\n`,
    );
    process.exit(1);
  }
}
// Stack traces name the TypeScript sources in the long-running processes, whose logs outlive
// them; elsewhere on request (GOVWATCH_SOURCE_MAPS=1): it costs a short command some milliseconds.
if (['start', 'worker', 'api'].includes(process.argv[2] ?? '') || process.env.GOVWATCH_SOURCE_MAPS === '1') {
  process.setSourceMapsEnabled(true);
}
await import('../dist/main.js');
