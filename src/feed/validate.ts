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
 * - A Url is a plain address: no user name or password (`https://user:pass@host/`, or
 *   `http://council.gov.uk@evil.example/`, which reads like the council's), no whitespace, control,
 *   bidirectional-control characters or backslashes anywhere (see url.ts).
 * - A list whose items are all left out is still present (empty): `actionPlan.aims: []` keeps the
 *   plan. Aims need `actions` (the spec writes `actions: Action[]`, not `actions?`).
 * - Ids are unique within their own list; an aim's actions are one list per aim.
 * - A leading byte-order mark is ignored by `checkFeedText` (Windows editors write one).
 * - Unknown properties are allowed (forward compatible) and listed as `warnings`, not problems,
 *   with "did you mean …" when the name is close to a property of that object (a typo would
 *   otherwise pass silently).
 * - JSON syntax errors say the line and column.
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
  FeedWarning,
  LocalizedText,
  PledgeSettings,
  Principle,
  Signatory,
} from './types.js';
import { ACTION_STATUSES, COMMITMENT_PARTIES, SECTORS } from './types.js';
import { isIsoDate, isIsoDateTime, isValidTimeZone } from './time.js';
import { safeHttpUrl } from './url.js';
import {
  consultationInstant,
  DEFAULT_CONSULTATION_WEEKS,
  DEFAULT_LANGUAGE,
  DEFAULT_TIME_ZONE,
  hasText,
  isEmail,
  isLanguageTag,
  isPercent,
  isPeriodInOrder,
  isPositiveNumber,
  isRecord,
  own,
  readPlainSignatory,
  shadowInherited,
  SIGNATORY_KEYS,
  SUPPORTED_VERSION,
  withOptional,
  type Rec,
} from './clean-feed.js';

export { DEFAULT_CONSULTATION_WEEKS, DEFAULT_LANGUAGE, DEFAULT_TIME_ZONE };

export interface FeedCheck {
  /** The normalised feed (lenient view), or null when the whole feed failed. */
  feed: CompactFeed | null;
  /** Every problem found (strict view), in document order. */
  problems: FeedProblem[];
  /**
   * What a publisher should know that does not make the feed invalid: unknown properties (with
   * "did you mean …" for near misses). Widgets ignore these.
   */
  warnings: FeedWarning[];
  /** Why the whole feed failed, if it did. */
  failure?: FeedFailure;
  /** True only with no failure and no problems. */
  valid: boolean;
}

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

/**
 * Near-miss searches one check makes at most: past that, unknown properties are still warned about,
 * without a "did you mean". Each search compares the name with every known one, and a feed can have
 * thousands of unknown names (a hostile one, or one written for a later version).
 */
const MAX_NEAR_MISS_SEARCHES = 200;

class Reporter {
  readonly problems: FeedProblem[] = [];
  readonly warnings: FeedWarning[] = [];
  /** Answers already worked out: ten thousand signatories with the same new property ask once. */
  private readonly nearMisses = new Map<string, string | undefined>();
  add(path: string, message: string, action: ProblemAction): void {
    this.problems.push({ path, message, action });
  }
  warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }
  /** `nearestName`, remembered for the same name among the same known names, and capped. */
  nearestName(unknown: string, known: readonly string[]): string | undefined {
    const key = `${unknown}\0${known.join('\0')}`;
    if (this.nearMisses.has(key)) return this.nearMisses.get(key);
    if (this.nearMisses.size >= MAX_NEAR_MISS_SEARCHES) return undefined;
    const near = nearestName(unknown, known);
    this.nearMisses.set(key, near);
    return near;
  }
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
  isEmail(v)
    ? v
    : bad(`must be an email address such as "compact@example.gov.uk"${got(v)}`);

const languageTag: Checker<string> = (v) =>
  isLanguageTag(v)
    ? v
    : bad(`must be a language tag such as "en" or "cy"${got(v)}`);

const timeZone: Checker<string> = (v) =>
  isValidTimeZone(v) ? v : bad(`must be an IANA time zone such as "Europe/London"${got(v)}`);

const positiveNumber: Checker<number> = (v) =>
  isPositiveNumber(v) ? v : bad(`must be a number greater than 0${got(v)}`);

const percent: Checker<number> = (v) =>
  isPercent(v)
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

/**
 * Reads the fields of one object, reporting problems under its path. It remembers which
 * properties it was asked for, so that `done()` can warn about the others.
 */
class Fields {
  ok = true;
  private readonly asked: string[] = [];
  constructor(
    readonly o: Rec,
    readonly path: string,
    readonly r: Reporter,
    readonly ifRequiredBad: Consequence,
  ) {}

  private get(key: string): unknown {
    this.asked.push(key);
    return own(this.o, key);
  }

  /** Properties read by other means (the top level's feedVersion and compact). */
  known(...keys: string[]): void {
    this.asked.push(...keys);
  }

  /** Warns about every property of the object that no reader asked for. */
  done(): void {
    for (const key of Object.keys(this.o)) {
      if (this.asked.includes(key)) continue;
      const near = this.r.nearestName(key, this.asked);
      this.r.warn(
        at(this.path, key),
        near
          ? `unknown property, ignored by the widgets — did you mean "${near}"?`
          : 'unknown property, ignored by the widgets (it is not in version 1 of the feed contract)',
      );
    }
  }

  /** A required field. When it is bad `ok` becomes false and the return value must not be used. */
  req<T>(key: string, check: Checker<T>): T {
    const v = this.get(key);
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
    const v = this.get(key);
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
    const v = this.get(key);
    if (v === undefined) return fallback;
    const res = check(v, at(this.path, key), this.r);
    if (res instanceof Bad) {
      this.r.add(at(this.path, key), `${res.why} — using ${JSON.stringify(fallback)} instead`, 'defaulted');
      return fallback;
    }
    return res;
  }
}

/** Lower case without `-`, `_` or spaces: `privacy_notice`, `Privacy-Notice` → `privacynotice`. */
const folded = (name: string) => name.toLowerCase().replace(/[-_\s]/g, '');

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i].push(d);
    }
  }
  return rows[a.length][b.length];
}

/**
 * The known property an unknown one was probably meant to be: the same name in another case or
 * spelling (`Url`, `privacy_notice`), a near miss (`signatorys`, `endpont`), or a known name with
 * something added (`logoUrl` → `logo`). Undefined when nothing is close.
 */
function nearestName(unknown: string, known: readonly string[]): string | undefined {
  const u = folded(unknown);
  if (u.length > 64) return undefined; // nobody mistypes a 65-letter name; keeps the work small
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const k = folded(name);
    const distance = u === k ? 0 : editDistance(u, k);
    const allowed = Math.min(k.length, u.length) < 5 ? 1 : k.length < 8 ? 2 : 3;
    const extended = k.length >= 4 && (u.startsWith(k) || u.endsWith(k));
    if ((distance <= allowed || extended) && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * An object-valued field read by `read`, which returns undefined when the object is unusable
 * (its own problems already reported, with `consequence` for bad required fields).
 */
function object<T>(consequence: Consequence, read: (f: Fields) => T | undefined): Checker<T> {
  return (v, path, r) => {
    if (!isRecord(v)) return bad(`must be an object ({ ... })${got(v)}`);
    const fields = new Fields(v, path, r, consequence);
    const value = read(fields);
    fields.done();
    return value ?? ALREADY_REPORTED;
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
  readPlain?: (o: Rec) => T | undefined,
): Checker<T[]> {
  return (v, path, r) => {
    if (!Array.isArray(v)) return bad(`must be a list ([ ... ]) of ${noun} entries${got(v)}`);
    const out: T[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < v.length; i++) {
      const el: unknown = v[i];
      if (!isRecord(el)) {
        r.add(`${path}[${i}]`, `must be an object ({ ... })${got(el)} — so this ${noun} is left out`, 'dropped-item');
        continue;
      }
      // The plain reader takes the common, flawless item without building paths; anything it
      // does not vouch for is read by the full reader, which reports what is wrong.
      const item = readPlain?.(el) ?? read(el, `${path}[${i}]`, r);
      if (item === undefined) continue;
      if (uniqueId) {
        const key = uniqueId(item);
        const first = seen.get(key);
        if (first !== undefined) {
          r.add(
            `${path}[${i}].id`,
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
  f.done();
  return f.ok ? withOptional<Principle>(item, extra) : undefined;
}

const commitmentParty = oneOf(COMMITMENT_PARTIES);
const sector = oneOf(SECTORS);
const actionStatus = oneOf(ACTION_STATUSES);

function readCommitment(o: Rec, path: string, r: Reporter): Commitment | undefined {
  const f = new Fields(o, path, r, leftOut('commitment'));
  const item = { id: f.req('id', id), by: f.req('by', commitmentParty), text: f.req('text', localizedText) };
  f.done();
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
  f.done();
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
  f.done();
  return f.ok ? withOptional<Signatory>(item, extra) : undefined;
}

/**
 * `readPlainSignatory` (the short way, for the common flawless signatory) when the signatory has no
 * property to warn about; undefined sends it to `readSignatory`, which reports and warns.
 */
function readPlainKnownSignatory(o: Rec): Signatory | undefined {
  // `for…in` allocates nothing; an inherited key it finds is either unknown (the full reader then
  // reads this one) or read with `own`, as the full reader reads it.
  for (const key in o) if (!SIGNATORY_KEYS.has(key)) return undefined;
  const champion = own(o, 'champion');
  if (isRecord(champion)) for (const key in champion) if (key !== 'name' && key !== 'role') return undefined;
  return readPlainSignatory(o);
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
  f.done();
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
  f.done();
  return f.ok ? item : undefined;
}

function readAim(o: Rec, path: string, r: Reporter): Aim | undefined {
  const f = new Fields(o, path, r, leftOut('aim'));
  const item = {
    id: f.req('id', id),
    title: f.req('title', localizedText),
    actions: f.req('actions', listOf('action', readAction, (a) => a.id)),
  };
  f.done();
  return f.ok ? item : undefined;
}

const period = object<NonNullable<ActionPlan['period']>>(ignored('the period'), (f) => {
  const p = { start: f.req('start', date), end: f.req('end', date) };
  if (!f.ok) return undefined;
  if (!isPeriodInOrder(p.start, p.end)) {
    f.r.add(at(f.path, 'end'), `must not be before start (${describe(p.start)})${got(p.end)} — ${f.ifRequiredBad.note}`, 'dropped-field');
    return undefined;
  }
  return p;
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
    f.done();
    if (!f.ok) return undefined;
    const opensAt = consultationInstant(opens, tz, 'opens');
    const closesAt = consultationInstant(closes, tz, 'closes');
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
  return { feed: null, problems: r.problems, warnings: r.warnings, failure, valid: false };
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
  const signatories = top.opt('signatories', listOf('signatory', readSignatory, (s) => s.id, readPlainKnownSignatory)) ?? [];
  const plan = top.opt('actionPlan', actionPlan);
  const consultations =
    top.opt('consultations', listOf('consultation', consultationReader(tz), (c) => c.id)) ?? [];
  const pledgeSettings = top.opt('pledge', pledge);
  const updated = top.opt('updated', dateTime);
  top.known('feedVersion', 'compact');
  top.done();

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
  return { feed: shadowInherited(feed), problems: r.problems, warnings: r.warnings, valid: r.problems.length === 0 };
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

/**
 * Where the first JSON syntax error in `s` is (a UTF-16 offset), or -1 when there is none. JSON.parse
 * says "at position 83" in some V8 versions and nothing at all in others; this finds it the same way
 * everywhere. Iterative, so no nesting depth can overflow it.
 */
function jsonErrorOffset(s: string): number {
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const stack: ('{' | '[')[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  /** A string at s[i] === '"': true and i after it, or false and i at the fault. */
  const string = (): boolean => {
    i++;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      const escape = s[i + 1];
      if (escape === 'u') {
        if (!/^[\da-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return false;
        i += 6;
      } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
        i += 2;
      } else {
        i++;
        return false;
      }
    }
    return false;
  };
  /** A member name and its colon, from s[i]: true and i after the colon. */
  const key = (): boolean => {
    skipSpace();
    if (s[i] !== '"' || !string()) return false;
    skipSpace();
    if (s[i] !== ':') return false;
    i++;
    return true;
  };
  let expectValue = true;
  for (;;) {
    skipSpace();
    if (expectValue) {
      const c = s[i];
      if (c === '{' || c === '[') {
        i++;
        skipSpace();
        if (s[i] === (c === '{' ? '}' : ']')) {
          i++;
          expectValue = false;
          continue;
        }
        stack.push(c);
        if (c === '{' && !key()) return i;
        continue;
      }
      if (c === '"') {
        if (!string()) return i;
      } else if (s.startsWith('true', i) || s.startsWith('null', i)) {
        i += 4;
      } else if (s.startsWith('false', i)) {
        i += 5;
      } else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(s)) return i;
        i = NUMBER.lastIndex;
      }
      expectValue = false;
      continue;
    }
    const open = stack[stack.length - 1];
    if (open === undefined) return i < s.length ? i : -1;
    const c = s[i];
    if (c === ',') {
      i++;
      if (open === '{' && !key()) return i;
      expectValue = true;
    } else if (c === (open === '{' ? '}' : ']')) {
      i++;
      stack.pop();
    } else {
      return i;
    }
  }
}

/** A JSON.parse message with the line and column a publisher's editor shows. */
function withLineAndColumn(message: string, source: string): string {
  const offset = jsonErrorOffset(source);
  if (offset < 0) return message;
  const before = source.slice(0, offset).split(/\r\n|\r|\n/);
  const column = before[before.length - 1].length + 1;
  // Some V8 versions add their own "(line 1 column 8)": one way of saying it is enough.
  return `${message.replace(/\s*\(line \d+ column \d+\)/, '')} (line ${before.length}, column ${column})`;
}

/** Parses JSON text (a leading byte-order mark is ignored), then `checkFeed`. Never throws. */
export function checkFeedText(text: string): FeedCheck {
  let value: unknown;
  const source = String(text).replace(/^\uFEFF/, '');
  try {
    value = JSON.parse(source);
  } catch (e) {
    const detail = e instanceof SyntaxError ? `: ${withLineAndColumn(e.message, source)}` : '';
    const message = `This feed is not valid JSON${detail}`;
    return {
      feed: null,
      problems: [{ path: '$', message, action: 'rejected-feed' }],
      warnings: [],
      failure: { code: 'not-json', message },
      valid: false,
    };
  }
  return checkFeed(value);
}
