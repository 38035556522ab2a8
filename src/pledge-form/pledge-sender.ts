/**
 * Sends a pledge to the compact's endpoint and makes sure nothing is lost on the way, and that
 * nothing is reported as received unless the endpoint said so in the contract's own words.
 *
 * A reactive controller, separate from rendering. It decides when to send and what each answer
 * means for the pledge; the parts are its own modules: the request and the reading of the answer
 * (pledge-request.ts), when to try again (retry-policy.ts), the outbox and drafts in localStorage
 * (outbox-store.ts), the tab's name for its drafts (tab-name.ts). The clock, fetch, storage and
 * randomness are injectable for tests.
 *
 * A claim on an outbox entry ends when its tab or element goes, or when it runs out.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events.js';
import { ABORT_GRACE_MS } from '../core/feed-loader.js';
import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../feed/time.js';
import { localStorageOrNull, type PledgeTarget } from './endpoint.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { OutboxStore, type OutboxEntry, type StorageLike } from './outbox-store.js';
import type { PledgeFieldError, PledgeStatus, WaitReason } from './pledge-events.js';
import { postPledge, systemClock, type Clock, type FetchLike, type PledgeAnswer } from './pledge-request.js';
import { retryDelayMs, type RetryPolicy } from './retry-policy.js';
import { currentTab, type TabIdentity } from './tab-name.js';
import type { PledgeBody } from './values.js';

export interface SenderOptions extends Partial<RetryPolicy> {
  fetch?: FetchLike;
  clock?: Clock;
  /** Where drafts and the outbox live; `null` for memory only. Default: localStorage. */
  storage?: StorageLike | null;
  random?: () => number;
  isOnline?: () => boolean;
  /** How long to wait for an answer before trying again later. */
  timeoutMs?: number;
  /** Quiet time after typing before the draft is saved. */
  draftDelayMs?: number;
  /** This tab's (and form's) name for its draft, fixed. Default: the tab's name (see TabName) and the form's place on the page. */
  tabId?: string;
  /** The tab's name, for tests; default: this document's TabName. */
  tab?: TabIdentity;
}

export type SenderState =
  | { phase: 'idle' }
  /** `resumed`: an earlier attempt failed, or the pledge was found in the outbox on load. */
  | { phase: 'sending'; resumed: boolean }
  | { phase: 'waiting'; reason: WaitReason; retryInMs: number }
  | { phase: 'done'; status: PledgeStatus; id?: string; body: PledgeBody }
  /** 400/422 (with the endpoint's errors) or another 4xx (errors empty). */
  | { phase: 'rejected'; errors: PledgeFieldError[]; httpStatus: number };

let sendersOnPage = 0;

/** How long a claim outlasts the attempt it covers (a slow answer, a busy tab). */
const CLAIM_MARGIN_MS = 30 * SECOND_MS;

export class PledgeSender implements ReactiveController {
  state: SenderState = { phase: 'idle' };

  private readonly clock: Clock;
  private readonly store: OutboxStore;
  private readonly timeoutMs: number;
  private readonly draftDelayMs: number;
  private readonly policy: RetryPolicy;
  private readonly random: () => number;
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
  /** Disconnected while sending: the timer after which it counts as gone (see `hostDisconnected`). */
  private leaving?: unknown;
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
    this.store = new OutboxStore(options.storage === undefined ? localStorageOrNull() : options.storage);
    this.timeoutMs = options.timeoutMs ?? 15 * SECOND_MS;
    this.draftDelayMs = options.draftDelayMs ?? 500;
    this.policy = {
      backoffBaseMs: options.backoffBaseMs ?? 2 * SECOND_MS,
      backoffMaxMs: options.backoffMaxMs ?? 2 * MINUTE_MS,
      maxRetryAfterMs: options.maxRetryAfterMs ?? HOUR_MS,
    };
    this.random = options.random ?? Math.random;
    if (options.tabId === undefined) this.tab = options.tab ?? currentTab();
    host.addController(this);
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
    if (this.leaving !== undefined) {
      // Moved, not gone: the request still on its way answers for this sign-up (`resume` below
      // leaves a sending form alone); the claim given up on disconnect is taken back.
      this.clock.clearTimeout(this.leaving);
      this.leaving = undefined;
      if (this.entry && this.state.phase === 'sending') this.keep(this.entry, 0);
    }
    if (this.state.phase !== 'done') this.resume();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stopRenames?.();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.flushDraft();
    if (this.state.phase !== 'sending') return this.leave();
    // A trade-off: the claim goes at once, so that a form replacing this one (a page reloaded in
    // place) sends the entry straight away, even though this one's answer may still come and that
    // form then read "already received".
    this.release();
    // A CMS re-rendering, a tab panel or a drag and drop moves the element: disconnected and back
    // within a moment. Sending it again then would have the endpoint answer "already received"
    // (the same key) and the person read that their first sign-up was a duplicate. An answer that
    // comes meanwhile is still used; its events fire on the element out of the page.
    this.leaving = this.clock.setTimeout(() => this.leave(), ABORT_GRACE_MS);
  }

  /** Gone for good: whatever was on its way is still in the outbox, and goes when the element comes back. */
  private leave(): void {
    this.stop();
    this.release(); // an answer during the moment may have claimed the entry again (a wait)
    if (this.state.phase === 'sending' || this.state.phase === 'waiting') this.state = { phase: 'idle' };
  }

  /** Where pledges go. A new target forgets the old one's state and resends its own outbox. */
  attach(target: PledgeTarget | undefined): void {
    if (target?.compactId === this.target?.compactId && target?.endpoint === this.target?.endpoint) return;
    this.flushDraft();
    this.stop();
    this.release();
    this.target = target;
    this.store.target = target;
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
    if (!this.target) return undefined;
    this.savedDraft = this.store.readDraft(this.tabId);
    return this.savedDraft;
  }

  /** Saves the draft after a pause in typing; a closing tab saves it at once (pagehide). */
  saveDraft(values: unknown): void {
    this.pendingDraft = values;
    this.clock.clearTimeout(this.draftTimer);
    this.draftTimer = this.clock.setTimeout(this.flushDraft, this.draftDelayMs);
  }

  /** Forgets this tab's draft (and only this tab's). */
  clearDraft(): void {
    this.clock.clearTimeout(this.draftTimer);
    this.pendingDraft = undefined;
    this.savedDraft = undefined;
    this.store.removeDraft(this.tabId);
  }

  flushDraft = (): void => {
    this.clock.clearTimeout(this.draftTimer);
    if (this.pendingDraft === undefined) return;
    this.writeDraft(this.pendingDraft);
    this.pendingDraft = undefined;
  };

  private writeDraft(values: unknown): void {
    this.savedDraft = values;
    this.store.writeDraft(this.tabId, values, this.clock.now());
  }

  /**
   * Back online: a wait after a failed connection or an unavailable endpoint (5xx, 408) ends now. A
   * wait the endpoint asked for (429 and its Retry-After) or one for the webmaster to fix (a
   * redirect, an answer without a receipt) does not.
   */
  private onOnline = (): void => {
    if (this.state.phase === 'waiting' && (this.state.reason === 'offline' || this.state.reason === 'unavailable')) this.retryNow();
  };

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
    const entry = this.entry ?? this.store.nextEntry(this.id, this.clock.now(), this.longestClaimMs);
    if (!entry) return;
    this.entry = entry;
    this.keep(entry, 0);
    void this.attempt(entry, 0, true);
  }

  private stop(): void {
    this.run++;
    this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.clock.clearTimeout(this.leaving);
    this.leaving = undefined;
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
    const request = { fetch: this.options.fetch, clock: this.clock, timeoutMs: this.timeoutMs };
    const answer = await postPledge(this.target!.endpoint, entry.key, entry.body, request);
    if (run !== this.run) return;
    this.settle(entry, answer);
  }

  private settle(entry: OutboxEntry, answer: PledgeAnswer): void {
    switch (answer.kind) {
      case 'received': {
        const { status, id } = answer;
        this.entry = undefined;
        this.store.removeEntry(entry);
        this.clearDraft();
        this.setState({ phase: 'done', status, id, body: entry.body });
        const detail = { id, status, body: entry.body };
        emit(this.host, 'compact-pledge-received', detail);
        // Deprecated since 0.2.0, removed in 0.3.0: the old name, fired after the new one.
        emit(this.host, 'compact-pledge-submit', detail);
        return;
      }
      case 'busy':
        this.wait(entry, 'busy', { header: answer.retryAfter, now: this.clock.now() });
        return;
      case 'network': {
        const online = this.options.isOnline?.() ?? navigator.onLine;
        this.wait(entry, online ? 'unavailable' : 'offline');
        return;
      }
      case 'unavailable':
        this.wait(entry, 'unavailable');
        return;
      case 'redirect':
        this.warn(
          `the pledge endpoint answered with a redirect (${answer.status || 'opaque'}` +
            `${answer.location ? ` to ${answer.location}` : ''}). Pledges are never sent on to another address: ` +
            'set pledge.endpoint in the feed to the address that receives them. The pledge is kept on the visitor’s device.',
        );
        this.wait(entry, 'misdirected');
        return;
      case 'unconfirmed':
        // Something answered, but not the endpoint as the contract describes it: keep the pledge.
        this.warn(
          `the pledge endpoint answered ${answer.status} without a receipt ({"status": "pending" | "accepted"} with 201 or 202), ` +
            'so the pledge is not counted as sent. Is pledge.endpoint the address of the endpoint itself?',
        );
        this.wait(entry, 'unconfirmed');
        return;
      case 'rejected': {
        // Nothing was stored, so the next submission gets a new key.
        const { errors, status } = answer;
        this.entry = undefined;
        this.store.removeEntry(entry);
        this.setState({ phase: 'rejected', errors, httpStatus: status });
        emit(this.host, 'compact-pledge-error', { kind: 'rejected', errors, status });
      }
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

  private wait(entry: OutboxEntry, reason: WaitReason, retryAfter?: { header: string | null; now: number }): void {
    const retryInMs = retryDelayMs(entry.attempts, this.policy, this.random, retryAfter);
    entry.attempts++;
    this.keep(entry, retryInMs);
    this.setState({ phase: 'waiting', reason, retryInMs });
    // Offline too: `navigator.onLine` can be wrong, so the timer is the fallback to `online`.
    this.retryTimer = this.clock.setTimeout(() => this.retryNow(), retryInMs);
    emit(this.host, 'compact-pledge-retrying', { retryInMs, reason });
    // Deprecated since 0.2.0, removed in 0.3.0: "retrying" as an error, fired after the new event.
    emit(this.host, 'compact-pledge-error', { kind: 'retrying', retryInMs, reason });
  }

  /** The longest claim `keep` makes: until the latest next attempt, its answer and the margin. */
  private get longestClaimMs(): number {
    const { backoffMaxMs, maxRetryAfterMs } = this.policy;
    return Math.max(backoffMaxMs, maxRetryAfterMs) + this.timeoutMs + CLAIM_MARGIN_MS;
  }

  /** Saves the entry, claimed by this sender until a while after its next attempt is due. */
  private keep(entry: OutboxEntry, nextAttemptInMs: number): void {
    entry.claim = { by: this.id, until: this.clock.now() + nextAttemptInMs + this.timeoutMs + CLAIM_MARGIN_MS };
    this.store.saveEntry(entry);
  }

  /** Lets another tab (or the next visit) send the entry this sender was looking after. */
  private release(): void {
    if (this.entry && this.state.phase !== 'done') this.store.releaseEntry(this.entry);
  }

  private setState(state: SenderState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
