/**
 * Where a form may send pledges, and where it keeps them meanwhile. Small and needed at first
 * paint: the form checks its endpoint, and whether anything is saved for it, before anyone types.
 */
import { safeHttpUrl } from '../feed/url.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type EndpointCheck = { ok: true; url: string } | { ok: false; reason: 'not-http' | 'not-https' };

/** Only http(s) endpoints, and https unless the endpoint is on this computer (development). */
export function checkEndpoint(value: unknown): EndpointCheck {
  const url = safeHttpUrl(value);
  if (!url) return { ok: false, reason: 'not-http' };
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || LOCAL_HOSTS.has(hostname) ? { ok: true, url } : { ok: false, reason: 'not-https' };
}

export interface PledgeTarget {
  compactId: string;
  endpoint: string;
}

export const STORAGE_PREFIX = 'compact-widgets:pledge:';

/** Every key of this compact and endpoint, so two compacts on one site never mix their pledges. */
export function storageBase(target: PledgeTarget): string {
  return `${STORAGE_PREFIX}${target.compactId}:${target.endpoint}:`;
}

/**
 * Whether anything (a sign-up waiting to be sent, a draft) is saved for this target: one pass over
 * the keys, no parsing, so that first paint can tell whether it must load the sending code now.
 */
export function hasSaved(target: PledgeTarget, storage: Pick<Storage, 'key' | 'length'> | null = localStorageOrNull()): boolean {
  return keysStartingWith(storage, storageBase(target)).length > 0;
}

/** The keys in `storage` that start with `prefix` (none when storage is refused). */
export function keysStartingWith(storage: Pick<Storage, 'key' | 'length'> | null, prefix: string): string[] {
  const keys: string[] = [];
  try {
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

export function localStorageOrNull(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // e.g. storage blocked for a sandboxed frame
  }
}
