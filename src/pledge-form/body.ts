/**
 * How the form's values become the body the pledge endpoint expects (feed-spec.md, "The pledge
 * endpoint"), and how a draft read back from storage becomes values again.
 */
import { safeHttpUrl } from '../feed/url.js';
import { TYPES_BY_SECTOR, type Sector } from '../feed/types.js';
import { toOrgId } from './identifier.js';
import { EMPTY_VALUES, FIELD_ORDER, REGISTER_KINDS, type FieldName, type PledgeBody, type PledgeValues } from './values.js';

/**
 * The body's dotted paths (as the endpoint names them in 400/422 errors) for each field. A Map: the
 * names come from the server, and `constructor` or `__proto__` must find nothing.
 */
export const FIELD_PATHS: ReadonlyMap<string, FieldName> = new Map<string, FieldName>([
  ['organisation.name', 'orgName'],
  ['organisation.id', 'regNumber'],
  ['organisation.sector', 'sector'],
  ['organisation.type', 'type'],
  ['organisation.url', 'website'],
  ['contact.name', 'contactName'],
  ['contact.email', 'contactEmail'],
  ['contact.role', 'contactRole'],
  ['champion.name', 'championName'],
  ['champion.role', 'championRole'],
  ['pledge', 'pledge'],
  ['consent.publish', 'consentPublish'],
  ['consent.contact', 'consentContact'],
]);

const SECTORS: readonly string[] = ['', ...Object.keys(TYPES_BY_SECTOR)];
const REGISTERED_ANSWERS: readonly string[] = ['', 'none', ...REGISTER_KINDS];

/**
 * A draft read back from storage: only known fields of the right type survive, and the choices only
 * with a value the form offers (a sector, register or type from elsewhere would break rendering).
 */
export function reviveValues(saved: unknown): PledgeValues | undefined {
  if (!saved || typeof saved !== 'object') return undefined;
  const values: Record<string, unknown> = { ...EMPTY_VALUES };
  for (const name of FIELD_ORDER) {
    const value = Object.hasOwn(saved, name) ? (saved as Record<string, unknown>)[name] : undefined;
    if (typeof value === typeof EMPTY_VALUES[name]) values[name] = value;
  }
  const revived = values as unknown as PledgeValues;
  if (!SECTORS.includes(revived.sector)) revived.sector = '';
  if (!REGISTERED_ANSWERS.includes(revived.registered)) revived.registered = '';
  const types = revived.sector ? TYPES_BY_SECTOR[revived.sector] : [];
  if (!types.includes(revived.type)) revived.type = '';
  return revived;
}

/** "www.example.org" is what people type; it means https://www.example.org/. */
export function websiteUrl(raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  const url = safeHttpUrl(withScheme);
  // A host without a dot ("https://charity") is almost always a typing slip.
  return url && new URL(url).hostname.includes('.') ? url : undefined;
}

/** The organisation's org-id, when it is registered and the number is in the right format. */
export function orgIdOf(values: Pick<PledgeValues, 'registered' | 'regNumber'>): string | undefined {
  const { registered, regNumber } = values;
  return registered && registered !== 'none' ? toOrgId(registered, regNumber) : undefined;
}

/** The body the endpoint receives; empty optional answers are left out, text is trimmed. */
export function toBody(values: PledgeValues, compactId: string, locale: string): PledgeBody {
  const t = (s: string) => s.trim() || undefined;
  const championName = t(values.championName);
  return {
    compactId,
    organisation: {
      name: values.orgName.trim(),
      id: orgIdOf(values),
      sector: values.sector as Sector,
      type: t(values.type),
      url: websiteUrl(values.website),
    },
    contact: { name: values.contactName.trim(), email: values.contactEmail.trim(), role: t(values.contactRole) },
    champion: championName ? { name: championName, role: t(values.championRole) } : undefined,
    pledge: t(values.pledge),
    consent: { publish: values.consentPublish, contact: values.consentContact },
    locale,
  };
}
