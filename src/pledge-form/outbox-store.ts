/**
 * The pledges and drafts a form keeps in localStorage, for one target (compact and endpoint).
 *
 * Several tabs (or several forms on one page) share one localStorage, so nothing is kept in a
 * shared slot: each submission is its own outbox entry, stored under its idempotency key, and each
 * tab has its own draft. An entry being sent is claimed for a while, so that another tab leaves it
 * alone; the sender decides how long. Storage that refuses (private browsing, full, sandboxed)
 * never throws: the pledge then lives in memory for this visit.
 */
import { keysStartingWith, storageBase, type PledgeTarget } from './endpoint.js';
import { isValidKey, newIdempotencyKey } from './idempotency-key.js';
import { isRecord } from '../feed/clean-feed.js';
import type { PledgeBody } from './values.js';

/** `key` and `length` list the outbox entries, which live under keys of their own. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface OutboxEntry {
  /** The Idempotency-Key, which also names the entry in storage. */
  key: string;
  body: PledgeBody;
  createdAt: number;
  attempts: number;
  /** Which sender is looking after it, and until when (ms): other tabs leave it alone meanwhile. */
  claim?: { by: string; until: number };
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** What sending and the confirmation rely on in a body read back from storage. */
function isPledgeBody(body: unknown): body is PledgeBody {
  if (!isRecord(body) || !isRecord(body.organisation) || !isRecord(body.contact) || !isRecord(body.consent)) return false;
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

export class OutboxStore {
  private base?: string;

  constructor(private readonly storage: StorageLike | null) {}

  /** Which compact and endpoint the entries and drafts belong to (none: nothing is kept). */
  set target(target: PledgeTarget | undefined) {
    this.base = target && storageBase(target);
  }

  // --- The outbox ------------------------------------------------------------------------------

  /**
   * The oldest saved entry that no other sender (`self` is this one) has claimed until after
   * `now`. Entries of the wrong shape are removed; one whose key fetch could not send is given a
   * new key (it was never sent, so nothing can be received twice). A claim that runs out more than
   * `longestClaimMs` from now was not made by a sender on this clock (the clock was put back, or
   * another script wrote it): it would hold the pledge back for as long, so it does not count.
   */
  nextEntry(self: string, now: number, longestClaimMs: number): OutboxEntry | undefined {
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
      if (claim && claim.by !== self && claim.until > now && claim.until - now <= longestClaimMs) continue;
      entries.push(entry);
    }
    return entries.sort((a, b) => a.createdAt - b.createdAt)[0];
  }

  saveEntry(entry: OutboxEntry): void {
    const slot = this.entrySlot(entry.key);
    if (slot) this.writeItem(slot, entry);
  }

  /** Saves the entry unclaimed, if it is still there (a tab that delivered it may have removed it). */
  releaseEntry(entry: OutboxEntry): void {
    const slot = this.entrySlot(entry.key);
    if (!slot || this.readItem(slot) === undefined) return;
    entry.claim = undefined;
    this.writeItem(slot, entry);
  }

  removeEntry(entry: OutboxEntry): void {
    const slot = this.entrySlot(entry.key);
    if (slot) this.removeItem(slot);
  }

  // --- Drafts ----------------------------------------------------------------------------------

  /**
   * The draft of `tabId`, as stored: its own, else the newest one a closed tab left behind, which
   * `tabId` takes over (so it is never revived twice).
   */
  readDraft(tabId: string): unknown {
    const own = this.draftKey(tabId);
    if (!own) return undefined;
    const values = this.readSaved(own)?.values;
    if (values !== undefined) return values;
    // The one draft slot of earlier versions held the values themselves.
    const legacy = `${this.base}draft`;
    const legacyValues = this.readItem(legacy);
    const newest = this.keysStartingWith(`${this.base}draft:`)
      .filter((key) => key !== own)
      .map((key) => ({ key, saved: this.readSaved(key) }))
      .concat(legacyValues === undefined ? [] : [{ key: legacy, saved: { savedAt: 0, values: legacyValues } }])
      .filter((d) => d.saved?.values !== undefined)
      .sort((a, b) => b.saved!.savedAt - a.saved!.savedAt)[0];
    if (!newest) return undefined;
    this.writeItem(own, newest.saved);
    this.removeItem(newest.key);
    return newest.saved!.values;
  }

  writeDraft(tabId: string, values: unknown, savedAt: number): void {
    const key = this.draftKey(tabId);
    if (key) this.writeItem(key, { savedAt, values });
  }

  removeDraft(tabId: string): void {
    const key = this.draftKey(tabId);
    if (key) this.removeItem(key);
  }

  // --- Keys and storage ------------------------------------------------------------------------

  private entrySlot(key: string): string | undefined {
    return this.base && `${this.base}outbox:${key}`;
  }

  private draftKey(tabId: string): string | undefined {
    return this.base && `${this.base}draft:${tabId}`;
  }

  /** The outbox entries, and the single entry saved before entries had keys of their own. */
  private outboxSlots(): string[] {
    const base = this.base;
    return base ? this.keysStartingWith(`${base}outbox`).filter((k) => k === `${base}outbox` || k.startsWith(`${base}outbox:`)) : [];
  }

  private readEntry(slot: string): OutboxEntry | undefined {
    const saved = this.readItem(slot) as Partial<OutboxEntry> | undefined;
    if (!isRecord(saved) || typeof saved.key !== 'string' || saved.key === '' || !isPledgeBody(saved.body)) {
      return undefined;
    }
    const claim = isRecord(saved.claim) && typeof saved.claim.by === 'string' && Number.isFinite(saved.claim.until) ? saved.claim : undefined;
    return {
      key: isValidKey(saved.key) ? saved.key : newIdempotencyKey(),
      body: saved.body,
      createdAt: Number(saved.createdAt) || 0,
      attempts: Number(saved.attempts) || 0,
      claim: claim && { by: claim.by, until: Number(claim.until) },
    };
  }

  private keysStartingWith(prefix: string): string[] {
    return keysStartingWith(this.storage, prefix);
  }

  /** A saved draft: `{savedAt, values}` (undefined for anything else). */
  private readSaved(key: string): { savedAt: number; values: unknown } | undefined {
    const saved = this.readItem(key);
    return isRecord(saved) && 'values' in saved ? { savedAt: Number(saved.savedAt) || 0, values: saved.values } : undefined;
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
}
