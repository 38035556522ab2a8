import { currentLocale } from './locale.js';
import { pluralRules } from './formatters.js';

/**
 * Counted messages. @lit/localize has no plural syntax, so a counted message is one `msg()` whose
 * text holds an ICU plural block, the form translators and their tools know:
 *
 *     msg('{count, plural, one {# day} other {# days}}', { id: 'duration.day' })
 *
 * English needs `one` and `other`; each translation has the categories of its own language (Welsh
 * all six: zero, one, two, few, many, other; Gaelic one, two, few, other), which `npm test` checks
 * (test/browser/i18n/plural-messages.test.ts). `#` stands for the number. Text around the block,
 * and `${…}` placeholders of the message, are kept as they are; they should only be numbers, so that
 * no braces or `#` come into the message from outside.
 */
export function plural(n: number, message: string, shown: string = String(n)): string {
  const block = parsePluralBlock(message);
  if (!block) return message; // not a plural message (the translation check stops that shipping)
  const branch = block.branches.get(pluralCategory(n)) ?? block.branches.get('other') ?? '';
  return block.before + branch.replaceAll('#', shown) + block.after;
}

export function pluralCategory(n: number, locale: string = currentLocale()): Intl.LDMLPluralRule {
  return pluralRules(locale).select(n);
}

export interface PluralBlock {
  /** The text before and after the `{name, plural, …}` block. */
  before: string;
  after: string;
  /** Each category's text, in the order written. */
  branches: Map<string, string>;
}

const BLOCK_START = /\{\s*[\w-]+\s*,\s*plural\s*,/;
const BRANCH = /\s*([a-z]+)\s*\{([^{}]*)\}/y;

/**
 * The one plural block of `message` (`{count, plural, one {…} other {…}}`, branches without nested
 * braces), or undefined when there is none or it is not well formed.
 */
export function parsePluralBlock(message: string): PluralBlock | undefined {
  const start = BLOCK_START.exec(message);
  if (!start) return undefined;
  const branches = new Map<string, string>();
  BRANCH.lastIndex = start.index + start[0].length;
  let at = BRANCH.lastIndex;
  for (let m = BRANCH.exec(message); m; m = BRANCH.exec(message)) {
    if (branches.has(m[1]!)) return undefined;
    branches.set(m[1]!, m[2]!);
    at = BRANCH.lastIndex;
  }
  const close = /^\s*\}/.exec(message.slice(at));
  if (!close || branches.size === 0) return undefined;
  const before = message.slice(0, start.index);
  const after = message.slice(at + close[0].length);
  if (/[{}]/.test(before + after)) return undefined;
  return { before, after, branches };
}
