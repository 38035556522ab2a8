#!/usr/bin/env node
// Runs before `npm test`: the browser tests use Debian's Chromium (never a downloaded browser).
// On a fresh Debian machine where we are root, install it; otherwise say how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROME_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log(`${path} not found: installing Debian's chromium`);
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  process.exit(0);
}
console.error(`Chromium not found at ${path}. Install it (Debian: sudo apt-get install chromium) or set CHROME_PATH.`);
process.exit(1);
