// The API tables in docs/elements/*.md, docs/cms.md and README.md are written from custom-elements.json by
// scripts/element-docs.js: this test fails when they have drifted from the elements' JSDoc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readableDefault, readableType, run } from '../../scripts/element-docs.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'scripts/element-docs.js');

test('the docs match the manifest made from the source now (npm run manifest, then --check)', () => {
  // As `npm run manifest` does: custom-elements.json is generated (git-ignored) and may be stale.
  const cli = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  execFileSync(process.execPath, [cli, 'analyze', '--quiet'], { cwd: root, stdio: 'ignore' });
  const check = spawnSync(process.execPath, [script, '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(check.status, 0, `the API tables are out of date:\n${check.stderr}`);
});

// --- the generator on a small page of its own --------------------------------------------------------

const manifest = {
  modules: [
    {
      path: 'src/demo/demo.ts',
      declarations: [
        {
          kind: 'class',
          name: 'CompactDemo',
          customElement: true,
          tagName: 'compact-demo',
          attributes: [
            { name: 'timeout', type: { text: 'number' }, default: '15000', description: 'How long to wait.', inheritedFrom: { name: 'CompactElement' } },
            { name: 'variant', type: { text: "'inline' | 'card'" }, default: "'inline'", description: 'How it looks | which.' },
            { name: 'src', type: { text: 'string | undefined' }, description: 'The feed.' },
          ],
          members: [{ kind: 'field', name: 'feed', type: { text: 'unknown' }, description: 'A feed object.' }],
          events: [{ name: 'compact-demo-done', description: 'It is done. `detail`: `{id}`.' }],
          cssParts: [{ name: 'base', description: 'The wrapper.' }],
        },
      ],
    },
  ],
};

function page(markdown, pageManifest = manifest) {
  const base = mkdtempSync(join(tmpdir(), 'element-docs-'));
  mkdirSync(join(base, 'docs/elements'), { recursive: true });
  writeFileSync(join(base, 'custom-elements.json'), JSON.stringify(pageManifest));
  writeFileSync(join(base, 'docs/elements/demo.md'), markdown);
  const errors = [];
  const log = { log() {}, error: (message) => errors.push(message) };
  return {
    base,
    errors,
    run: (check) => run({ base, check, log }),
    text: () => readFileSync(join(base, 'docs/elements/demo.md'), 'utf8'),
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}

const allTables = '<!-- api:attributes -->\n<!-- /api -->\n\n<!-- api:events -->\nold\n<!-- /api -->\n\n<!-- api:parts -->\n<!-- /api -->\n';

test('writes only between the markers: the prose around them stays as written', () => {
  const demo = page(`# Demo\n\nHand-written words.\n\n${allTables}\nMore words.\n`);
  try {
    assert.equal(demo.run(false), 0);
    const text = demo.text();
    assert.match(text, /^# Demo\n\nHand-written words\.\n\n<!-- api:attributes -->\n/);
    assert.match(text, /\n<!-- \/api -->\n\nMore words\.\n$/);
    assert.doesNotMatch(text, /\nold\n/);
    // src first, then the element's own, then the shared ones; readable types and defaults; `|` escaped.
    assert.match(
      text,
      /\| `src` \| text \| none \| The feed\. \|\n\| `variant` \| `inline` \\\| `card` \| `inline` \| How it looks \\\| which\. \|\n\| `timeout` \| number \| `15000` \|/,
    );
    assert.match(text, /\| `\.feed` \(property only\) \| any \| none \| A feed object\. \|/);
    assert.match(text, /\| `compact-demo-done` \| It is done\. \| `\{id\}`\. \|/);
    assert.equal(demo.run(true), 0, 'up to date once written');
  } finally {
    demo.remove();
  }
});

test('--check exits 1 and says which page and which line have drifted, without writing', () => {
  const demo = page(`# Demo\n\n${allTables}`);
  try {
    const before = demo.text();
    assert.equal(demo.run(true), 1);
    assert.equal(demo.text(), before, 'nothing written in --check mode');
    assert.match(demo.errors.join('\n'), /docs\/elements\/demo\.md: out of date with custom-elements\.json \(line \d+: /);
    assert.match(demo.errors.join('\n'), /npm run docs/);
  } finally {
    demo.remove();
  }
});

test('--check also fails when an element page lacks a table, or a marker names an unknown table or element', () => {
  const demo = page('<!-- api:attributes -->\n<!-- /api -->\n<!-- api:colours -->\n<!-- /api -->\n<!-- api:parts compact-nothing -->\n<!-- /api -->\n');
  try {
    demo.run(false);
    assert.equal(demo.run(true), 1);
    const errors = demo.errors.join('\n');
    assert.match(errors, /no "<!-- api:events -->" table/);
    assert.match(errors, /unknown table "api:colours"/);
    assert.match(errors, /names <compact-nothing>, which custom-elements\.json does not define/);
  } finally {
    demo.remove();
  }
});

test('the theme table (README) lists the custom properties every element has from the base, not an element’s own', () => {
  const themed = structuredClone(manifest);
  themed.modules[0].declarations[0].cssProperties = [
    { name: '--compact-demo-colour', default: '#000', description: 'The demo’s own.' },
    { name: '--compact-text-colour', default: '#0b0c0c', description: 'Text.', inheritedFrom: { name: 'CompactElement' } },
  ];
  const demo = page(`# Demo\n\n${allTables}\n<!-- api:css-properties -->\n<!-- /api -->\n\n<!-- api:theme -->\nold\n<!-- /api -->\n`, themed);
  try {
    assert.equal(demo.run(false), 0, demo.errors.join('\n'));
    const theme = demo.text().split('<!-- api:theme -->')[1];
    assert.match(theme, /\| `--compact-text-colour` \| `#0b0c0c` \| Text\. \|/);
    assert.doesNotMatch(theme, /--compact-demo-colour/);
  } finally {
    demo.remove();
  }
});

test('a missing manifest says to run npm run manifest', () => {
  const errors = [];
  const status = run({ base: tmpdir(), manifestPath: join(tmpdir(), 'no-such-manifest.json'), log: { log() {}, error: (m) => errors.push(m) } });
  assert.equal(status, 2);
  assert.match(errors.join('\n'), /Run `npm run manifest` first/);
});

test('types and defaults read as a webmaster would say them', () => {
  assert.equal(readableType("'auto' | 'none'"), '`auto` | `none`');
  assert.equal(readableType('string | null | undefined'), 'text');
  assert.equal(readableType('boolean'), 'on/off (present or absent)');
  assert.equal(readableType(undefined), 'text');
  assert.equal(readableDefault("'name'"), '`name`');
  assert.equal(readableDefault('false', 'boolean'), 'off');
  assert.equal(readableDefault("''"), 'none');
  assert.equal(readableDefault('inherited'), 'inherited');
  assert.equal(readableDefault('DEFAULT_TIMEOUT'), undefined, 'a constant’s name is not a default a webmaster can read');
});
