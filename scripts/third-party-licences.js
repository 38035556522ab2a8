/**
 * A Vite plugin for the script-tag build (vite.config.ts): the chunks carry Lit's, @lit/localize's and
 * Chart.js's code, whose licences (BSD-3-Clause, MIT) ask that their copyright notices go with every
 * copy. The minifier drops the notices from the code, so this writes them, whole, to
 * dist/THIRD-PARTY-LICENSES.txt (served beside the script at /widgets/), and each chunk holding such
 * code says so in its first line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const LICENCES_FILE = 'THIRD-PARTY-LICENSES.txt';

/** The package folder a module of node_modules belongs to (a scoped package's too), or undefined. */
const packageDirOf = (id) => id.replace(/\\/g, '/').match(/^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//)?.[1];

const readPackage = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

function packageNotice(dir) {
  const { name, version, license, homepage } = readPackage(dir);
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.md|\.txt)?$/i.test(f));
  if (!file) throw new Error(`third-party-licences: ${name} has no licence file to copy`);
  const text = readFileSync(join(dir, file), 'utf8').trim();
  return { name, text: `${name} ${version} (${license})${homepage ? `\n${homepage}` : ''}\n\n${text}` };
}

/** The folders of the packages whose code a chunk holds. */
const packagesIn = (chunk) =>
  [...new Set(Object.keys(chunk.modules).map(packageDirOf).filter(Boolean))].filter((dir) => existsSync(join(dir, 'package.json')));

export function thirdPartyLicences() {
  return {
    name: 'compact-widgets:third-party-licences',
    apply: 'build',
    outputOptions(options) {
      return {
        ...options,
        // After minification, which drops the packages' own notices.
        postBanner: (chunk) => {
          const names = packagesIn(chunk).map((dir) => readPackage(dir).name).sort();
          return names.length ? `/*! ${names.join(', ')}: licences in ${LICENCES_FILE}, beside compact-widgets.js */` : '';
        },
      };
    },
    generateBundle(_options, bundle) {
      const notices = new Map();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') for (const dir of packagesIn(chunk)) notices.set(dir, packageNotice(dir));
      }
      const sorted = [...notices.values()].sort((a, b) => a.name.localeCompare(b.name));
      this.emitFile({
        type: 'asset',
        fileName: LICENCES_FILE,
        source: `The compact widgets' script (compact-widgets.js and chunks/) includes the following software.\n\n${sorted.map((n) => n.text).join(`\n\n${'-'.repeat(72)}\n\n`)}\n`,
      });
    },
  };
}
