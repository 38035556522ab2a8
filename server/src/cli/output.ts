/**
 * What the CLI prints comes partly from feeds and pledges (other people's text): control characters
 * are shown escaped so no text can send a terminal escape sequence.
 */
export function safe(text: unknown): string {
  return String(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export const out = (line = '') => process.stdout.write(`${safe(line)}\n`);
export const err = (line = '') => process.stderr.write(`${safe(line)}\n`);

/** Exit codes: 0 done, 1 refused (invalid input, not found), 2 wrong usage or configuration. */
export class UsageError extends Error {}
export class Refused extends Error {}
