/**
 * One POST of a pledge to its endpoint, and the endpoint's answer read as the contract in
 * feed-spec.md ("The pledge endpoint") words it: nothing counts as received unless it says so.
 */
import { isRecord } from '../feed/clean-feed.js';
import { withoutInherited } from '../feed/options.js';
import type { PledgeBody } from './values.js';
import type { PledgeFieldError, PledgeStatus } from './pledge-events.js';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock, looked up on each call so that tests' fake timers apply. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
};

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** What one attempt came to, in the contract's terms. */
export type PledgeAnswer =
  /** 201/202 with a receipt, or 409 (the same key or organisation was received before). */
  | { kind: 'received'; status: PledgeStatus; id?: string }
  /** 429: `retryAfter` is the header as sent. */
  | { kind: 'busy'; retryAfter: string | null }
  /** 408, 5xx, a timeout or a network failure (`offline` when the browser knows it is). */
  | { kind: 'unavailable' | 'network' }
  /** A redirect: never followed, as the pledge would not reach the endpoint it was meant for. */
  | { kind: 'redirect'; status: number; location: string | null }
  /** A 2xx that is not a receipt (a sign-in or Wi-Fi login page, a 204, a body of the wrong shape). */
  | { kind: 'unconfirmed'; status: number }
  /** 400/422 (with the endpoint's errors) and any other refusal (errors empty). */
  | { kind: 'rejected'; status: number; errors: PledgeFieldError[] };

interface RequestOptions {
  fetch?: FetchLike;
  clock: Clock;
  timeoutMs: number;
}

/** Posts `body` under `key` to `endpoint`; never throws, and answers within `timeoutMs`. */
export async function postPledge(endpoint: string, key: string, body: PledgeBody, options: RequestOptions): Promise<PledgeAnswer> {
  const { clock, timeoutMs } = options;
  const fetchFn = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const abort = new AbortController();
  let timer: unknown;
  // Raced rather than relying on the abort alone, so that a fetch that ignores it still times out.
  const timeout = new Promise<PledgeAnswer>((resolve) => {
    timer = clock.setTimeout(() => {
      abort.abort();
      resolve({ kind: 'unavailable' });
    }, timeoutMs);
  });
  const request = (async (): Promise<PledgeAnswer> => {
    try {
      const response = await fetchFn(endpoint, withoutInherited<RequestInit>({
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(body),
        credentials: 'omit',
        // A redirected POST is resent by browsers as a GET (301, 302) or re-posted to wherever
        // it points (307, 308): either way the pledge would not reach the endpoint it was meant for.
        redirect: 'manual',
        signal: abort.signal,
      }));
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        return { kind: 'redirect', status: response.status, location: response.headers.get('Location') };
      }
      const text = await response.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        // An HTML error page: the status still says what happened.
      }
      return readAnswer(response.status, json, response.headers.get('Retry-After'));
    } catch {
      return { kind: abort.signal.aborted ? 'unavailable' : 'network' };
    }
  })();
  try {
    return await Promise.race([request, timeout]);
  } finally {
    clock.clearTimeout(timer);
  }
}

/** The endpoint's answer (status and parsed body) in the contract's terms. */
function readAnswer(status: number, json: unknown, retryAfter: string | null): PledgeAnswer {
  if ((status === 201 || status === 202) && isReceipt(json)) {
    return { kind: 'received', status: json.status === 'accepted' ? 'accepted' : 'pending', id: readId(json) };
  }
  // 409: the same key or the same organisation was received before. That is success.
  if (status === 409 && isRecord(json)) return { kind: 'received', status: 'duplicate', id: readId(json) };
  if (status === 429) return { kind: 'busy', retryAfter };
  if (status === 408 || status >= 500) return { kind: 'unavailable' };
  if (status >= 200 && status < 300) return { kind: 'unconfirmed', status };
  // 400/422 and any other refusal: nothing was stored.
  return { kind: 'rejected', status, errors: status === 400 || status === 422 ? readErrors(json) : [] };
}

/**
 * A receipt as the contract writes it: `{"status": "pending" | "accepted"}` with an optional `id`
 * (text or a number). Anything else, an HTML page above all, is not a receipt.
 */
function isReceipt(json: unknown): json is { status: 'pending' | 'accepted'; id?: string | number } {
  if (!isRecord(json)) return false;
  const { status, id } = json;
  return (status === 'pending' || status === 'accepted') && (id === undefined || typeof id === 'string' || typeof id === 'number');
}

/** The errors of a 400/422 body, keeping only well-formed items. */
function readErrors(json: unknown): PledgeFieldError[] {
  const list = (json as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(list)) return [];
  return list
    .filter((e): e is { field?: unknown; message: string } => typeof e?.message === 'string' && e.message.trim() !== '')
    .map((e) => ({ field: typeof e.field === 'string' ? e.field : '', message: e.message }));
}

function readId(json: unknown): string | undefined {
  const id = (json as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
