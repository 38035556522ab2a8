#!/usr/bin/env node
// The compact-server command. It runs the compiled program in dist/; this file exists in the
// repository so that `npm ci` can link the command before anything is built.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('compact-server is not built yet: run `npm run build -w compact-server` (or `npm start`) at the repository root.');
  process.exit(2);
}
await import(main.href);
