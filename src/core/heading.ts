import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, literal, type StaticValue } from 'lit/static-html.js';

/** The heading levels an element may use inside a page: h1 is the page's own. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

const TAGS: Record<HeadingLevel, StaticValue> = {
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
};

/**
 * The level for a `heading-level` attribute, `offset` levels below it. A whole number is kept
 * within 2–6 (a page's h1 is its own; HTML has no h7); anything else means the element's default.
 * One rule for every element, so that `heading-level="3"` means the same everywhere.
 */
export function headingLevel(requested: unknown, fallback: HeadingLevel, offset = 0): HeadingLevel {
  const base = Number.isInteger(requested) ? Math.min(Math.max(requested as number, 2), 6) : fallback;
  return Math.min(base + offset, 6) as HeadingLevel;
}

/**
 * The tag for a level, for Lit's static `html` (`lit/static-html.js`): `literal` values are
 * written by us, never built from strings, so no markup comes from an attribute.
 */
export function headingTag(level: HeadingLevel): StaticValue {
  return TAGS[level];
}

export interface HeadingOptions {
  class?: string;
  id?: string;
  part?: string;
}

/** A heading at `level`, its tag one of the `literal`s above (no markup from strings). */
export function heading(level: HeadingLevel, options: HeadingOptions, content: unknown): TemplateResult {
  const { class: className, id, part } = options;
  const tag = headingTag(level);
  return html`<${tag} class=${ifDefined(className)} id=${ifDefined(id)} part=${ifDefined(part)}>${content}</${tag}>`;
}
