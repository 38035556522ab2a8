/**
 * Sends a pledge to the compact's endpoint and makes sure nothing is lost on the way, and that
 * nothing is reported as received unless the endpoint said so in the contract's own words.
 *
 * A reactive controller, separate from rendering: it owns the draft and the outbox in
 * localStorage, the request (JSON, Idempotency-Key, 15 s timeout, redirects never followed), every
 * answer of the contract in feed-spec.md ("The pledge endpoint"), and retrying (Retry-After,
 * exponential back-off with jitter, the browser's `online` event). The clock, fetch, storage and
 * randomness are injectable for tests.
 *
 * Several tabs (or several forms on one page) share one localStorage, so nothing is kept in a
 * shared slot: each submission is its own outbox entry, stored under its idempotency key, and each
 * tab has its own draft. An entry being sent is claimed for a while, so that another tab leaves it
 * alone; a claim ends when its tab or element goes, or when it runs out.
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
  /** For `retrying`: why it is waiting (`misdirected` and `unconfirmed` are for the webmaster to fix). */
  reason?: WaitReason;
  /** For `rejected`: the HTTP status. */
  status?: number;
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

/** `key` and `length` list the outbox entries, which live under keys of their own. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

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
  /** This tab's (and form's) name for its draft, fixed. Default: the tab's name (see TabName) and the form's place on the page. */
  tabId?: string;
  /** The tab's name, for tests; default: this document's TabName. */
  tab?: TabIdentity;
}

/**
 * Why a pledge is waiting: no network, the endpoint failing or silent, or it asked us to slow down;
 * `misdirected`: it answered with a redirect (a configuration problem: a pledge is never re-sent to
 * another address); `unconfirmed`: it answered, but not as the contract says a receipt looks (a
 * 200 sign-in or Wi-Fi login page, a body of the wrong shape), so the pledge is not counted as sent.
 */
export type WaitReason = 'offline' | 'unavailable' | 'busy' | 'misdirected' | 'unconfirmed';

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
  /** The Idempotency-Key, which also names the entry in storage. */
  key: string;
  body: PledgeBody;
  createdAt: number;
  attempts: number;
  /** Which sender is looking after it, and until when (ms): other tabs leave it alone meanwhile. */
  claim?: { by: string; until: number };
}

type Outcome =
  | { kind: 'response'; status: number; json: unknown; retryAfter: string | null }
  | { kind: 'redirect'; status: number; location: string | null }
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

/**
 * An Idempotency-Key that fetch will send as it is: visible ASCII only (a stored key with a line
 * break or a non-Latin-1 character would make every attempt throw, and the pledge wait for ever).
 */
export function isValidKey(key: unknown): key is string {
  return typeof key === 'string' && /^[\x21-\x7e]{1,200}$/.test(key);
}

const TAB_KEY = 'compact-widgets:tab';
export const TAB_CHANNEL = 'compact-widgets:tabs';

/** What a sender needs of its tab's name. */
export interface TabIdentity {
  readonly id: string;
  /** Called when the tab takes a new name; returns the way to stop listening. */
  onRename(listener: () => void): () => void;
}

/**
 * This tab's name for its drafts, kept in sessionStorage (per tab, and it survives a reload). A
 * duplicated tab starts with a copy of that sessionStorage, so the name is checked with the other
 * tabs of the site (BroadcastChannel): when another tab answers to it, this one takes a new name,
 * and its forms move their drafts there, so the two never write over each other's.
 */
export class TabName implements TabIdentity {
  id: string;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly session: Pick<Storage, 'getItem' | 'setItem'> | null,
    channelName = TAB_CHANNEL,
  ) {
    let saved: string | null = null;
    try {
      saved = session?.getItem(TAB_KEY) ?? null;
    } catch {
      // sessionStorage refused: a name for this page only
    }
    this.id = saved && isValidKey(saved) ? saved : this.save(newIdempotencyKey());
    try {
      const channel = new BroadcastChannel(channelName);
      channel.onmessage = (event: MessageEvent) => this.onMessage(channel, event.data);
      channel.postMessage({ ask: this.id });
    } catch {
      // No BroadcastChannel (or refused): duplicated tabs then share drafts, as before.
    }
  }

  onRename(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private onMessage(channel: BroadcastChannel, data: unknown): void {
    if (!isObject(data)) return;
    if (data.ask === this.id) channel.postMessage({ taken: this.id });
    else if (data.taken === this.id) {
      this.id = this.save(newIdempotencyKey());
      for (const listener of this.listeners) listener();
    }
  }

  private save(id: string): string {
    try {
      this.session?.setItem(TAB_KEY, id);
    } catch {
      // as above
    }
    return id;
  }
}

let thisTab: TabName | undefined;
function currentTab(): TabName {
  if (!thisTab) {
    let session: Storage | null = null;
    try {
      session = globalThis.sessionStorage ?? null;
    } catch {
      // blocked
    }
    thisTab = new TabName(session);
  }
  return thisTab;
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

/**
 * A receipt as the contract writes it: `{"status": "pending" | "accepted"}` with an optional `id`
 * (text or a number). Anything else, an HTML page above all, is not a receipt.
 */
function isReceipt(json: unknown): json is { status: 'pending' | 'accepted'; id?: string | number } {
  if (!isObject(json) || Array.isArray(json)) return false;
  const { status, id } = json;
  return (status === 'pending' || status === 'accepted') && (id === undefined || typeof id === 'string' || typeof id === 'number');
}
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

let sendersOnPage = 0;

/** How long a claim outlasts the attempt it covers (a slow answer, a busy tab). */
const CLAIM_MARGIN_MS = 30_000;

export class PledgeSender implements ReactiveController {
  state: SenderState = { phase: 'idle' };

  private readonly clock: Clock;
  private readonly storage: StorageLike | null;
  private readonly opts: Required<Pick<SenderOptions, 'timeoutMs' | 'backoffBaseMs' | 'backoffMaxMs' | 'maxRetryAfterMs' | 'draftDelayMs'>>;
  /** This sender's name in claims: two forms on one page are as separate as two tabs. */
  private readonly id = newIdempotencyKey();
  private readonly formOnPage = ++sendersOnPage;
  private readonly tab?: TabIdentity;
  private stopRenames?: () => void;
  private target?: PledgeTarget;
  private entry?: OutboxEntry;
  private connected = false;
  /** Bumped whenever earlier work must be ignored (new target, reset, disconnect). */
  private run = 0;
  private retryTimer?: unknown;
  private draftTimer?: unknown;
  private pendingDraft?: unknown;
  /** The draft this tab last saved: written back when the tab is hidden, should another tab have taken it. */
  private savedDraft?: unknown;

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
    if (options.tabId === undefined) this.tab = options.tab ?? currentTab();
    host.addController(this);
  }

  now(): number {
    return this.clock.now();
  }

  /**
   * The tab's name and this form's place among the page's forms: two forms on one page keep their
   * drafts apart, and after a reload each finds its own again.
   */
  private get tabId(): string {
    return this.options.tabId ?? `${this.tab!.id}.${this.formOnPage}`;
  }

  /** The tab was found to be a duplicate and renamed: this form's draft moves to the new name. */
  private onTabRenamed = (): void => {
    const draft = this.pendingDraft ?? this.savedDraft;
    if (draft !== undefined) this.writeDraft(draft);
  };

  hostConnected(): void {
    this.connected = true;
    this.stopRenames = this.tab?.onRename(this.onTabRenamed);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
    if (this.state.phase !== 'done') this.resume();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stopRenames?.();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.flushDraft();
    this.stop();
    this.release();
    // Whatever was on its way is still in the outbox: it goes again when the element comes back.
    if (this.state.phase === 'sending' || this.state.phase === 'waiting') this.state = { phase: 'idle' };
  }

  /** Where pledges go. A new target forgets the old one's state and resends its own outbox. */
  attach(target: PledgeTarget | undefined): void {
    if (target?.compactId === this.target?.compactId && target?.endpoint === this.target?.endpoint) return;
    this.flushDraft();
    this.stop();
    this.release();
    this.target = target;
    this.entry = undefined;
    this.savedDraft = undefined;
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
    this.keep(entry, Math.max(0, notBefore - this.clock.now()));
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

  /**
   * Back to an empty form after a confirmation ("sign up another organisation"). Another sign-up
   * left waiting on this device (by an earlier visit or a closed tab) is sent next.
   */
  reset(): void {
    this.stop();
    this.entry = undefined;
    this.setState({ phase: 'idle' });
    if (this.connected) this.resume();
  }

  /**
   * The saved draft for this target, as stored (the form revives it): this tab's own, else the
   * newest one a closed tab left behind, which this tab takes over (so it is never revived twice).
   */
  readDraft(): unknown {
    if (this.pendingDraft !== undefined) return this.pendingDraft;
    const own = this.draftKey();
    if (!own) return undefined;
    let values = this.readSaved(own)?.values;
    if (values === undefined) {
      // The one draft slot of earlier versions held the values themselves.
      const legacy = `${this.base()}draft`;
      const legacyValues = this.readItem(legacy);
      const newest = this.draftKeys()
        .filter((key) => key !== own)
        .map((key) => ({ key, saved: this.readSaved(key) }))
        .concat(legacyValues === undefined ? [] : [{ key: legacy, saved: { savedAt: 0, values: legacyValues } }])
        .filter((d) => d.saved?.values !== undefined)
        .sort((a, b) => b.saved!.savedAt - a.saved!.savedAt)[0];
      if (newest) {
        values = newest.saved!.values;
        this.writeItem(own, { savedAt: newest.saved!.savedAt, values });
        this.removeItem(newest.key);
      }
    }
    this.savedDraft = values;
    return values;
  }

  /** Saves the draft after a pause in typing; a closing tab saves it at once (pagehide). */
  saveDraft(values: unknown): void {
    this.pendingDraft = values;
    this.clock.clearTimeout(this.draftTimer);
    this.draftTimer = this.clock.setTimeout(this.flushDraft, this.opts.draftDelayMs);
  }

  /** Forgets this tab's draft (and only this tab's). */
  clearDraft(): void {
    this.clock.clearTimeout(this.draftTimer);
    this.pendingDraft = undefined;
    this.savedDraft = undefined;
    const key = this.draftKey();
    if (key) this.removeItem(key);
  }

  flushDraft = (): void => {
    this.clock.clearTimeout(this.draftTimer);
    if (this.pendingDraft === undefined) return;
    this.writeDraft(this.pendingDraft);
    this.pendingDraft = undefined;
  };

  private writeDraft(values: unknown): void {
    const key = this.draftKey();
    this.savedDraft = values;
    if (key) this.writeItem(key, { savedAt: this.clock.now(), values });
  }

  private onOnline = (): void => this.retryNow();

  /**
   * Leaving the page: save the draft, and write it again even if unchanged (a tab opened meanwhile
   * may have taken it over); give up the claim on the entry being sent, so the next visit sends it.
   */
  private onPageHide = (): void => {
    this.saveDraftNow();
    this.release();
  };

  private onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.saveDraftNow();
  };

  private saveDraftNow(): void {
    if (this.pendingDraft !== undefined) this.flushDraft();
    else if (this.savedDraft !== undefined) this.writeDraft(this.savedDraft);
  }

  /** An unconfirmed pledge from an earlier visit (or a closed tab) is sent again, with its own key. */
  private resume(): void {
    if (!this.target || this.state.phase === 'sending' || this.state.phase === 'waiting') return;
    const entry = this.entry ?? this.nextFromOutbox();
    if (!entry) return;
    this.entry = entry;
    this.keep(entry, 0);
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
          // A redirected POST is resent by browsers as a GET (301, 302) or re-posted to wherever
          // it points (307, 308): either way the pledge would not reach the endpoint it was meant for.
          redirect: 'manual',
          signal: abort.signal,
        });
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
    if (outcome.kind === 'redirect') {
      this.warn(
        `the pledge endpoint answered with a redirect (${outcome.status || 'opaque'}` +
          `${outcome.location ? ` to ${outcome.location}` : ''}). Pledges are never sent on to another address: ` +
          'set pledge.endpoint in the feed to the address that receives them. The pledge is kept on the visitor’s device.',
      );
      this.wait(entry, 'misdirected');
      return;
    }
    if (outcome.kind !== 'response') {
      const online = this.options.isOnline?.() ?? navigator.onLine;
      this.wait(entry, outcome.kind === 'network' && !online ? 'offline' : 'unavailable');
      return;
    }
    const { status, json } = outcome;
    const received = (status === 201 || status === 202) && isReceipt(json);
    // 409: the same key or the same organisation was received before. That is success.
    const duplicate = status === 409 && isObject(json) && !Array.isArray(json);
    if (received || duplicate) {
      const pledgeStatus: PledgeStatus = duplicate ? 'duplicate' : json.status === 'accepted' ? 'accepted' : 'pending';
      const id = readId(json);
      this.entry = undefined;
      this.removeEntry(entry);
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
    } else if (status >= 200 && status < 300) {
      // A 200 sign-in or Wi-Fi login page, a 204, a receipt of the wrong shape: something answered,
      // but not the endpoint as the contract describes it. Keep the pledge and try again later.
      this.warn(
        `the pledge endpoint answered ${status} without a receipt ({"status": "pending" | "accepted"} with 201 or 202), ` +
          'so the pledge is not counted as sent. Is pledge.endpoint the address of the endpoint itself?',
      );
      this.wait(entry, 'unconfirmed');
    } else {
      // 400/422 and any other refusal: nothing was stored, so the next submission gets a new key.
      const errors = status === 400 || status === 422 ? readErrors(json) : [];
      this.entry = undefined;
      this.removeEntry(entry);
      this.setState({ phase: 'rejected', errors, httpStatus: status });
      this.emit<PledgeErrorDetail>('compact-pledge-error', { kind: 'rejected', errors, status });
    }
  }

  /** Tells the webmaster, once per reason and endpoint (retries would otherwise repeat it). */
  private warned = new Set<string>();
  private warn(message: string): void {
    const key = `${this.target?.endpoint}\n${message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`compact-widgets: <${this.host.localName}> sending to "${this.target?.endpoint}": ${message}`);
  }

  private wait(entry: OutboxEntry, reason: WaitReason, delay?: number): void {
    entry.attempts++;
    const { backoffBaseMs, backoffMaxMs } = this.opts;
    const retryInMs = delay ?? backoffMs(entry.attempts - 1, backoffBaseMs, backoffMaxMs, this.options.random ?? Math.random);
    this.keep(entry, retryInMs);
    this.setState({ phase: 'waiting', reason, retryAt: this.clock.now() + retryInMs, retryInMs });
    // Offline too: `navigator.onLine` can be wrong, so the timer is the fallback to `online`.
    this.retryTimer = this.clock.setTimeout(() => this.retryNow(), retryInMs);
    this.emit<PledgeErrorDetail>('compact-pledge-error', { kind: 'retrying', retryInMs, reason });
  }

  /**
   * The oldest saved entry for this target that no other tab or form is looking after. Entries of
   * the wrong shape are removed; one whose key fetch could not send is given a new key (it was never
   * sent, so nothing can be received twice).
   */
  private nextFromOutbox(): OutboxEntry | undefined {
    const now = this.clock.now();
    const entries: OutboxEntry[] = [];
    for (const slot of this.outboxSlots()) {
      const entry = this.readEntry(slot);
      if (!entry) {
        this.removeItem(slot);
        continue;
      }
      if (slot !== this.entrySlot(entry.key)) {
        // An entry from before entries had a key of their own, or one given a new key.
        this.writeItem(this.entrySlot(entry.key)!, entry);
        this.removeItem(slot);
      }
      const claim = entry.claim;
      if (claim && claim.by !== this.id && claim.until > now) continue;
      entries.push(entry);
    }
    return entries.sort((a, b) => a.createdAt - b.createdAt)[0];
  }

  private readEntry(slot: string): OutboxEntry | undefined {
    const saved = this.readItem(slot) as Partial<OutboxEntry> | undefined;
    if (!isObject(saved) || Array.isArray(saved) || typeof saved.key !== 'string' || saved.key === '' || !isPledgeBody(saved.body)) {
      return undefined;
    }
    const claim = isObject(saved.claim) && typeof saved.claim.by === 'string' && Number.isFinite(saved.claim.until) ? saved.claim : undefined;
    return {
      key: isValidKey(saved.key) ? saved.key : newIdempotencyKey(),
      body: saved.body,
      createdAt: Number(saved.createdAt) || 0,
      attempts: Number(saved.attempts) || 0,
      claim: claim && { by: claim.by, until: Number(claim.until) },
    };
  }

  /** Saves the entry, claimed by this sender until a while after its next attempt is due. */
  private keep(entry: OutboxEntry, nextAttemptInMs: number): void {
    entry.claim = { by: this.id, until: this.clock.now() + nextAttemptInMs + this.opts.timeoutMs + CLAIM_MARGIN_MS };
    const slot = this.entrySlot(entry.key);
    if (slot) this.writeItem(slot, entry);
  }

  /** Lets another tab (or the next visit) send the entry this sender was looking after. */
  private release(): void {
    const entry = this.entry;
    if (!entry || this.state.phase === 'done') return;
    const slot = this.entrySlot(entry.key);
    // Only if it is still there: a tab that has delivered it may have removed it meanwhile.
    if (!slot || this.readItem(slot) === undefined) return;
    entry.claim = undefined;
    this.writeItem(slot, entry);
  }

  private removeEntry(entry: OutboxEntry): void {
    const slot = this.entrySlot(entry.key);
    if (slot) this.removeItem(slot);
  }

  /** Every key of this compact and endpoint, so two compacts on one site never mix their pledges. */
  private base(): string | undefined {
    return this.target ? `${STORAGE_PREFIX}${this.target.compactId}:${this.target.endpoint}:` : undefined;
  }

  private entrySlot(key: string): string | undefined {
    const base = this.base();
    return base && `${base}outbox:${key}`;
  }

  private draftKey(): string | undefined {
    const base = this.base();
    return base && `${base}draft:${this.tabId}`;
  }

  /** This target's outbox entries, and the single entry saved before entries had keys of their own. */
  private outboxSlots(): string[] {
    const base = this.base();
    return base ? this.keysStartingWith(`${base}outbox`).filter((k) => k === `${base}outbox` || k.startsWith(`${base}outbox:`)) : [];
  }

  private draftKeys(): string[] {
    const base = this.base();
    return base ? this.keysStartingWith(`${base}draft:`) : [];
  }

  private keysStartingWith(prefix: string): string[] {
    const keys: string[] = [];
    try {
      const storage = this.storage;
      if (!storage) return keys;
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(prefix)) keys.push(key);
      }
    } catch {
      // Storage refused: nothing saved to find.
    }
    return keys;
  }

  /** A saved draft: `{savedAt, values}` (undefined for anything else). */
  private readSaved(key: string): { savedAt: number; values: unknown } | undefined {
    const saved = this.readItem(key);
    return isObject(saved) && 'values' in saved ? { savedAt: Number(saved.savedAt) || 0, values: saved.values } : undefined;
  }

  private readItem(key: string): unknown {
    try {
      const text = this.storage?.getItem(key);
      return text ? JSON.parse(text) : undefined;
    } catch {
      return undefined;
    }
  }

  private writeItem(key: string, value: unknown): void {
    try {
      this.storage?.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or refused: the pledge still lives in memory for this visit.
    }
  }

  private removeItem(key: string): void {
    try {
      this.storage?.removeItem(key);
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
