#!/usr/bin/env node
// Adds translations to locales/cy.xlf and locales/gd.xlf, then rebuilds the locale modules.
//
//   node scripts/translate.js translations.json
//
// translations.json: { "message.id": { "cy": "…", "gd": "…", "cyNote": "…", "gdNote": "…" } }
// Write `{0}`, `{1}` where the English source has its placeholders (in the source's order).
// A note tells reviewers what to check (e.g. "unsure of the mutation here").
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { TARGET_LOCALES, writeTargets, xliffPath } from './xliff.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/translate.js translations.json');
  process.exit(2);
}
const input = JSON.parse(readFileSync(file, 'utf8'));
execFileSync('npx', ['lit-localize', 'extract'], { stdio: 'inherit' });
for (const locale of TARGET_LOCALES) {
  const translations = {};
  for (const [id, entry] of Object.entries(input)) {
    if (entry[locale] !== undefined) translations[id] = { text: entry[locale], note: entry[`${locale}Note`] };
  }
  const missing = writeTargets(xliffPath(locale), translations);
  if (missing.length) console.error(`${locale}: no such message ids (run extract?): ${missing.join(', ')}`);
}
execFileSync('npx', ['lit-localize', 'build'], { stdio: 'inherit' });
