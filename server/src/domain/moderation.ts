/**
 * What happens to a pledge between its arrival and a decision: the contact confirms on the link's
 * page (a POST: a GET never confirms, because mail scanners open every link), a moderator may ask
 * for more information (answered through the same link), and the review page's checks. Signatories
 * are edited and withdrawn here too, with their history.
 */
import type { Db } from '../db/transaction.js';
import { inTransaction, retryOnUniqueViolation } from '../db/transaction.js';
import { findCompact, touchCompact } from '../db/compacts.js';
import { countInStates, findContact, findPledge, findPledgeByLink, listPledges, movePledge, pledgesLike, type PledgeRow } from '../db/pledges.js';
import { emailsOfPledge } from '../db/emails.js';
import { auditAbout } from '../db/audit.js';
import { findSignatory, listSignatories, signatoriesLike, signatoryHistory, updateSignatory } from '../db/signatory-edits.js';
import type { PledgeStatus, SignatoriesTable } from '../db/tables.js';
import { safeHttpUrl } from 'compact-widgets/feed';
import { toLocale, type Locale } from '../i18n/locale.js';
import { audit, SYSTEM, type Actor } from './audit.js';
import type { Clock } from './clock.js';
import type { CompactDocument } from './compacts.js';
import { ASKABLE, decisionsFor } from './decisions.js';
import { checkIdentifier } from './identifiers.js';
import { nameKey } from './names.js';
import { LIMITS, type PledgeInput } from './pledge-input.js';
import { line, paragraphs } from './text.js';
import { recordSignatoryChange } from './signatory-history.js';
import { cleanedTexts, compactLanguages, languageName, languagesOf, type Localized } from './authoring/languages.js';
import { DecisionError, nameHolder, pledgeTextLanguages, queuePledgeEmail } from './pledges.js';
import { hashSecret } from './secrets.js';

/** The organisation's contact, as the audit log names them: no name, no address. */
export const CONTACT: Actor = { id: 'contact', label: 'the organisation’s contact (through the emailed link)' };

export const MAX_QUESTION = 1000;
export const MAX_ANSWER = 2000;

/** A compact's name in a language, with the feed's fallbacks. */
export function localized(text: unknown, locale: Locale): string {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object') {
    const map = text as Record<string, string>;
    return map[locale] ?? map.en ?? Object.values(map)[0] ?? '';
  }
  return '';
}

export async function compactName(db: Db, compactId: string, locale: Locale): Promise<string> {
  const row = await findCompact(db, compactId);
  if (!row) return compactId;
  return localized((JSON.parse(row.document) as CompactDocument).compact.name, locale) || compactId;
}

export interface LinkView {
  pledgeId: string;
  status: PledgeStatus;
  locale: Locale;
  organisation: string;
  compact: string;
  question?: string;
  /** The link ran out (unconfirmed past its date, or expired). */
  expired: boolean;
  /** Closed on confirmation: another pledge for the organisation was confirmed first, or it has signed. */
  duplicate: boolean;
}

async function byLink(db: Db, token: string): Promise<PledgeRow | undefined> {
  if (!token || token.length > 100) return undefined;
  return findPledgeByLink(db, hashSecret(token));
}

/** What the link's page shows. Reading it changes nothing. */
export async function linkView(db: Db, token: string, clock: Clock): Promise<LinkView | undefined> {
  const pledge = await byLink(db, token);
  if (!pledge) return undefined;
  const locale = toLocale(pledge.locale);
  const organisation = (JSON.parse(pledge.organisation) as PledgeInput['organisation']).name;
  const expired = pledge.status === 'expired' || (pledge.status === 'unconfirmed' && !!pledge.confirm_by && pledge.confirm_by <= clock().toISOString());
  return {
    pledgeId: pledge.id,
    status: pledge.status,
    locale,
    organisation,
    compact: await compactName(db, pledge.compact_id, locale),
    ...(pledge.status === 'info_requested' && pledge.info_question ? { question: pledge.info_question } : {}),
    expired,
    duplicate: pledge.status === 'rejected' && pledge.reason_code === 'duplicate' && pledge.decided_by === SYSTEM.id,
  };
}

/**
 * The contact pressed Confirm. Pressing it twice is fine; an expired link confirms nothing. Several
 * unconfirmed pledges may name one organisation (NAME_HOLDING in db/tables.ts): when another was
 * confirmed first, or the organisation has signed since, this one is closed as a duplicate, and
 * the page says so (no email: the person is reading the answer).
 */
export async function confirmByLink(db: Db, token: string, clock: Clock): Promise<LinkView | undefined> {
  const view = await linkView(db, token, clock);
  if (!view || view.status !== 'unconfirmed' || view.expired) return view;
  // Another pledge for the organisation confirmed at the same moment is refused by the unique
  // index: the next run finds it and closes this one.
  await retryOnUniqueViolation(db, (tx) => confirmOrClose(tx, view.pledgeId, clock()));
  return linkView(db, token, clock);
}

async function confirmOrClose(tx: Db, id: string, now: Date): Promise<void> {
  const pledge = await findPledge(tx, id);
  if (pledge?.status !== 'unconfirmed') return;
  const about = { compactId: pledge.compact_id, subject: { type: 'pledge', id } } as const;
  const holder = await nameHolder(tx, pledge.compact_id, pledge.name_key, pledge.org_key, id);
  if (holder) {
    const closed = await movePledge(tx, id, ['unconfirmed'], { status: 'rejected', reason_code: 'duplicate', decided_at: now.toISOString(), decided_by: SYSTEM.id });
    if (closed) await audit(tx, SYSTEM, now, { action: 'pledge.duplicate', ...about, before: { status: 'unconfirmed' }, after: { status: 'rejected', reasonCode: 'duplicate', heldBy: holder.id } });
    return;
  }
  const moved = await movePledge(tx, id, ['unconfirmed'], { status: 'confirmed', confirmed_at: now.toISOString() });
  if (moved) await audit(tx, CONTACT, now, { action: 'pledge.confirm', ...about, before: { status: 'unconfirmed' }, after: { status: 'confirmed' } });
}

export class AnswerError extends Error {}

/** The organisation answers the moderator's question; the pledge goes back to the queue. */
export async function answerByLink(db: Db, token: string, answer: string, clock: Clock): Promise<LinkView | undefined> {
  // As the pledge's own text: a NUL would be refused by PostgreSQL, and no control character is meant.
  const text = paragraphs(answer) ?? '';
  const view = await linkView(db, token, clock);
  if (!view || view.status !== 'info_requested') return view;
  if (!text) throw new AnswerError('empty');
  if ([...text].length > MAX_ANSWER) throw new AnswerError('long');
  const now = clock();
  await inTransaction(db, async (tx) => {
    const moved = await movePledge(tx, view.pledgeId, ['info_requested'], { status: 'confirmed', info_answer: text });
    if (!moved) return;
    const pledge = await findPledge(tx, view.pledgeId);
    // The answer may name people: the log records that it came, the pledge keeps what it says.
    await audit(tx, CONTACT, now, { action: 'pledge.info.answer', compactId: pledge!.compact_id, subject: { type: 'pledge', id: view.pledgeId }, before: { status: 'info_requested' }, after: { status: 'confirmed' } });
  });
  return linkView(db, token, clock);
}

/** A moderator asks the organisation for more information, by email, answered through its link. */
export async function askForInformation(db: Db, id: string, question: string, actor: Actor, clock: Clock): Promise<void> {
  const text = paragraphs(question) ?? '';
  if (!text) throw new DecisionError('Enter the question for the organisation', 'question');
  if ([...text].length > MAX_QUESTION) throw new DecisionError(`The question must be ${MAX_QUESTION} characters or fewer`, 'question');
  await inTransaction(db, async (tx) => {
    const pledge = await findPledge(tx, id);
    if (!pledge) throw new DecisionError(`No pledge has the id ${id}`);
    const contact = await findContact(tx, id);
    if (!contact) throw new DecisionError('This pledge has no contact details any more');
    const now = clock();
    const moved = await movePledge(tx, id, ASKABLE, { status: 'info_requested', info_question: text, info_answer: null });
    if (!moved) throw new DecisionError(`Pledge ${id} is ${pledge.status}: only a confirmed pledge can be asked about`);
    await audit(tx, actor, now, { action: 'pledge.info.ask', compactId: pledge.compact_id, subject: { type: 'pledge', id }, before: { status: pledge.status }, after: { status: 'info_requested', question: text } });
    await queuePledgeEmail(tx, { id, locale: pledge.locale, email: contact.email }, 'info', now.toISOString());
  });
}

/** Sends the confirmation link again (a new link; the old one stops working), a limited number of times. */
export async function resendConfirmation(db: Db, id: string, maxSends: number, actor: Actor, clock: Clock): Promise<void> {
  await inTransaction(db, async (tx) => {
    const pledge = await findPledge(tx, id);
    if (!pledge) throw new DecisionError(`No pledge has the id ${id}`);
    if (!decisionsFor(pledge.status).resend) throw new DecisionError('Only an unconfirmed pledge can be sent its link again');
    const sends = pledge.sends ?? 0;
    if (sends >= maxSends) throw new DecisionError(`The link has been sent ${sends} times, the most allowed`);
    const contact = await findContact(tx, id);
    if (!contact) throw new DecisionError('This pledge has no contact details any more');
    const now = clock();
    await movePledge(tx, id, ['unconfirmed'], { sends: sends + 1 });
    await audit(tx, actor, now, { action: 'pledge.confirm.resend', compactId: pledge.compact_id, subject: { type: 'pledge', id }, after: { sends: sends + 1 } });
    await queuePledgeEmail(tx, { id, locale: pledge.locale, email: contact.email }, 'confirm', now.toISOString());
  });
}

export interface QueueItem {
  id: string;
  compactId: string;
  status: PledgeStatus;
  organisation: string;
  orgId?: string;
  createdAt: string;
}

export const QUEUE_STATUSES: Record<string, PledgeStatus[]> = {
  review: ['confirmed', 'pending'],
  waiting: ['info_requested'],
  unconfirmed: ['unconfirmed'],
  decided: ['approved', 'rejected', 'expired'],
};

/** What waits for a moderator of these compacts (`undefined`: all): the admin's home page says it first. */
export async function queueSummary(db: Db, compactIds: string[] | undefined) {
  const [review, waiting] = await Promise.all([countInStates(db, QUEUE_STATUSES.review!, compactIds), countInStates(db, QUEUE_STATUSES.waiting!, compactIds)]);
  return { review, waiting };
}

/** The review queue of the compacts a moderator may see (`undefined`: all). */
export async function reviewQueue(db: Db, compactIds: string[] | undefined, view: keyof typeof QUEUE_STATUSES): Promise<QueueItem[]> {
  const rows = await listPledges(db, { ...(compactIds ? { compactIds } : {}), statuses: QUEUE_STATUSES[view] ?? QUEUE_STATUSES.review });
  return rows.map((row) => {
    const organisation = JSON.parse(row.organisation) as PledgeInput['organisation'];
    return { id: row.id, compactId: row.compact_id, status: row.status, organisation: organisation.name, ...(organisation.id ? { orgId: organisation.id } : {}), createdAt: row.created_at };
  });
}

/** Everything a moderator needs to decide one pledge. */
export async function reviewDetails(db: Db, id: string) {
  const row = await findPledge(db, id);
  if (!row) return undefined;
  const organisation = JSON.parse(row.organisation) as PledgeInput['organisation'];
  const contact = await findContact(db, id);
  const compact = await findCompact(db, row.compact_id);
  const textLanguages = compact ? pledgeTextLanguages(JSON.parse(compact.document) as CompactDocument, row.locale) : { languages: [toLocale(row.locale)], suggested: toLocale(row.locale), perLanguage: false };
  const duplicates = {
    signatories: (await signatoriesLike(db, row.compact_id, row.name_key, row.org_key)).map((s) => ({
      id: s.id,
      name: localized((JSON.parse(s.data) as { name: unknown }).name, 'en'),
      status: s.status,
      sameId: !!row.org_key && s.org_key === row.org_key,
    })),
    pledges: (await pledgesLike(db, row.compact_id, row.name_key, row.org_key, id)).map((p) => ({
      id: p.id,
      name: (JSON.parse(p.organisation) as { name: string }).name,
      status: p.status,
      createdAt: p.created_at,
      sameId: !!row.org_key && p.org_key === row.org_key,
    })),
  };
  return {
    id: row.id,
    compactId: row.compact_id,
    status: row.status,
    /** Which of the page's forms to offer. */
    can: decisionsFor(row.status),
    organisation,
    identifier: checkIdentifier(organisation.id),
    champion: row.champion ? (JSON.parse(row.champion) as { name: string; role?: string }) : undefined,
    pledge: row.pledge_text ?? undefined,
    /**
     * The languages its text can be published in; `suggested`, the form's, is also the one its texts
     * are marked with here. `perLanguage`: approved with a box per language, not one box and a choice.
     */
    textLanguages: { ...textLanguages, suggestedName: languageName(textLanguages.suggested), options: textLanguages.languages.map((lang) => ({ lang, name: languageName(lang) })) },
    consent: { publish: row.consent_publish === 1, contact: row.consent_contact === 1 },
    locale: row.locale,
    contact: contact ? { name: contact.name, email: contact.email, ...(contact.role ? { role: contact.role } : {}) } : undefined,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at ?? undefined,
    confirmBy: row.confirm_by ?? undefined,
    sends: row.sends ?? 0,
    question: row.info_question ?? undefined,
    answer: row.info_answer ?? undefined,
    decidedAt: row.decided_at ?? undefined,
    decidedBy: row.decided_by ?? undefined,
    reason: row.reason ?? undefined,
    reasonCode: row.reason_code ?? undefined,
    signatoryId: row.signatory_id ?? undefined,
    purgedAt: row.purged_at ?? undefined,
    duplicates,
    emails: (await emailsOfPledge(db, id)).map((e) => ({ kind: e.kind, status: e.status, createdAt: e.created_at, sentAt: e.sent_at })),
    history: await auditAbout(db, 'pledge', id),
  };
}

// Signatories ---------------------------------------------------------------------------------

export interface SignatoryView {
  compactId: string;
  id: string;
  name: string;
  status: 'active' | 'withdrawn';
  published: boolean;
  data: Record<string, unknown>;
  withdrawnAt?: string;
}

function signatoryView(row: SignatoriesTable): SignatoryView {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  return {
    compactId: row.compact_id,
    id: row.id,
    name: localized(data.name, 'en'),
    status: row.status,
    published: row.published === 1,
    data,
    ...(row.withdrawn_at ? { withdrawnAt: row.withdrawn_at } : {}),
  };
}

export async function signatoriesOf(db: Db, compactIds: string[]): Promise<SignatoryView[]> {
  return (await listSignatories(db, compactIds)).map(signatoryView);
}

export async function signatoryWithHistory(db: Db, compactId: string, id: string) {
  const row = await findSignatory(db, compactId, id);
  if (!row) return undefined;
  const view = signatoryView(row);
  return { ...view, languages: await signatoryLanguages(db, compactId, view.data), history: await signatoryHistory(db, compactId, id) };
}

export interface SignatoryEdit {
  /** The languages the form has a box for, the compact's default first (see `signatoryLanguages`). */
  languages: string[];
  /** The name in each language (a plain string is the default language's). */
  name: Localized | undefined;
  url?: string;
  /** The pledge text in each language; undefined or empty removes it. */
  pledge?: Localized;
  championName?: string;
  championRole?: string;
  published: boolean;
}

export class EditError extends Error {
  constructor(public field: string, message: string) {
    super(message);
  }
}

async function changeSignatory(db: Db, compactId: string, id: string, actor: Actor, clock: Clock, change: (row: SignatoriesTable) => SignatoriesTable) {
  await inTransaction(db, async (tx) => {
    const row = await findSignatory(tx, compactId, id);
    if (!row) throw new DecisionError('No such signatory');
    const next = change(row);
    const at = clock();
    const now = at.toISOString();
    await updateSignatory(tx, compactId, id, { data: next.data, name_key: next.name_key, org_key: next.org_key, status: next.status, published: next.published, updated_at: now, withdrawn_at: next.withdrawn_at ?? null });
    await recordSignatoryChange(tx, { actor, at, compactId, before: row, after: next });
    await touchCompact(tx, compactId, now);
  });
}

/**
 * The languages a signatory's name and pledge can be edited in: the compact's (its default first),
 * and any other its own name or pledge is written in, so that no text is hidden from the form (and
 * lost when it is saved).
 */
export async function signatoryLanguages(db: Db, compactId: string, data: Record<string, unknown>): Promise<string[]> {
  const compact = await findCompact(db, compactId);
  const languages = compact ? compactLanguages(JSON.parse(compact.document) as CompactDocument) : ['en'];
  return [...new Set([...languages, ...languagesOf(data.name), ...languagesOf(data.pledge)])];
}

/**
 * A LocalizedText from the form, each language cleaned by `clean` and checked against `max`
 * characters (errors name the language's box, `${field}-${lang}`): a plain string when the form
 * has one language, undefined when every box is empty.
 */
function editedText(value: Localized | undefined, field: string, label: string, max: number, languages: string[], clean: (v: unknown) => string | undefined): Localized | undefined {
  const given = typeof value === 'string' ? { [languages[0]!]: value } : (value ?? {});
  const texts = cleanedTexts(given, max, clean, (lang) => new EditError(`${field}-${lang}`, `${label} must be ${max} characters or fewer`));
  const langs = Object.keys(texts);
  if (langs.length === 0) return undefined;
  return languages.length === 1 && langs[0] === languages[0] ? texts[langs[0]] : texts;
}

/** Edits what is published about a signatory: its name and pledge in each language the form shows. */
export async function editSignatory(db: Db, compactId: string, id: string, edit: SignatoryEdit, actor: Actor, clock: Clock): Promise<void> {
  const { languages } = edit;
  const name = editedText(edit.name, 'name', 'The name', LIMITS.name, languages, line);
  const defaultName = typeof name === 'string' ? name : name?.[languages[0]!];
  if (!defaultName) throw new EditError(`name-${languages[0]}`, languages.length > 1 ? `Enter the organisation’s name in ${languageName(languages[0]!)}` : 'Enter the organisation’s name');
  const url = edit.url?.trim() ? safeHttpUrl(edit.url.trim()) : undefined;
  if (edit.url?.trim() && !url) throw new EditError('url', 'Enter a website address starting with https:// or http://');
  const pledge = editedText(edit.pledge, 'pledge', 'The pledge', LIMITS.pledge, languages, paragraphs);
  const championName = line(edit.championName);
  const championRole = line(edit.championRole);
  if (championRole && !championName) throw new EditError('championName', 'Enter the champion’s name, or remove their role');
  await changeSignatory(db, compactId, id, actor, clock, (row) => {
    const { url: _url, pledge: _pledge, champion: _champion, ...data } = JSON.parse(row.data) as Record<string, unknown>;
    const next = {
      ...data,
      name,
      ...(url ? { url } : {}),
      ...(pledge ? { pledge } : {}),
      ...(championName ? { champion: { name: championName, ...(championRole ? { role: championRole } : {}) } } : {}),
    };
    return { ...row, data: JSON.stringify(next), name_key: nameKey(defaultName), published: edit.published ? 1 : 0 };
  });
}

/** The organisation leaves the compact: out of the feed, kept with its history. */
export async function withdrawSignatory(db: Db, compactId: string, id: string, actor: Actor, clock: Clock): Promise<void> {
  await changeSignatory(db, compactId, id, actor, clock, (row) => {
    if (row.status === 'withdrawn') throw new DecisionError('This signatory has already withdrawn');
    return { ...row, status: 'withdrawn', withdrawn_at: clock().toISOString() };
  });
}

export async function reinstateSignatory(db: Db, compactId: string, id: string, actor: Actor, clock: Clock): Promise<void> {
  await changeSignatory(db, compactId, id, actor, clock, (row) => {
    if (row.status === 'active') throw new DecisionError('This signatory is active');
    return { ...row, status: 'active', withdrawn_at: null };
  });
}
