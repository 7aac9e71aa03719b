#!/usr/bin/env node
// The govwatch command: runs services/cli/src/main.ts from its bundle (see ../bundle.mjs).
import { bundledCli } from '../bundle.mjs';

// Stack traces name the TypeScript sources in the long-running processes, whose logs outlive
// them; elsewhere on request (GOVWATCH_SOURCE_MAPS=1): it costs a short command ~35 ms.
if (['start', 'worker'].includes(process.argv[2] ?? '') || process.env.GOVWATCH_SOURCE_MAPS === '1') {
  process.setSourceMapsEnabled(true);
}
let main;
try {
  main = await bundledCli();
} catch (err) {
  process.stderr.write(`govwatch: ${err.message}\n`);
  process.exit(1);
}
await import(main);
