/**
 * The compact feed, version 1, as the widgets see it after validation.
 *
 * These types describe the *normalised* feed: what `normaliseFeed()` returns once bad items and bad
 * optional fields have been left out. They follow `feed-spec.md` property for property; the few
 * additions (parsed instants on consultations) are marked. The JSON Schema in
 * `schema/compact-feed-v1.schema.json` describes the raw document a publisher writes.
 */

/** A plain string, or an object from BCP 47 language tag to string. */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** `YYYY-MM-DD`, a calendar date in the compact's time zone. */
export type IsoDate = string;

/** RFC 3339 date-time with an offset, as written in the feed. */
export type IsoDateTime = string;

/** An absolute http: or https: URL (anything else never survives validation). */
export type HttpUrl = string;

export type Sector = 'public' | 'voluntary';
export type CommitmentParty = 'public' | 'voluntary' | 'joint';

export const SECTORS: readonly Sector[] = ['public', 'voluntary'];
export const COMMITMENT_PARTIES: readonly CommitmentParty[] = ['public', 'voluntary', 'joint'];
export type ActionStatus = 'not-started' | 'in-progress' | 'complete' | 'delayed' | 'cancelled';

export const ACTION_STATUSES: readonly ActionStatus[] = [
  'not-started',
  'in-progress',
  'complete',
  'delayed',
  'cancelled',
];

const PUBLIC_TYPES = ['local-authority', 'health', 'police', 'fire-rescue', 'other-public'] as const;
const VOLUNTARY_TYPES = [
  'charity',
  'community-group',
  'faith-group',
  'bme-organisation',
  'social-enterprise',
  'infrastructure',
  'other-voluntary',
] as const;

/** The spec's suggested signatory types; any other string is allowed too. */
export const SUGGESTED_SIGNATORY_TYPES = [...PUBLIC_TYPES, ...VOLUNTARY_TYPES] as const;

/** The same suggested types, by the sector they belong to. */
export const TYPES_BY_SECTOR: Readonly<Record<Sector, readonly string[]>> = {
  voluntary: VOLUNTARY_TYPES,
  public: PUBLIC_TYPES,
};

export interface Principle {
  id: string;
  title: LocalizedText;
  text?: LocalizedText;
}

export interface Commitment {
  id: string;
  by: CommitmentParty;
  text: LocalizedText;
}

export interface Contact {
  name?: string;
  email?: string;
  phone?: string;
  url?: HttpUrl;
}

export interface Compact {
  id: string;
  name: LocalizedText;
  area?: LocalizedText;
  summary?: LocalizedText;
  url?: HttpUrl;
  document?: HttpUrl;
  adopted?: IsoDate;
  reviewDue?: IsoDate;
  /** Defaulted: `en`. */
  defaultLanguage: string;
  /** Defaulted: `Europe/London`. */
  timeZone: string;
  /** Defaulted: 12. */
  consultationWeeks: number;
  sectors?: { public?: LocalizedText; voluntary?: LocalizedText };
  principles: Principle[];
  commitments: Commitment[];
  contact?: Contact;
}

export interface Signatory {
  id: string;
  name: LocalizedText;
  sector: Sector;
  type?: string;
  signed?: IsoDate;
  url?: HttpUrl;
  logo?: HttpUrl;
  pledge?: LocalizedText;
  champion?: { name: string; role?: string };
}

export interface ActionUpdate {
  date: IsoDate;
  text: LocalizedText;
}

export interface Action {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** Always an array after normalisation (the spec allows a single string). */
  lead: string[];
  timescale?: LocalizedText;
  due?: IsoDate;
  status: ActionStatus;
  progress?: number;
  /** Newest last, as in the feed. */
  updates: ActionUpdate[];
}

export interface Aim {
  id: string;
  title: LocalizedText;
  actions: Action[];
}

export interface ActionPlan {
  title?: LocalizedText;
  period?: { start: IsoDate; end: IsoDate };
  updated?: IsoDateTime;
  aims: Aim[];
}

export interface Consultation {
  id: string;
  title: LocalizedText;
  summary?: LocalizedText;
  owner?: string;
  url?: HttpUrl;
  opens: IsoDate | IsoDateTime;
  closes: IsoDate | IsoDateTime;
  shorterBecause?: LocalizedText;
  /** Added by normalisation: the instant it opens (a Date means 00:00 that day in the compact's zone). */
  opensAt: number;
  /** Added by normalisation: the instant it closes (a Date means 23:59:59 that day in the compact's zone). */
  closesAt: number;
}

export interface PledgeSettings {
  endpoint: HttpUrl;
  privacyNotice: HttpUrl;
  statement?: LocalizedText;
}

export interface CompactFeed {
  feedVersion: string;
  compact: Compact;
  signatories: Signatory[];
  actionPlan?: ActionPlan;
  consultations: Consultation[];
  pledge?: PledgeSettings;
  updated?: IsoDateTime;
}

/** One thing wrong with a feed, found by the validator. */
export interface FeedProblem {
  /** Where, as a JSONPath-like string: `$.signatories[3].url`. */
  path: string;
  /** Plain English for the publisher. */
  message: string;
  /** What the lenient reader did about it. */
  action: 'dropped-item' | 'dropped-field' | 'defaulted' | 'rejected-feed' | 'none';
}

/**
 * Something a publisher should know that is not a problem: the feed stays valid (an unknown
 * property, which the contract allows for forward compatibility).
 */
export interface FeedWarning {
  /** Where, as in `FeedProblem`. */
  path: string;
  /** Plain English for the publisher. */
  message: string;
}

/** Why a whole feed could not be read. Elements turn `code` into a localised message. */
export type FeedFailureCode =
  | 'not-json'
  | 'not-object'
  | 'no-compact'
  | 'unsupported-version'
  | 'http-error'
  | 'network'
  | 'timeout'
  | 'bad-src'
  /** The page refused the feed (a `compact-feed-load` listener called `preventDefault()`). */
  | 'refused';

export interface FeedFailure {
  code: FeedFailureCode;
  /** Plain English, for the console and the publisher's CLI. */
  message: string;
  /** For `unsupported-version`: the version found. For `http-error`: the status. */
  detail?: string;
}
