/**
 * What the form needs once someone starts on it, or when something is saved on this device to
 * resume: loaded with a dynamic import, so that first paint downloads only the questions. The
 * bundle puts this module, and everything only it imports (the session and its views, the sender,
 * the validators, the "already signed" lookup), in a chunk of its own.
 */
export { FormSession, type FocusTarget, type SessionHost } from './form-session.js';
export { interactiveStyles } from './interactive.styles.js';
