// The build's `css` literal minifier (scripts/minify-css-literals.js): what the browser parses must be
// the same style sheet. Lightning CSS, a full CSS parser, reads each of the elements' literals before
// and after, and must print the same rules; the hostile cases are the ones whitespace decides.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'lightningcss';
import ts from 'typescript';
import { minifyCss, minifyCssParts } from '../../scripts/minify-css-literals.js';

/**
 * A style sheet as Lightning CSS prints it, so that two spellings of one sheet compare equal. It
 * keeps the spaces after commas in values it cannot type (those holding var()), where they are
 * insignificant, so those go too.
 */
const canonical = (css) =>
  transform({ filename: 'x.css', code: Buffer.from(css), minify: true, errorRecovery: false }).code.toString().replace(/,\s+/g, ',');

/** A literal's parts joined with each interpolation as a custom property, so that Lightning CSS can read it. */
const withPlaceholders = (parts) => {
  const text = parts.reduce((sheet, part, i) => `${sheet}var(--interpolation-${i - 1})${part}`);
  // core/styles.ts's theme values (css`var(--_link)`) are values, not sheets: read as one declaration's.
  return text.includes('{') ? text : `x{a:${text}}`;
};

/** The cooked texts of every `css` tagged template in src/, as Lit's `css` receives them. */
function cssLiterals(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...cssLiterals(path));
    else if (name.endsWith('.ts')) {
      const visit = (node) => {
        if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'css') {
          const template = node.template;
          const parts = ts.isNoSubstitutionTemplateLiteral(template)
            ? [template.text]
            : [template.head.text, ...template.templateSpans.map((span) => span.literal.text)];
          found.push({ path, parts });
        }
        ts.forEachChild(node, visit);
      };
      visit(ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true));
    }
  }
  return found;
}

describe('minifyCss', () => {
  it('leaves every style sheet of the elements as the browser reads it', () => {
    const literals = cssLiterals(new URL('../../src', import.meta.url).pathname);
    assert.ok(literals.length >= 10, `found the elements' css literals (${literals.length})`);
    for (const { path, parts } of literals) {
      const minified = minifyCssParts(parts);
      assert.equal(canonical(withPlaceholders(minified)), canonical(withPlaceholders(parts)), path);
      assert.ok(minified.join('').length < parts.join('').length || parts.join('').length < 40, `${path}: smaller`);
    }
  });

  it('keeps the spaces that are selectors and values', () => {
    assert.equal(minifyCss('a :hover { margin: 0 auto; }'), 'a :hover{margin:0 auto}');
    assert.equal(minifyCss('.x  .y\n  > .z { width: calc(100% - 2px); }'), '.x .y>.z{width:calc(100% - 2px)}');
    assert.equal(minifyCss(':host([variant="a b"]) { content: "  two  spaces "; }'), ':host([variant="a b"]){content:"  two  spaces "}');
  });

  it('keeps the spaces beside an interpolation, which is a word', () => {
    assert.deepEqual(minifyCssParts(['a { margin: ', ' 0 0;\n  border: 1px solid ', '; }']), ['a{margin:', ' 0 0;border:1px solid ', '}']);
    assert.deepEqual(minifyCssParts(['a { margin: 0 ', '', ' 1px; }']), ['a{margin:0 ', '', ' 1px}']);
  });

  it('reads a CSS escape as the browser does, and refuses a string or comment it cannot see the end of', () => {
    // Cooked text: the CSS is  content: '\'  '  — an escaped quote inside the string.
    assert.equal(minifyCss("a::before { content: '\\'  ' ; }"), "a::before{content:'\\'  '}");
    assert.equal(minifyCss("a::after { content: '\\A' ; white-space: pre; }"), "a::after{content:'\\A';white-space:pre}");
    assert.throws(() => minifyCssParts(["a::before { content: '", "'; }"]), /string runs into an interpolation/);
    assert.throws(() => minifyCssParts(['a { /* ', ' */ }']), /comment runs into an interpolation/);
  });

  it('drops comments, even one holding quotes or braces, but not a string that looks like one', () => {
    assert.equal(minifyCss("/* it's { a } */ a { color: red; /* x */ }"), 'a{color:red}');
    assert.equal(minifyCss("a::before { content: '/* not a comment */'; }"), "a::before{content:'/* not a comment */'}");
  });

  it('keeps media features and !important readable', () => {
    assert.equal(minifyCss('@media (forced-colors: active) { a { color: LinkText !important; } }'), '@media (forced-colors:active){a{color:LinkText!important}}');
  });
});
