/**
 * The WCAG 2.2 AA checks that axe cannot make, measured in the real layout: reflow at 320 px (1.4.10),
 * text spacing (1.4.12), target size (2.5.8), focus visible and not obscured (2.4.7, 2.4.11), and
 * buttons and focus in forced-colours mode. Each check returns what it found wrong, one line per
 * control, so that a failure names every culprit at once; `layoutSuite` runs them all on each state
 * an element is given.
 *
 * Forced colours are Chromium's own, not a simulation: `forcedColours(true)` (test/helpers/forced-colours.ts)
 * has the DevTools protocol emulate `forced-colors: active`, and Chromium then does what Windows High
 * Contrast makes it do — colours made system colours (transparent borders and outlines too),
 * backgrounds replaced, box shadows removed. So those checks read the colours Chromium paints: an edge
 * or a focus outline must stand at 3:1 against what it sits on, text at 4.5:1, and focus must show by
 * more than a shadow or a background. They run in both of Chromium's forced palettes (light, as High
 * Contrast White, and dark, as High Contrast Black), and what Chromium leaves in the author's colours
 * there (SVG fills and strokes, boxes with forced-color-adjust: none) must be system colours in both.
 * A root hook in that module turns the mode off after each test.
 *
 * The DOM side of the checks (server/test/helpers/layout-core.ts) is shared with the server's page
 * checks; what is here adds the widgets' own (reflow inside a host, forced colours' painted colours)
 * and drives them from web-test-runner.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { backgroundBehind, contrast, keyboardFocus } from '../../helpers/focus.js';
import { forcedColours, inForcedColours, type Palette } from '../../helpers/forced-colours.js';
import {
  ancestors,
  applyTextSpacing,
  clippedTextProblems,
  controlsOf,
  elementsOf,
  focusablesOf,
  focusedProblems,
  hasOwnText,
  indicatorStyle,
  isA,
  isLabelledScrollRegion,
  isVisuallyHidden,
  nameOf,
  rendered,
  shadowRootsOf,
  systemColour,
  targetSizeProblems,
  type Root,
} from '../../../server/test/helpers/layout-core.js';

// The DOM side is shared with the server's page checks; these stay exported here for the element tests.
export { applyTextSpacing, clippedTextProblems, controlsOf, elementsOf, nameOf, shadowRootsOf, targetSizeProblems, type Root };

/** 1.4.10: nothing is wider than the element's host or the page (a labelled scroll region may be). */
export function reflowProblems(host: HTMLElement): string[] {
  const problems: string[] = [];
  const doc = host.ownerDocument;
  const page = doc.documentElement;
  if (page.scrollWidth > page.clientWidth) problems.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`);
  if (host.scrollWidth > host.clientWidth + 1) problems.push(`<${host.localName}> overflows: scrollWidth ${host.scrollWidth} > clientWidth ${host.clientWidth}`);
  const bounds = host.getBoundingClientRect();
  for (const el of elementsOf(host.shadowRoot!)) {
    if (!rendered(el) || isVisuallyHidden(el)) continue;
    if (ancestors(el).some((a) => host.shadowRoot!.contains(a) && isLabelledScrollRegion(a))) continue;
    const rect = el.getBoundingClientRect();
    if (rect.right > bounds.right + 1 || rect.left < bounds.left - 1) {
      problems.push(`${nameOf(el)} sticks out of the host: ${Math.round(rect.left)}–${Math.round(rect.right)} in ${Math.round(bounds.left)}–${Math.round(bounds.right)}`);
    }
  }
  return problems;
}

/**
 * 2.4.7 and 2.4.11: focused from the keyboard, each control looks different from when it is not
 * focused, and some of it is in view and on top (not under another part of the element, nor cut off
 * by one of its scroll boxes).
 */
export async function focusProblems(root: Root): Promise<string[]> {
  const problems: string[] = [];
  for (const el of focusablesOf(root)) {
    const blurred = indicatorStyle(el);
    await keyboardFocus(el);
    const active = (el.getRootNode() as Root).activeElement;
    if (active !== el) {
      problems.push(`${nameOf(el)} does not take focus`);
      continue;
    }
    problems.push(...focusedProblems(el, blurred));
    el.blur();
  }
  return problems;
}


/** An rgb()/rgba() colour's channels and alpha. */
function channels(colour: string): [number, number, number, number] {
  const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, colour.startsWith('rgba') ? a : 1];
}

/** A colour as it shows over an opaque one (Chromium's Highlight is translucent, a transparent edge shows what is behind). */
function over(colour: string, behind: string): string {
  const [r, g, b, a] = channels(colour);
  const [br, bg, bb] = channels(behind);
  return `rgb(${r * a + br * (1 - a)}, ${g * a + bg * (1 - a)}, ${b * a + bb * (1 - a)})`;
}

/** The contrast of a colour against the opaque colour behind it (1 for an invisible one). */
const contrastOver = (colour: string, behind: string) => contrast(over(colour, behind), behind);

/** What is behind an element in forced colours: the page is Canvas there (its computed background stays transparent). */
const behindOf = (el: Element) => backgroundBehind(el, systemColour(el.ownerDocument, 'Canvas'));

/** The opaque colour a control sits on: its own background if it paints one, else what is behind it. */
function surfaceOf(el: Element): string {
  const behind = behindOf(el);
  const own = getComputedStyle(el).backgroundColor;
  return channels(own)[3] > 0 ? over(own, behind) : behind;
}

/**
 * What shows the edge of a box in forced colours: a border on every side or an outline, at least
 * 1 px, in a colour at 3:1 against what it sits on (1.4.11). Chromium paints an author's colours in
 * system colours there, so a transparent border shows; one set to a system colour (Canvas) is kept.
 */
function edgeProblem(el: Element): string | undefined {
  const s = getComputedStyle(el);
  const behind = behindOf(el);
  const surface = surfaceOf(el);
  const sides = (['Top', 'Right', 'Bottom', 'Left'] as const).map((side) => ({
    drawn: s[`border${side}Style`] !== 'none' && parseFloat(s[`border${side}Width`]) >= 1,
    colour: s[`border${side}Color`],
  }));
  const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
  if (!sides.every((side) => side.drawn) && !outlined) return 'has no border in forced colours';
  const seen = (colour: string) => Math.min(contrastOver(colour, behind), contrastOver(colour, surface)) >= 3;
  if (sides.every((side) => side.drawn && seen(side.colour)) || (outlined && contrastOver(s.outlineColor, behind) >= 3)) return undefined;
  return `has a border that does not show in forced colours (${sides.map((side) => side.colour).join(' / ')} on ${behind})`;
}

/**
 * What a focused control shows in forced colours, where Chromium drops box shadows and paints
 * backgrounds in system colours: its outline, borders, text colour and underline. An outline or border
 * that is not drawn counts as none, whatever its colour (Chromium turns a focused button's to
 * Highlight even then). A control that keeps its own colours (forced-color-adjust: none) shows its
 * shadow and background too.
 */
function forcedIndicator(s: CSSStyleDeclaration): string {
  const line = (style: string, width: string, colour: string) => (style !== 'none' && parseFloat(width) > 0 ? `${style} ${width} ${colour}` : 'none');
  const borders = (['Top', 'Right', 'Bottom', 'Left'] as const).map((side) => line(s[`border${side}Style`], s[`border${side}Width`], s[`border${side}Color`]));
  const own = s.forcedColorAdjust === 'none' ? [s.boxShadow, s.backgroundColor] : [];
  return [line(s.outlineStyle, s.outlineWidth, s.outlineColor), ...borders, s.color, s.textDecorationLine, ...own].join(';');
}

/**
 * Forced colours (run with `forcedColours(true)`, Chromium's own mode): every button and field keeps
 * an edge that shows (or, drawn as a link, the link colour); each control's text shows on its
 * background; and each focused control has an outline of 2 px or more at 3:1, and looks different
 * from when it is not focused by more than a shadow or a background (both gone there), unless it
 * keeps its own colours (forced-color-adjust: none) and a shadow.
 */
export async function forcedColourProblems(root: Root): Promise<string[]> {
  if (!inForcedColours()) throw new Error('forcedColourProblems needs the page in forced colours: await forcedColours(true) first');
  const problems: string[] = [];
  const doc = isA(root, 'Document') ? (root as Document) : (root as ShadowRoot).host.ownerDocument;
  const linkText = systemColour(doc, 'LinkText');
  for (const el of controlsOf(root)) {
    const s = getComputedStyle(el);
    const boxed = el.matches('button, select, textarea, input:not([type="radio"], [type="checkbox"]), a.button');
    // A button drawn as a link (the shared .link-button) is one there too: in the link colour, with no box.
    const asLink = s.color === linkText;
    if (boxed && !asLink && Number(s.opacity) !== 0 && s.forcedColorAdjust !== 'none') {
      const problem = edgeProblem(el);
      if (problem) problems.push(`${nameOf(el)} ${problem}`);
    }
    if (Number(s.opacity) !== 0 && el.textContent!.trim() && contrastOver(s.color, surfaceOf(el)) < 4.5) {
      problems.push(`${nameOf(el)} has text that does not show in forced colours (${s.color} on ${surfaceOf(el)})`);
    }
  }
  for (const el of focusablesOf(root)) {
    const drawnBy = () => (Number(getComputedStyle(el).opacity) === 0 ? el.nextElementSibling : null);
    const styleOf = () => {
      const by = drawnBy();
      return by ? getComputedStyle(by, '::before') : getComputedStyle(el);
    };
    const blurred = forcedIndicator(styleOf());
    await keyboardFocus(el);
    const s = styleOf();
    const ownColours = s.forcedColorAdjust === 'none' && s.boxShadow !== 'none';
    if (ownColours) {
      el.blur();
      continue;
    }
    const behind = behindOf(drawnBy() ?? el);
    if (!(s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)) {
      problems.push(`${nameOf(el)} has no focus outline in forced colours (outline ${s.outlineStyle} ${s.outlineWidth})`);
    } else if (contrastOver(s.outlineColor, behind) < 3) {
      problems.push(`${nameOf(el)} has a focus outline that does not show in forced colours (${s.outlineColor} on ${behind})`);
    }
    if (forcedIndicator(s) === blurred) problems.push(`${nameOf(el)} looks the same focused in forced colours (a shadow or background alone)`);
    el.blur();
  }
  return problems;
}

const SYSTEM_COLOURS = ['Canvas', 'CanvasText', 'LinkText', 'VisitedText', 'ActiveText', 'ButtonFace', 'ButtonText', 'ButtonBorder', 'Field', 'FieldText', 'Highlight', 'HighlightText', 'SelectedItem', 'SelectedItemText', 'Mark', 'MarkText', 'GrayText', 'AccentColor', 'AccentColorText'];

/** The colours an element paints that Chromium does not force, by what they paint. */
function unforcedColours(el: Element): [string, string][] {
  const s = getComputedStyle(el);
  const out: [string, string][] = [];
  const add = (what: string, colour: string) => {
    if (colour.startsWith('rgb') && channels(colour)[3] > 0) out.push([what, colour]);
  };
  if (isA(el, 'SVGGeometryElement') || isA(el, 'SVGTextContentElement')) {
    const svg = el.closest('svg');
    if (!svg || !rendered(svg)) return out;
    add('fill', s.fill);
    add('stroke', s.stroke);
  } else if (isA(el, 'HTMLElement') && s.forcedColorAdjust === 'none' && rendered(el) && !isVisuallyHidden(el)) {
    add('background', s.backgroundColor);
    if (hasOwnText(el)) add('text', s.color);
    for (const side of ['Top', 'Right', 'Bottom', 'Left'] as const) {
      if (s[`border${side}Style`] !== 'none' && parseFloat(s[`border${side}Width`]) > 0) add(`border-${side.toLowerCase()}`, s[`border${side}Color`]);
    }
  }
  return out;
}

/** Each element's unforced colours, and the value of every system colour, in the palette the page is in now. */
function paletteReading(root: Root) {
  const doc = isA(root, 'Document') ? (root as Document) : (root as ShadowRoot).host.ownerDocument;
  return {
    colours: new Map(elementsOf(root).map((el) => [el, unforcedColours(el)])),
    system: SYSTEM_COLOURS.map((keyword) => systemColour(doc, keyword)),
  };
}

/**
 * Forced colours, in both palettes (it switches between them): what Chromium leaves in the author's
 * colours is painted in system colours all the same, so that it follows the person's palette — a
 * box that opts out (forced-color-adjust: none, which its children inherit) and an SVG shape's fill
 * and stroke (SVG is preserve-parent-color: a colour set on the icon itself is kept). A colour counts
 * as a system colour when one keyword gives it in both palettes: a hard-coded white is Canvas in
 * High Contrast White, but not in High Contrast Black.
 */
export async function ownColourProblems(root: Root): Promise<string[]> {
  if (!inForcedColours()) throw new Error('ownColourProblems needs the page in forced colours: await forcedColours(true) first');
  await forcedColours(true, 'light');
  await frame();
  const light = paletteReading(root);
  await forcedColours(true, 'dark');
  await frame();
  const dark = paletteReading(root);
  const problems: string[] = [];
  for (const [el, colours] of light.colours) {
    const inDark = dark.colours.get(el) ?? [];
    for (const [what, colour] of colours) {
      const other = inDark.find(([w]) => w === what)?.[1] ?? 'none';
      // Only the keywords that follow the palette: Chromium gives Mark, SelectedItem and their texts one fixed value in both.
      const system = SYSTEM_COLOURS.some((_, i) => light.system[i] !== dark.system[i] && light.system[i] === colour && dark.system[i] === other);
      if (!system) problems.push(`${nameOf(el)} keeps its own colour in forced colours: ${what} ${colour} (light) / ${other} (dark)`);
    }
  }
  return problems;
}

/** The next frame, after layout. */
export const frame = (view: Window = window) => new Promise<void>((resolve) => view.requestAnimationFrame(() => resolve()));

export type Widget = HTMLElement & { updateComplete?: Promise<unknown> };

export interface LayoutState {
  /** What the element shows, e.g. "the list with filters and pages". */
  name: string;
  /** Puts the element on the page in that state (in a wrapper of its own) and resolves with it. */
  mount(): Promise<Widget>;
}

/** At a 320 px viewport, and in a 320 px column (the page's body) of a wider page: the two places WCAG 1.4.10 asks about. */
const WIDTHS = [
  { name: 'at a 320 px viewport', viewport: { width: 320, height: 640 }, box: '' },
  { name: 'in a 320 px box', viewport: { width: 1024, height: 768 }, box: '320px' },
] as const;

/** The element in that state at that width; in a box, the box is that wide before the element arrives (as a page's column is). */
async function place(state: LayoutState, width: (typeof WIDTHS)[number]): Promise<Widget> {
  await setViewport(width.viewport);
  document.body.style.width = width.box;
  const el = await state.mount();
  await el.updateComplete;
  await frame();
  return el;
}

/** High Contrast White and High Contrast Black, as Chromium's forced palettes stand for them. */
const PALETTES: Palette[] = ['light', 'dark'];

const expectNone = (problems: string[], what: string) => expect(problems, `${what}:\n  ${problems.join('\n  ')}`).to.deep.equal([]);

/**
 * Each criterion, for each state, at each width: one test apiece, so that a failure says which.
 * Text spacing is checked at both widths (where it most often breaks), target size and focus at
 * the phone width, forced colours once in each palette.
 */
export function layoutSuite(tag: string, states: LayoutState[]): void {
  describe(`<${tag}>: layout for WCAG 2.2 AA`, () => {
    afterEach(() => document.body.style.removeProperty('width'));
    after(() => setViewport({ width: 800, height: 600 }));

    for (const state of states) {
      describe(state.name, () => {
        for (const width of WIDTHS) {
          it(`reflows ${width.name}: nothing wider than the host or the page (1.4.10)`, async () => {
            const el = await place(state, width);
            expectNone(reflowProblems(el), 'sideways overflow');
          });

          it(`keeps all its text with WCAG text spacing, ${width.name} (1.4.12)`, async () => {
            const el = await place(state, width);
            const undo = applyTextSpacing(document);
            try {
              await frame();
              expectNone(clippedTextProblems(el.shadowRoot!), 'text cut off or spilling');
              expectNone(reflowProblems(el), 'sideways overflow with text spacing');
            } finally {
              undo();
            }
          });
        }

        it('has targets of 24 × 24 px or spaced as big (2.5.8)', async () => {
          const el = await place(state, WIDTHS[0]);
          expectNone(targetSizeProblems(el.shadowRoot!), 'small targets');
        });

        it('shows focus on every control, not hidden by the element itself (2.4.7, 2.4.11)', async () => {
          const el = await place(state, WIDTHS[0]);
          expectNone(await focusProblems(el.shadowRoot!), 'focus');
        });

        for (const palette of PALETTES) {
          it(`keeps the edges of its buttons, its text and its focus outlines in forced colours, ${palette} (1.4.11)`, async () => {
            const el = await place(state, WIDTHS[1]);
            await forcedColours(true, palette);
            await frame();
            expectNone(await forcedColourProblems(el.shadowRoot!), `forced colours, ${palette}`);
          });
        }

        it('paints what forced colours leave alone (icons, boxes that opt out) in system colours', async () => {
          const el = await place(state, WIDTHS[1]);
          await forcedColours(true);
          expectNone(await ownColourProblems(el.shadowRoot!), 'colours kept in forced colours');
        });
      });
    }
  });
}

/** The element in a plain `<div>` wrapper, with the markup given (for states a mount helper does not make). */
export async function mountMarkup<T extends Widget>(markup: string, tag: string, ready: (el: T) => unknown): Promise<T> {
  const container = await fixture<HTMLElement>(`<div>${markup}</div>`);
  const el = container.querySelector(tag) as T;
  await waitUntil(() => el.shadowRoot && ready(el), `<${tag}> did not reach its state`, { timeout: 4000 });
  await el.updateComplete;
  return el;
}
