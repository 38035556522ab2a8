/**
 * What the form needs once someone starts on it, or when something is saved on this device to
 * resume: loaded with a dynamic import, so that first paint downloads only the questions.
 * (The bundle puts this module, and everything only it imports, in a chunk of its own.)
 */
export { renderConfirmation } from './confirmation-view.js';
export { placeServerErrors, pathOf, renderErrorSummary } from './error-summary.js';
export { renderOutbox, waitingText } from './outbox-view.js';
export { PledgeSender, type SenderState } from './pledge-sender.js';
export { alreadySignedText, SignedLookup } from './signed-lookup.js';
export { reviveValues, toBody } from './body.js';
export { validateField, validateForm, type Validator } from './validators.js';
