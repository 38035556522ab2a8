import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One choice kept in the page's address: its value now, and the host's own setting. */
export interface UrlChoice {
  name: string;
  value: string;
  /** What the host's attributes choose: the address leaves it out. */
  byDefault: string;
}

export interface UrlSyncOptions {
  /** The parameters' prefix, or null when the host does not keep its choices in the address. */
  prefix(): string | null;
  /** The choices found in the address as the host connects (`get` is null for one not there). */
  restore(get: (name: string) => string | null): void;
  /** The choices now; empty while there is nothing to keep (no feed yet). */
  choices(): readonly UrlChoice[];
}

/**
 * Debounced: browsers limit replaceState calls (Safari throws after ~100 in 30 s), and a link to
 * share only needs the choice the person settled on.
 */
const WRITE_AFTER_MS = 300;

/**
 * Keeps a host's choices in the page's address, so that a link shares them and reloading or going
 * back restores them: read once as the host connects (the address wins over the host's
 * attributes), written after its updates, replacing the history entry, never adding one.
 */
export class UrlSyncController implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: UrlSyncOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const prefix = this.options.prefix();
    if (prefix === null) return;
    const params = new URLSearchParams(location.search);
    this.options.restore((name) => params.get(prefix + name));
  }

  hostUpdated(): void {
    if (this.options.prefix() === null || this.options.choices().length === 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.write(), WRITE_AFTER_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  private write(): void {
    const prefix = this.options.prefix();
    if (prefix === null) return;
    const url = new URL(location.href);
    for (const { name, value, byDefault } of this.options.choices()) {
      if (value === byDefault) url.searchParams.delete(prefix + name);
      else url.searchParams.set(prefix + name, value);
    }
    try {
      if (url.href !== location.href) history.replaceState(history.state, '', url.href);
    } catch {
      // A browser that refuses (rate limit, sandboxed iframe) loses only the shareable link.
    }
  }
}
