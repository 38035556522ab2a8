import { isRecord } from '../feed/clean-feed.js';
import { isValidKey, newIdempotencyKey } from './idempotency-key.js';

const TAB_KEY = 'compact-widgets:tab';
const TAB_CHANNEL = 'compact-widgets:tabs';

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
    if (!isRecord(data)) return;
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

/** This document's tab name, made on first use. */
export function currentTab(): TabName {
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
