/** The shared focus indicator (src/core/styles.ts), checked the same way in every element's
 *  tests (moved here from test/browser/pledge-form/focus-helpers.ts). */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);

function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** The colour behind an element: the first ancestor (through shadow roots) with a background, else the page's (`page`). */
export function backgroundBehind(element: Element, page = 'rgb(255, 255, 255)'): string {
  let node: Element | null = element.parentElement ?? ((element.getRootNode() as ShadowRoot).host ?? null);
  while (node) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour && !/rgba\(.*,\s*0\)$/.test(colour) && colour !== 'transparent') return colour;
    node = node.parentElement ?? (((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null);
  }
  return page;
}

/** Focuses a control as the keyboard would: a key press makes it :focus-visible, as Tab would. */
export async function keyboardFocus(el: HTMLElement): Promise<void> {
  el.focus();
  await sendKeys({ press: 'Shift' });
}

/**
 * Focused from the keyboard, the control turns yellow with a black bar beneath it (GOV.UK), and
 * the bar stands at 3:1 or more against what surrounds the control.
 */
export async function expectGovukFocus(control: HTMLElement): Promise<void> {
  await keyboardFocus(control);
  expect(control.matches(':focus-visible'), `${control.outerHTML.slice(0, 80)} is focus-visible`).to.equal(true);
  const style = getComputedStyle(control);
  expect(style.backgroundColor, 'yellow').to.equal('rgb(255, 221, 0)');
  expect(style.color).to.equal('rgb(11, 12, 12)');
  expect(style.boxShadow, 'a black bar beneath').to.equal('rgb(11, 12, 12) 0px 2px 0px 0px');
  const behind = backgroundBehind(control);
  expect(contrast('rgb(11, 12, 12)', behind), `the bar against ${behind}`).to.be.at.least(3);
}

/** The shared `.link-button` (src/core/styles.ts): a link's look at rest, a GOV.UK link's focus from the keyboard. */
export async function expectLinkButtonLook(button: HTMLElement): Promise<void> {
  let style = getComputedStyle(button);
  expect(style.color, 'the link colour').to.equal('rgb(29, 112, 184)');
  expect(style.textDecorationLine).to.equal('underline');
  expect(style.borderStyle).to.equal('none');
  expect(style.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  button.focus();
  await sendKeys({ press: 'Shift' });
  style = getComputedStyle(button);
  expect(style.backgroundColor, 'yellow').to.equal('rgb(255, 221, 0)');
  expect(style.color).to.equal('rgb(11, 12, 12)');
  expect(style.boxShadow, 'the black bar beneath, as a focused link').to.contain('rgb(11, 12, 12) 0px 4px 0px 0px');
  expect(style.textDecorationLine).to.equal('none');
}
