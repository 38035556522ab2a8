/**
 * A feed with nothing to report, read the short way: what the widgets need for their first paint.
 *
 * `readCleanFeed()` returns exactly the model `checkFeed()` (validate.ts) builds — the same
 * properties in the same order — but only for a feed in which `checkFeed()` finds no problem; for
 * anything else it returns undefined, and the widgets load the full validator, which reports what
 * is wrong and leaves the bad parts out. So the rules live here once (validate.ts reads a value with
 * the same predicates and adds the messages), and the widgets carry none of the validator's English
 * until a feed needs it.
 *
 * Unknown properties are passed over here: they change neither the model nor the problems (the full
 * validator lists them as warnings, which the widgets never show).
 */
import type { Action, ActionPlan, ActionUpdate, Aim, Commitment, Compact, CompactFeed } from './types.js';
import type { Consultation, Contact, LocalizedText, PledgeSettings, Principle, Signatory } from './types.js';
import { ACTION_STATUSES, COMMITMENT_PARTIES } from './types.js';
import { DEFAULT_TIME_ZONE, endOfDayInZone, isIsoDate, isIsoDateTime, isValidTimeZone, parseDateTime, startOfDayInZone } from './time.js';
import { safeHttpUrl } from './url.js';

export { DEFAULT_TIME_ZONE };

export const DEFAULT_LANGUAGE = 'en';
export const DEFAULT_CONSULTATION_WEEKS = 12;

/** `feedVersion` "1" or "1." followed by anything ("1.0", "1.2.3"). */
export const SUPPORTED_VERSION = /^1(\.\S*)?$/;

export type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isOwnData = Object.prototype.propertyIsEnumerable;

/**
 * A property of the feed's data: own and enumerable, what `JSON.stringify` would keep (so a feed
 * given as an object reads as its JSON does). Nothing inherited counts, so a page that has added to
 * `Object.prototype` cannot add to a feed.
 */
export function own(o: Rec, key: string): unknown {
  return isOwnData.call(o, key) ? o[key] : undefined;
}

// ---------------------------------------------------------------------------------------------
// The conventions of the spec, as predicates (validate.ts gives the messages)

/**
 * Text with something other than white space in it. Most text starts with a printable ASCII
 * character, which settles it without the regular expression (ten thousand names and ids, read by
 * code the page has not had time to optimise).
 */
export function hasText(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const first = v.charCodeAt(0);
  return (first > 32 && first < 127) || /\S/.test(v);
}
export const isEmail = (v: unknown): v is string => typeof v === 'string' && /^[^\s@]+@[^\s@]+$/.test(v);
export const isLanguageTag = (v: unknown): v is string =>
  typeof v === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(v);
export const isPositiveNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
export const isPercent = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;

/** An action plan period's dates in order (YYYY-MM-DD dates compare as text); one day is fine. */
export const isPeriodInOrder = (start: string, end: string): boolean => start <= end;

/**
 * Copies the defined values of `extra` onto `target` (so absent optionals stay absent). Only its
 * own keys: `for…in` would also copy whatever a page has added to Object.prototype.
 */
export function withOptional<T extends object>(target: T, extra: Partial<T>): T {
  for (const k of Object.keys(extra)) {
    const v = (extra as Rec)[k];
    if (v !== undefined) (target as Rec)[k] = v;
  }
  return target;
}

/** Object.prototype's own names, as the language and its web annex give them. */
const OBJECT_PROTOTYPE = new Set([
  'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString',
  'valueOf', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);

/**
 * The model is made of plain objects, so a property the feed leaves out reads through to
 * Object.prototype. On a page that has added to it (`Object.prototype.summary = …`, or a query-string
 * parser that lets a link do it) the widgets would show the page's text as the feed's, or count
 * every action without a due date as overdue by an inherited `due`. So, only then, each name added
 * is shadowed on every object of the model that lacks it, by an own `undefined` that is not
 * enumerable: JSON, `Object.keys`, `for…in` and deep equality still find nothing. On a sound page
 * this costs one look at Object.prototype per feed read.
 */
export function shadowInherited<T>(model: T): T {
  const added = Object.getOwnPropertyNames(Object.prototype).filter((name) => !OBJECT_PROTOTYPE.has(name));
  if (added.length > 0) shadow(model, added);
  return model;
}

function shadow(value: unknown, names: readonly string[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) shadow(item, names);
    return;
  }
  for (const name of names) {
    if (!Object.prototype.hasOwnProperty.call(value, name)) {
      Object.defineProperty(value, name, { value: undefined, writable: true, configurable: true });
    }
  }
  for (const key of Object.keys(value)) shadow((value as Rec)[key], names);
}

/** LocalizedText with nothing to report, normalised as `checkFeed` does; undefined otherwise. */
export function plainLocalizedText(v: unknown): LocalizedText | undefined {
  if (typeof v === 'string') return hasText(v) ? v : undefined;
  if (!isRecord(v)) return undefined;
  const entries = Object.entries(v);
  if (entries.length === 0) return undefined;
  for (const [lang, value] of entries) if (!/\S/.test(lang) || !hasText(value)) return undefined;
  return Object.fromEntries(entries) as LocalizedText;
}

// ---------------------------------------------------------------------------------------------
// Reading: any value `checkFeed` would report ends the short reading

/**
 * Thrown (and caught in `readCleanFeed`) as soon as something needs the full validator. Not an
 * Error: made as the shared chunk loads, an Error would have V8 work out the source positions of
 * the whole chunk for its stack (7 ms in Chromium with DevTools attached), and nobody reads it.
 */
const NOT_CLEAN = Object.freeze({ reason: 'not clean' });

function must<T>(v: T | undefined): T {
  if (v === undefined) throw NOT_CLEAN;
  return v;
}

type Reader<T> = (v: unknown) => T | undefined;

const text: Reader<string> = (v) => (hasText(v) ? v : undefined);
const date: Reader<string> = (v) => (isIsoDate(v) ? v : undefined);
const dateTime: Reader<string> = (v) => (isIsoDateTime(v) ? v : undefined);
const oneOf =
  <T extends string>(values: readonly T[]): Reader<T> =>
  (v) =>
    (values as readonly unknown[]).includes(v) ? (v as T) : undefined;

const record = (v: unknown): Rec => (isRecord(v) ? v : must<Rec>(undefined));
const req = <T>(o: Rec, key: string, read: Reader<T>): T => must(read(own(o, key)));
function opt<T>(o: Rec, key: string, read: Reader<T>): T | undefined {
  const v = own(o, key);
  return v === undefined ? undefined : must(read(v));
}
function def<T>(o: Rec, key: string, read: Reader<T>, fallback: T): T {
  return opt(o, key, read) ?? fallback;
}
/** An optional object that `checkFeed` leaves out, without a problem, when none of its fields is set. */
const nonEmpty = <T extends object>(o: T | undefined): T | undefined =>
  o && Object.keys(o).length > 0 ? o : undefined;

/** A list of objects, each read by `read`; with `unique`, no two with the same id. */
function listOf<T>(read: (o: Rec) => T | undefined, unique?: boolean): Reader<T[]> {
  return (v) => {
    if (!Array.isArray(v)) return undefined;
    const out: T[] = [];
    const ids = new Set<string>();
    for (let i = 0; i < v.length; i++) {
      const o: unknown = v[i];
      if (!isRecord(o)) return undefined;
      const item = read(o);
      if (item === undefined) return undefined;
      if (unique) {
        const id = (item as { id: string }).id;
        if (ids.has(id)) return undefined;
        ids.add(id);
      }
      out.push(item);
    }
    return out;
  };
}

/**
 * A signatory with nothing to report. A compact's list can have ten thousand of them, read once
 * before the first rows by code the page has not had time to optimise, where every call counts. So
 * this goes once over the properties the signatory has, rather than asking for each it might have,
 * and allocates nothing it does not return (validate.ts reads its signatories with it too, after
 * checking there is no unknown property to warn about).
 */
export function readPlainSignatory(o: Rec): Signatory | undefined {
  let id: unknown, name: unknown, sector: unknown, type: unknown, signed: unknown;
  let url: unknown, logo: unknown, pledge: unknown, champion: unknown;
  for (const key in o) {
    // Only what `own` would find: `for…in` also finds what a page has added to Object.prototype.
    if (!isOwnData.call(o, key)) continue;
    const value = o[key];
    switch (key) {
      case 'id': id = value; break;
      case 'name': name = value; break;
      case 'sector': sector = value; break;
      case 'type': type = value; break;
      case 'signed': signed = value; break;
      case 'url': url = value; break;
      case 'logo': logo = value; break;
      case 'pledge': pledge = value; break;
      case 'champion': champion = value; break;
      // Any other is passed over (see the top of this file).
    }
  }
  const text = plainLocalizedText(name);
  if (!hasText(id) || text === undefined || (sector !== 'public' && sector !== 'voluntary')) return undefined;
  const item: Signatory = { id, name: text, sector };
  // An optional property that is undefined is absent for the full reader too.
  if (type !== undefined) {
    if (!hasText(type)) return undefined;
    item.type = type;
  }
  if (signed !== undefined) {
    if (!isIsoDate(signed)) return undefined;
    item.signed = signed;
  }
  if (url !== undefined && (item.url = safeHttpUrl(url)) === undefined) return undefined;
  if (logo !== undefined && (item.logo = safeHttpUrl(logo)) === undefined) return undefined;
  if (pledge !== undefined && (item.pledge = plainLocalizedText(pledge)) === undefined) return undefined;
  if (champion !== undefined) {
    if (!isRecord(champion)) return undefined;
    const championName = own(champion, 'name');
    const role = own(champion, 'role');
    if (!hasText(championName) || (role !== undefined && !hasText(role))) return undefined;
    item.champion = role === undefined ? { name: championName } : { name: championName, role };
  }
  return item;
}

/**
 * Every property `readPlainSignatory` reads: a signatory with any other is read by the full
 * reader, which warns (validate.ts). Kept here, beside the reader, so that the two change together.
 */
export const SIGNATORY_KEYS: ReadonlySet<string> = new Set(['id', 'name', 'sector', 'type', 'signed', 'url', 'logo', 'pledge', 'champion']);

const readPrinciple = (o: Rec): Principle =>
  withOptional<Principle>(
    { id: req(o, 'id', text), title: req(o, 'title', plainLocalizedText) },
    { text: opt(o, 'text', plainLocalizedText) },
  );

const commitmentParty = oneOf(COMMITMENT_PARTIES);

const readCommitment = (o: Rec): Commitment => ({
  id: req(o, 'id', text),
  by: req(o, 'by', commitmentParty),
  text: req(o, 'text', plainLocalizedText),
});

const readContact = (v: unknown): Contact => {
  const o = record(v);
  return withOptional<Contact>({}, {
    name: opt(o, 'name', text),
    email: opt(o, 'email', (e) => (isEmail(e) ? e : undefined)),
    phone: opt(o, 'phone', text),
    url: opt(o, 'url', safeHttpUrl),
  });
};

const readSectors = (v: unknown): Compact['sectors'] => {
  const o = record(v);
  return withOptional<NonNullable<Compact['sectors']>>({}, {
    public: opt(o, 'public', plainLocalizedText),
    voluntary: opt(o, 'voluntary', plainLocalizedText),
  });
};

function readCompact(v: unknown): Compact {
  const o = record(v);
  const compact: Compact = {
    id: req(o, 'id', text),
    name: req(o, 'name', plainLocalizedText),
    defaultLanguage: DEFAULT_LANGUAGE,
    timeZone: DEFAULT_TIME_ZONE,
    consultationWeeks: DEFAULT_CONSULTATION_WEEKS,
    principles: [],
    commitments: [],
  };
  return withOptional(compact, {
    area: opt(o, 'area', plainLocalizedText),
    summary: opt(o, 'summary', plainLocalizedText),
    url: opt(o, 'url', safeHttpUrl),
    document: opt(o, 'document', safeHttpUrl),
    adopted: opt(o, 'adopted', date),
    reviewDue: opt(o, 'reviewDue', date),
    defaultLanguage: def(o, 'defaultLanguage', (t) => (isLanguageTag(t) ? t : undefined), DEFAULT_LANGUAGE),
    timeZone: def(o, 'timeZone', (t) => (isValidTimeZone(t) ? t : undefined), DEFAULT_TIME_ZONE),
    consultationWeeks: def(o, 'consultationWeeks', (n) => (isPositiveNumber(n) ? n : undefined), DEFAULT_CONSULTATION_WEEKS),
    sectors: nonEmpty(opt(o, 'sectors', readSectors)),
    principles: opt(o, 'principles', listOf(readPrinciple, true)),
    commitments: opt(o, 'commitments', listOf(readCommitment, true)),
    contact: nonEmpty(opt(o, 'contact', readContact)),
  });
}

const readLead: Reader<string[]> = (v) => {
  if (typeof v === 'string') return hasText(v) ? [v] : undefined;
  // `every` and `filter` pass over the holes of a sparse list, as the full reader's `forEach` does.
  return Array.isArray(v) && v.every(hasText) ? v.filter(hasText) : undefined;
};

const readUpdate = (o: Rec): ActionUpdate => ({ date: req(o, 'date', date), text: req(o, 'text', plainLocalizedText) });

function readAction(o: Rec): Action {
  const action: Action = {
    id: req(o, 'id', text),
    title: req(o, 'title', plainLocalizedText),
    lead: [],
    status: req(o, 'status', oneOf(ACTION_STATUSES)),
    updates: [],
  };
  return withOptional(action, {
    description: opt(o, 'description', plainLocalizedText),
    lead: opt(o, 'lead', readLead),
    timescale: opt(o, 'timescale', plainLocalizedText),
    due: opt(o, 'due', date),
    progress: opt(o, 'progress', (n) => (isPercent(n) ? n : undefined)),
    updates: opt(o, 'updates', listOf(readUpdate)),
  });
}

const readAim = (o: Rec): Aim => ({
  id: req(o, 'id', text),
  title: req(o, 'title', plainLocalizedText),
  actions: req(o, 'actions', listOf(readAction, true)),
});

const readPeriod = (v: unknown): ActionPlan['period'] => {
  const o = record(v);
  const period = { start: req(o, 'start', date), end: req(o, 'end', date) };
  if (!isPeriodInOrder(period.start, period.end)) throw NOT_CLEAN;
  return period;
};

function readActionPlan(v: unknown): ActionPlan {
  const o = record(v);
  return withOptional<ActionPlan>(
    { aims: req(o, 'aims', listOf(readAim, true)) },
    { title: opt(o, 'title', plainLocalizedText), period: opt(o, 'period', readPeriod), updated: opt(o, 'updated', dateTime) },
  );
}

const dateOrDateTime: Reader<string> = (v) => (isIsoDate(v) || isIsoDateTime(v) ? v : undefined);

/** The instant a consultation opens or closes: a Date is the start or end of that day in `timeZone`. */
export function consultationInstant(value: string, timeZone: string, edge: 'opens' | 'closes'): number {
  if (!isIsoDate(value)) return parseDateTime(value)!;
  return edge === 'opens' ? startOfDayInZone(value, timeZone) : endOfDayInZone(value, timeZone);
}

const consultationReader =
  (timeZone: string) =>
  (o: Rec): Consultation | undefined => {
    const id = req(o, 'id', text);
    const title = req(o, 'title', plainLocalizedText);
    const opens = req(o, 'opens', dateOrDateTime);
    const closes = req(o, 'closes', dateOrDateTime);
    const opensAt = consultationInstant(opens, timeZone, 'opens');
    const closesAt = consultationInstant(closes, timeZone, 'closes');
    if (!(closesAt > opensAt)) return undefined;
    return withOptional<Consultation>({ id, title, opens, closes, opensAt, closesAt }, {
      summary: opt(o, 'summary', plainLocalizedText),
      owner: opt(o, 'owner', text),
      url: opt(o, 'url', safeHttpUrl),
      shorterBecause: opt(o, 'shorterBecause', plainLocalizedText),
    });
  };

function readPledge(v: unknown): PledgeSettings {
  const o = record(v);
  return withOptional<PledgeSettings>(
    { endpoint: req(o, 'endpoint', safeHttpUrl), privacyNotice: req(o, 'privacyNotice', safeHttpUrl) },
    { statement: opt(o, 'statement', plainLocalizedText) },
  );
}

/**
 * The normalised feed, when `checkFeed(value)` would find no problem in it (then it deep-equals
 * `checkFeed(value).feed`, key order included); otherwise undefined. Never throws.
 */
export function readCleanFeed(value: unknown): CompactFeed | undefined {
  try {
    const o = record(value);
    const feedVersion = own(o, 'feedVersion');
    if (typeof feedVersion !== 'string' || !SUPPORTED_VERSION.test(feedVersion)) return undefined;
    const compact = readCompact(own(o, 'compact'));
    const feed: CompactFeed = {
      feedVersion,
      compact,
      signatories: opt(o, 'signatories', listOf(readPlainSignatory, true)) ?? [],
      consultations: opt(o, 'consultations', listOf(consultationReader(compact.timeZone), true)) ?? [],
    };
    return shadowInherited(
      withOptional(feed, {
        actionPlan: opt(o, 'actionPlan', readActionPlan),
        pledge: opt(o, 'pledge', readPledge),
        updated: opt(o, 'updated', dateTime),
      }),
    );
  } catch {
    // NOT_CLEAN, or a value JSON cannot hold (a throwing getter): the full validator reports it.
    return undefined;
  }
}
