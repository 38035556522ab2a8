/**
 * A Vite plugin for the script-tag build (vite.config.ts): takes the comments and layout whitespace
 * out of the elements' `css` tagged templates, which the minifier leaves as written (to it they are
 * strings). Nothing else changes: quoted strings, `${…}` interpolations and the order of every
 * declaration stay as they are, so what the browser parses is the same style sheet. On the page with
 * the list, the form, the countdown and the badge this is 1.0 kB of the 44 kB gzip of JavaScript.
 *
 * It works on each literal part's cooked text (escapes read, as Lit's `css` reads it), so a CSS
 * escape such as '\\A' is seen as the browser sees it, and writes the result back escaped.
 */
import MagicString from 'magic-string';

/** Around these a space means nothing; everywhere else (a descendant combinator, between values) it does. */
const NO_SPACE_AFTER = /^[{};,>:]$/; // after a colon: a space follows one only in a declaration or media feature
const NO_SPACE_BEFORE = /^[{};,>!]/;

/**
 * The parts of one `css` literal (the texts between its interpolations), without comments and with
 * whitespace only where CSS needs it. An interpolation counts as a word, so spaces beside it stay.
 */
export function minifyCssParts(parts) {
  let last = '';
  let pendingSpace = false;
  return parts.map((text, index) => {
    if (index > 0) {
      last = '${}';
    }
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (char === '/' && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        if (end === -1) throw new Error(`minify-css-literals: a comment runs into an interpolation: ${text.slice(i, i + 40)}`);
        i = end + 1;
        pendingSpace = true;
        continue;
      }
      if (/\s/.test(char)) {
        pendingSpace = true;
        continue;
      }
      let token = char;
      if (char === '"' || char === "'") {
        let j = i + 1;
        while (j < text.length && text[j] !== char) j += text[j] === '\\' ? 2 : 1;
        if (j >= text.length) throw new Error(`minify-css-literals: a string runs into an interpolation: ${text.slice(i, i + 40)}`);
        token = text.slice(i, j + 1);
      }
      i += token.length - 1;
      if (pendingSpace && last && !NO_SPACE_AFTER.test(last) && !NO_SPACE_BEFORE.test(token)) out += ' ';
      pendingSpace = false;
      // A last declaration needs no semicolon before its block's end.
      if (token === '}' && last === ';' && out.endsWith(';')) out = out.slice(0, -1);
      out += token;
      last = token;
    }
    // A space before an interpolation stays (the interpolation is a word); one at the very end goes.
    if (pendingSpace && index < parts.length - 1 && last && !NO_SPACE_AFTER.test(last)) {
      out += ' ';
      pendingSpace = false;
    }
    return out;
  });
}

/** One literal without interpolations, minified (for tests and for reading). */
export const minifyCss = (text) => minifyCssParts([text])[0];

/** A cooked text written back as template-literal source. */
const asTemplateSource = (text) => text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/** Every `css` tagged template in a module's syntax tree. */
function cssTemplates(node, found = []) {
  if (!node || typeof node !== 'object') return found;
  if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'css') {
    found.push(node.quasi);
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => cssTemplates(child, found));
    else if (value && typeof value.type === 'string') cssTemplates(value, found);
  }
  return found;
}

export function minifyCssLiterals() {
  return {
    name: 'compact-widgets:minify-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
      const edited = new MagicString(code);
      for (const template of cssTemplates(this.parse(code))) {
        const minified = minifyCssParts(template.quasis.map((part) => part.value.cooked));
        template.quasis.forEach((part, i) => {
          // Each part's start and end bound its source text (its raw value), without backticks or braces.
          if (code.slice(part.start, part.end) !== part.value.raw) throw new Error(`minify-css-literals: cannot place a css literal in ${id}`);
          if (part.end > part.start) edited.overwrite(part.start, part.end, asTemplateSource(minified[i]));
        });
      }
      return { code: edited.toString(), map: edited.generateMap({ hires: 'boundary', source: id }) };
    },
  };
}
