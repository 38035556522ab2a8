import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readFeed, type FeedReading } from '../feed/read-feed.js';
import type { CompactFeed, FeedFailure, FeedProblem } from '../feed/types.js';
import { loadFeed, resolveFeedUrl, type FeedResult } from './feed-loader.js';
import { emit } from '../events.js';

export type FeedState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; feed: CompactFeed; problems: FeedProblem[]; fetchedAt?: number; staleBecause?: FeedFailure }
  | { status: 'error'; failure: FeedFailure };

/** What an element gives the controller: where its feed comes from. */
export interface FeedSourceHost extends ReactiveControllerHost, HTMLElement {
  src?: string | null;
  feed?: unknown;
  timeout?: number;
}

export interface FeedLoadDetail {
  feed: CompactFeed;
  problems: FeedProblem[];
  /** For a feed from `src`: where it really came from, after any redirects. */
  url?: string;
  /** Set when a saved copy is shown because the newest could not be had. */
  staleBecause?: FeedFailure;
  fetchedAt?: number;
}

export interface FeedErrorDetail {
  failure: FeedFailure;
}

const warned = new Set<string>();

/** A feed read from `src` (with the address it came from) or given inline (without). */
type Loaded = Omit<FeedResult, 'url'> & { url?: string };

/**
 * Gets the feed for one element from, in order of precedence, its `.feed` property, an inline
 * `<script type="application/json">` child, or its `src` attribute; then reports it with the
 * `compact-feed-load` / `compact-feed-error` events (bubbling, crossing shadow roots).
 *
 * `compact-feed-load` is cancelable and fires before anything of the feed is shown: a page that
 * calls `preventDefault()` (the iframe embed, when a feed was redirected to an origin it does not
 * allow) refuses the feed, and the element shows the error state instead.
 */
export class FeedController implements ReactiveController {
  state: FeedState = { status: 'idle' };
  /**
   * While a feed given as `.feed` or inline is read by the full validator (a feed with problems; the
   * validator is loaded on demand): settles once that reading is shown. A host's `updateComplete`
   * waits for it, so `el.feed = x; await el.updateComplete` finds the feed shown, as it always has.
   */
  reading?: Promise<void>;

  /**
   * `update` (a host's own `updateComplete`), again after each pending reading, until none is
   * pending: its last answer. A host overrides `getUpdateComplete` with this.
   */
  async untilRead(update: () => Promise<boolean>): Promise<boolean> {
    let complete = await update();
    for (let reading = this.reading; reading; reading = this.reading) {
      await reading;
      complete = await update();
      if (this.reading === reading) break;
    }
    return complete;
  }
  private abort?: AbortController;
  private sourceKey?: unknown;
  /** Retries waiting to hear how they ended. */
  private retrying: ((state: FeedState) => void)[] = [];

  constructor(private readonly host: FeedSourceHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sourceKey = undefined;
    this.sync();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.reading = undefined;
    // Reconnecting (e.g. moving the element) must load again.
    if (this.state.status === 'loading') this.state = { status: 'idle' };
    this.tellRetries();
  }

  /** Call from the host's `willUpdate`: reloads only when the source really changed. */
  sync(): void {
    const key = this.host.feed ?? this.inlineText() ?? this.host.src ?? undefined;
    if (key === this.sourceKey) return;
    this.sourceKey = key;
    this.load(false);
  }

  /**
   * The retry button: asks the network again. Resolves with the state the controller settles in
   * (`ready` or `error`; `idle` when the element was removed first), so the caller learns the
   * outcome from the controller itself rather than from events a page may stop or cancel.
   */
  retry(): Promise<FeedState> {
    const outcome = new Promise<FeedState>((resolve) => this.retrying.push(resolve));
    this.load(true);
    return outcome;
  }

  private inlineText(): string | undefined {
    const script = this.host.querySelector(':scope > script[type="application/json"]');
    return script?.textContent ?? undefined;
  }

  private load(reload: boolean): void {
    this.abort?.abort();
    this.abort = undefined;
    this.reading = undefined;
    const { feed } = this.host;
    if (feed !== undefined && feed !== null) {
      this.read(feed);
      return;
    }
    const inline = this.inlineText();
    if (inline !== undefined) {
      this.read(inline);
      return;
    }
    const src = this.host.src;
    if (!src) {
      this.set({ status: 'idle' });
      return;
    }
    const url = resolveFeedUrl(src);
    if (!url) {
      this.fail({ code: 'bad-src', message: `The src "${src}" is not an http: or https: address.` });
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.set({ status: 'loading' });
    void loadFeed(url, { signal: abort.signal, timeout: this.host.timeout, reload }).then((outcome) => {
      if (abort.signal.aborted) return;
      this.abort = undefined;
      if (outcome.ok) this.succeed(outcome.result, outcome.result.url);
      else this.fail(outcome.failure);
    });
  }

  /**
   * A feed given as `.feed` or inline: a clean one is shown at once; one with problems once the
   * full validator (loaded on demand) has read it, unless the source changed meanwhile.
   */
  private read(input: unknown): void {
    const reading = readFeed(input);
    if (!(reading instanceof Promise)) {
      this.settle(reading);
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.set({ status: 'loading' });
    this.reading = reading.then((check) => {
      if (abort.signal.aborted) return;
      this.abort = undefined;
      this.reading = undefined;
      this.settle(check);
    });
  }

  private settle(check: FeedReading): void {
    if (check.feed) this.succeed({ feed: check.feed, problems: check.problems, fetchedAt: Date.now() }, 'inline');
    else this.fail(check.failure ?? { code: 'not-object', message: 'The feed could not be read.' });
  }

  private succeed(result: Loaded, source: string): void {
    const { feed, problems, fetchedAt, staleBecause, url } = result;
    const detail: FeedLoadDetail = { feed, problems, staleBecause, fetchedAt };
    if (url !== undefined) detail.url = url;
    if (!emit(this.host, 'compact-feed-load', detail, { cancelable: true })) {
      this.fail({ code: 'refused', message: `This page refused the feed from ${source}.` });
      return;
    }
    this.set({ status: 'ready', feed, problems, fetchedAt, staleBecause });
    if (problems.length > 0 && !warned.has(source)) {
      warned.add(source);
      console.warn(
        `compact-widgets: ${problems.length} problem(s) in the feed ${source}; the rest is shown.\n` +
          problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'),
      );
    }
  }

  private fail(failure: FeedFailure): void {
    this.set({ status: 'error', failure });
    console.warn(`compact-widgets: ${failure.message}`);
    emit(this.host, 'compact-feed-error', { failure });
  }

  private set(state: FeedState): void {
    this.state = state;
    this.host.requestUpdate();
    this.tellRetries();
  }

  private tellRetries(): void {
    if (this.state.status !== 'loading') for (const resolve of this.retrying.splice(0)) resolve(this.state);
  }

}
