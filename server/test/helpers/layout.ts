/// <reference lib="dom" />
/**
 * The server's pages against the WCAG 2.2 AA criteria axe cannot judge, measured in the page's real
 * layout. This module runs inside the page (layout-run.ts bundles it and evaluates it there, past
 * the page's CSP, as axe is); it builds on the DOM checks the widgets' tests use (layout-core.ts).
 * Every function returns what it found wrong, one line per element, so a failure names them all.
 */
import {
  ancestors,
  applyTextSpacing,
  clippedTextProblems,
  elementsOf,
  focusablesOf,
  focusedProblems,
  focusOutlineProblem,
  indicatorStyle,
  isLabelledScrollRegion,
  isVisuallyHidden,
  nameOf,
  rendered,
  scrolls,
  targetSizeProblems,
} from './layout-core.js';

export { applyTextSpacing, targetSizeProblems };

const sidewaysScroller = (el: Element) => scrolls(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1;
const clips = (el: Element) => getComputedStyle(el).overflowX !== 'visible';

/**
 * 1.4.10: the page does not scroll sideways and nothing sticks out of the viewport. A box that
 * scrolls sideways itself (a wide table, as GOV.UK allows) must be a labelled region in the tab
 * order, so that a keyboard can scroll it and a screen reader names it; what is inside such a box,
 * or inside any box that clips, is that box's business (text spacing checks clipping).
 */
export function reflowProblems(doc: Document = document): string[] {
  const problems: string[] = [];
  const page = doc.documentElement;
  if (page.scrollWidth > page.clientWidth) problems.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth}`);
  const width = doc.defaultView!.innerWidth;
  for (const el of elementsOf(doc)) {
    if (!rendered(el) || isVisuallyHidden(el)) continue;
    if (sidewaysScroller(el) && !isLabelledScrollRegion(el)) problems.push(`${nameOf(el)} scrolls sideways but is not a labelled region in the tab order`);
    if (ancestors(el).some(clips)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.right > width + 1 || rect.left < -1) problems.push(`${nameOf(el)} sticks out of the ${width} px viewport: ${Math.round(rect.left)}–${Math.round(rect.right)}`);
  }
  return problems;
}

/** 1.4.12, with `applyTextSpacing` on: no box cuts its text off or lets it spill over what follows. */
export const textSpacingProblems = (doc: Document = document): string[] => clippedTextProblems(doc);

/** The element with focus, inside shadow roots too. */
function deepActive(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el === doc.body ? null : el;
}

interface Walk {
  ids: Map<Element, number>;
  blurred: Map<Element, string>;
}
let walk: Walk = { ids: new Map(), blurred: new Map() };
const idOf = (el: Element) => {
  if (!walk.ids.has(el)) walk.ids.set(el, walk.ids.size);
  return walk.ids.get(el)!;
};

/**
 * Before a Tab walk: how each control looks unfocused (to tell its focus indicator by), and a start
 * at the top of the page. Focus moves to an empty box put first in the body, so the first Tab goes
 * to the page's first control whatever had focus (GOV.UK's error summary takes it on load).
 * Returns the ids of the boxes that scroll sideways, which the walk must reach.
 */
export function startTabWalk(doc: Document = document): number[] {
  walk = { ids: new Map(), blurred: new Map() };
  (deepActive(doc) as HTMLElement | null)?.blur();
  for (const el of focusablesOf(doc)) walk.blurred.set(el, indicatorStyle(el));
  const start = doc.createElement('div');
  start.tabIndex = -1;
  start.dataset.layoutStart = '';
  doc.body.prepend(start);
  start.focus();
  return elementsOf(doc).filter((el) => rendered(el) && sidewaysScroller(el)).map(idOf);
}

/**
 * After each Tab: which element has focus (null when focus has left the page), and what is wrong
 * with how it shows: 2.4.7 (looks different focused), 2.4.11 (on top, not cut off) and, in forced
 * colours, an outline to show it.
 */
export function checkFocused(forced: boolean, doc: Document = document): { id: number | null; problems: string[] } {
  doc.querySelector('[data-layout-start]')?.remove();
  const el = deepActive(doc);
  if (!(el instanceof HTMLElement)) return { id: null, problems: [] };
  const blurred = walk.blurred.get(el);
  const problems = blurred === undefined ? [] : focusedProblems(el, blurred);
  const outline = forced ? focusOutlineProblem(el) : undefined;
  if (outline) problems.push(outline);
  return { id: idOf(el), problems };
}

/** Names for ids the walk gave out (for a scroll box it never reached). */
export const namesOf = (ids: number[]): string[] => [...walk.ids].filter(([, id]) => ids.includes(id)).map(([el]) => nameOf(el));
