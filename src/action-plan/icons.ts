import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { ActionStatus } from '../feed/types.js';

/**
 * One small shape per status, so that status never rests on colour alone: an empty ring (not
 * started), a half-filled ring (in progress), a clock (delayed), a ring with a tick (complete) and
 * a struck-through ring (cancelled). Always beside the status word and hidden from assistive
 * technology. They draw in `currentColor` (nothing in a fixed colour, not even a fill left black), and
 * in forced-colours mode that is the text's system colour, so they follow the person's palette.
 */
export function statusIcon(status: ActionStatus): TemplateResult {
  return html`<svg class="icon icon-${status}" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
    ${statusShape(status)}
  </svg>`;
}

/** `svg`, not `html`: a separate template's shapes must be made in the SVG namespace. */
function statusShape(status: ActionStatus): SVGTemplateResult {
  switch (status) {
    case 'not-started':
      return svg`<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2" />`;
    case 'in-progress':
      return svg`<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M8 2a6 6 0 0 1 0 12z" fill="currentColor" />`;
    case 'delayed':
      return svg`<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M8 4.5V8l2.5 1.8" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />`;
    case 'complete':
      return svg`<circle cx="8" cy="8" r="7" fill="currentColor" />
        <path class="icon-knockout" d="M4.6 8.3l2.2 2.2 4.6-4.8" fill="none" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />`;
    case 'cancelled':
      return svg`<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M3.8 12.2l8.4-8.4" fill="none" stroke="currentColor" stroke-width="2" />`;
  }
}

/** A warning triangle for "overdue", which can sit beside any status. */
export function overdueIcon(): TemplateResult {
  return html`<svg class="icon icon-overdue" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
    <path d="M8 1.5l7 12.5H1z" fill="currentColor" />
    <path class="icon-knockout" d="M8 6v4M8 11.6v.4" fill="none" stroke-width="1.8" stroke-linecap="round" />
  </svg>`;
}

/** The arrow of an aim's disclosure button; the button's aria-expanded turns it (in CSS). */
export function chevronIcon(): TemplateResult {
  return html`<svg class="icon chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
    <path d="M5 3l5 5-5 5" fill="none" stroke="currentColor" stroke-width="2" />
  </svg>`;
}
