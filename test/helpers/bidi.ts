/**
 * Checks that feed text cannot rewrite a widget's own words (see src/i18n/feed-text.ts), shared by
 * each element's bidi tests (moved here from test/browser/pledge-form/bidi-helpers.ts).
 */
import { expect } from '@open-wc/testing';

/** Hostile names: an override, a stray isolate closer before one, an embedding, an isolate opener. */
export const HOSTILE = {
  override: '\u202EEvil Override Ltd',
  strayPdi: '\u2069\u202C\u202EStray Closer Trust',
  embedding: '\u202BEmbedded Group',
  isolate: '\u2067Isolate Opener CIC',
};

const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** Every text node and attribute value in a shadow tree. */
function* texts(root: ShadowRoot): Generator<{ where: string; text: string }> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) yield { where: node.parentElement?.localName ?? '#text', text: node.textContent ?? '' };
    else for (const attr of (node as Element).attributes) yield { where: `${(node as Element).localName}[${attr.name}]`, text: attr.value };
  }
}

/** No bidi control anywhere in what the element shows or says. */
export function expectNoBidiControls(el: Element): void {
  for (const { where, text } of texts(el.shadowRoot!)) {
    expect(CONTROLS.test(text), `a bidi control in ${where}: ${JSON.stringify(text)}`).to.equal(false);
  }
}

/** The text `feedText` (controls removed) appears, and each time inside a `<bdi>`. */
export function expectIsolated(el: Element, feedText: string, minimum = 1): HTMLElement[] {
  const clean = feedText.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
  const holders = [...el.shadowRoot!.querySelectorAll<HTMLElement>('bdi')].filter((b) => b.textContent === clean);
  expect(holders.length, `"${clean}" in a <bdi>`).to.be.at.least(minimum);
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Options hold only their own text; the live region is spoken, never shown.
    const exempt = node.parentElement?.localName === 'option' || node.parentElement?.closest('[role=status]');
    if (node.textContent!.includes(clean) && !exempt) {
      // A boolean: a failing check on an element makes chai print the element, which can hang.
      const inBdi = !!node.parentElement?.closest('bdi');
      expect(inBdi, `"${clean}" outside a <bdi> in <${node.parentElement?.localName}>`).to.equal(true);
    }
  }
  return holders;
}

/** Where a word starts on screen, as [top, left] of its first character. */
function position(container: Element, word: string): [number, number] {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.parentElement?.closest('bdi')) continue; // the widget's own words only
    const at = node.data.indexOf(word);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const rect = range.getBoundingClientRect();
    return [Math.round(rect.top), Math.round(rect.left)];
  }
  throw new Error(`"${word}" is not in <${container.localName}>: ${container.textContent}`);
}

/** The widget's own words read left to right, in this order, as written (nothing reversed them). */
export function expectInReadingOrder(container: Element, words: string[]): void {
  const places = words.map((w) => position(container, w));
  for (let i = 1; i < places.length; i++) {
    const [top0, left0] = places[i - 1]!;
    const [top1, left1] = places[i]!;
    const after = top1 > top0 + 2 || (Math.abs(top1 - top0) <= 2 && left1 > left0);
    expect(after, `"${words[i]}" comes after "${words[i - 1]}" (${places[i - 1]} → ${places[i]}) in "${container.textContent}"`).to.equal(true);
  }
}
