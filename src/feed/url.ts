import type { HttpUrl } from './types.js';

/**
 * Any whitespace, control, invisible or bidirectional-control character anywhere, and backslashes.
 * The URL parser silently strips leading and trailing spaces, removes tabs and newlines inside
 * (`java\nscript:` parses as `javascript:`) and reads `\` as `/` in http(s) URLs, so such strings
 * are refused outright rather than "repaired": what a person reads must be what the browser opens.
 */
const UNSAFE_CHARS =
  /[\s\\\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ufeff]/;

/**
 * The scheme, `//` and the start of a host, so that `http:example.org`, `http:///x` and
 * `https:evil.example` (which the parser "repairs") are refused.
 */
const HTTP_START = /^https?:\/\/[^/]/i;

/** The authority of a URL as written: what follows `//` up to the path, query or fragment. */
const AUTHORITY = /^(?:[a-z][a-z\d+.-]*:)?\/\/([^/?#]*)/i;

/**
 * True when the URL as written, or as parsed, carries a user name or password:
 * `https://user:pass@host/`, or `http://council.gov.uk@evil.example/`, which reads like the
 * council's address but opens evil.example. Such addresses are never an address in a feed.
 */
function hasCredentials(written: string, parsed: URL): boolean {
  return parsed.username !== '' || parsed.password !== '' || (AUTHORITY.exec(written)?.[1] ?? '').includes('@');
}

/**
 * An address `safeHttpUrl` returns unchanged, recognised without the URL parser (half the time of
 * reading a signatory with a website, and a big list has ten thousand): scheme in lower case, a host
 * of lower-case letters, digits and inner hyphens whose last label starts with a letter (not an IPv4 address), no `--` (no punycode to
 * check), no port, user or password, then a path of letters, digits and `_.~-` with no segment that
 * starts with a dot (no `.` or `..` to resolve), and no query or fragment. Anything else goes
 * through the parser.
 */
const PLAIN_HTTP_URL =
  /^https?:\/\/(?![^/]*--)(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z](?:[a-z0-9-]*[a-z0-9])?(?:\/(?!\.)[\w.~-]*)+$/;

/**
 * The normalised `href` of an absolute `http:` or `https:` URL, or undefined for anything else
 * (other schemes such as `javascript:` or `data:`, relative URLs, non-strings, strings with
 * whitespace, control characters or backslashes, URLs without a host, URLs with credentials).
 */
export function safeHttpUrl(value: unknown): HttpUrl | undefined {
  if (typeof value !== 'string') return undefined;
  if (PLAIN_HTTP_URL.test(value)) return value;
  if (UNSAFE_CHARS.test(value) || !HTTP_START.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
  if (hasCredentials(value, url)) return undefined;
  return url.href;
}

/**
 * An element's `src`: like `safeHttpUrl`, but relative addresses (`feed.json`, `/feeds/x.json`,
 * `//cdn.example/x.json`) resolve against `base`, and surrounding spaces (as HTML itself strips
 * them from URL attributes) are allowed. Undefined for anything that is not a plain http(s) address.
 */
export function resolveHttpUrl(value: unknown, base: string): HttpUrl | undefined {
  if (typeof value !== 'string') return undefined;
  const written = value.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  if (written === '' || UNSAFE_CHARS.test(written)) return undefined;
  let url: URL;
  try {
    url = new URL(written, base);
  } catch {
    return undefined;
  }
  if (hasCredentials(written, url)) return undefined;
  return safeHttpUrl(url.href);
}
