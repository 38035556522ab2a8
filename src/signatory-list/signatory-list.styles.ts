import { css } from 'lit';
import { theme } from '../core/styles.js';

export const signatoryListStyles = css`
  :host {
    --_logo-size: var(--compact-logo-size, 3rem);
    --_item-gap: var(--compact-item-gap, 0.75rem);
  }
  p {
    margin: 0;
  }
  .summary {
    margin: 0 0 ${theme.space};
  }
  .summary-total {
    font-size: 1.1875rem;
    font-weight: 700;
  }
  .sector-counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5rem;
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75rem 1rem;
    margin: 0 0 ${theme.space};
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
    max-width: 100%;
  }
  .field-search {
    flex: 1 1 16rem;
  }
  label {
    font-weight: 700;
  }
  .hint {
    font-size: 0.9375rem;
  }
  input,
  select {
    min-height: 44px;
    max-width: 100%;
    padding: 0.25rem 0.5rem;
    border: 2px solid var(--compact-text-colour, #0b0c0c);
    border-radius: ${theme.radius};
    background: ${theme.background};
    color: inherit;
  }
  input {
    width: 100%;
  }
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid ${theme.focus};
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px;
  }
  .results-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    margin: 0 0 0.5rem;
  }
  .results-heading,
  .group-heading {
    margin: 0;
    font-size: 1.1875rem;
    font-weight: 700;
  }
  .results-heading:focus {
    outline: 3px solid ${theme.focus};
    outline-offset: 2px;
    box-shadow: none;
  }
  .results-heading:focus:not(:focus-visible) {
    outline: none;
  }
  .group-heading {
    margin-top: ${theme.space};
    padding-bottom: 0.25rem;
    border-bottom: 2px solid ${theme.border};
  }
  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    padding: var(--_item-gap) 0;
    border-bottom: 1px solid ${theme.border};
  }
  .logo {
    flex: none;
    width: var(--_logo-size);
    height: var(--_logo-size);
    object-fit: contain;
  }
  .item-body {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .name {
    font-weight: 700;
  }
  .meta span:not([hidden]) ~ span:not([hidden])::before {
    content: '·' / '';
    margin-inline-end: 0.3em;
  }
  .no-results {
    margin: 0.5rem 0 ${theme.space};
  }
  .pagination ul {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
    margin: ${theme.space} 0 0;
    padding: 0;
    list-style: none;
  }
  .page-button {
    min-width: 44px;
    min-height: 44px;
    padding: 0.25rem 0.75rem;
    border: 2px solid transparent;
    border-radius: ${theme.radius};
    background: none;
    color: ${theme.link};
    text-decoration: underline;
    cursor: pointer;
  }
  .page-button[aria-current='page'] {
    text-decoration: none;
    font-weight: 700;
  }
  .page-button[aria-current='page']:not(:focus-visible) {
    background: ${theme.button};
    color: ${theme.buttonText};
  }
  /* Focus: the shared button indicator (src/core/styles.ts). */
  .gap {
    padding: 0 0.25rem;
  }
  @media (forced-colors: active) {
    input,
    select {
      border-color: ButtonText;
    }
    /* The second selector is as specific as the green one above, which would otherwise win at rest:
       this box opts out of forced colours, so that green would be kept in every palette. */
    .page-button[aria-current='page'],
    .page-button[aria-current='page']:not(:focus-visible) {
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    .page-button:focus-visible,
    .results-heading:focus {
      outline: 3px solid Highlight;
    }
  }
  @media print {
    .controls,
    .download,
    .pagination {
      display: none;
    }
  }
`;
