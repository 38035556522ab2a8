/**
 * A pledge as the endpoint receives it (feed-spec.md, "The pledge endpoint"), checked field by field.
 * Every string has a limit; unknown top-level properties are ignored (the contract is forward
 * compatible); text is trimmed and single-line fields have control characters turned into spaces.
 */
import { safeHttpUrl } from 'compact-widgets/feed';
import { format, type Locale } from '../i18n/locale.js';
import { PLEDGE_MESSAGES, type PledgeMessage } from '../i18n/pledge-messages.js';
import { EMAIL, line, paragraphs } from './text.js';
import { nameKey } from './names.js';

export const LIMITS = {
  name: 200,
  orgId: 100,
  type: 50,
  url: 2000,
  email: 254,
  pledge: 500,
} as const;

export interface PledgeInput {
  compactId: string;
  organisation: { name: string; id?: string; sector: 'public' | 'voluntary'; type?: string; url?: string };
  contact: { name: string; email: string; role?: string };
  champion?: { name: string; role?: string };
  pledge?: string;
  consent: { publish: boolean; contact: boolean };
}

export interface FieldError {
  field: string;
  message: string;
}

export type Checked = { ok: true; input: PledgeInput } | { ok: false; errors: FieldError[] };

/** org-id shape (https://org-id.guide): a list prefix, then the identifier in that list. */
const ORG_ID = /^[A-Za-z]{2}(-[A-Za-z0-9]+)+$/;
const TYPE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Half a surrogate pair (a JSON `\ud800` escape): no text, and stored as U+FFFD in its place. */
const LONE_SURROGATE = /\p{Cs}/u;
const malformed = (value: unknown) => typeof value === 'string' && LONE_SURROGATE.test(value);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const characters = (s: string) => [...s].length;

export function checkPledge(body: unknown, locale: Locale): Checked {
  const errors: FieldError[] = [];
  const fail = (field: string, key: PledgeMessage, values: Record<string, string | number> = {}) => {
    errors.push({ field, message: format(PLEDGE_MESSAGES[key], locale, values) });
  };
  if (!isObject(body)) return { ok: false, errors: [{ field: '', message: format(PLEDGE_MESSAGES.notObject, locale) }] };

  const org = isObject(body.organisation) ? body.organisation : {};
  const name = line(org.name);
  if (malformed(org.name)) fail('organisation.name', 'textMalformed');
  // A name without a letter or digit ("!!!", combining marks, zero-width spaces) has no name key:
  // every such pledge would be taken for the same organisation, and one may show as nothing at all.
  else if (!name || !nameKey(name)) fail('organisation.name', 'orgNameRequired');
  else if (characters(name) > LIMITS.name) fail('organisation.name', 'orgNameMax', { max: LIMITS.name });

  let orgId: string | undefined;
  if (org.id !== undefined && org.id !== '') {
    orgId = line(org.id);
    if (!orgId || orgId.length > LIMITS.orgId || !ORG_ID.test(orgId)) fail('organisation.id', 'orgIdFormat', { max: LIMITS.orgId });
    else orgId = orgId.toUpperCase();
  }
  const sector = org.sector === 'public' || org.sector === 'voluntary' ? org.sector : undefined;
  if (!sector) fail('organisation.sector', 'sectorRequired');

  let type: string | undefined;
  if (org.type !== undefined && org.type !== '') {
    type = line(org.type);
    if (!type || type.length > LIMITS.type || !TYPE.test(type)) fail('organisation.type', 'typeFormat');
  }
  let url: string | undefined;
  if (org.url !== undefined && org.url !== '') {
    url = typeof org.url === 'string' && org.url.length <= LIMITS.url && !malformed(org.url) ? safeHttpUrl(org.url.trim()) : undefined;
    if (!url) fail('organisation.url', 'urlFormat');
  }

  const contact = isObject(body.contact) ? body.contact : {};
  const contactName = line(contact.name);
  if (malformed(contact.name)) fail('contact.name', 'textMalformed');
  else if (!contactName) fail('contact.name', 'contactNameRequired');
  else if (characters(contactName) > LIMITS.name) fail('contact.name', 'contactNameMax', { max: LIMITS.name });
  const email = line(contact.email);
  if (malformed(contact.email)) fail('contact.email', 'emailFormat');
  else if (!email) fail('contact.email', 'emailRequired');
  else if (email.length > LIMITS.email) fail('contact.email', 'emailMax', { max: LIMITS.email });
  else if (!EMAIL.test(email)) fail('contact.email', 'emailFormat');
  const role = line(contact.role);
  if (malformed(contact.role)) fail('contact.role', 'textMalformed');
  else if (contact.role !== undefined && typeof contact.role !== 'string') fail('contact.role', 'roleMax', { max: LIMITS.name });
  else if (role && characters(role) > LIMITS.name) fail('contact.role', 'roleMax', { max: LIMITS.name });

  let champion: PledgeInput['champion'];
  if (body.champion !== undefined && body.champion !== null) {
    const raw = isObject(body.champion) ? body.champion : {};
    const championName = line(raw.name);
    const championRole = line(raw.role);
    // A name or role that is not text is refused, not dropped: the organisation meant to name someone.
    if (malformed(raw.name)) fail('champion.name', 'textMalformed');
    else if (!championName) {
      if (championRole || !isObject(body.champion) || (raw.name !== undefined && typeof raw.name !== 'string')) {
        fail('champion.name', 'championNameRequired');
      }
    } else if (characters(championName) > LIMITS.name) fail('champion.name', 'championNameMax', { max: LIMITS.name });
    if (malformed(raw.role)) fail('champion.role', 'textMalformed');
    else if (raw.role !== undefined && typeof raw.role !== 'string') fail('champion.role', 'championRoleMax', { max: LIMITS.name });
    else if (championRole && characters(championRole) > LIMITS.name) fail('champion.role', 'championRoleMax', { max: LIMITS.name });
    if (championName) champion = { name: championName, ...(championRole ? { role: championRole } : {}) };
  }

  let pledge: string | undefined;
  if (body.pledge !== undefined && body.pledge !== null) {
    pledge = paragraphs(body.pledge);
    if (malformed(body.pledge)) fail('pledge', 'textMalformed');
    else if (typeof body.pledge !== 'string' || (pledge && characters(pledge) > LIMITS.pledge)) fail('pledge', 'pledgeMax', { max: LIMITS.pledge });
  }

  const consent = isObject(body.consent) ? body.consent : {};
  if (typeof consent.publish !== 'boolean') fail('consent.publish', 'consentPublish');
  if (typeof consent.contact !== 'boolean') fail('consent.contact', 'consentContact');

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      compactId: typeof body.compactId === 'string' ? body.compactId : '',
      organisation: {
        name: name!,
        ...(orgId ? { id: orgId } : {}),
        sector: sector!,
        ...(type ? { type } : {}),
        ...(url ? { url } : {}),
      },
      contact: { name: contactName!, email: email!, ...(role ? { role } : {}) },
      ...(champion ? { champion } : {}),
      ...(pledge ? { pledge } : {}),
      consent: { publish: consent.publish as boolean, contact: consent.contact as boolean },
    },
  };
}
