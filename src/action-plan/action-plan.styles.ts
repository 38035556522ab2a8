import { css } from 'lit';
import { theme } from '../core/styles.js';

export const actionPlanStyles = css`
  :host {
    --_status-not-started: var(--compact-status-not-started, #505a5f);
    --_status-in-progress: var(--compact-status-in-progress, #1d70b8);
    --_status-delayed: var(--compact-status-delayed, #b3400b);
    --_status-complete: var(--compact-status-complete, #00703c);
    --_status-cancelled: var(--compact-status-cancelled, #6f2b8f);
    --_overdue: var(--compact-overdue-colour, ${theme.error});
    --_progress: var(--compact-progress-colour, #1d70b8);
    --_progress-track: var(--compact-progress-track-colour, ${theme.surface});
  }
  [hidden]:not([hidden='until-found']) {
    display: none !important;
  }
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0 0 0.5rem;
    line-height: 1.25;
  }
  .plan-title {
    font-size: 1.5rem;
  }
  .plan-header p {
    margin: 0 0 0.25rem;
  }
  .plan-header {
    margin-bottom: ${theme.space};
  }

  /* Overview */
  .overview {
    margin-bottom: calc(${theme.space} * 1.5);
    padding: ${theme.space};
    border: 1px solid ${theme.border};
    border-radius: ${theme.radius};
  }
  .overview-title,
  .aim-title {
    font-size: 1.25rem;
  }
  .overall {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  .overall-label {
    font-weight: 700;
  }
  .overall progress {
    flex: 1 1 10rem;
    max-width: 24rem;
    height: 1.25rem;
  }
  .overall-value {
    font-size: 1.5rem;
    font-weight: 700;
  }
  .method {
    margin: 0.25rem 0 0.75rem;
    font-size: 0.875rem;
  }
  .overdue-summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    margin: 0 0 ${theme.space};
  }
  .overdue-summary.has-overdue {
    font-weight: 700;
  }
  /* The shared .link-button (core/styles.ts), at the size of a line of text. */
  .link-button {
    min-height: 24px;
    padding: 0.125rem 0;
    font-weight: 400;
  }

  /* Charts and their tables */
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: ${theme.space};
  }
  .figure {
    min-width: 0;
    margin: 0;
  }
  .figure-aims {
    grid-column: 1 / -1;
  }
  .figure-title {
    margin-bottom: 0.5rem;
    font-weight: 700;
  }
  .view-switch {
    display: inline-flex;
    margin-bottom: 0.5rem;
    border: 2px solid ${theme.button};
    border-radius: ${theme.radius};
  }
  .toggle {
    min-width: 44px;
    min-height: 44px;
    padding: 0.25rem 0.875rem;
    border: 0;
    background: ${theme.background};
    color: ${theme.button};
    cursor: pointer;
  }
  .toggle[aria-pressed='true']:not(:focus-visible) {
    background: ${theme.button};
    color: ${theme.buttonText};
    font-weight: 700;
  }
  .chart-view {
    position: relative;
    width: 100%;
    height: 18rem;
  }
  .figure[data-view='chart'] .table-view {
    display: none;
  }
  /* A table wider than a phone scrolls sideways inside a focusable, labelled region, with shadows at
     the edge it can scroll towards (they scroll away with the content: background-attachment local). */
  .table-scroll {
    overflow-x: auto;
    background:
      linear-gradient(to right, ${theme.background} 30%, transparent) left / 2.5rem 100% no-repeat local,
      linear-gradient(to left, ${theme.background} 30%, transparent) right / 2.5rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 0.35), transparent) left / 1rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 0.35), transparent) right / 1rem 100% no-repeat scroll;
    background-color: ${theme.background};
  }
  .table-scroll:focus-visible {
    outline: 3px solid ${theme.focus};
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px ${theme.focusText};
  }
  .data-table tbody th {
    min-width: 7rem;
    overflow-wrap: anywhere;
  }
  .data-table {
    width: 100%;
    border-collapse: collapse;
  }
  .data-table th,
  .data-table td {
    padding: 0.375rem 0.5rem 0.375rem 0;
    border-bottom: 1px solid ${theme.border};
    text-align: start;
    vertical-align: top;
  }
  .data-table thead th {
    font-weight: 700;
  }
  .data-table tbody th {
    font-weight: 400;
  }
  .data-table tfoot th,
  .data-table tfoot td {
    font-weight: 700;
  }
  .data-table .number {
    text-align: end;
    white-space: nowrap;
  }
  /* A heading of two words ("Camau gweithredu") may wrap: on one line it widened the status table,
     which has no scroll region, past a phone's width with WCAG text spacing. */
  .data-table thead .number {
    white-space: normal;
  }

  /* Filters */
  .filters {
    margin-bottom: ${theme.space};
    padding: ${theme.space};
    background: ${theme.surface};
    border-radius: ${theme.radius};
  }
  .filters-title {
    font-size: 1.1875rem;
  }
  .filter-fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: 0.75rem ${theme.space};
  }
  .field label {
    display: block;
    margin-bottom: 0.25rem;
    font-weight: 700;
  }
  select {
    width: 100%;
    min-height: 44px;
    padding: 0.25rem;
    border: 2px solid var(--compact-text-colour, #0b0c0c);
    border-radius: ${theme.radius};
    background: ${theme.background};
    color: inherit;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin-top: 0.75rem;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 44px;
  }
  .check input {
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--compact-text-colour, #0b0c0c);
  }
  .clear {
    margin-top: 0.75rem;
  }
  .results-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem ${theme.space};
    margin: 0 0 ${theme.space};
  }
  .results {
    margin: 0;
    font-weight: 700;
  }
  .results:focus-visible {
    outline-offset: 2px;
  }

  /* Aims and actions */
  /* No content-visibility here: Chromium leaves skipped content out of the accessibility tree, so
     screen readers could not reach the aims below the first screen. */
  .aim {
    margin-bottom: calc(${theme.space} * 2);
  }
  .aim-summary {
    margin: 0 0 0.75rem;
  }
  .find-index {
    margin: 0;
  }
  /* A long plan's aims are disclosures: the whole heading is the button, the arrow turns when open. */
  .aim-toggle {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    width: 100%;
    min-height: 44px;
    padding: 0.375rem 0;
    border: 0;
    background: none;
    color: ${theme.link};
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .aim-toggle:hover .aim-toggle-text {
    text-decoration: underline;
    text-decoration-thickness: 3px;
  }
  /* The shared focus indicator of the buttons (src/core/styles.ts): yellow, a black bar beneath. */
  .aim-toggle:focus-visible {
    outline: 3px solid transparent;
    background: ${theme.focus};
    color: ${theme.focusText};
    box-shadow: 0 2px 0 ${theme.focusText};
  }
  .chevron {
    margin-top: 0.2em;
    transition: transform 0.1s;
  }
  .aim-toggle[aria-expanded='true'] .chevron {
    transform: rotate(90deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }
  .actions,
  .updates {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .action {
    margin: 0 0 ${theme.space};
    padding: 0.75rem ${theme.space};
    border: 1px solid ${theme.border};
    border-inline-start: 5px solid ${theme.border};
    border-radius: ${theme.radius};
    background: ${theme.background};
  }
  .action.is-overdue {
    border-inline-start-color: var(--_overdue);
  }
  .action-title {
    font-size: 1.125rem;
  }
  .description {
    margin: 0 0 0.5rem;
  }
  /* Each fact is one line of flowing text ("Status  In progress"), wrapping as text does: no grid,
     flex box, float or wrapper per fact (a line break after each value). With 400 actions those
     boxes were about half of the layout time, and the wrappers one node in nine (bench). */
  .facts {
    margin: 0 0 0.5rem;
    line-height: 1.6;
  }
  .facts dt {
    display: inline;
    margin-inline-end: 0.5rem;
    font-weight: 700;
  }
  .facts dd {
    display: inline;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .facts dd::after {
    content: '\\A';
    white-space: pre;
  }
  .status,
  .overdue-flag {
    margin-inline-end: 0.75rem;
  }
  .icon {
    flex: none;
    width: 1em;
    height: 1em;
    vertical-align: -0.125em;
  }
  .icon-knockout {
    stroke: ${theme.background};
  }
  .icon-not-started {
    color: var(--_status-not-started);
  }
  .icon-in-progress {
    color: var(--_status-in-progress);
  }
  .icon-delayed {
    color: var(--_status-delayed);
  }
  .icon-complete {
    color: var(--_status-complete);
  }
  .icon-cancelled {
    color: var(--_status-cancelled);
  }
  .overdue-flag,
  .icon-overdue {
    color: var(--_overdue);
    font-weight: 700;
  }
  .joint {
    display: inline-block;
    margin-inline-start: 0.25rem;
    padding: 0 0.375rem;
    border: 1px solid currentColor;
    border-radius: ${theme.radius};
    font-size: 0.875rem;
  }
  /* The bar and its number stay on one line, beside "Progress" even on a phone. */
  .progress-row {
    white-space: nowrap;
  }
  .progress-row progress {
    width: min(50%, 12rem);
    height: 0.875rem;
    margin-inline-end: 0.5rem;
    vertical-align: middle;
  }
  progress {
    appearance: none;
    border: 1px solid ${theme.secondary};
    border-radius: ${theme.radius};
    background: var(--_progress-track);
    color: var(--_progress);
  }
  progress::-webkit-progress-bar {
    background: var(--_progress-track);
  }
  progress::-webkit-progress-value {
    background: var(--_progress);
  }
  progress::-moz-progress-bar {
    background: var(--_progress);
  }
  .latest p {
    margin: 0;
  }
  .update-date time {
    margin-inline-start: 0.25rem;
  }
  .history {
    margin-top: 0.5rem;
  }
  .history summary {
    display: inline-block;
    min-height: 24px;
    color: ${theme.link};
    text-decoration: underline;
    cursor: pointer;
  }
  .history summary::before {
    content: '▸ ';
  }
  .history[open] summary::before {
    content: '▾ ';
  }
  .updates li {
    margin-top: 0.5rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid ${theme.border};
  }
  .updates .update-date {
    display: block;
    font-weight: 700;
  }

  @media (forced-colors: active) {
    /* Canvas colours cannot follow the system palette: the tables say the same. */
    .chart-view,
    .view-switch {
      display: none;
    }
    .figure .table-view {
      display: block !important;
    }
    /* The bar's fill is a background, which forced colours would wipe out: draw it in system colours. */
    progress {
      forced-color-adjust: none;
      border-color: CanvasText;
      background: Canvas;
    }
    progress::-webkit-progress-bar {
      background: Canvas;
    }
    progress::-webkit-progress-value {
      background: Highlight;
    }
    progress::-moz-progress-bar {
      background: Highlight;
    }
    .toggle[aria-pressed='true'] {
      border: 2px solid Highlight;
    }
    .action.is-overdue {
      border-inline-start-width: 8px;
    }
    .icon-knockout {
      stroke: Canvas;
    }
    /* An SVG keeps a colour set on itself in forced colours (it is preserve-parent-color), so the
       status colours would stay, whatever the palette: take the text's system colour instead. The
       shapes still tell the statuses apart. After the .icon-* colours, which it overrides. */
    .icon {
      color: inherit;
    }
    /* Drawn as a link, with no box: a link's system colour, as the shared .link-button has. */
    .aim-toggle {
      color: LinkText;
    }
  }

  @media print {
    .filters,
    .view-switch,
    .link-button,
    .chart-view {
      display: none !important;
    }
    .figure .table-view {
      display: block !important;
    }
    .action,
    .figure {
      break-inside: avoid;
      border-color: #000;
    }
    .history summary::before {
      content: '';
    }
    /* The element builds and opens every aim for print (beforeprint, or print media). */
    .chevron,
    .expand-all {
      display: none !important;
    }
    .aim-toggle {
      color: inherit;
    }
    /* Chromium shows the body of a closed <details> in print with this; the element also opens them on beforeprint. */
    .history::details-content {
      content-visibility: visible;
      display: block;
    }
    a {
      color: inherit;
    }
  }
`;
