import { css } from 'lit';
import { theme } from '../core/styles.js';

/**
 * GOV.UK Design System form patterns (labels, hints, character count), built on the shared
 * tokens: what first paint shows. What shows only once someone has started (errors, the error
 * summary, the panel, the outbox) is in interactive.styles.ts, adopted when that code loads.
 * Native radios and checkboxes, enlarged, so that forced-colours mode and every assistive
 * technology treat them as what they are.
 *
 * Comments are kept out of the CSS text (no minifier touches it, and it ships as written).
 * `.link-button` is the shared one (core/styles.ts), made as tall as the button beside it.
 * `:where(.subheading)`: the headings one level below the form's own (h3 by default; see
 * heading-level), as weak as a tag selector, so .notice-title, .panel-title and the like still win.
 */
const fieldStyles = css`
  :host {
    --_input-border: var(--compact-input-border-colour, #0b0c0c);
    --_field-width: var(--compact-field-max-width, 30rem);
  }
  .heading {
    margin: 0 0 ${theme.space};
    font-size: var(--compact-heading-size, 1.5rem);
    line-height: 1.25;
  }
  :where(.subheading) {
    margin: calc(${theme.space} * 1.5) 0 calc(${theme.space} * 0.75);
    font-size: 1.1875rem;
    line-height: 1.3;
  }
  p {
    margin: 0 0 ${theme.space};
  }
  .statement {
    margin: 0 0 ${theme.space};
    padding: 0.75rem 1rem;
    border-inline-start: 5px solid ${theme.border};
  }
  .statement > .subheading {
    margin-top: 0;
  }
  .statement > :last-child {
    margin-bottom: 0;
  }
  .statement-text {
    white-space: pre-line;
  }
  .statement ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .statement li + li {
    margin-top: 0.25rem;
  }
  form {
    margin: 0;
  }
  .field {
    margin: 0 0 calc(${theme.space} * 1.5);
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend,
  .label {
    display: block;
    max-width: 100%;
    margin: 0 0 0.3rem;
    padding: 0;
    font-weight: 700;
    white-space: normal;
  }
  .hint {
    margin: 0 0 0.5rem;
    color: ${theme.secondary};
  }
  .error-message {
    display: block;
    margin: 0 0 0.5rem;
    color: ${theme.error};
    font-weight: 700;
  }
  .input,
  .textarea {
    display: block;
    width: 100%;
    max-width: var(--_field-width);
    min-height: 2.5rem;
    padding: 0.3rem 0.4rem;
    border: 2px solid var(--_input-border);
    border-radius: ${theme.radius};
    background: ${theme.background};
    color: inherit;
  }
  .textarea {
    max-width: calc(var(--_field-width) * 1.5);
    resize: vertical;
  }
  .input.narrow {
    max-width: 14rem;
  }
  .input:focus-visible,
  .textarea:focus-visible {
    outline: 3px solid ${theme.focus};
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_input-border);
  }
`;

/**
 * GOV.UK's large radios and checkboxes: the native input (44 × 44, transparent) lies over a
 * 40 × 40 box drawn by its label, so the hit area is large and the input stays a real input for
 * every assistive technology; focus thickens the box and rings it in yellow. The conditional
 * reveal: the question a choice brings, right under that choice.
 */
const choiceStyles = css`
  .choices {
    display: grid;
    gap: 0.625rem;
  }
  .choice {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
  }
  .choice input {
    position: relative;
    z-index: 1;
    flex: none;
    width: 44px;
    height: 44px;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .choice label {
    align-self: center;
    max-width: calc(100% - 44px);
    padding: 0.4375rem 0.9375rem;
    cursor: pointer;
    touch-action: manipulation;
  }
  .choice label::before {
    content: '';
    position: absolute;
    top: 2px;
    inset-inline-start: 2px;
    box-sizing: border-box;
    width: 40px;
    height: 40px;
    border: 2px solid currentColor;
    background: ${theme.background};
  }
  .choice label::after {
    content: '';
    position: absolute;
    box-sizing: border-box;
    opacity: 0;
  }
  .choice input[type='radio'] + label::before {
    border-radius: 50%;
  }
  .choice input[type='radio'] + label::after {
    top: 12px;
    inset-inline-start: 12px;
    width: 0;
    height: 0;
    border: 10px solid currentColor;
    border-radius: 50%;
    background: currentColor;
  }
  .choice input[type='checkbox'] + label::after {
    top: 13px;
    inset-inline-start: 10px;
    width: 23px;
    height: 12px;
    border: solid;
    border-width: 0 0 5px 5px;
    border-top-color: transparent;
    background: transparent;
    transform: rotate(-45deg);
  }
  .choice input:checked + label::after {
    opacity: 1;
  }
  .choice input:focus + label::before {
    border-width: 4px;
    outline: 3px solid transparent;
    outline-offset: 1px;
    box-shadow: 0 0 0 4px ${theme.focus};
  }
  .choice input[type='checkbox']:focus + label::before {
    box-shadow: 0 0 0 3px ${theme.focus};
  }
  .choice .hint {
    width: 100%;
    margin: -0.3125rem 0 0;
    padding-inline: 3.6875rem 0.9375rem;
  }
  .conditional {
    margin: 0;
    margin-inline-start: 1.125rem;
    padding-inline-start: 2.0625rem;
    border-inline-start: 4px solid ${theme.border};
  }
  .conditional-hidden {
    display: none;
  }
`;

const countAndActionStyles = css`
  .count {
    margin: 0.3rem 0 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1rem 1.5rem;
  }
  .actions .button {
    min-width: 8rem;
  }
  .button[aria-disabled='true'] {
    opacity: 0.75;
    cursor: progress;
  }
  .link-button {
    min-height: 44px;
  }
  @media (forced-colors: active) {
    .statement {
      border-color: CanvasText;
    }
    .choice input:focus + label::before {
      outline-color: Highlight;
    }
  }
`;

export const pledgeFormStyles = [fieldStyles, choiceStyles, countAndActionStyles];
