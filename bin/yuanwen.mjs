#!/usr/bin/env node
// Loads the built CLI (npm ci builds it through the `prepare` script; npm run build rebuilds it).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/yuanwen.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('yuanwen: the CLI is not built yet: run npm run build\n');
  process.exit(2);
}
await import(cli.href);
