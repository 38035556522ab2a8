/**
 * The pledge's life on this server (shared/server-design.md): received as `unconfirmed` (its contact
 * is emailed a link to confirm, queued in the same transaction), `confirmed` on the link's page,
 * then approved (a signatory) or rejected; a pledge received before confirmation existed is
 * `pending`. The endpoint still answers `pending` for all of them, as the feed contract says.
 * Every answer to a sender is decided here, and a 202 is only returned after the commit.
 * Every decision is audit-logged in the transaction that makes it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { todayInZone } from 'compact-widgets/feed';
import type { Db } from '../db/transaction.js';
import { inTransaction, isUniqueViolation, retryOnUniqueViolation } from '../db/transaction.js';
import { findCompact, touchCompact } from '../db/compacts.js';
import {
  decidePledge,
  deleteAnswersBefore,
  findContact,
  findNameHoldingPledge,
  findPledge,
  findStoredAnswer,
  insertPledge,
  listPledges,
  storeAnswer,
  type PledgeFilter,
  type PledgeRow,
} from '../db/pledges.js';
import { findActiveSignatory, nextSignatoryPosition, signatoryIdTaken, upsertSignatory } from '../db/signatories.js';
import { queueEmail } from '../db/emails.js';
import { REJECT_REASON_CODES, type RejectReason } from '../i18n/mail-messages.js';
import { audit, type Actor } from './audit.js';
import { decisionsFor } from './decisions.js';
import { format, toLocale } from '../i18n/locale.js';
import { PLEDGE_MESSAGES } from '../i18n/pledge-messages.js';
import type { Clock } from './clock.js';
import type { CompactDocument } from './compacts.js';
import { nameKey, orgKey } from './names.js';
import { checkPledge, LIMITS, type FieldError, type PledgeInput } from './pledge-input.js';
import { line, paragraphs } from './text.js';
import { cleanedTexts, compactLanguages, languageName, type Localized } from './authoring/languages.js';

export interface Answer {
  status: number;
  body: { id: string; status?: string } | { errors: FieldError[] };
}

export interface Submission {
  compactId: string;
  idempotencyKey: string | undefined;
  /** The body exactly as received: its hash is what "the same request" means for a key. */
  rawBody: string;
  body: unknown;
  clock: Clock;
}

/** Visible ASCII without spaces, as a header value always can be; a UUID fits easily. */
const KEY = /^[\x21-\x7e]{1,200}$/;

const errors = (status: number, field: string, message: string): Answer => ({ status, body: { errors: [{ field, message }] } });

export async function submitPledge(db: Db, submission: Submission): Promise<Answer> {
  const locale = toLocale((submission.body as { locale?: unknown } | null)?.locale);
  const { compactId, idempotencyKey: key } = submission;
  if (!(await findCompact(db, compactId))) {
    return errors(404, 'compactId', format(PLEDGE_MESSAGES.unknownCompact, locale, { id: compactId }));
  }
  if (!key || !KEY.test(key)) return errors(400, 'Idempotency-Key', format(PLEDGE_MESSAGES.keyMissing, locale));
  const bodyHash = createHash('sha256').update(submission.rawBody).digest('hex');

  const replay = await replayStored(db, compactId, key, bodyHash, locale);
  if (replay) return replay;

  // Invalid input is answered but not stored against the key: the person corrects it and the
  // form sends again (the same key with a new body would otherwise be refused).
  const checked = checkPledge(submission.body, locale);
  if (!checked.ok) return { status: 422, body: { errors: checked.errors } };
  const bodyCompact = (submission.body as { compactId?: unknown }).compactId;
  if (bodyCompact !== undefined && bodyCompact !== compactId) {
    return errors(422, 'compactId', format(PLEDGE_MESSAGES.compactMismatch, locale));
  }

  // Another request with this key committed first: the next run answers as it did.
  return retryOnUniqueViolation(db, (tx) => receive(tx, checked.input, { compactId, key, bodyHash, locale, clock: submission.clock }));
}

async function replayStored(db: Db, compactId: string, key: string, bodyHash: string, locale: ReturnType<typeof toLocale>): Promise<Answer | undefined> {
  const stored = await findStoredAnswer(db, compactId, key);
  if (!stored) return undefined;
  if (stored.body_hash !== bodyHash) return errors(422, 'Idempotency-Key', format(PLEDGE_MESSAGES.keyReused, locale));
  return { status: stored.status, body: JSON.parse(stored.response) };
}

interface ReceiveContext {
  compactId: string;
  key: string;
  bodyHash: string;
  locale: ReturnType<typeof toLocale>;
  clock: Clock;
}

async function receive(tx: Db, input: PledgeInput, context: ReceiveContext): Promise<Answer> {
  const { compactId, key, bodyHash, locale } = context;
  const replay = await replayStored(tx, compactId, key, bodyHash, locale);
  if (replay) return replay;
  const now = context.clock().toISOString();
  const keys = { name: nameKey(input.organisation.name), org: orgKey(input.organisation.id) };

  let answer: Answer;
  // An unconfirmed pledge for the same organisation does not stop this one (NAME_HOLDING): the
  // first of them to be confirmed holds the name.
  const holder = await nameHolder(tx, compactId, keys.name, keys.org);
  if (holder) {
    answer = { status: 409, body: { id: holder.id } };
  } else {
    const id = randomUUID();
    await insertPledge(
      tx,
      {
        id,
        compact_id: compactId,
        status: 'unconfirmed',
        organisation: JSON.stringify(input.organisation),
        champion: input.champion ? JSON.stringify(input.champion) : null,
        pledge_text: input.pledge ?? null,
        consent_publish: input.consent.publish ? 1 : 0,
        consent_contact: input.consent.contact ? 1 : 0,
        locale,
        name_key: keys.name,
        org_key: keys.org,
        created_at: now,
        decided_at: null,
        decided_by: null,
        reason: null,
        signatory_id: null,
        sends: 1,
      },
      { pledge_id: id, name: input.contact.name, email: input.contact.email, role: input.contact.role ?? null },
    );
    await queuePledgeEmail(tx, { id, locale, email: input.contact.email }, 'confirm', now);
    answer = { status: 202, body: { id, status: 'pending' } };
  }
  await storeAnswer(tx, { compact_id: compactId, key, body_hash: bodyHash, status: answer.status, response: JSON.stringify(answer.body), created_at: now });
  return answer;
}

/**
 * Who already holds the organisation's name (normalised name or identifier) in the compact: an
 * active signatory, or another pledge that is confirmed and waiting, or approved (NAME_HOLDING).
 */
export async function nameHolder(tx: Db, compactId: string, name: string, org: string | null, except?: string): Promise<{ id: string } | undefined> {
  return (await findActiveSignatory(tx, compactId, name, org)) ?? (await findNameHoldingPledge(tx, compactId, name, org, except));
}

export type PledgeEmailKind = 'confirm' | 'info' | 'approved' | 'rejected';

/**
 * Queues a message to the pledge's contact, in the transaction of the change it tells about (the
 * outbox pattern: committed together, sent by mail/dispatch.ts after the commit, retried if SMTP
 * is down). The text is written when it is sent, so that the link it carries is fresh.
 */
export async function queuePledgeEmail(tx: Db, pledge: { id: string; locale: string; email: string }, kind: PledgeEmailKind, now: string): Promise<void> {
  await queueEmail(tx, {
    id: randomUUID(),
    pledge_id: pledge.id,
    kind,
    locale: pledge.locale,
    to_address: pledge.email,
    subject: '',
    text_body: null,
    html_body: null,
    status: 'queued',
    attempts: 0,
    created_at: now,
    sent_at: null,
    file: null,
  });
}

/** What the officer's list shows: no contact details. */
export interface PledgeSummary {
  id: string;
  compactId: string;
  status: PledgeRow['status'];
  organisation: { id?: string; name: string };
  createdAt: string;
}

function summary(row: PledgeRow): PledgeSummary {
  const organisation = JSON.parse(row.organisation) as PledgeInput['organisation'];
  return {
    id: row.id,
    compactId: row.compact_id,
    status: row.status,
    organisation: { ...(organisation.id ? { id: organisation.id } : {}), name: organisation.name },
    createdAt: row.created_at,
  };
}

export async function pledgeSummaries(db: Db, filter: PledgeFilter): Promise<PledgeSummary[]> {
  return (await listPledges(db, filter)).map(summary);
}

/** One pledge in full, contact included: for the officer deciding it (CLI `pledges show`). */
export async function pledgeDetails(db: Db, id: string) {
  const row = await findPledge(db, id);
  if (!row) return undefined;
  const contact = await findContact(db, id);
  return {
    ...summary(row),
    organisation: JSON.parse(row.organisation) as PledgeInput['organisation'],
    champion: row.champion ? (JSON.parse(row.champion) as PledgeInput['champion']) : undefined,
    pledge: row.pledge_text ?? undefined,
    consent: { publish: row.consent_publish === 1, contact: row.consent_contact === 1 },
    locale: row.locale,
    contact: contact ? { name: contact.name, email: contact.email, ...(contact.role ? { role: contact.role } : {}) } : undefined,
    decidedAt: row.decided_at ?? undefined,
    decidedBy: row.decided_by ?? undefined,
    reason: row.reason ?? undefined,
    ...(row.reason_code ? { reasonCode: row.reason_code } : {}),
    signatoryId: row.signatory_id ?? undefined,
  };
}

/**
 * A decision refused, with a message for whoever asked. `field` names the value at fault (the
 * admin shows the message at that box); without one the refusal is about the pledge itself:
 * decided meanwhile, or another pledge holds the organisation's name.
 */
export class DecisionError extends Error {
  constructor(
    message: string,
    readonly field?: 'publicName' | 'pledgeText' | 'pledgeLanguage' | 'reasonCode' | 'reason' | 'question' | `name-${string}` | `pledge-${string}`,
  ) {
    super(message);
  }
}

export interface Decision {
  by: string;
  clock: Clock;
  /** Who, for the audit log (defaults to `by`). */
  actor?: Actor;
}

export interface Approval extends Decision {
  /** The moderator's corrections of what is published: the name, the pledge text ('' removes it). */
  publicName?: string;
  pledgeText?: string;
  /** The language the pledge text is in (one of `pledgeTextLanguages`); by default the form's. */
  pledgeLanguage?: string;
  /**
   * Instead of the three above, on a compact in several languages: the name and the pledge text to
   * publish in each language (each one of `pledgeTextLanguages`), as the admin's boxes were filled.
   * An empty one publishes nothing in its language; the name must be given in the default language.
   */
  inLanguages?: { name: Record<string, string>; pledge: Record<string, string> };
}

export interface Rejection extends Decision {
  /** One of the listed reasons (REJECT_REASONS); free text alone is `other`. */
  reasonCode?: RejectReason;
}

const actorFor = (decision: Decision): Actor => decision.actor ?? { id: decision.by, label: decision.by };

/** What the audit log keeps of a pledge: its public content and state, never its contact. */
function publicState(pledge: PledgeRow) {
  const organisation = JSON.parse(pledge.organisation) as PledgeInput['organisation'];
  return { status: pledge.status, name: organisation.name, ...(organisation.id ? { id: organisation.id } : {}), pledge: pledge.pledge_text };
}

/**
 * The languages a pledge's text can be published in: the compact's (its default first) and the one
 * the organisation used the form in, which is the one suggested. Text in the default language is
 * published as a plain string; in any other, under its language tag, so that the widgets and
 * screen readers read it in its own language.
 */
export function pledgeTextLanguages(document: CompactDocument, locale: string): { languages: string[]; suggested: string; perLanguage: boolean } {
  const languages = compactLanguages(document);
  const form = toLocale(locale);
  const suggested = languages.find((tag) => tag.toLowerCase().split('-')[0] === form) ?? form;
  // A compact in several languages is approved with a box per language (`Approval.inLanguages`),
  // as its signatories are edited; one in a single language with one box and the language chosen.
  return { languages: languages.includes(suggested) ? languages : [...languages, suggested], suggested, perLanguage: languages.length > 1 };
}

/** One text's boxes, cleaned and checked (`cleanedTexts`); the empty ones left out. */
function boxTexts(given: Record<string, string>, field: 'name' | 'pledge', label: string, max: number, clean: (value: unknown) => string | undefined): Record<string, string> {
  return cleanedTexts(given, max, clean, (lang) => new DecisionError(`${label} in ${languageName(lang)} must be ${max} characters or fewer`, `${field}-${lang}`));
}

/**
 * Boxes as the feed publishes them, in the page's order of languages: text in the default language
 * alone is a plain string (as a one-language approval publishes it, and the signatory's page reads
 * it back into that box); any other, under its languages.
 */
function published(texts: Record<string, string>, languages: string[]): Localized | undefined {
  const filled = languages.filter((lang) => texts[lang]);
  if (filled.length === 0) return undefined;
  return filled.length === 1 && filled[0] === languages[0] ? texts[filled[0]] : Object.fromEntries(filled.map((lang) => [lang, texts[lang]!]));
}

/** A slug from a name, for organisations without an org-id: "St John's Trust" → "st-johns-trust". */
function slug(name: string): string {
  return nameKey(name).replace(/\s+/g, '-').slice(0, 60).replace(/-+$/, '');
}

async function freeSignatoryId(tx: Db, compactId: string, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const id = n === 1 ? wanted : `${wanted}-${n}`;
    if (!(await signatoryIdTaken(tx, compactId, id))) return id;
  }
}

/**
 * Approves an undecided pledge (unconfirmed ones too: an officer may have confirmed it by phone): the
 * organisation becomes a signatory, in the feed at once if it consented, and is emailed its badge.
 */
export async function approvePledge(db: Db, id: string, decision: Approval): Promise<{ signatoryId: string; published: boolean }> {
  const publicName = decision.publicName === undefined ? undefined : (line(decision.publicName) ?? '');
  if (decision.publicName !== undefined && !publicName) throw new DecisionError('Enter the organisation’s name', 'publicName');
  if (publicName && [...publicName].length > LIMITS.name) throw new DecisionError(`The name must be ${LIMITS.name} characters or fewer`, 'publicName');
  const pledgeText = decision.pledgeText === undefined ? undefined : (paragraphs(decision.pledgeText) ?? '');
  if (pledgeText && [...pledgeText].length > LIMITS.pledge) throw new DecisionError(`The pledge text must be ${LIMITS.pledge} characters or fewer`, 'pledgeText');
  const boxes = decision.inLanguages && {
    name: boxTexts(decision.inLanguages.name, 'name', 'The name', LIMITS.name, line),
    pledge: boxTexts(decision.inLanguages.pledge, 'pledge', 'The pledge text', LIMITS.pledge, paragraphs),
  };
  return inTransaction(db, async (tx) => {
    const pledge = await findPledge(tx, id);
    if (!pledge) throw new DecisionError(`No pledge has the id ${id}`);
    if (!decisionsFor(pledge.status).approve) throw new DecisionError(`Pledge ${id} is already ${pledge.status}`);
    const already = await findActiveSignatory(tx, pledge.compact_id, pledge.name_key, pledge.org_key);
    if (already) throw new DecisionError(`This organisation is already a signatory (${already.id}); reject the pledge as a duplicate`);
    // An unconfirmed pledge can be approved (confirmed by phone) while another for the same
    // organisation waits: only one of them can hold the name.
    const other = await findNameHoldingPledge(tx, pledge.compact_id, pledge.name_key, pledge.org_key, id);
    if (other) throw new DecisionError(`Another pledge from this organisation is waiting or approved (${other.id}); decide that one, or reject this one as a duplicate`);
    const compact = await findCompact(tx, pledge.compact_id);
    const document = JSON.parse(compact!.document) as CompactDocument;
    const content = document.compact;
    const { languages, suggested } = pledgeTextLanguages(document, pledge.locale);
    const language = decision.pledgeLanguage ?? suggested;
    if (!languages.includes(language)) throw new DecisionError('Choose the language the pledge text is in', 'pledgeLanguage');
    const submitted = JSON.parse(pledge.organisation) as PledgeInput['organisation'];
    const organisation = { ...submitted, ...(publicName ? { name: publicName } : {}) };
    const text = pledgeText === undefined ? pledge.pledge_text : pledgeText || null;
    let name: Localized = organisation.name;
    let pledgeValue: Localized | undefined = text ? (language === languages[0] ? text : { [language]: text }) : undefined;
    // The name the duplicate checks and the signatory id go by: the default language's, as on the signatory's page.
    let keyName = organisation.name;
    if (boxes) {
      const other = [...Object.keys(boxes.name), ...Object.keys(boxes.pledge)].find((lang) => !languages.includes(lang));
      if (other) throw new DecisionError(`${languageName(other)} is not one of the languages this pledge can be published in`);
      const names = published(boxes.name, languages);
      // Every signatory has a name in the compact's default language: the signatory's page and the
      // spreadsheet ask for it too, so a name only in Welsh could not be saved or imported again.
      const defaultName = typeof names === 'string' ? names : names?.[languages[0]!];
      if (!names || !defaultName) throw new DecisionError(`Enter the organisation’s name in ${languageName(languages[0]!)}`, `name-${languages[0]}`);
      name = names;
      keyName = defaultName;
      pledgeValue = published(boxes.pledge, languages);
    }
    const now = decision.clock();
    const signatoryId = await freeSignatoryId(tx, pledge.compact_id, organisation.id ?? (slug(keyName) || pledge.id));
    const data = {
      name,
      sector: organisation.sector,
      ...(organisation.type ? { type: organisation.type } : {}),
      signed: todayInZone(now.getTime(), typeof content.timeZone === 'string' ? content.timeZone : 'Europe/London'),
      ...(organisation.url ? { url: organisation.url } : {}),
      ...(pledgeValue ? { pledge: pledgeValue } : {}),
      ...(pledge.champion ? { champion: JSON.parse(pledge.champion) } : {}),
    };
    await upsertSignatory(tx, {
      compact_id: pledge.compact_id,
      id: signatoryId,
      data: JSON.stringify(data),
      name_key: publicName || boxes ? nameKey(keyName) : pledge.name_key,
      org_key: pledge.org_key,
      status: 'active',
      published: pledge.consent_publish,
      position: await nextSignatoryPosition(tx, pledge.compact_id),
      pledge_id: pledge.id,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    const decided = await decidePledge(tx, id, {
      status: 'approved',
      decided_at: now.toISOString(),
      decided_by: decision.by,
      reason: null,
      signatory_id: signatoryId,
    });
    if (!decided) throw new DecisionError(`Pledge ${id} was decided by someone else just now`);
    await touchCompact(tx, pledge.compact_id, now.toISOString());
    await audit(tx, actorFor(decision), now, {
      action: 'pledge.approve',
      compactId: pledge.compact_id,
      subject: { type: 'pledge', id },
      before: publicState(pledge),
      // What was published: with boxes, in its languages; otherwise the text alone, as it always was.
      after: { status: 'approved', signatoryId, name, pledge: boxes ? (pledgeValue ?? null) : text, published: pledge.consent_publish === 1 },
    });
    const contact = await findContact(tx, id);
    if (contact) await queuePledgeEmail(tx, { id, locale: pledge.locale, email: contact.email }, 'approved', now.toISOString());
    return { signatoryId, published: pledge.consent_publish === 1 };
  }).catch((error: unknown) => {
    // Two pledges for one organisation approved at the same moment: the unique indexes let one in.
    if (isUniqueViolation(error)) throw new DecisionError('Another pledge for this organisation, or for the same signatory id, was approved just now; reload the page');
    throw error;
  });
}

export const MAX_REASON = 1000;

/**
 * Rejects an undecided pledge with a reason: one from the list, free text, or both (the free text is
 * required with `other`, and is all the command line gives). The organisation is told, in its language.
 */
export async function rejectPledge(db: Db, id: string, reason: string, decision: Rejection): Promise<void> {
  const text = paragraphs(reason) ?? '';
  const code = decision.reasonCode ?? 'other';
  if (!REJECT_REASON_CODES.includes(code)) throw new DecisionError(`The reason is one of ${REJECT_REASON_CODES.join(', ')}`, 'reasonCode');
  if (!text && code === 'other') throw new DecisionError('Enter the reason for rejecting the pledge: it is needed with “Another reason”', 'reason');
  if ([...text].length > MAX_REASON) throw new DecisionError(`The reason must be ${MAX_REASON} characters or fewer`, 'reason');
  await inTransaction(db, async (tx) => {
    const pledge = await findPledge(tx, id);
    if (!pledge) throw new DecisionError(`No pledge has the id ${id}`);
    if (!decisionsFor(pledge.status).reject) throw new DecisionError(`Pledge ${id} is already ${pledge.status}`);
    const now = decision.clock();
    const decided = await decidePledge(tx, id, {
      status: 'rejected',
      decided_at: now.toISOString(),
      decided_by: decision.by,
      reason: text || null,
      reason_code: code,
      signatory_id: null,
    });
    if (!decided) throw new DecisionError(`Pledge ${id} was decided by someone else just now`);
    await audit(tx, actorFor(decision), now, {
      action: 'pledge.reject',
      compactId: pledge.compact_id,
      subject: { type: 'pledge', id },
      before: publicState(pledge),
      after: { status: 'rejected', reasonCode: code, reason: text || null },
    });
    const contact = await findContact(tx, id);
    if (contact) await queuePledgeEmail(tx, { id, locale: pledge.locale, email: contact.email }, 'rejected', now.toISOString());
  });
}

/** Forgets stored answers older than the replay window. */
export async function forgetOldAnswers(db: Db, clock: Clock, hours: number): Promise<number> {
  return deleteAnswersBefore(db, new Date(clock().getTime() - hours * 3_600_000).toISOString());
}
