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
  shadowRootsOf,
  targetSizeProblems,
  type Root,
} from './layout-core.js';

export { applyTextSpacing, targetSizeProblems };

/** A box that scrolls sideways, other than the page itself (GOV.UK's html is overflow-y: scroll, so its overflow-x computes to auto). */
const sidewaysScroller = (el: Element) =>
  el !== el.ownerDocument.documentElement && el !== el.ownerDocument.body && scrolls(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1;
const clips = (el: Element) => el !== el.ownerDocument.documentElement && getComputedStyle(el).overflowX !== 'visible';

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
  const out = new Set<Element>();
  for (const el of elementsOf(doc)) {
    if (!rendered(el) || isVisuallyHidden(el)) continue;
    if (sidewaysScroller(el) && !isLabelledScrollRegion(el)) problems.push(`${nameOf(el)} scrolls sideways but is not a labelled region in the tab order`);
    // Only the outermost box that sticks out is named, not each cell of a table that does.
    if (ancestors(el).some((a) => clips(a) || out.has(a))) continue;
    const rect = el.getBoundingClientRect();
    if (rect.right > width + 1 || rect.left < -1) {
      out.add(el);
      problems.push(`${nameOf(el)} sticks out of the ${width} px viewport: ${Math.round(rect.left)}–${Math.round(rect.right)}`);
    }
  }
  return problems;
}

/** 1.4.12, with `applyTextSpacing` on: no box that clips its content (overflow hidden or clip) cuts text off. */
export const textSpacingProblems = (doc: Document = document): string[] => clippedTextProblems(doc, { clippingOnly: true });

/** The element with focus, inside shadow roots too. */
function deepActive(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el === doc.body ? null : el;
}

interface Walk {
  ids: Map<Element, number>;
  /** Each element focus went to, in order; -1 where it left the page. */
  order: number[];
  stop?: () => void;
}
let walk: Walk = { ids: new Map(), order: [] };
const idOf = (el: Element) => {
  if (!walk.ids.has(el)) walk.ids.set(el, walk.ids.size);
  return walk.ids.get(el)!;
};

/**
 * Before a Tab walk: a start at the top of the page, and a note of every element focus goes to.
 * Focus moves to an empty box put first in the body, so the first Tab goes to the page's first
 * control whatever had focus (GOV.UK's error summary takes it on load). Returns the ids of the
 * boxes that scroll sideways, which the walk must reach.
 */
export function startTabWalk(doc: Document = document): number[] {
  walk.stop?.();
  walk = { ids: new Map(), order: [] };
  const start = doc.createElement('div');
  start.tabIndex = -1;
  doc.body.prepend(start);
  start.focus();
  const onFocus = () => {
    start.remove();
    const el = deepActive(doc);
    const id = el ? idOf(el) : -1;
    if (walk.order.at(-1) !== id) walk.order.push(id);
  };
  const onBlur = (event: FocusEvent) => {
    if (!event.relatedTarget) walk.order.push(-1);
  };
  // A move between two controls of one shadow tree is not seen outside it: each tree is listened to.
  const trees: Root[] = [doc, ...shadowRootsOf(doc)];
  for (const tree of trees) tree.addEventListener('focusin', onFocus, true);
  doc.addEventListener('focusout', onBlur, true);
  walk.stop = () => {
    for (const tree of trees) tree.removeEventListener('focusin', onFocus, true);
    doc.removeEventListener('focusout', onBlur, true);
  };
  return elementsOf(doc).filter((el) => rendered(el) && sidewaysScroller(el)).map(idOf);
}

/** The walk's stops so far, up to where focus left the page or came round again; `done` once it has. */
export function tabStops(): { stops: number[]; done: boolean } {
  const stops: number[] = [];
  for (const id of walk.order) {
    if (id === -1 || stops.includes(id)) {
      walk.stop?.();
      return { stops, done: true };
    }
    stops.push(id);
  }
  return { stops, done: false };
}

/**
 * Each stop of the Tab walk, focused again in turn, and what is wrong with how it shows: 2.4.7
 * (looks different focused), 2.4.11 (some of it in view and on top) and, in forced colours, an
 * outline. Focused by script after the keyboard walk, each matches :focus-visible as it did under
 * Tab, and is scrolled into view as Tab scrolls it.
 */
export function checkStops(ids: number[], forced: boolean, doc: Document = document): string[] {
  const problems: string[] = [];
  (deepActive(doc) as HTMLElement | null)?.blur();
  const blurred = new Map(focusablesOf(doc).map((el) => [el, indicatorStyle(el)]));
  // Focus goes from stop to stop without a blur between, so each inherits the last one's :focus-visible.
  for (const [el, id] of walk.ids) {
    if (!ids.includes(id) || !(el instanceof HTMLElement)) continue;
    el.focus();
    problems.push(...focusedProblems(el, blurred.get(el)));
    const outline = forced ? focusOutlineProblem(el) : undefined;
    if (outline) problems.push(outline);
  }
  (deepActive(doc) as HTMLElement | null)?.blur();
  return problems;
}

/** Whether any of the stops has left the page (a widget may draw itself anew, as for forced colours). */
export const anyGone = (ids: number[]): boolean => [...walk.ids].some(([el, id]) => ids.includes(id) && !el.isConnected);

/** Names for ids the walk gave out (for a scroll box it never reached). */
export const namesOf = (ids: number[]): string[] => [...walk.ids].filter(([, id]) => ids.includes(id)).map(([el]) => nameOf(el));
