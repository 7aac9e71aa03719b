#!/usr/bin/env node
// The govwatch command: runs services/cli/src/main.ts from its bundle (see ../bundle.mjs).
import { bundledCli } from '../bundle.mjs';

process.setSourceMapsEnabled(true); // stack traces point at the TypeScript sources
await import(await bundledCli());
