#!/usr/bin/env node
// Runs before `npm test`: the browser tests use Debian's Chromium (never a downloaded browser), and
// the server's print test reads the PDF it makes with poppler-utils (pdfinfo, pdftotext, pdftoppm).
// On a fresh Debian machine where we are root, install what is missing; otherwise say how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!existsSync('/usr/bin/pdfinfo')) missing.push('poppler-utils');
if (missing.length === 0) process.exit(0);
if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log(`Installing Debian's ${missing.join(' and ')}`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
  process.exit(0);
}
if (missing.includes('chromium')) console.error(`Chromium not found at ${chromium}. Install it (Debian: sudo apt-get install chromium) or set CHROME_PATH.`);
if (missing.includes('poppler-utils')) console.error('pdfinfo not found: install poppler-utils (Debian: sudo apt-get install poppler-utils).');
process.exit(1);
