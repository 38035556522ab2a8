/**
 * How the server cleans every text it keeps, the public's and the staff's alike: NFC, no
 * bidirectional overrides, and no control characters (PostgreSQL refuses a NUL, and none is
 * meant). One module, so that a pledge, an authoring box, a spreadsheet cell and a moderator's
 * reason are read by the same rules.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]+/g;
/**
 * The bidirectional embeddings and overrides (U+202A–U+202E) are dropped: an override shows the
 * letters after it in reverse, so that a name can read as something it is not, in the review queue
 * where a moderator trusts what they see, and in the feed. Right-to-left text needs none of them;
 * the marks (U+200E, U+200F) and the isolates (U+2066–U+2069), which never reverse letters, stay.
 */
const BIDI_OVERRIDE = /[\u202a-\u202e]/g;

/**
 * An email address as the server accepts one: a local part, `@`, a domain with a dot; no spaces,
 * no control character, no half of a surrogate pair (stored as U+FFFD).
 */
export const EMAIL = /^[^\s\p{Cc}\p{Cs}@<>()[\]\\,;:"]+@[^\s\p{Cc}\p{Cs}@<>()[\]\\,;:"]+\.[^\s\p{Cc}\p{Cs}@<>()[\]\\,;:".]+$/u;

/** A single-line text: NFC, control characters as spaces, runs of spaces as one, trimmed. */
export function line(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.normalize('NFC').replace(BIDI_OVERRIDE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** Free text that may have paragraphs: NFC, newlines kept, other control characters as spaces, trimmed. */
export function paragraphs(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.normalize('NFC').replace(BIDI_OVERRIDE, '').replace(/\r\n?/g, '\n').replace(CONTROL_EXCEPT_NEWLINE, ' ').trim();
  return text === '' ? undefined : text;
}
