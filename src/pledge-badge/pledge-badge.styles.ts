import { css } from 'lit';
import { theme } from '../core/styles.js';

export const pledgeBadgeStyles = css`
  :host {
    display: inline-block;
    max-width: 100%;
    vertical-align: middle;
    --_mark: var(--compact-badge-mark-colour, ${theme.success});
    --_badge-background: var(--compact-badge-background, ${theme.surface});
    --_badge-border: var(--compact-badge-border-colour, var(--_mark));
  }
  :host([variant='card']) {
    display: block;
    max-width: var(--compact-badge-max-width, 24rem);
  }
  /* A badge is small: the shared loading state would reserve a large box. */
  .loading {
    min-height: 0;
  }
  .loading p {
    margin: 0;
  }
  .notice {
    margin: 0;
  }
  .badge {
    border: 2px solid var(--_badge-border);
    border-radius: ${theme.radius};
    background: var(--_badge-background);
  }
  .badge.inline {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.2em 0.6em;
  }
  .inline .words {
    display: inline-flex;
    flex-wrap: wrap;
    column-gap: 0.4em;
  }
  .inline .since::before {
    content: '·' / '';
    margin-inline-end: 0.4em;
  }
  .badge.card {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
    padding: 0.75rem 1rem;
  }
  .card .words {
    display: flex;
    flex-direction: column;
  }
  .mark {
    flex: none;
    width: 1.25em;
    height: 1.25em;
  }
  .card .mark {
    width: 2rem;
    height: 2rem;
  }
  .mark-circle {
    fill: var(--_mark);
  }
  .mark-tick {
    fill: none;
    stroke: var(--_badge-background);
    stroke-width: 2.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .words {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .compact {
    font-weight: 700;
  }
  .organisation {
    font-weight: 700;
    font-size: 1.1875rem;
  }
  .since {
    color: ${theme.secondary};
  }
  .pledge {
    grid-column: 1 / -1;
    margin: 0.5rem 0 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 4px solid ${theme.border};
  }
  .pledge::before {
    content: '“';
  }
  .pledge::after {
    content: '”';
  }
  @media (forced-colors: active) {
    .badge {
      border-color: CanvasText;
    }
    .mark-circle {
      fill: CanvasText;
    }
    .mark-tick {
      stroke: Canvas;
    }
  }
`;
