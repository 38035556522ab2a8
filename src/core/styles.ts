import { css } from 'lit';

/**
 * The shared theme values, for element styles: `margin: ${theme.space}`, `border-color: ${theme.border}`.
 * Each is the host's `--compact-*` value or the shared default, through a custom property that
 * baseStyles sets on `:host` (see there) and nothing else sets. Elements use these, never the
 * properties behind them, so that those stay the base's own. Each value is a `css` literal written
 * out here: no CSS is built from strings.
 */
export const theme = {
  link: css`var(--_link)`,
  linkVisited: css`var(--_link-visited)`,
  focus: css`var(--_focus)`,
  focusText: css`var(--_focus-text)`,
  border: css`var(--_border)`,
  secondary: css`var(--_secondary)`,
  error: css`var(--_error)`,
  success: css`var(--_success)`,
  surface: css`var(--_surface)`,
  background: css`var(--_background)`,
  button: css`var(--_button)`,
  buttonText: css`var(--_button-text)`,
  radius: css`var(--_radius)`,
  space: css`var(--_space)`,
};

export type ThemeToken = keyof typeof theme;

/** A theme value as resolved in an element's computed style, for script that needs it (a chart's colours). */
export function themeValue(styles: CSSStyleDeclaration, token: ThemeToken): string {
  const property = theme[token].cssText.slice('var('.length, -')'.length); // `var(--_x)` → `--_x`
  return styles.getPropertyValue(property).trim();
}

/**
 * Shared look: close to the GOV.UK Design System, inheriting the host page's font. Every colour and
 * size is a `--compact-*` custom property so a host can theme it; forced-colours mode gets system
 * colours. Elements add their own styles after these.
 */
export const baseStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--compact-text-colour, #0b0c0c);
    line-height: var(--compact-line-height, 1.5);
    --_link: var(--compact-link-colour, #1d70b8);
    --_link-visited: var(--compact-link-visited-colour, #4c2c92);
    --_focus: var(--compact-focus-colour, #ffdd00);
    --_focus-text: var(--compact-focus-text-colour, #0b0c0c);
    --_border: var(--compact-border-colour, #b1b4b6);
    --_secondary: var(--compact-secondary-text-colour, #505a5f);
    --_error: var(--compact-error-colour, #d4351c);
    --_success: var(--compact-success-colour, #00703c);
    --_surface: var(--compact-surface-colour, #f3f2f1);
    --_background: var(--compact-background-colour, #ffffff);
    --_button: var(--compact-button-colour, #00703c);
    --_button-text: var(--compact-button-text-colour, #ffffff);
    --_radius: var(--compact-radius, 0);
    --_space: var(--compact-space, 1rem);
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Hostile host CSS (e.g. "div { display: none !important }") cannot reach into the shadow root,
     but inherited properties can: reset the ones that would break reading. Letter and word spacing
     are left to inherit: a reader's own stylesheet or text-spacing tool sets them on the page's
     elements, the host among them, and it is the only way they reach a shadow root (WCAG 1.4.12). */
  .base {
    color: var(--compact-text-colour, #0b0c0c);
    line-height: var(--compact-line-height, 1.5);
    text-align: start;
    text-transform: none;
    /* Feed text has words no phone line can hold (Welsh place names, web addresses): they break
       rather than widen the page (WCAG 1.4.10). */
    overflow-wrap: break-word;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* .link-button: a button that acts in place but reads as a link ("Clear the form", "Show only
     overdue actions"): a link's look and focus, a button's semantics. Elements add only its size. */
  a,
  .link-button {
    color: var(--_link);
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625rem);
    text-underline-offset: 0.1578em;
  }
  a:visited {
    color: var(--_link-visited);
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    font-weight: inherit;
    cursor: pointer;
  }
  a:hover,
  .link-button:hover {
    text-decoration-thickness: max(3px, 0.1875rem);
  }
  a:focus-visible,
  .link-button:focus-visible {
    outline: 3px solid transparent;
    color: var(--_focus-text);
    background-color: var(--_focus);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_focus-text);
    text-decoration: none;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    line-height: 1.25;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }
  .button {
    display: inline-block;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_button);
    color: var(--_button-text);
    box-shadow: 0 2px 0 #002d18;
    cursor: pointer;
  }
  .button.secondary {
    background: var(--_surface);
    color: var(--compact-text-colour, #0b0c0c);
    box-shadow: 0 2px 0 #929191;
  }
  /* One focus indicator for every button-like control, as GOV.UK's: yellow, with a black bar
     beneath. The bar is what reaches 3:1 against any page (yellow beside white or light grey does
     not), so it is never left out. The transparent outline shows in forced-colours mode. */
  .button:focus-visible,
  .toggle:focus-visible,
  .page-button:focus-visible {
    border-color: var(--_focus);
    outline: 3px solid transparent;
    outline-offset: 0;
    box-shadow: 0 2px 0 var(--_focus-text);
    background: var(--_focus);
    color: var(--_focus-text);
    text-decoration: none;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  .secondary-text {
    color: var(--_secondary);
  }
  .loading {
    min-height: var(--compact-loading-min-height, 6rem);
    color: var(--_secondary);
  }
  .notice {
    margin: 0 0 var(--_space);
    padding: 0.75rem 1rem;
    border-inline-start: 5px solid var(--_border);
    background: var(--_surface);
  }
  .notice.error {
    border-color: var(--_error);
  }
  .notice > :first-child {
    margin-top: 0;
  }
  .notice > :last-child {
    margin-bottom: 0;
  }
  .notice-title {
    margin: 0 0 0.5rem;
    font-size: 1.1875rem;
    font-weight: 700;
  }
  @media (prefers-reduced-motion: no-preference) {
    .loading-bar {
      animation: compact-pulse 1.5s ease-in-out infinite;
    }
  }
  .loading-bar {
    height: 0.75rem;
    max-width: 20rem;
    margin-top: 0.5rem;
    background: var(--_surface);
  }
  @keyframes compact-pulse {
    50% {
      opacity: 0.4;
    }
  }
  @media (forced-colors: active) {
    .button,
    .notice {
      border: 2px solid ButtonText;
    }
    a:focus-visible,
    .link-button:focus-visible,
    :focus-visible,
    .button:focus-visible,
    .toggle:focus-visible,
    .page-button:focus-visible {
      outline: 3px solid Highlight;
      background: none;
      color: LinkText;
    }
    .loading-bar {
      background: GrayText;
    }
    /* A button takes ButtonText here: a link button keeps the link's colour. */
    .link-button {
      color: LinkText;
    }
  }
  @media print {
    .button,
    .no-print {
      display: none !important;
    }
  }
`;
