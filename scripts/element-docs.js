#!/usr/bin/env node
/**
 * One source for each element's API: the tables of attributes, events, parts, custom properties and
 * slots in docs/elements/*.md, and the embed page's query parameters in docs/cms.md, are written from
 * custom-elements.json (`npm run manifest`, from the elements' JSDoc). Only the text between marker
 * comments is written; everything around them stays as people wrote it:
 *
 *   <!-- api:attributes -->            the element is the page's (docs/elements/pledge-badge.md →
 *   …generated…                        compact-pledge-badge); elsewhere name it:
 *   <!-- /api -->                      <!-- api:parts compact-pledge-badge -->
 *
 * Kinds: attributes, events, parts, css-properties, slots; embed-parameters (every widget) and theme
 * (the custom properties every element has from the base, CompactElement).
 *
 *   node scripts/element-docs.js            rewrite the tables
 *   node scripts/element-docs.js --check    exit 1, saying where, when a table is out of date
 *   --manifest <file>                       read another manifest (default: custom-elements.json)
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, sep } from 'node:path';

const root = fileURLToPath(new URL('../', import.meta.url));
const ELEMENT_DOCS = 'docs/elements';
/** Other pages that may hold generated tables (each marker names its element). */
const OTHER_PAGES = ['docs/cms.md', 'README.md'];
const KINDS = ['attributes', 'events', 'parts', 'css-properties', 'slots', 'embed-parameters', 'theme'];
/** Tables of the whole set of elements, which name no element. */
const ALL_ELEMENTS = new Set(['embed-parameters', 'theme']);
const BASE_CLASS = 'CompactElement';
/** The embed page sets these itself (src/embed/embed.ts, NOT_FROM_QUERY), never from an element's list. */
const NOT_FROM_EMBED_QUERY = new Set(['lang', 'feed']);
const MARKER = /<!-- api:([\w-]+)(?: ([\w-]+))? -->\n([\s\S]*?)<!-- \/api -->/g;
const HOW_TO_FIX = 'Run `npm run docs` and commit the docs it rewrites.';

/** Reads the elements (tag → declaration) from the manifest. */
export function readElements(manifest) {
  const elements = new Map();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) elements.set(declaration.tagName, declaration);
    }
  }
  return new Map([...elements].sort(([a], [b]) => a.localeCompare(b)));
}

// --- what a cell says -----------------------------------------------------------------------------

/** Text for one table cell: on one line, `|` escaped. */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) => `\`${text}\``;

/** A type as a webmaster reads it: `inline` | `card`, text, number, on/off. */
export function readableType(type) {
  const parts = String(type ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined' && p !== 'null');
  if (parts.length === 0) return 'text';
  if (parts.every((p) => /^(['"]).*\1$/.test(p))) return parts.map((p) => code(p.slice(1, -1))).join(' | ');
  const words = { string: 'text', number: 'number', boolean: 'on/off (present or absent)', URL: 'URL', object: 'object', unknown: 'any' };
  return parts.map((p) => words[p] ?? code(p)).join(' | ');
}

/** A default as a webmaster reads it; `undefined` when the manifest names a constant rather than a value. */
export function readableDefault(value, type) {
  if (value === undefined || value === null) return 'none';
  const text = String(value).trim();
  if (text === '' || text === "''" || text === '""' || text === 'null' || text === 'undefined') return 'none';
  if (text === 'false' && /boolean/.test(type ?? '')) return 'off';
  if (/^(['"]).*\1$/.test(text)) return code(text.slice(1, -1));
  if (/^-?[\d.]+$/.test(text) || text === 'true' || text === 'false') return code(text);
  // A constant's name (DEFAULT_TIMEOUT, this.x, f()) means nothing to a webmaster: the JSDoc must say it.
  if (/^[A-Z_$][A-Z0-9_$]*$/.test(text) || /[.()]/.test(text)) return undefined;
  return text; // a word from the JSDoc, e.g. [lang=inherited]
}

/** Own attributes first after `src`, then the ones every element shares. */
function orderedAttributes(element) {
  const attributes = element.attributes ?? [];
  const rank = (a) => (a.name === 'src' ? 0 : a.inheritedFrom ? 2 : 1);
  return attributes
    .map((attribute, index) => ({ attribute, index }))
    .sort((x, y) => rank(x.attribute) - rank(y.attribute) || x.index - y.index)
    .map(({ attribute }) => attribute);
}

/** Public properties with no attribute that the JSDoc documents (`feed`; not methods such as `retry`). */
function propertyOnly(element) {
  return (element.members ?? []).filter(
    (m) => m.kind === 'field' && !m.attribute && !m.static && (m.privacy ?? 'public') === 'public' && m.description && m.type,
  );
}

// --- the tables ---------------------------------------------------------------------------------------

const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

const SECTIONS = {
  attributes(element) {
    const rows = orderedAttributes(element).map((a) => [
      code(a.name),
      readableType(a.type?.text),
      readableDefault(a.default, a.type?.text) ?? 'see what it does',
      a.description ?? '',
    ]);
    for (const p of propertyOnly(element)) {
      rows.push([`${code(`.${p.name}`)} (property only)`, readableType(p.type?.text), readableDefault(p.default, p.type?.text) ?? 'see what it does', p.description]);
    }
    return table(['attribute', 'type', 'default', 'what it does'], rows);
  },
  events(element) {
    const rows = (element.events ?? [])
      .filter((e) => e.name && e.description)
      .map((e) => {
        // "What happened. `detail`: `{…}` (more)": the when, then the detail.
        const [when, detail] = e.description.split(/\s*`detail`:\s*/);
        return [code(e.name), when, detail ?? 'none'];
      });
    return `${table(['event', 'when', '`detail`'], rows)}\n\nEvery event bubbles and crosses shadow roots (\`composed\`).`;
  },
  parts(element) {
    return table(['part', 'what it is'], (element.cssParts ?? []).map((p) => [code(p.name), p.description ?? '']));
  },
  'css-properties'(element) {
    return table(
      ['custom property', 'default', 'what it does'],
      (element.cssProperties ?? []).map((p) => [code(p.name), p.default === undefined ? 'see what it does' : code(p.default), p.description ?? '']),
    );
  },
  slots(element) {
    return table(['slot', 'what goes in it'], (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', s.description ?? '']));
  },
  theme(_element, elements) {
    const [first] = elements.values();
    const shared = (first?.cssProperties ?? []).filter((p) => p.inheritedFrom?.name === BASE_CLASS);
    return table(
      ['custom property', 'default', 'what it does'],
      shared.map((p) => [code(p.name), p.default === undefined ? 'see what it does' : code(p.default), p.description ?? '']),
    );
  },
  'embed-parameters'(_element, elements, linkTo) {
    const rows = [...elements].map(([tag, element]) => {
      const name = tag.replace(/^compact-/, '');
      const page = `[${name}.md](${linkTo(`${ELEMENT_DOCS}/${name}.md`)})`;
      const names = orderedAttributes(element)
        .map((a) => a.name)
        .filter((name) => !NOT_FROM_EMBED_QUERY.has(name));
      return [code(tag.replace(/^compact-/, '')), names.map(code).join(', '), page];
    });
    return table(['`widget=`', 'the element’s attributes it takes', 'what each does'], rows);
  },
};

/** Which sections an element's page must have. */
function requiredKinds(element) {
  const kinds = ['attributes', 'events', 'parts'];
  if ((element.cssProperties ?? []).length > 0) kinds.push('css-properties');
  if ((element.slots ?? []).length > 0) kinds.push('slots');
  return kinds;
}

// --- pages ----------------------------------------------------------------------------------------

/** The pages to write: each element's page (its element from its name) and the other pages. */
function pages(base) {
  const list = [];
  const dir = join(base, ELEMENT_DOCS);
  if (existsSync(dir)) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
      list.push({ path: join(dir, file), element: `compact-${file.replace(/\.md$/, '')}` });
    }
  }
  for (const page of OTHER_PAGES) if (existsSync(join(base, page))) list.push({ path: join(base, page) });
  return list;
}

/**
 * The page with its tables written from the manifest, and what is wrong with it (unknown kinds or
 * elements, sections an element's page lacks).
 */
export function renderPage(text, elements, pageElement, linkTo = (path) => path) {
  const problems = [];
  const seen = new Set();
  const rendered = text.replace(MARKER, (whole, kind, named, _old) => {
    const tag = named ?? pageElement;
    if (!KINDS.includes(kind)) {
      problems.push(`unknown table "api:${kind}" (one of: ${KINDS.join(', ')})`);
      return whole;
    }
    const element = ALL_ELEMENTS.has(kind) ? undefined : elements.get(tag);
    if (!ALL_ELEMENTS.has(kind) && !element) {
      problems.push(`"api:${kind}" names ${tag ? `<${tag}>` : 'no element'}, which custom-elements.json does not define`);
      return whole;
    }
    seen.add(kind);
    const open = `<!-- api:${kind}${named ? ` ${named}` : ''} -->`;
    return `${open}\n${SECTIONS[kind](element, elements, linkTo)}\n<!-- /api -->`;
  });
  const element = pageElement ? elements.get(pageElement) : undefined;
  if (pageElement && !element) problems.push(`no element <${pageElement}> in custom-elements.json for this page`);
  if (element) {
    for (const event of element.events ?? []) {
      if (!event.description) problems.push(`<${pageElement}> fires "${event.name}", which no @fires in its JSDoc describes`);
    }
    for (const kind of requiredKinds(element)) {
      if (!seen.has(kind)) problems.push(`no "<!-- api:${kind} -->" table, and the element has ${kind}`);
    }
  }
  return { text: rendered, problems };
}

/** The first line where two texts differ, for a message a person can act on. */
function firstDifference(before, after) {
  const [a, b] = [before.split('\n'), after.split('\n')];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: the docs have "${(a[i] ?? '').slice(0, 120)}", the manifest gives "${(b[i] ?? '').slice(0, 120)}"`;
  }
  return '';
}

export function run({ base = root, manifestPath = join(base, 'custom-elements.json'), check = false, log = console } = {}) {
  if (!existsSync(manifestPath)) {
    log.error(`element-docs: ${relative(base, manifestPath) || manifestPath} not found. Run \`npm run manifest\` first.`);
    return 2;
  }
  const elements = readElements(JSON.parse(readFileSync(manifestPath, 'utf8')));
  const stale = [];
  const broken = [];
  for (const page of pages(base)) {
    const before = readFileSync(page.path, 'utf8');
    const linkTo = (path) => relative(dirname(page.path), join(base, path)).split(sep).join('/');
    const { text, problems } = renderPage(before, elements, page.element, linkTo);
    const name = relative(base, page.path);
    for (const problem of problems) broken.push(`${name}: ${problem}`);
    if (text === before) continue;
    if (check) stale.push(`${name}: out of date with custom-elements.json (${firstDifference(before, text)})`);
    else {
      writeFileSync(page.path, text);
      log.log(`element-docs: wrote ${name}`);
    }
  }
  for (const message of [...broken, ...stale]) log.error(`element-docs: ${message}`);
  if (stale.length > 0) log.error(`element-docs: the API tables have drifted from the elements' JSDoc. ${HOW_TO_FIX}`);
  return broken.length > 0 || stale.length > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--manifest');
  process.exitCode = run({ check: args.includes('--check'), manifestPath: at >= 0 ? args[at + 1] : undefined });
}
