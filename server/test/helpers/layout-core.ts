/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The DOM side of the WCAG 2.2 AA layout checks axe cannot make, with nothing of a test runner in it,
 * so that both kinds of browser test use the same code: the widgets' (test/browser/layout/checks.ts,
 * under web-test-runner) and the server's pages (layout.ts here, bundled into a playwright page).
 * Every function reads the real layout of the document it is given; none changes the page except
 * `applyTextSpacing`, which returns its undo.
 */
export type Root = Document | ShadowRoot;

/** Every element of a tree and of the shadow trees inside it, in document order. */
export function elementsOf(root: Root): Element[] {
  const out: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** Every shadow root in a tree, nested ones too. */
export const shadowRootsOf = (root: Root): ShadowRoot[] =>
  elementsOf(root).flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []));

/** A short name for a control or box, for failure messages. */
export function nameOf(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
  return `${el.localName}${id}${cls}${text ? ` "${text}"` : ''}`;
}

/**
 * Whether a node is of a DOM class, in its own window: an element of the embed page's iframe is an
 * instance of that frame's HTMLElement, never of this window's, so a plain `instanceof` passes it by.
 */
export const isA = <K extends 'HTMLElement' | 'SVGGeometryElement' | 'SVGTextContentElement' | 'Document'>(node: Node, kind: K): node is Node & InstanceType<(typeof globalThis)[K]> => {
  const view = (node.ownerDocument ?? (node as Document)).defaultView;
  return !!view && node instanceof (view[kind] as unknown as typeof Node);
};

/** The parent across shadow boundaries. */
export const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);

export const ancestors = (el: Element): Element[] => {
  const out: Element[] = [];
  for (let node = parentOf(el); node; node = parentOf(node)) out.push(node);
  return out;
};

/** The widgets' class and GOV.UK Frontend's for text kept for screen readers only. */
const HIDDEN_CLASSES = ['visually-hidden', 'govuk-visually-hidden'];

/** Clipped to nothing until focused, as GOV.UK's skip link is (its visually-hidden-focusable mixin). */
const clippedAway = (el: Element) => getComputedStyle(el).clipPath === 'inset(50%)';

export const isVisuallyHidden = (el: Element) =>
  [el, ...ancestors(el)].some((node) => HIDDEN_CLASSES.some((c) => node.classList.contains(c)) || clippedAway(node));

export const rendered = (el: Element) => {
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && el.checkVisibility({ visibilityProperty: true });
};

export const scrolls = (value: string) => value === 'auto' || value === 'scroll';

/**
 * A box that may scroll sideways, as 1.4.10 allows a data table to: a scroll container that is a
 * labelled region in the tab order, so a keyboard can scroll it and a screen reader names it.
 */
export const isLabelledScrollRegion = (el: Element) =>
  scrolls(getComputedStyle(el).overflowX) &&
  el.getAttribute('role') === 'region' &&
  el.getAttribute('tabindex') === '0' &&
  (el.hasAttribute('aria-labelledby') || el.hasAttribute('aria-label'));

/** WCAG 1.4.12's four settings, as a reader's style sheet would apply them. */
const TEXT_SPACING = `
  *, *::before, *::after {
    line-height: 1.5 !important;
    letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important;
  }
  p { margin-bottom: 2em !important; }
`;

/** Applies the text spacing to a document and to every shadow root in it; returns the undo. */
export function applyTextSpacing(doc: Document): () => void {
  const roots: Root[] = [doc, ...shadowRootsOf(doc)];
  const Sheet = doc.defaultView!.CSSStyleSheet;
  const sheet = new Sheet();
  sheet.replaceSync(TEXT_SPACING);
  for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  return () => {
    for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

const FORM_CONTROLS = new Set(['input', 'select', 'textarea', 'option', 'progress', 'canvas', 'img', 'svg', 'iframe']);
export const hasOwnText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());

/**
 * 1.4.12: no text cut off or spilling out of its box. A box whose content is taller or wider than the
 * box itself either clips it (overflow hidden) or lets it run over what is next to it; scroll
 * containers that a person can scroll are left to the reflow check. `clippingOnly` looks only at
 * boxes that clip (GOV.UK's buttons and back link draw their larger hit area as a pseudo-element
 * hanging out of the box, which would look like spilt text).
 */
export function clippedTextProblems(root: Root, options: { clippingOnly?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const el of elementsOf(root)) {
    if (!isA(el, 'HTMLElement') || FORM_CONTROLS.has(el.localName) || !rendered(el) || isVisuallyHidden(el)) continue;
    if (!el.textContent!.trim()) continue;
    const style = getComputedStyle(el);
    if (style.display === 'inline' || style.display === 'contents') continue;
    if (scrolls(style.overflowX) || scrolls(style.overflowY)) continue;
    if (options.clippingOnly && style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    if (el.scrollHeight > el.clientHeight + 1) problems.push(`${nameOf(el)} is too short for its text: ${el.scrollHeight} > ${el.clientHeight} (overflow ${style.overflowY})`);
    if (el.scrollWidth > el.clientWidth + 1 && (hasOwnText(el) || style.overflowX !== 'visible')) {
      problems.push(`${nameOf(el)} is too narrow for its text: ${el.scrollWidth} > ${el.clientWidth} (overflow ${style.overflowX})`);
    }
  }
  return problems;
}

const CONTROLS = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]';

/** Every control a pointer can hit, shown. */
export const controlsOf = (root: Root): HTMLElement[] =>
  elementsOf(root).filter((el): el is HTMLElement => isA(el, 'HTMLElement') && el.matches(CONTROLS) && rendered(el) && !isVisuallyHidden(el));

/** A link in a line of text (2.5.8's inline exception): an inline link with words of its block around it. */
export function isInlineLink(el: HTMLElement): boolean {
  if (el.localName !== 'a' || getComputedStyle(el).display !== 'inline') return false;
  let block: Element | null = parentOf(el);
  while (block && getComputedStyle(block).display === 'inline') block = parentOf(block);
  return !!block && block.textContent!.replace(/\s+/g, '').length > el.textContent!.replace(/\s+/g, '').length;
}

/** How far a point is from a rectangle (0 inside it). */
const distance = (x: number, y: number, r: DOMRect) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));

/**
 * 2.5.8: each control at least 24 × 24, or an undersized one whose 24 px circle (centred on it)
 * meets no other control and no other undersized one's circle; links inside a sentence are exempt.
 */
export function targetSizeProblems(root: Root): string[] {
  const problems: string[] = [];
  const targets = controlsOf(root).map((el) => ({ el, rect: el.getBoundingClientRect() }));
  const small = (r: DOMRect) => r.width < 24 - 0.01 || r.height < 24 - 0.01;
  for (const { el, rect } of targets) {
    if (!small(rect) || isInlineLink(el)) continue;
    const [x, y] = [rect.left + rect.width / 2, rect.top + rect.height / 2];
    const crowded = targets.find(({ el: other, rect: o }) => {
      if (other === el || other.contains(el) || el.contains(other)) return false;
      if (small(o)) return Math.hypot(o.left + o.width / 2 - x, o.top + o.height / 2 - y) < 24;
      return distance(x, y, o) < 12;
    });
    if (crowded) problems.push(`${nameOf(el)} is ${Math.round(rect.width)} × ${Math.round(rect.height)} and within 12 px of ${nameOf(crowded.el)}`);
  }
  return problems;
}

/** Every element a keyboard can reach, shown. */
export const focusablesOf = (root: Root): HTMLElement[] =>
  elementsOf(root).filter(
    (el): el is HTMLElement =>
      isA(el, 'HTMLElement') && el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && rendered(el) && !isVisuallyHidden(el),
  );

/**
 * The box that shows a control's focus: its own, or for an input drawn by its label (GOV.UK's radios
 * and checkboxes, transparent over the box the label's ::before draws) the label's ::before.
 */
export function indicatorStyle(el: HTMLElement): string {
  const own = getComputedStyle(el);
  const drawnBy = Number(own.opacity) === 0 ? el.nextElementSibling : null;
  const style = drawnBy ? getComputedStyle(drawnBy, '::before') : own;
  return ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow', 'backgroundColor', 'borderTopColor', 'borderTopWidth', 'color', 'textDecorationLine']
    .map((p) => `${p}:${style[p as keyof CSSStyleDeclaration] as string}`)
    .join(';');
}

/** The part of `el` no scroll container, clipping box or the viewport cuts off. */
export function visibleRect(el: Element): { left: number; top: number; right: number; bottom: number } {
  const r = el.getBoundingClientRect();
  const box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  const view = el.ownerDocument.defaultView!;
  box.left = Math.max(box.left, 0);
  box.top = Math.max(box.top, 0);
  box.right = Math.min(box.right, view.innerWidth);
  box.bottom = Math.min(box.bottom, view.innerHeight);
  for (const a of ancestors(el)) {
    // The page's own scrolling is the viewport, cut off above (GOV.UK's html is overflow-y: scroll).
    if (a === el.ownerDocument.documentElement) continue;
    const s = getComputedStyle(a);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const c = a.getBoundingClientRect();
    if (s.overflowX !== 'visible') [box.left, box.right] = [Math.max(box.left, c.left), Math.min(box.right, c.right)];
    if (s.overflowY !== 'visible') [box.top, box.bottom] = [Math.max(box.top, c.top), Math.min(box.bottom, c.bottom)];
  }
  return box;
}

/** What shows the edge of a box in forced colours: a border or an outline (any colour: Chromium paints it in a system colour). */
export const hasEdge = (s: CSSStyleDeclaration) =>
  (['Top', 'Right', 'Bottom', 'Left'] as const).every(
    (side) => s[`border${side}Style`] !== 'none' && parseFloat(s[`border${side}Width`]) >= 1,
  ) || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1);

/**
 * 2.4.7 and 2.4.11 for the control that has just taken focus from the keyboard: it looks different
 * from `blurred` (its `indicatorStyle` unfocused; undefined for one that only shows when focused,
 * like a skip link), and some of it is in view and on top (not under
 * anything else, nor cut off by one of its scroll boxes).
 */
export function focusedProblems(el: HTMLElement, blurred: string | undefined): string[] {
  const problems: string[] = [];
  if (blurred !== undefined && indicatorStyle(el) === blurred) problems.push(`${nameOf(el)} looks the same focused`);
  const box = visibleRect(el);
  const points: [number, number][] = [
    [(box.left + box.right) / 2, (box.top + box.bottom) / 2],
    [box.left + 2, box.top + 2],
    [box.right - 2, box.top + 2],
    [box.left + 2, box.bottom - 2],
    [box.right - 2, box.bottom - 2],
  ];
  const tree = el.getRootNode() as Root;
  const onTop = box.right > box.left && box.bottom > box.top && points.some(([x, y]) => {
    const hit = tree.elementFromPoint(x, y);
    return !!hit && (hit === el || el.contains(hit));
  });
  if (!onTop) problems.push(`${nameOf(el)} is hidden when focused`);
  return problems;
}

/**
 * In forced colours a focused control's background and shadow are gone, so it needs an outline
 * (GOV.UK's transparent one is painted in a system colour there), unless it keeps its own colours.
 */
export function focusOutlineProblem(el: HTMLElement): string | undefined {
  const drawnBy = Number(getComputedStyle(el).opacity) === 0 ? el.nextElementSibling : null;
  const s = drawnBy ? getComputedStyle(drawnBy, '::before') : getComputedStyle(el);
  const ownColours = s.forcedColorAdjust === 'none' && s.boxShadow !== 'none';
  // `auto` is the browser's own focus ring, which forced colours draw in the system's colour.
  const outlined = s.outlineStyle === 'auto' || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2);
  if (!outlined && !ownColours) {
    return `${nameOf(el)} has no focus outline in forced colours (outline ${s.outlineStyle} ${s.outlineWidth})`;
  }
  return undefined;
}

/** The colour a system colour keyword computes to in this document now (LinkText, ButtonText…). */
export function systemColour(doc: Document, keyword: string): string {
  const probe = doc.createElement('span');
  probe.style.color = keyword;
  doc.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}
