import { css } from 'lit';

/**
 * The styles of what the form shows only once someone has started on it (the "already signed"
 * notice, the error summary, the confirmation panel, the outbox): adopted when that code loads.
 */
export const interactiveStyles = css`
  .already {
    margin: 0.5rem 0 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 5px solid var(--_link);
    background: var(--_surface);
    max-width: var(--_field-width);
  }
  .already a {
    display: inline-block;
    margin-top: 0.25rem;
  }
  .error-summary {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: 1rem;
    border: 5px solid var(--_error);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
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
    color: var(--_error);
    font-weight: 700;
  }
  .error-list a:focus-visible {
    color: var(--_focus-text);
  }
  .panel {
    margin: 0 0 var(--_space);
    padding: 1.5rem 1rem;
    border: 5px solid transparent;
    background: var(--_panel);
    color: var(--_panel-text);
    text-align: center;
  }
  .panel:focus {
    outline: 3px solid var(--_focus);
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
    outline: 3px solid var(--_focus);
  }
  @media (forced-colors: active) {
    .panel,
    .error-summary,
    .already {
      border-color: CanvasText;
    }
  }
`;
