import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html } from 'lit/static-html.js';
import { headingTag, type HeadingLevel } from '../core/heading.js';

/** A heading of `level`, its tag one of core/heading.ts's `literal`s (no markup from strings). */
export function heading(level: HeadingLevel, content: unknown, className: string, part?: string): TemplateResult {
  const tag = headingTag(level);
  return html`<${tag} class=${className} part=${ifDefined(part)}>${content}</${tag}>`;
}
