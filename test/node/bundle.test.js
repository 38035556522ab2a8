// The script-tag build's files (dist/compact-widgets.js and dist/chunks/), read as a browser will
// fetch them. Run after `npm run build`: `node --test test/node/`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

const dist = new URL('../../dist/', import.meta.url);
if (!existsSync(new URL('compact-widgets.js', dist))) throw new Error('dist/compact-widgets.js is missing: run "npm run build" first');
const read = (path) => readFileSync(new URL(path, dist), 'utf8');
const chunks = readdirSync(new URL('chunks/', dist)).filter((f) => f.endsWith('.js'));

/** Files a module imports statically (`import … from "./x.js"`, `import "./x.js"`), as paths from dist/. */
function staticImports(path) {
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  return [...read(path).matchAll(/\bimport\s*(?:[\w${},\s*]+from\s*)?["'`](\.\/[^"'`]+)["'`]/g)].map(([, spec]) => folder + spec.slice(2));
}

/** Files the entry imports on demand: each element's chunk, and the shared chunk beside them. */
const onDemand = [...read('compact-widgets.js').matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+)["'`]\s*\)/g)].map(([, path]) => path);

describe('the script-tag build', () => {
  it('asks for every file an element needs from the entry itself, not one after another', () => {
    // A chunk that imported a file the entry does not ask for would add a round trip before the
    // element could run: the browser learns of a static import only once the importer has arrived.
    assert.ok(onDemand.some((p) => /^chunks\/shared-/.test(p)), `the entry asks for the shared chunk: ${onDemand}`);
    assert.equal(onDemand.filter((p) => /^chunks\/(action-plan|consultation-countdown|pledge-badge|pledge-form|signatory-list)-/.test(p)).length, 5);
    for (const chunk of onDemand) {
      for (const imported of staticImports(chunk)) {
        assert.ok(onDemand.includes(imported), `${chunk} imports ${imported}, which the entry does not ask for`);
      }
    }
  });

  it('has no chunk of Rolldown helpers, and the chunks that had one still map to their sources', () => {
    assert.deepEqual(chunks.filter((f) => /runtime/.test(f)), []);
    // The helpers were copied in after the chunk's code (scripts/inline-runtime-chunk.js): a position
    // in the code before them must still map to the source it came from.
    for (const [prefix, code, source] of [
      ['shared-', 'customElements.get(', 'src/core/define.ts'],
      ['pledge-form-', 'import(`./pledge-interactive-', 'src/pledge-form/'],
    ]) {
      const file = chunks.find((f) => f.startsWith(prefix));
      const text = read(`chunks/${file}`);
      assert.match(text, /function __compactRuntime\(\)/, `${file} carries the helpers`);
      const at = text.indexOf(code);
      assert.ok(at > 0, `${file} contains ${code}`);
      const line = text.slice(0, at).split('\n').length;
      const column = at - text.lastIndexOf('\n', at - 1) - 1;
      const position = originalPositionFor(new TraceMap(read(`chunks/${file}.map`)), { line, column });
      assert.ok(position.source?.includes(source), `${file} at ${line}:${column} maps to ${position.source}, not ${source}`);
    }
  });

  it('names, beside the script, the licence of every package whose code it carries', () => {
    const licences = read('THIRD-PARTY-LICENSES.txt');
    for (const file of chunks) {
      // The packages a chunk holds, read from its source map rather than from the build's own account.
      const packages = new Set(
        JSON.parse(read(`chunks/${file}.map`)).sources.flatMap((source) => source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? []),
      );
      for (const name of packages) {
        assert.match(licences, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} [\\d.]+ \\(`, 'm'), `${name}'s licence`);
        assert.ok(read(`chunks/${file}`).split('\n')[0].includes(name), `${file} says it holds ${name}`);
      }
    }
    assert.match(licences, /Copyright \(c\) 2017 Google LLC/i, "Lit's own notice, whole");
  });
});
