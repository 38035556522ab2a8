/**
 * Registration numbers as people type them, turned into org-id identifiers
 * (https://org-id.guide), and the "has this organisation already signed?" match.
 */
import type { CompactFeed, LocalizedText, Signatory } from '../feed/types.js';
import { normaliseName } from '../feed/text-match.js';
import type { RegisterKind } from './values.js';


/** Spaces, dots, hyphens and slashes people put in numbers ("SC 012345", "NIC/100001"). */
const SEPARATORS = /[\s./-]/g;

/**
 * The org-id for a number on a register, or undefined when it is not in that register's format.
 * Forgiving where the meaning is clear: a Scottish charity number without its `SC`, a Northern
 * Ireland number with its `NIC` prefix, a company number without its leading zeros.
 */
export function toOrgId(kind: RegisterKind, raw: string): string | undefined {
  const value = raw.replace(SEPARATORS, '').toUpperCase();
  switch (kind) {
    case 'chc':
      // Charity Commission for England and Wales: 6 or 7 digits today; 8 allowed for the future.
      return /^\d{6,8}$/.test(value) ? `GB-CHC-${value}` : undefined;
    case 'sc': {
      // OSCR: SC and 6 digits (SC012345).
      const number = /^\d{6}$/.test(value) ? `SC${value}` : value;
      return /^SC\d{6}$/.test(number) ? `GB-SC-${number}` : undefined;
    }
    case 'nic': {
      // Charity Commission for Northern Ireland: numbers from 100000, often written NIC100001.
      const number = value.replace(/^NIC/, '');
      return /^\d{6}$/.test(number) && Number(number) >= 100000 ? `GB-NIC-${number}` : undefined;
    }
    case 'coh': {
      // Companies House: 8 characters, digits (01234567) or a 1–2 letter prefix (SC123456, NI…, OC…).
      if (/^\d{1,8}$/.test(value)) return `GB-COH-${value.padStart(8, '0')}`;
      return /^[A-Z]{1,2}\d+$/.test(value) && value.length === 8 ? `GB-COH-${value}` : undefined;
    }
  }
}

function names(text: LocalizedText): string[] {
  return typeof text === 'string' ? [text] : Object.values(text);
}

interface SignatoryIndex {
  /** Each normalised name (in any language) → the first signatory, in feed order, with it. */
  byName: Map<string, Signatory>;
  byId: Map<string, Signatory>;
}

/** Built once per list of signatories (a feed's list is never changed in place): a lookup per keystroke. */
const indexes = new WeakMap<readonly Signatory[], SignatoryIndex>();

function indexOf(signatories: readonly Signatory[]): SignatoryIndex {
  let index = indexes.get(signatories);
  if (!index) {
    index = { byName: new Map(), byId: new Map() };
    for (const s of signatories) {
      for (const n of names(s.name)) {
        const key = normaliseName(n);
        if (key && !index.byName.has(key)) index.byName.set(key, s);
      }
      if (!index.byId.has(s.id)) index.byId.set(s.id, s);
    }
    indexes.set(signatories, index);
  }
  return index;
}

/** The signatory with this org-id, or whose name in any language matches `name`. */
export function findSignatory(
  feed: CompactFeed,
  query: { name?: string; orgId?: string },
): { signatory: Signatory; by: 'name' | 'id' } | undefined {
  const wanted = query.name ? normaliseName(query.name) : '';
  if (!wanted && !query.orgId) return undefined;
  const index = indexOf(feed.signatories);
  const byName = wanted ? index.byName.get(wanted) : undefined;
  if (byName) return { signatory: byName, by: 'name' };
  const byId = query.orgId ? index.byId.get(query.orgId) : undefined;
  return byId ? { signatory: byId, by: 'id' } : undefined;
}
