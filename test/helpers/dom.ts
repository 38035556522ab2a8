/** Putting an element on the page and reading what it shows: one way for every element's tests. */
import { fixture, waitUntil } from '@open-wc/testing';

type Updating = Element & { updateComplete?: Promise<unknown> };

/** A node's text with whitespace folded, as a person reads it. */
export function foldText(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element's rendered text (its shadow root), whitespace folded. */
export function shadowText(el: Element): string {
  return foldText(el.shadowRoot);
}

/** What the element's polite live region says now, whitespace folded. */
export const liveText = (el: Element): string => foldText(el.shadowRoot?.querySelector('[role="status"]'));

/** The first / every match in an element's shadow root. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/**
 * Waits until `test` holds, then for the element's update. On failure it says what the element
 * shows by then, which is what one needs to read a failure from CI.
 */
export async function settled(el: Updating, test: () => unknown, what = 'the expected state', timeout = 4000): Promise<void> {
  try {
    await waitUntil(test, undefined, { timeout });
  } catch {
    throw new Error(`<${el.localName}> did not reach ${what}: "${shadowText(el).slice(0, 300)}"`);
  }
  await el.updateComplete;
}

export interface MountOptions {
  /** Attributes, as markup (`sort="signed" no-search`) or by name. */
  attributes?: string | Record<string, string>;
  /** The `lang` of the wrapper (none when absent). */
  lang?: string;
  /** Markup in the wrapper before the element, e.g. `Our charity: ` (the wrapper is then a `<p>`). */
  before?: string;
  /** A selector in the shadow root that says the element has rendered (default: its `base` part). */
  ready?: string;
}

/** Attributes as markup, values escaped. */
export function attributeMarkup(attributes: string | Record<string, string> = {}): string {
  if (typeof attributes === 'string') return attributes ? ` ${attributes}` : '';
  return Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
}

/**
 * Puts `<tag>` on the page inside a wrapper (with a `lang` when given), hands it `feed` and waits
 * until it has rendered.
 */
export async function mountWithFeed<T extends HTMLElement>(tag: string, feed: unknown, options: MountOptions = {}): Promise<T> {
  const wrapper = options.before !== undefined ? 'p' : 'div';
  const lang = options.lang ? ` lang="${options.lang}"` : '';
  const container = await fixture<HTMLElement>(
    `<${wrapper}${lang}>${options.before ?? ''}<${tag}${attributeMarkup(options.attributes)}></${tag}></${wrapper}>`,
  );
  const el = container.querySelector(tag) as T & { feed?: unknown; updateComplete?: Promise<unknown> };
  el.feed = feed;
  await el.updateComplete;
  await settled(el, () => el.shadowRoot?.querySelector(options.ready ?? '[part~="base"]'), `"${options.ready ?? 'rendered'}"`);
  return el;
}
