#!/usr/bin/env node
// The localisation check in `npm test`: fails when any message in the source lacks a Welsh or
// Gaelic translation, or when a translation has lost a placeholder. It extracts into a scratch
// copy, so the committed XLIFF files are compared with the code as it is now, then rebuilds the
// locale modules from the committed XLIFF.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { TARGET_LOCALES, readUnits, xliffPath } from './xliff.js';

const scratch = mkdtempSync(join(tmpdir(), 'compact-i18n-'));
const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
cpSync('locales', join(scratch, 'locales'), { recursive: true });
const scratchConfig = join(scratch, 'lit-localize.json');
writeFileSync(
  scratchConfig,
  JSON.stringify({
    ...config,
    tsConfig: join(process.cwd(), config.tsConfig),
    output: { ...config.output, outputDir: join(scratch, 'out'), localeCodesModule: join(scratch, 'out/codes.ts') },
    interchange: { ...config.interchange, xliffDir: join(scratch, 'locales') },
  }),
);
execFileSync('npx', ['lit-localize', 'extract', '--config', scratchConfig], { stdio: ['ignore', 'ignore', 'inherit'] });

let failures = 0;
for (const locale of TARGET_LOCALES) {
  const { units } = readUnits(xliffPath(locale, join(scratch, 'locales')));
  const committed = new Map(readUnits(xliffPath(locale)).units.map((u) => [u.id, u]));
  for (const unit of units) {
    const problem = !unit.target?.trim()
      ? 'has no translation'
      : !committed.get(unit.id)?.target
        ? 'is translated only after re-extracting: commit the updated XLIFF'
        : placeholderProblem(unit);
    if (problem) {
      failures++;
      console.error(`${locale}: ${unit.id} ${problem}\n    source: ${unit.source}`);
    }
  }
  console.log(`${locale}: ${units.length} messages checked`);
}
rmSync(scratch, { recursive: true, force: true });
if (failures) {
  console.error(`\n${failures} translation problem(s). Add them with: node scripts/translate.js file.json`);
  process.exit(1);
}
execFileSync('npx', ['lit-localize', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
console.log('translations complete: every message has cy and gd');

function placeholderProblem(unit) {
  const ids = (xml) => [...xml.matchAll(/<x id="(\d+)"/g)].map((m) => m[1]).sort().join(',');
  return ids(unit.source) === ids(unit.target) ? undefined : 'has different placeholders from its source';
}
