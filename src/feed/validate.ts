/**
 * The one validator and normaliser of the compact feed, version 1 (`feed-spec.md`).
 *
 * `checkFeed()` gives two views of the same reading:
 * - **strict** (for publishers, the CLI): `valid` is true only with no failure and no problems;
 *   `problems` lists every problem with its JSON path and a plain-English message;
 * - **lenient** (for widgets): `feed` is the normalised model. A bad item in a list is left out,
 *   a bad optional field is dropped, defaults are filled in. The whole feed fails (`feed: null`)
 *   only when it is not JSON, not an object, has no usable `compact`, or has an unsupported
 *   `feedVersion`.
 *
 * Choices where the spec leaves room (also in the project docs):
 * - `feedVersion` must be the string "1" or "1." followed by anything ("1.0", "1.2.3").
 *   Another major version ("2.0", "10") fails the feed (`unsupported-version`, detail = version).
 *   A missing or unreadable feedVersion ("v1", "", true) fails it too, with the same code: the
 *   widgets cannot tell which contract the feed follows. A *number* with major version 1
 *   (`"feedVersion": 1`) is read as the string "1" with a problem reported (forgotten quotes).
 * - All text (Ids, LocalizedText entries, plain strings) must contain a non-space character:
 *   an empty string counts as a missing value. LocalizedText object keys must be non-empty.
 * - `null` is a wrong type like any other (for optional properties: leave them out instead).
 * - `consultationWeeks` must be a number greater than 0; `contact.email` must look like
 *   `name@domain`; `defaultLanguage` must look like a BCP 47 tag with a 2–3 letter language (`en`, `cy`, `en-GB`).
 * - `timeZone` must be an IANA zone name `Intl` knows; offsets such as "+01:00" are refused.
 * - A list whose items are all left out is still present (empty): `actionPlan.aims: []` keeps the
 *   plan. Aims need `actions` (the spec writes `actions: Action[]`, not `actions?`).
 * - Ids are unique within their own list; an aim's actions are one list per aim.
 * - A leading byte-order mark is ignored by `checkFeedText` (Windows editors write one).
 * - The traversal follows the fixed shape of the feed, never generic recursion, so cyclic or very
 *   deep inputs cannot make it loop or overflow; a final guard turns any unexpected exception
 *   (e.g. a throwing getter, which JSON cannot produce) into a failure.
 */

import type {
  Action,
  ActionPlan,
  ActionUpdate,
  Aim,
  Commitment,
  Compact,
  CompactFeed,
  Consultation,
  Contact,
  FeedFailure,
  FeedProblem,
  LocalizedText,
  PledgeSettings,
  Principle,
  Signatory,
} from './types.js';
import { ACTION_STATUSES } from './types.js';
import {
  endOfDayInZone,
  isIsoDate,
  isIsoDateTime,
  isValidTimeZone,
  parseDateTime,
  startOfDayInZone,
} from './time.js';
import { safeHttpUrl } from './url.js';

export interface FeedCheck {
  /** The normalised feed (lenient view), or null when the whole feed failed. */
  feed: CompactFeed | null;
  /** Every problem found (strict view), in document order. */
  problems: FeedProblem[];
  /** Why the whole feed failed, if it did. */
  failure?: FeedFailure;
  /** True only with no failure and no problems. */
  valid: boolean;
}

export const DEFAULT_LANGUAGE = 'en';
export const DEFAULT_TIME_ZONE = 'Europe/London';
export const DEFAULT_CONSULTATION_WEEKS = 12;

type Rec = Record<string, unknown>;
type ProblemAction = FeedProblem['action'];

// ---------------------------------------------------------------------------------------------
// Small pieces

class Bad {
  constructor(readonly why: string) {}
}
const bad = (why: string) => new Bad(why);
/** "Unusable, and the reasons are already reported": dropped without a further problem. */
const ALREADY_REPORTED = new Bad('');

/** A field checker: the normalised value, or why the raw value is not acceptable. */
type Checker<T> = (value: unknown, path: string, r: Reporter) => T | Bad;

class Reporter {
  readonly problems: FeedProblem[] = [];
  add(path: string, message: string, action: ProblemAction): void {
    this.problems.push({ path, message, action });
  }
}

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(o: Rec, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** `$.a` + `b` → `$.a.b`; `$.a` + `cy-GB` → `$.a["cy-GB"]`. */
function at(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** A short, safe description of a value for messages. */
function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `a value of type ${typeof v}`;
}

const got = (v: unknown) => `; got ${describe(v)}`;
const hasText = (v: unknown): v is string => typeof v === 'string' && /\S/.test(v);

// ---------------------------------------------------------------------------------------------
// Field checkers, one per convention of the spec

const text: Checker<string> = (v) =>
  hasText(v) ? v : bad(typeof v === 'string' ? 'must not be empty' : `must be text${got(v)}`);

const id: Checker<string> = (v) =>
  hasText(v) ? v : bad(`must be an id: a piece of text that is not empty${got(v)}`);

const localizedText: Checker<LocalizedText> = (v, path, r) => {
  if (typeof v === 'string') return hasText(v) ? v : bad(`must not be empty${got(v)}`);
  if (!isRecord(v)) {
    return bad(
      `must be text, or an object from language tag to text such as {"en": "...", "cy": "..."}${got(v)}`,
    );
  }
  const entries: [string, string][] = [];
  for (const [lang, value] of Object.entries(v)) {
    if (!/\S/.test(lang)) {
      r.add(at(path, lang), 'has an empty language tag — this entry is ignored', 'dropped-field');
    } else if (!hasText(value)) {
      r.add(at(path, lang), `must be text${got(value)} — this entry is ignored`, 'dropped-field');
    } else {
      entries.push([lang, value]);
    }
  }
  return entries.length > 0 ? Object.fromEntries(entries) : bad('has no text in any language');
};

const date: Checker<string> = (v) => {
  if (isIsoDate(v)) return v;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return bad(`must be a real calendar date${got(v)}`);
  return bad(`must be a date written YYYY-MM-DD, such as "2026-03-31"${got(v)}`);
};

const dateTime: Checker<string> = (v) => {
  if (isIsoDateTime(v)) return v;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[Tt][\d:.]+$/.test(v)) {
    return bad(`needs a time-zone offset at the end ("Z" for UTC, or like "+01:00")${got(v)}`);
  }
  return bad(
    `must be a date and time with an offset, such as "2027-01-12T23:59:00Z" or "2027-01-12T23:59:00+01:00"${got(v)}`,
  );
};

const dateOrDateTime: Checker<string> = (v, path, r) => {
  if (isIsoDate(v) || isIsoDateTime(v)) return v;
  // Something date-like: give the more precise message of the one it resembles.
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}($|[Tt])/.test(v)) {
    return v.length === 10 ? date(v, path, r) : dateTime(v, path, r);
  }
  return bad(`must be a date ("2026-03-31") or a date and time with an offset ("2026-03-31T17:00:00+01:00")${got(v)}`);
};

const url: Checker<string> = (v) =>
  safeHttpUrl(v) ?? bad(`must be an absolute http: or https: address${got(v)}`);

const email: Checker<string> = (v) =>
  typeof v === 'string' && /^[^\s@]+@[^\s@]+$/.test(v)
    ? v
    : bad(`must be an email address such as "compact@example.gov.uk"${got(v)}`);

const languageTag: Checker<string> = (v) =>
  typeof v === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(v)
    ? v
    : bad(`must be a language tag such as "en" or "cy"${got(v)}`);

const timeZone: Checker<string> = (v) =>
  isValidTimeZone(v) ? v : bad(`must be an IANA time zone such as "Europe/London"${got(v)}`);

const positiveNumber: Checker<number> = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : bad(`must be a number greater than 0${got(v)}`);

const percent: Checker<number> = (v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100
    ? v
    : bad(`must be a number from 0 to 100${got(v)}`);

function oneOf<T extends string>(values: readonly T[]): Checker<T> {
  const list = values.map((s) => `"${s}"`).join(', ').replace(/, ([^,]*)$/, ' or $1');
  return (v) => ((values as readonly unknown[]).includes(v) ? (v as T) : bad(`must be ${list}${got(v)}`));
}

// ---------------------------------------------------------------------------------------------
// Objects and lists

/** What happens to the enclosing thing when one of its required fields is bad. */
interface Consequence {
  action: ProblemAction;
  note: string;
}
const leftOut = (noun: string): Consequence => ({ action: 'dropped-item', note: `so this ${noun} is left out` });
const ignored = (what: string): Consequence => ({ action: 'dropped-field', note: `so ${what} is ignored` });

/** Reads the fields of one object, reporting problems under its path. */
class Fields {
  ok = true;
  constructor(
    readonly o: Rec,
    readonly path: string,
    readonly r: Reporter,
    readonly ifRequiredBad: Consequence,
  ) {}

  /** A required field. When it is bad `ok` becomes false and the return value must not be used. */
  req<T>(key: string, check: Checker<T>): T {
    const v = own(this.o, key);
    const res = v === undefined ? bad('is required') : check(v, at(this.path, key), this.r);
    if (res instanceof Bad) {
      this.ok = false;
      if (res !== ALREADY_REPORTED) {
        this.r.add(at(this.path, key), `${res.why} — ${this.ifRequiredBad.note}`, this.ifRequiredBad.action);
      }
      return undefined as T;
    }
    return res;
  }

  /** An optional field: undefined when missing or bad (bad is reported and dropped). */
  opt<T>(key: string, check: Checker<T>): T | undefined {
    const v = own(this.o, key);
    if (v === undefined) return undefined;
    const res = check(v, at(this.path, key), this.r);
    if (res instanceof Bad) {
      if (res !== ALREADY_REPORTED) this.r.add(at(this.path, key), `${res.why} — it is ignored`, 'dropped-field');
      return undefined;
    }
    return res;
  }

  /** An optional field with a default: a bad value is reported and replaced by the default. */
  def<T>(key: string, check: Checker<T>, fallback: T): T {
    const v = own(this.o, key);
    if (v === undefined) return fallback;
    const res = check(v, at(this.path, key), this.r);
    if (res instanceof Bad) {
      this.r.add(at(this.path, key), `${res.why} — using ${JSON.stringify(fallback)} instead`, 'defaulted');
      return fallback;
    }
    return res;
  }
}

/** Copies the defined values of `extra` onto `target` (so absent optionals stay absent). */
function withOptional<T extends object>(target: T, extra: Partial<T>): T {
  for (const k in extra) {
    const v = extra[k];
    if (v !== undefined) (target as Rec)[k] = v;
  }
  return target;
}

/**
 * An object-valued field read by `read`, which returns undefined when the object is unusable
 * (its own problems already reported, with `consequence` for bad required fields).
 */
function object<T>(consequence: Consequence, read: (f: Fields) => T | undefined): Checker<T> {
  return (v, path, r) => {
    if (!isRecord(v)) return bad(`must be an object ({ ... })${got(v)}`);
    return read(new Fields(v, path, r, consequence)) ?? ALREADY_REPORTED;
  };
}

/**
 * A list of objects. Bad items are left out; with `uniqueId`, an item whose id was already used in
 * the list is left out too.
 */
function listOf<T>(
  noun: string,
  read: (o: Rec, path: string, r: Reporter) => T | undefined,
  uniqueId?: (item: T) => string,
): Checker<T[]> {
  return (v, path, r) => {
    if (!Array.isArray(v)) return bad(`must be a list ([ ... ]) of ${noun} entries${got(v)}`);
    const out: T[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < v.length; i++) {
      const p = `${path}[${i}]`;
      const el: unknown = v[i];
      if (!isRecord(el)) {
        r.add(p, `must be an object ({ ... })${got(el)} — so this ${noun} is left out`, 'dropped-item');
        continue;
      }
      const item = read(el, p, r);
      if (item === undefined) continue;
      if (uniqueId) {
        const key = uniqueId(item);
        const first = seen.get(key);
        if (first !== undefined) {
          r.add(
            `${p}.id`,
            `${describe(key)} is already used by ${path}[${first}]; ids must be unique in the list — so this ${noun} is left out`,
            'dropped-item',
          );
          continue;
        }
        seen.set(key, i);
      }
      out.push(item);
    }
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// The parts of the feed

function readPrinciple(o: Rec, path: string, r: Reporter): Principle | undefined {
  const f = new Fields(o, path, r, leftOut('principle'));
  const item = { id: f.req('id', id), title: f.req('title', localizedText) };
  const extra = { text: f.opt('text', localizedText) };
  return f.ok ? withOptional<Principle>(item, extra) : undefined;
}

const commitmentParty = oneOf(['public', 'voluntary', 'joint'] as const);
const sector = oneOf(['public', 'voluntary'] as const);
const actionStatus = oneOf(ACTION_STATUSES);

function readCommitment(o: Rec, path: string, r: Reporter): Commitment | undefined {
  const f = new Fields(o, path, r, leftOut('commitment'));
  const item = {
    id: f.req('id', id),
    by: f.req('by', commitmentParty),
    text: f.req('text', localizedText),
  };
  return f.ok ? item : undefined;
}

const contact = object<Contact>(ignored('the contact'), (f) => {
  const c = withOptional<Contact>({}, {
    name: f.opt('name', text),
    email: f.opt('email', email),
    phone: f.opt('phone', text),
    url: f.opt('url', url),
  });
  return Object.keys(c).length > 0 ? c : undefined;
});

const sectors = object<NonNullable<Compact['sectors']>>(ignored('sectors'), (f) => {
  const s = withOptional<NonNullable<Compact['sectors']>>({}, {
    public: f.opt('public', localizedText),
    voluntary: f.opt('voluntary', localizedText),
  });
  return Object.keys(s).length > 0 ? s : undefined;
});

/** The compact, or undefined if it has no usable id or name (then the whole feed fails). */
function readCompact(feed: Rec, r: Reporter): { compact?: Compact; timeZone: string } {
  const path = '$.compact';
  const v = own(feed, 'compact');
  const fatal = 'so the widgets cannot show this feed';
  if (!isRecord(v)) {
    const why = v === undefined ? 'is required' : `must be an object ({ ... })${got(v)}`;
    r.add(path, `${why} — ${fatal}`, 'rejected-feed');
    return { timeZone: DEFAULT_TIME_ZONE };
  }
  const f = new Fields(v, path, r, { action: 'rejected-feed', note: fatal });
  const compact: Compact = {
    id: f.req('id', id),
    name: f.req('name', localizedText),
    defaultLanguage: DEFAULT_LANGUAGE,
    timeZone: DEFAULT_TIME_ZONE,
    consultationWeeks: DEFAULT_CONSULTATION_WEEKS,
    principles: [],
    commitments: [],
  };
  withOptional(compact, {
    area: f.opt('area', localizedText),
    summary: f.opt('summary', localizedText),
    url: f.opt('url', url),
    document: f.opt('document', url),
    adopted: f.opt('adopted', date),
    reviewDue: f.opt('reviewDue', date),
    defaultLanguage: f.def('defaultLanguage', languageTag, DEFAULT_LANGUAGE),
    timeZone: f.def('timeZone', timeZone, DEFAULT_TIME_ZONE),
    consultationWeeks: f.def('consultationWeeks', positiveNumber, DEFAULT_CONSULTATION_WEEKS),
    sectors: f.opt('sectors', sectors),
    principles: f.opt('principles', listOf('principle', readPrinciple, (p) => p.id)),
    commitments: f.opt('commitments', listOf('commitment', readCommitment, (c) => c.id)),
    contact: f.opt('contact', contact),
  });
  return f.ok ? { compact, timeZone: compact.timeZone } : { timeZone: compact.timeZone };
}

const champion = object<NonNullable<Signatory['champion']>>(ignored('the champion'), (f) => {
  const c = { name: f.req('name', text) };
  const extra = { role: f.opt('role', text) };
  return f.ok ? withOptional<NonNullable<Signatory['champion']>>(c, extra) : undefined;
});

function readSignatory(o: Rec, path: string, r: Reporter): Signatory | undefined {
  const f = new Fields(o, path, r, leftOut('signatory'));
  const item = {
    id: f.req('id', id),
    name: f.req('name', localizedText),
    sector: f.req('sector', sector),
  };
  const extra = {
    type: f.opt('type', text),
    signed: f.opt('signed', date),
    url: f.opt('url', url),
    logo: f.opt('logo', url),
    pledge: f.opt('pledge', localizedText),
    champion: f.opt('champion', champion),
  };
  return f.ok ? withOptional<Signatory>(item, extra) : undefined;
}

const lead: Checker<string[]> = (v, path, r) => {
  if (typeof v === 'string') return hasText(v) ? [v] : bad(`must not be empty${got(v)}`);
  if (!Array.isArray(v)) return bad(`must be text, or a list of texts (signatory ids or names)${got(v)}`);
  const out: string[] = [];
  v.forEach((item: unknown, i) => {
    if (hasText(item)) out.push(item);
    else r.add(`${path}[${i}]`, `must be text${got(item)} — this entry is ignored`, 'dropped-item');
  });
  return out;
};

function readUpdate(o: Rec, path: string, r: Reporter): ActionUpdate | undefined {
  const f = new Fields(o, path, r, leftOut('update'));
  const item = { date: f.req('date', date), text: f.req('text', localizedText) };
  return f.ok ? item : undefined;
}

function readAction(o: Rec, path: string, r: Reporter): Action | undefined {
  const f = new Fields(o, path, r, leftOut('action'));
  const item: Action = {
    id: f.req('id', id),
    title: f.req('title', localizedText),
    lead: [],
    status: f.req('status', actionStatus),
    updates: [],
  };
  withOptional(item, {
    description: f.opt('description', localizedText),
    lead: f.opt('lead', lead),
    timescale: f.opt('timescale', localizedText),
    due: f.opt('due', date),
    progress: f.opt('progress', percent),
    updates: f.opt('updates', listOf('update', readUpdate)),
  });
  return f.ok ? item : undefined;
}

function readAim(o: Rec, path: string, r: Reporter): Aim | undefined {
  const f = new Fields(o, path, r, leftOut('aim'));
  const item = {
    id: f.req('id', id),
    title: f.req('title', localizedText),
    actions: f.req('actions', listOf('action', readAction, (a) => a.id)),
  };
  return f.ok ? item : undefined;
}

const period = object<NonNullable<ActionPlan['period']>>(ignored('the period'), (f) => {
  const p = { start: f.req('start', date), end: f.req('end', date) };
  return f.ok ? p : undefined;
});

const actionPlan = object<ActionPlan>(ignored('the whole action plan'), (f) => {
  const plan: ActionPlan = { aims: f.req('aims', listOf('aim', readAim, (a) => a.id)) };
  withOptional(plan, {
    title: f.opt('title', localizedText),
    period: f.opt('period', period),
    updated: f.opt('updated', dateTime),
  });
  return f.ok ? plan : undefined;
});

function consultationReader(tz: string) {
  return (o: Rec, path: string, r: Reporter): Consultation | undefined => {
    const f = new Fields(o, path, r, leftOut('consultation'));
    const item = { id: f.req('id', id), title: f.req('title', localizedText) };
    const opens = f.req('opens', dateOrDateTime);
    const closes = f.req('closes', dateOrDateTime);
    const extra = {
      summary: f.opt('summary', localizedText),
      owner: f.opt('owner', text),
      url: f.opt('url', url),
      shorterBecause: f.opt('shorterBecause', localizedText),
    };
    if (!f.ok) return undefined;
    const opensAt = isIsoDate(opens) ? startOfDayInZone(opens, tz) : parseDateTime(opens)!;
    const closesAt = isIsoDate(closes) ? endOfDayInZone(closes, tz) : parseDateTime(closes)!;
    if (!(closesAt > opensAt)) {
      r.add(
        at(path, 'closes'),
        `must be after opens (${describe(opens)})${got(closes)} — so this consultation is left out`,
        'dropped-item',
      );
      return undefined;
    }
    // Key order as in the Consultation type.
    return withOptional<Consultation>(
      { id: item.id, title: item.title, opens, closes, opensAt, closesAt },
      extra,
    );
  };
}

const pledge = object<PledgeSettings>(ignored('the pledge object'), (f) => {
  const p = { endpoint: f.req('endpoint', url), privacyNotice: f.req('privacyNotice', url) };
  const extra = { statement: f.opt('statement', localizedText) };
  return f.ok ? withOptional<PledgeSettings>(p, extra) : undefined;
});

// ---------------------------------------------------------------------------------------------
// Version

const SUPPORTED_VERSION = /^1(\.\S*)?$/;

/** The feed's version string, or the failure. Problems are reported as a side effect. */
function readVersion(v: unknown, r: Reporter): string | FeedFailure {
  const path = '$.feedVersion';
  const fail = (message: string, detail: string): FeedFailure => {
    r.add(path, message, 'rejected-feed');
    return { code: 'unsupported-version', message, detail };
  };
  if (typeof v === 'string' && SUPPORTED_VERSION.test(v)) return v;
  if (typeof v === 'number' && Number.isFinite(v) && Math.trunc(v) === 1) {
    r.add(path, `must be text in quotes, such as "1.0"; got ${v} — read as version "${v}"`, 'defaulted');
    return String(v);
  }
  const major = typeof v === 'string' || typeof v === 'number' ? /^(\d+)(\.|$)/.exec(String(v)) : null;
  if (major && major[1] !== '1') {
    return fail(`This feed is version ${v}; these widgets read version 1.x`, String(v));
  }
  if (v === undefined) {
    return fail('This feed has no feedVersion; these widgets read version 1.x (add "feedVersion": "1.0")', '');
  }
  return fail(
    `This feed's feedVersion must be a version such as "1.0"${got(v)}; these widgets read version 1.x`,
    typeof v === 'string' ? v : describe(v),
  );
}

// ---------------------------------------------------------------------------------------------
// Entry points

function failed(r: Reporter, failure: FeedFailure): FeedCheck {
  return { feed: null, problems: r.problems, failure, valid: false };
}

function read(value: unknown, r: Reporter): FeedCheck {
  if (!isRecord(value)) {
    const message = `A feed must be a JSON object ({ ... }) with feedVersion and compact${got(value)}`;
    r.add('$', message, 'rejected-feed');
    return failed(r, { code: 'not-object', message });
  }
  const version = readVersion(own(value, 'feedVersion'), r);
  if (typeof version !== 'string') return failed(r, version);

  const { compact, timeZone: tz } = readCompact(value, r);
  const top = new Fields(value, '$', r, ignored('it')); // the top level has no other required field
  const signatories = top.opt('signatories', listOf('signatory', readSignatory, (s) => s.id)) ?? [];
  const plan = top.opt('actionPlan', actionPlan);
  const consultations =
    top.opt('consultations', listOf('consultation', consultationReader(tz), (c) => c.id)) ?? [];
  const pledgeSettings = top.opt('pledge', pledge);
  const updated = top.opt('updated', dateTime);

  if (!compact) {
    return failed(r, {
      code: 'no-compact',
      message: 'This feed has no usable compact: it needs a "compact" object with an "id" and a "name"',
    });
  }
  const feed = withOptional<CompactFeed>(
    { feedVersion: version, compact, signatories, consultations },
    { actionPlan: plan, pledge: pledgeSettings, updated },
  );
  return { feed, problems: r.problems, valid: r.problems.length === 0 };
}

/** Validates and normalises a parsed feed. Never throws. */
export function checkFeed(value: unknown): FeedCheck {
  const r = new Reporter();
  try {
    return read(value, r);
  } catch {
    // Not reachable with JSON input; a throwing getter or Proxy could get here.
    const message = 'This feed could not be read: it contains values JSON cannot hold';
    r.add('$', message, 'rejected-feed');
    return failed(r, { code: 'not-object', message });
  }
}

/** Parses JSON text (a leading byte-order mark is ignored), then `checkFeed`. Never throws. */
export function checkFeedText(text: string): FeedCheck {
  let value: unknown;
  try {
    value = JSON.parse(String(text).replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof SyntaxError ? `: ${e.message}` : '';
    const message = `This feed is not valid JSON${detail}`;
    return {
      feed: null,
      problems: [{ path: '$', message, action: 'rejected-feed' }],
      failure: { code: 'not-json', message },
      valid: false,
    };
  }
  return checkFeed(value);
}
