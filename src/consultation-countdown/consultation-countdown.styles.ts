import { css } from 'lit';
import { theme } from '../core/styles.js';

export const countdownStyles = css`
  :host {
    --_soon: var(--compact-countdown-soon-colour, #6e3619);
    --_soon-background: var(--compact-countdown-soon-background, #fcd6c3);
    --_tag: var(--compact-countdown-tag-colour, #0c2d4a);
    --_tag-background: var(--compact-countdown-tag-background, #bbd4ea);
  }
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .list > li + li {
    margin-top: calc(${theme.space} * 1.5);
    padding-top: calc(${theme.space} * 1.5);
    border-top: 1px solid ${theme.border};
  }
  .consultation > * {
    margin: 0 0 calc(${theme.space} * 0.75);
  }
  .consultation > :last-child {
    margin-bottom: 0;
  }
  .title {
    font-size: 1.1875rem;
    font-weight: 700;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .tag {
    display: inline-block;
    padding: 0.125rem 0.5rem;
    border: 2px solid transparent;
    background: var(--_tag-background);
    color: var(--_tag);
    font-weight: 700;
    font-size: 0.9375rem;
  }
  .tag.closed {
    background: ${theme.surface};
    color: ${theme.secondary};
  }
  .tag.soon {
    background: var(--_soon-background);
    color: var(--_soon);
  }
  .countdown {
    font-weight: 700;
    font-size: 1.1875rem;
    font-variant-numeric: tabular-nums;
  }
  .soon .countdown {
    padding-inline-start: 0.75rem;
    border-inline-start: 5px solid var(--_soon);
  }
  .closed .countdown {
    font-weight: 400;
    font-size: inherit;
  }
  .summary,
  .standard {
    max-width: 40em;
    overflow-wrap: anywhere;
  }
  .standard {
    padding: 0.5rem 0.75rem;
    border-inline-start: 5px solid ${theme.border};
    background: ${theme.surface};
  }
  .standard > p {
    margin: 0;
  }
  .standard > p + p {
    margin-top: 0.25rem;
  }
  a.button,
  a.button:visited {
    color: ${theme.buttonText};
    text-decoration: none;
    font-weight: 700;
  }
  a.button:focus-visible {
    color: ${theme.focusText}; /* over a:visited; the rest is the shared button indicator */
  }
  .toggle {
    min-height: 44px;
    min-width: 44px;
  }
  .toggle[aria-pressed='true']:not(:focus-visible) {
    box-shadow: inset 0 0 0 2px var(--compact-text-colour, #0b0c0c);
  }
  .fallback {
    margin-bottom: ${theme.space};
  }
  @media (forced-colors: active) {
    .tag,
    .standard {
      border: 2px solid CanvasText;
    }
    .soon .countdown {
      border-inline-start-color: Highlight;
    }
    .toggle[aria-pressed='true']:not(:focus-visible) {
      outline: 3px solid Highlight;
    }
  }
`;
