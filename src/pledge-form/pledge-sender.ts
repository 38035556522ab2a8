/**
 * Sends a pledge to the compact's endpoint and makes sure nothing is lost on the way.
 *
 * A reactive controller, separate from rendering: it owns the draft and the outbox in
 * localStorage, the request (JSON, Idempotency-Key, 15 s timeout), every answer of the contract in
 * feed-spec.md ("The pledge endpoint"), and retrying (Retry-After, exponential back-off with jitter,
 * the browser's `online` event). The clock, fetch, storage and randomness are injectable for tests.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { safeHttpUrl } from '../feed/url.js';
import type { PledgeBody } from './values.js';

export type PledgeStatus = 'pending' | 'accepted' | 'duplicate';

/** One error as the endpoint reports it: a dotted path into the body, and a message. */
export interface PledgeFieldError {
  field: string;
  message: string;
}

export interface PledgeSubmitDetail {
  /** The endpoint's id for the pledge (absent if it gave none). */
  id?: string;
  status: PledgeStatus;
  body: PledgeBody;
}

export interface PledgeErrorDetail {
  kind: 'validation' | 'rejected' | 'retrying' | 'config';
  errors?: PledgeFieldError[];
  /** For `retrying`: when the next attempt is made. */
  retryInMs?: number;
  /** For `rejected`: the HTTP status. */
  status?: number;
}

declare global {
  interface HTMLElementEventMap {
    'compact-pledge-submit': CustomEvent<PledgeSubmitDetail>;
    'compact-pledge-error': CustomEvent<PledgeErrorDetail>;
  }
}

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

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SenderOptions {
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  clock?: Clock;
  /** Where drafts and the outbox live; `null` for memory only. Default: localStorage. */
  storage?: StorageLike | null;
  random?: () => number;
  isOnline?: () => boolean;
  /** How long to wait for an answer before trying again later. */
  timeoutMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** The longest `Retry-After` honoured (a server asking for a day is asking too much of a tab). */
  maxRetryAfterMs?: number;
  /** Quiet time after typing before the draft is saved. */
  draftDelayMs?: number;
}

/** Why a pledge is waiting: no network, the endpoint failing or silent, or it asked us to slow down. */
export type WaitReason = 'offline' | 'unavailable' | 'busy';

export type SenderState =
  | { phase: 'idle' }
  /** `resumed`: an earlier attempt failed, or the pledge was found in the outbox on load. */
  | { phase: 'sending'; resumed: boolean }
  | { phase: 'waiting'; reason: WaitReason; retryAt: number; retryInMs: number }
  | { phase: 'done'; status: PledgeStatus; id?: string; body: PledgeBody }
  /** 400/422 (with the endpoint's errors) or another 4xx (errors empty). */
  | { phase: 'rejected'; errors: PledgeFieldError[]; httpStatus: number };

export interface PledgeTarget {
  compactId: string;
  endpoint: string;
}

interface OutboxEntry {
  key: string;
  body: PledgeBody;
  createdAt: number;
  attempts: number;
}

type Outcome =
  | { kind: 'response'; status: number; json: unknown; retryAfter: string | null }
  | { kind: 'timeout' }
  | { kind: 'network' };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type EndpointCheck = { ok: true; url: string } | { ok: false; reason: 'not-http' | 'not-https' };

/** Only http(s) endpoints, and https unless the endpoint is on this computer (development). */
export function checkEndpoint(value: unknown): EndpointCheck {
  const url = safeHttpUrl(value);
  if (!url) return { ok: false, reason: 'not-http' };
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || LOCAL_HOSTS.has(hostname) ? { ok: true, url } : { ok: false, reason: 'not-https' };
}

/** `Retry-After` as delay-seconds or an HTTP-date, in ms from `now`; undefined if unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential back-off with "equal jitter": between half and all of base·2^attempt, capped. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** A v4 UUID; `crypto.randomUUID` exists only on secure pages, which a host page may not be. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function defaultStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // e.g. storage blocked for a sandboxed frame
  }
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

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object';
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** What sending and the confirmation rely on in a body read back from storage. */
function isPledgeBody(body: unknown): body is PledgeBody {
  if (!isObject(body) || !isObject(body.organisation) || !isObject(body.contact) || !isObject(body.consent)) return false;
  const { organisation, contact, consent } = body;
  return (
    isText(organisation.name) &&
    (organisation.sector === 'voluntary' || organisation.sector === 'public') &&
    isText(contact.name) &&
    isText(contact.email) &&
    typeof consent.publish === 'boolean' &&
    typeof consent.contact === 'boolean'
  );
}

export const STORAGE_PREFIX = 'compact-widgets:pledge:';

export class PledgeSender implements ReactiveController {
  state: SenderState = { phase: 'idle' };

  private readonly clock: Clock;
  private readonly storage: StorageLike | null;
  private readonly opts: Required<Pick<SenderOptions, 'timeoutMs' | 'backoffBaseMs' | 'backoffMaxMs' | 'maxRetryAfterMs' | 'draftDelayMs'>>;
  private target?: PledgeTarget;
  private entry?: OutboxEntry;
  private connected = false;
  /** Bumped whenever earlier work must be ignored (new target, reset, disconnect). */
  private run = 0;
  private retryTimer?: unknown;
  private draftTimer?: unknown;
  private pendingDraft?: unknown;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SenderOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.opts = {
      timeoutMs: options.timeoutMs ?? 15_000,
      backoffBaseMs: options.backoffBaseMs ?? 2_000,
      backoffMaxMs: options.backoffMaxMs ?? 120_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 3_600_000,
      draftDelayMs: options.draftDelayMs ?? 500,
    };
    host.addController(this);
  }

  now(): number {
    return this.clock.now();
  }

  hostConnected(): void {
    this.connected = true;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('pagehide', this.flushDraft);
    document.addEventListener('visibilitychange', this.onVisibility);
    if (this.state.phase !== 'done') this.resume();
  }

  hostDisconnected(): void {
    this.connected = false;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('pagehide', this.flushDraft);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.flushDraft();
    this.stop();
    // Whatever was on its way is still in the outbox: it goes again when the element comes back.
    if (this.state.phase === 'sending' || this.state.phase === 'waiting') this.state = { phase: 'idle' };
  }

  /** Where pledges go. A new target forgets the old one's state and resends its own outbox. */
  attach(target: PledgeTarget | undefined): void {
    if (target?.compactId === this.target?.compactId && target?.endpoint === this.target?.endpoint) return;
    this.flushDraft();
    this.stop();
    this.target = target;
    this.entry = undefined;
    this.setState({ phase: 'idle' });
    if (this.connected) this.resume();
  }

  /**
   * Sends a new submission, not before `notBefore` (the form's minimum time to fill in). Ignored,
   * answering false, while another is on its way: a double click sends once.
   */
  submit(body: PledgeBody, notBefore = 0): boolean {
    if (!this.target || this.state.phase === 'sending' || this.state.phase === 'waiting') return false;
    const entry: OutboxEntry = { key: newIdempotencyKey(), body, createdAt: this.clock.now(), attempts: 0 };
    this.entry = entry;
    this.write('outbox', entry);
    this.flushDraft();
    void this.attempt(entry, notBefore);
    return true;
  }

  /** "Try again now", and the browser coming back online. */
  retryNow(): void {
    if (this.state.phase !== 'waiting' || !this.entry) return;
    this.stop();
    void this.attempt(this.entry, 0);
  }

  /** Back to an empty form after a confirmation ("sign up another organisation"). */
  reset(): void {
    this.stop();
    this.setState({ phase: 'idle' });
  }

  /** The saved draft for this target, as stored (the form revives it). */
  readDraft(): unknown {
    return this.pendingDraft ?? this.read('draft');
  }

  /** Saves the draft after a pause in typing; a closing tab saves it at once (pagehide). */
  saveDraft(values: unknown): void {
    this.pendingDraft = values;
    this.clock.clearTimeout(this.draftTimer);
    this.draftTimer = this.clock.setTimeout(this.flushDraft, this.opts.draftDelayMs);
  }

  clearDraft(): void {
    this.clock.clearTimeout(this.draftTimer);
    this.pendingDraft = undefined;
    this.remove('draft');
  }

  flushDraft = (): void => {
    this.clock.clearTimeout(this.draftTimer);
    if (this.pendingDraft === undefined) return;
    this.write('draft', this.pendingDraft);
    this.pendingDraft = undefined;
  };

  private onOnline = (): void => this.retryNow();

  private onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flushDraft();
  };

  /** An unconfirmed pledge from an earlier visit is sent again, with its own key. */
  private resume(): void {
    if (!this.target || this.state.phase === 'sending' || this.state.phase === 'waiting') return;
    const entry = this.entry ?? this.readOutbox();
    if (!entry) return;
    this.entry = entry;
    void this.attempt(entry, 0, true);
  }

  private stop(): void {
    this.run++;
    this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private async attempt(entry: OutboxEntry, notBefore: number, resumed = false): Promise<void> {
    const run = ++this.run;
    this.setState({ phase: 'sending', resumed: resumed || entry.attempts > 0 });
    const wait = notBefore - this.clock.now();
    if (wait > 0) {
      await new Promise<void>((resolve) => {
        this.retryTimer = this.clock.setTimeout(resolve, wait);
      });
      if (run !== this.run) return;
    }
    const outcome = await this.post(entry);
    if (run !== this.run) return;
    this.settle(entry, outcome);
  }

  private async post(entry: OutboxEntry): Promise<Outcome> {
    const endpoint = this.target!.endpoint;
    const fetchFn = this.options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
    const abort = new AbortController();
    let timer: unknown;
    // Raced rather than relying on the abort alone, so that a fetch that ignores it still times out.
    const timeout = new Promise<Outcome>((resolve) => {
      timer = this.clock.setTimeout(() => {
        abort.abort();
        resolve({ kind: 'timeout' });
      }, this.opts.timeoutMs);
    });
    const request = (async (): Promise<Outcome> => {
      try {
        const response = await fetchFn(endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.key },
          body: JSON.stringify(entry.body),
          credentials: 'omit',
          signal: abort.signal,
        });
        const text = await response.text();
        let json: unknown = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          // An HTML error page: the status still says what happened.
        }
        return { kind: 'response', status: response.status, json, retryAfter: response.headers.get('Retry-After') };
      } catch {
        return { kind: abort.signal.aborted ? 'timeout' : 'network' };
      }
    })();
    try {
      return await Promise.race([request, timeout]);
    } finally {
      this.clock.clearTimeout(timer);
    }
  }

  private settle(entry: OutboxEntry, outcome: Outcome): void {
    if (outcome.kind !== 'response') {
      const online = this.options.isOnline?.() ?? navigator.onLine;
      this.wait(entry, outcome.kind === 'network' && !online ? 'offline' : 'unavailable');
      return;
    }
    const { status, json } = outcome;
    if ((status >= 200 && status < 300) || status === 409) {
      // 409: the same key or the same organisation was received before. That is success.
      const pledgeStatus: PledgeStatus =
        status === 409 ? 'duplicate' : (json as { status?: unknown } | null)?.status === 'accepted' ? 'accepted' : 'pending';
      const id = readId(json);
      this.entry = undefined;
      this.remove('outbox');
      this.clearDraft();
      this.setState({ phase: 'done', status: pledgeStatus, id, body: entry.body });
      this.emit<PledgeSubmitDetail>('compact-pledge-submit', { id, status: pledgeStatus, body: entry.body });
    } else if (status === 429) {
      // Never sooner than the back-off (`Retry-After: 0` or a past date would otherwise resend in a
      // tight loop), never later than the cap.
      const asked = retryAfterMs(outcome.retryAfter, this.clock.now());
      const { backoffBaseMs, backoffMaxMs, maxRetryAfterMs } = this.opts;
      const floor = backoffMs(entry.attempts, backoffBaseMs, backoffMaxMs, this.options.random ?? Math.random);
      this.wait(entry, 'busy', asked === undefined ? undefined : Math.min(Math.max(asked, floor), maxRetryAfterMs));
    } else if (status === 408 || status >= 500) {
      this.wait(entry, 'unavailable');
    } else {
      // 400/422 and any other refusal: nothing was stored, so the next submission gets a new key.
      const errors = status === 400 || status === 422 ? readErrors(json) : [];
      this.entry = undefined;
      this.remove('outbox');
      this.setState({ phase: 'rejected', errors, httpStatus: status });
      this.emit<PledgeErrorDetail>('compact-pledge-error', { kind: 'rejected', errors, status });
    }
  }

  private wait(entry: OutboxEntry, reason: WaitReason, delay?: number): void {
    entry.attempts++;
    this.write('outbox', entry);
    const { backoffBaseMs, backoffMaxMs } = this.opts;
    const retryInMs = delay ?? backoffMs(entry.attempts - 1, backoffBaseMs, backoffMaxMs, this.options.random ?? Math.random);
    this.setState({ phase: 'waiting', reason, retryAt: this.clock.now() + retryInMs, retryInMs });
    // Offline too: `navigator.onLine` can be wrong, so the timer is the fallback to `online`.
    this.retryTimer = this.clock.setTimeout(() => this.retryNow(), retryInMs);
    this.emit<PledgeErrorDetail>('compact-pledge-error', { kind: 'retrying', retryInMs });
  }

  /** The saved outbox entry, if it has the shape this form writes; anything else is removed. */
  private readOutbox(): OutboxEntry | undefined {
    const saved = this.read('outbox') as Partial<OutboxEntry> | undefined;
    if (saved === undefined) return undefined;
    if (!saved || typeof saved.key !== 'string' || saved.key === '' || !isPledgeBody(saved.body)) {
      this.remove('outbox');
      return undefined;
    }
    return {
      key: saved.key,
      body: saved.body,
      createdAt: Number(saved.createdAt) || 0,
      attempts: Number(saved.attempts) || 0,
    };
  }

  /** One key per compact and endpoint, so two compacts on one site never mix their pledges. */
  private key(kind: 'draft' | 'outbox'): string | undefined {
    return this.target ? `${STORAGE_PREFIX}${this.target.compactId}:${this.target.endpoint}:${kind}` : undefined;
  }

  private read(kind: 'draft' | 'outbox'): unknown {
    const key = this.key(kind);
    try {
      const text = key ? this.storage?.getItem(key) : null;
      return text ? JSON.parse(text) : undefined;
    } catch {
      return undefined;
    }
  }

  private write(kind: 'draft' | 'outbox', value: unknown): void {
    const key = this.key(kind);
    try {
      if (key) this.storage?.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or refused: the pledge still lives in memory for this visit.
    }
  }

  private remove(kind: 'draft' | 'outbox'): void {
    const key = this.key(kind);
    try {
      if (key) this.storage?.removeItem(key);
    } catch {
      // as above
    }
  }

  private setState(state: SenderState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private emit<T>(type: string, detail: T): void {
    this.host.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}
