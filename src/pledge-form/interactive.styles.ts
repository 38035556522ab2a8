import { css } from 'lit';
import { theme } from '../core/styles.js';

/**
 * The styles of what the form shows only once someone has started on it (errors at the fields, a
 * pledge over the limit, the "already signed" notice, the error summary, the confirmation panel,
 * the outbox): adopted when that code loads.
 */
export const interactiveStyles = css`
  :host {
    --_panel: var(--compact-panel-colour, ${theme.success});
    --_panel-text: var(--compact-panel-text-colour, #ffffff);
  }
  .field-error {
    padding-inline-start: 0.75rem;
    border-inline-start: 5px solid ${theme.error};
  }
  .input[aria-invalid='true'],
  .textarea[aria-invalid='true'],
  .textarea.over {
    border-color: ${theme.error};
  }
  .count.over {
    color: ${theme.error};
    font-weight: 700;
  }
  .already {
    margin: 0.5rem 0 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 5px solid ${theme.link};
    background: ${theme.surface};
    max-width: var(--_field-width);
  }
  .already a {
    display: inline-block;
    margin-top: 0.25rem;
  }
  .error-summary {
    margin: 0 0 calc(${theme.space} * 1.5);
    padding: 1rem;
    border: 5px solid ${theme.error};
  }
  .error-summary:focus {
    outline: 3px solid ${theme.focus};
  }
  .error-summary-title {
    margin: 0 0 0.75rem;
    font-size: 1.3rem;
  }
  .error-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-list li + li {
    margin-top: 0.4rem;
  }
  .error-list a,
  .error-list a:visited {
    color: ${theme.error};
    font-weight: 700;
  }
  .error-list a:focus-visible {
    color: ${theme.focusText};
  }
  .panel {
    margin: 0 0 ${theme.space};
    padding: 1.5rem 1rem;
    border: 5px solid transparent;
    background: var(--_panel);
    color: var(--_panel-text);
    text-align: center;
  }
  .panel:focus {
    outline: 3px solid ${theme.focus};
  }
  .panel-title {
    margin: 0 0 0.75rem;
    font-size: 1.75rem;
  }
  .panel p:last-child {
    margin-bottom: 0;
  }
  .reference {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .outbox:focus {
    outline: 3px solid ${theme.focus};
  }
  @media (forced-colors: active) {
    .panel,
    .error-summary,
    .already,
    .field-error {
      border-color: CanvasText;
    }
    .input[aria-invalid='true'],
    .textarea[aria-invalid='true'],
    .textarea.over {
      border-style: double;
      border-width: 4px;
    }
  }
`;
