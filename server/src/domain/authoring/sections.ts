/**
 * Each part of a compact an editor changes, from its posted form to a change of the document. The
 * checks here are the ones a person needs words for (a missing title, a date that is not a date, a
 * short consultation without its reason); everything else is judged by the strict `checkFeed` on the
 * feed the change would publish (document.ts), whose problems are mapped back to the fields here.
 */
import { ACTION_STATUSES, COMMITMENT_PARTIES, isIsoDate, isIsoDateTime, safeHttpUrl, todayInZone, type FeedProblem } from 'compact-widgets/feed';
import type { CompactDocument } from '../compacts.js';
import type { LoadedCompact } from './document.js';
import { formList, formLocalized, formText, languageName, plainText, type Form, type Localized } from './languages.js';
import { closesAt, lengthCheck, opensAt, type LengthCheck } from './rules.js';

/** Field id → message, in the order the form shows them. */
export type FieldErrorMap = Record<string, string>;

export class FieldErrors extends Error {
  constructor(public errors: FieldErrorMap) {
    super(Object.values(errors).join('; '));
  }
}

type Json = Record<string, any>;
type Change = (document: CompactDocument) => CompactDocument;

/** A new item's id: its title as a slug, unique among `taken`. */
export function newId(title: string, taken: Iterable<string>, fallback: string): string {
  const used = new Set(taken);
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || fallback;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

const set = (target: Json, key: string, value: unknown) => {
  if (value === undefined || value === '') delete target[key];
  else target[key] = value;
};

function checkDate(errors: FieldErrorMap, field: string, value: string, label: string) {
  if (value && !isIsoDate(value)) errors[field] = `${label} must be a real date, like 2027-03-31`;
}

function checkUrl(errors: FieldErrorMap, field: string, value: string, label: string): string | undefined {
  if (!value) return undefined;
  const url = safeHttpUrl(value);
  if (!url) errors[field] = `${label} must be a web address starting with https:// or http://`;
  return url ?? undefined;
}

function requireText(errors: FieldErrorMap, field: string, value: Localized | undefined, label: string, languages: string[]) {
  const first = typeof value === 'string' ? value : value?.[languages[0]];
  if (!value) errors[field] = `Enter ${label}`;
  else if (languages.length > 1 && !first) errors[field] = `Enter ${label} in ${languageName(languages[0])}`;
}

/** Maps a feed problem's path to the field that caused it (the rest show in the summary). */
export type ProblemMapper = (path: string) => string | undefined;

export function problemErrors(problems: FeedProblem[], map: ProblemMapper): FieldErrorMap {
  const errors: FieldErrorMap = {};
  for (const problem of problems) {
    const field = map(problem.path) ?? 'feed';
    errors[field] = errors[field] ? `${errors[field]} ${problem.message}` : field === 'feed' ? `${problem.path}: ${problem.message}` : problem.message;
  }
  return errors;
}

// The compact's own text, principles and commitments --------------------------------------------

export const COMPACT_TEXT_FIELDS = ['name', 'area', 'summary'] as const;

export function compactTextChange(form: Form, loaded: LoadedCompact): { change: Change; map: ProblemMapper } {
  const languages = loaded.languages;
  const errors: FieldErrorMap = {};
  const name = formLocalized(form, 'name', languages);
  requireText(errors, `name-${languages[0]}`, name, 'the compact’s name', languages);
  const area = formLocalized(form, 'area', languages);
  const summary = formLocalized(form, 'summary', languages);
  const url = checkUrl(errors, 'url', formText(form, 'url'), 'The compact’s home page');
  const documentUrl = checkUrl(errors, 'document', formText(form, 'document'), 'The full text');
  const adopted = formText(form, 'adopted');
  checkDate(errors, 'adopted', adopted, 'The date it was adopted');
  const reviewDue = formText(form, 'reviewDue');
  checkDate(errors, 'reviewDue', reviewDue, 'The next review');
  const weeksText = formText(form, 'consultationWeeks');
  const weeks = weeksText ? Number(weeksText) : undefined;
  if (weeksText && !(Number.isInteger(weeks) && weeks! > 0 && weeks! <= 52)) errors.consultationWeeks = 'The consultation standard must be a whole number of weeks from 1 to 52';

  const principles: Json[] = [];
  const existingPrinciples = (loaded.document.compact.principles ?? []) as Json[];
  const principleRows = Math.min(Number(formText(form, 'principles')) || 0, existingPrinciples.length + 1);
  for (let i = 0; i < principleRows; i++) {
    if (formText(form, `principle-${i}-remove`) === 'yes') continue;
    const title = formLocalized(form, `principle-${i}-title`, languages);
    const text = formLocalized(form, `principle-${i}-text`, languages);
    const old = existingPrinciples[i];
    if (!old && !title && !text) continue;
    if (!title) errors[`principle-${i}-title-${languages[0]}`] = `Enter the title of principle ${i + 1}, or tick “Remove”`;
    const id = old?.id ?? newId(plainText(title, languages), [...existingPrinciples.map((p) => p.id), ...principles.map((p) => p.id)], `principle-${i + 1}`);
    principles.push({ ...(old ?? {}), id, title, ...(text ? { text } : {}), ...(!text ? { text: undefined } : {}) });
  }

  const commitments: Json[] = [];
  const existingCommitments = (loaded.document.compact.commitments ?? []) as Json[];
  const commitmentRows = Math.min(Number(formText(form, 'commitments')) || 0, existingCommitments.length + 1);
  for (let i = 0; i < commitmentRows; i++) {
    if (formText(form, `commitment-${i}-remove`) === 'yes') continue;
    const text = formLocalized(form, `commitment-${i}-text`, languages);
    const by = formText(form, `commitment-${i}-by`);
    const old = existingCommitments[i];
    if (!old && !text) continue;
    if (!text) errors[`commitment-${i}-text-${languages[0]}`] = `Enter what commitment ${i + 1} says, or tick “Remove”`;
    if (!(COMMITMENT_PARTIES as readonly string[]).includes(by)) errors[`commitment-${i}-by`] = `Choose who makes commitment ${i + 1}`;
    const id = old?.id ?? newId(plainText(text, languages).split(/\s+/).slice(0, 5).join(' '), [...existingCommitments.map((c) => c.id), ...commitments.map((c) => c.id)], `commitment-${i + 1}`);
    commitments.push({ ...(old ?? {}), id, by, text });
  }
  if (Object.keys(errors).length) throw new FieldErrors(errors);

  const change: Change = (document) => {
    const compact = document.compact as Json;
    set(compact, 'name', name);
    set(compact, 'area', area);
    set(compact, 'summary', summary);
    set(compact, 'url', url);
    set(compact, 'document', documentUrl);
    set(compact, 'adopted', adopted);
    set(compact, 'reviewDue', reviewDue);
    set(compact, 'consultationWeeks', weeks);
    // JSON drops the `text: undefined` of a principle whose text was emptied.
    set(compact, 'principles', principles.length || compact.principles ? JSON.parse(JSON.stringify(principles)) : undefined);
    set(compact, 'commitments', commitments.length || compact.commitments ? commitments : undefined);
    return document;
  };
  const map: ProblemMapper = (path) => {
    const top = /^\$\.compact\.(name|area|summary)/.exec(path);
    if (top) return `${top[1]}-${languages[0]}`;
    const simple = /^\$\.compact\.(url|document|adopted|reviewDue|consultationWeeks)\b/.exec(path);
    if (simple) return simple[1];
    const principle = /^\$\.compact\.principles\[(\d+)\]\.?(title|text)?/.exec(path);
    if (principle) return `principle-${principle[1]}-${principle[2] ?? 'title'}-${languages[0]}`;
    const commitment = /^\$\.compact\.commitments\[(\d+)\]\.?(by|text)?/.exec(path);
    if (commitment) return commitment[2] === 'by' ? `commitment-${commitment[1]}-by` : `commitment-${commitment[1]}-text-${languages[0]}`;
    return undefined;
  };
  return { change, map };
}

// Aims and actions --------------------------------------------------------------------------------

export interface ActionAt {
  aim: number;
  action: number;
}

/** Where an action is in the plan (aims and actions are found by id, never by a name as a key). */
export function findAction(document: CompactDocument, actionId: string): ActionAt | undefined {
  const aims = ((document.actionPlan as Json | undefined)?.aims ?? []) as Json[];
  for (let a = 0; a < aims.length; a++) {
    const actions = (aims[a].actions ?? []) as Json[];
    const b = actions.findIndex((x) => x.id === actionId);
    if (b >= 0) return { aim: a, action: b };
  }
  return undefined;
}

export function actionChange(form: Form, loaded: LoadedCompact, actionId: string, now: Date): { change: Change; map: ProblemMapper } {
  const today = compactToday(loaded, now);
  const languages = loaded.languages;
  const at = findAction(loaded.document, actionId);
  if (!at) throw new FieldErrors({ feed: 'This action is no longer in the plan' });
  const errors: FieldErrorMap = {};
  const title = formLocalized(form, 'title', languages);
  requireText(errors, `title-${languages[0]}`, title, 'the action’s title', languages);
  const description = formLocalized(form, 'description', languages);
  const timescale = formLocalized(form, 'timescale', languages);
  const status = formText(form, 'status');
  if (!(ACTION_STATUSES as readonly string[]).includes(status)) errors.status = 'Choose the action’s status';
  const progressText = formText(form, 'progress').replace(/%$/, '').trim();
  const progress = progressText ? Number(progressText) : undefined;
  if (progressText && !(Number.isFinite(progress) && progress! >= 0 && progress! <= 100)) errors.progress = 'Progress must be a number from 0 to 100';
  const due = formText(form, 'due');
  checkDate(errors, 'due', due, 'The due date');

  const signatoryIds = new Set(loaded.feed.signatories.map((s) => s.id));
  const chosen = formList(form, 'lead').filter((id) => signatoryIds.has(id));
  const typed = formText(form, 'leadOther')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (typed.some((name) => [...name].length > 200)) errors.leadOther = 'Each lead’s name must be 200 characters or fewer';
  const leads = [...new Set([...chosen, ...typed])];

  const update = formLocalized(form, 'update', languages);
  const updateDate = formText(form, 'updateDate') || today;
  if (update) {
    checkDate(errors, 'updateDate', updateDate, 'The date of the update');
    if (!errors.updateDate && updateDate > today) errors.updateDate = 'The date of the update must be today or in the past';
  }
  if (Object.keys(errors).length) throw new FieldErrors(errors);

  const change: Change = (document) => {
    const plan = document.actionPlan as Json;
    const action = plan.aims[at.aim].actions[at.action] as Json;
    set(action, 'title', title);
    set(action, 'description', description);
    set(action, 'timescale', timescale);
    action.status = status;
    set(action, 'progress', progress);
    set(action, 'due', due);
    set(action, 'lead', leads.length ? leads : undefined);
    if (update) {
      // Appended, newest last (the contract's order); the history is never rewritten here.
      action.updates = [...((action.updates ?? []) as Json[]), { date: updateDate, text: update }];
      plan.updated = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    return document;
  };
  const prefix = `$.actionPlan.aims[${at.aim}].actions[${at.action}]`;
  const map: ProblemMapper = (path) => {
    if (!path.startsWith(prefix)) return undefined;
    const rest = path.slice(prefix.length);
    const field = /^\.(\w+)/.exec(rest)?.[1];
    if (!field) return undefined;
    if (field === 'title' || field === 'description' || field === 'timescale') return `${field}-${languages[0]}`;
    if (field === 'updates') return `update-${languages[0]}`;
    if (field === 'lead') return 'leadOther';
    return field;
  };
  return { change, map };
}

// Consultations ----------------------------------------------------------------------------------

export interface ConsultationForm {
  change: Change;
  map: ProblemMapper;
  length?: LengthCheck;
  id: string;
}

/** The consultation's length against the standard, from the posted dates (for "Check the length"). */
export function postedLength(form: Form, loaded: LoadedCompact): LengthCheck | undefined {
  const zone = loaded.feed.compact.timeZone;
  return lengthCheck(opensAt(formText(form, 'opens'), zone), closesAt(formText(form, 'closes'), zone), zone, loaded.feed.compact.consultationWeeks);
}

export function consultationChange(form: Form, loaded: LoadedCompact, consultationId: string | undefined): ConsultationForm {
  const languages = loaded.languages;
  const list = (loaded.document.consultations ?? []) as Json[];
  const index = consultationId === undefined ? -1 : list.findIndex((c) => c.id === consultationId);
  if (consultationId !== undefined && index < 0) throw new FieldErrors({ feed: 'This consultation is no longer in the feed' });
  const errors: FieldErrorMap = {};
  const title = formLocalized(form, 'title', languages);
  requireText(errors, `title-${languages[0]}`, title, 'the consultation’s title', languages);
  const summary = formLocalized(form, 'summary', languages);
  const url = checkUrl(errors, 'url', formText(form, 'url'), 'Where to respond');
  const ownerChoice = formText(form, 'owner');
  const owner = ownerChoice === 'other' ? formText(form, 'ownerOther') : loaded.feed.signatories.some((s) => s.id === ownerChoice) ? ownerChoice : '';
  if (ownerChoice === 'other' && !owner) errors.ownerOther = 'Enter the name of the body consulting';
  const opens = formText(form, 'opens');
  const closes = formText(form, 'closes');
  const when = (value: string, field: string, label: string) => {
    if (!value) errors[field] = `Enter the date it ${label}`;
    else if (!isIsoDate(value) && !isIsoDateTime(value)) errors[field] = `The date it ${label} must be a date like 2027-01-12, or a date and time with its offset like 2027-01-12T17:00:00+00:00`;
  };
  when(opens, 'opens', 'opens');
  when(closes, 'closes', 'closes');
  const length = postedLength(form, loaded);
  if (!errors.opens && !errors.closes && !length) errors.closes = 'The closing date must be after the opening date';
  const shorterBecause = formLocalized(form, 'shorterBecause', languages);
  if (length?.shorter && !shorterBecause) {
    errors[`shorterBecause-${languages[0]}`] = `This consultation runs for ${length.length}, shorter than the compact’s standard of ${length.standardWeeks} weeks: give the reason`;
  }
  if (Object.keys(errors).length) throw Object.assign(new FieldErrors(errors), { length });

  const id = consultationId ?? newId(plainText(title, languages), list.map((c) => c.id), 'consultation');
  const change: Change = (document) => {
    const consultations = ((document.consultations ?? []) as Json[]).slice();
    const at = consultations.findIndex((c) => c.id === id);
    const item: Json = at >= 0 ? consultations[at] : { id };
    set(item, 'title', title);
    set(item, 'summary', summary);
    set(item, 'owner', owner);
    set(item, 'url', url);
    item.opens = opens;
    item.closes = closes;
    // A reason kept for a consultation that meets the standard would say something untrue.
    set(item, 'shorterBecause', length?.shorter ? shorterBecause : undefined);
    if (at >= 0) consultations[at] = item;
    else consultations.push(item);
    document.consultations = consultations;
    return document;
  };
  const position = index >= 0 ? index : list.length;
  const map: ProblemMapper = (path) => {
    const match = new RegExp(`^\\$\\.consultations\\[${position}\\]\\.(\\w+)`).exec(path);
    if (!match) return undefined;
    return ['title', 'summary', 'shorterBecause'].includes(match[1]) ? `${match[1]}-${languages[0]}` : match[1] === 'owner' ? 'ownerOther' : match[1];
  };
  return { change, map, length, id };
}

/** Today's date in the compact's zone (what the widgets call today). */
export function compactToday(loaded: LoadedCompact, now: Date): string {
  return todayInZone(now.getTime(), loaded.feed.compact.timeZone);
}
