import type { HttpUrl } from './types.js';

/**
 * Any whitespace or control character anywhere. The URL parser silently strips leading and
 * trailing spaces and removes tabs and newlines inside (`java\nscript:` parses as `javascript:`),
 * so such strings are refused outright rather than "repaired".
 */
const UNSAFE_CHARS = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u2060\ufeff]/;

/**
 * The scheme, `//` and the start of a host, so that `http:example.org`, `http:///x` and
 * `https://\\evil.example` (which the parser "repairs") are refused.
 */
const HTTP_START = /^https?:\/\/[^/\\]/i;

/**
 * The normalised `href` of an absolute `http:` or `https:` URL, or undefined for anything else
 * (other schemes such as `javascript:` or `data:`, relative URLs, non-strings, strings with
 * whitespace or control characters, URLs without a host).
 */
export function safeHttpUrl(value: unknown): HttpUrl | undefined {
  if (typeof value !== 'string') return undefined;
  if (UNSAFE_CHARS.test(value) || !HTTP_START.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
  return url.href;
}
