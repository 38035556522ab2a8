/**
 * What the form holds: one shape for the fields, the draft, the validators and the body
 * (body.ts turns it into what the endpoint receives). Needed at first paint, so kept small.
 */
import type { Sector } from '../feed/types.js';

/** Which register the number belongs to. The number alone is ambiguous (an 8-digit number can be a
 *  charity in England and Wales or a company), so the form asks. */
export type RegisterKind = 'chc' | 'sc' | 'nic' | 'coh';
export const REGISTER_KINDS: readonly RegisterKind[] = ['chc', 'sc', 'nic', 'coh'];

export type RegisteredAnswer = RegisterKind | 'none' | '';

export interface PledgeValues {
  orgName: string;
  /** Which register the organisation is on; `none` for an unregistered group. */
  registered: RegisteredAnswer;
  regNumber: string;
  sector: Sector | '';
  type: string;
  website: string;
  contactName: string;
  contactEmail: string;
  contactRole: string;
  championName: string;
  championRole: string;
  pledge: string;
  consentPublish: boolean;
  consentContact: boolean;
}

export type FieldName = keyof PledgeValues;

export const EMPTY_VALUES: Readonly<PledgeValues> = Object.freeze({
  orgName: '',
  registered: '',
  regNumber: '',
  sector: '',
  type: '',
  website: '',
  contactName: '',
  contactEmail: '',
  contactRole: '',
  championName: '',
  championRole: '',
  pledge: '',
  consentPublish: false,
  consentContact: false,
});

/** Form order: the error summary lists errors in this order. */
export const FIELD_ORDER: readonly FieldName[] = Object.keys(EMPTY_VALUES) as FieldName[];

/** A form field's name, for names read from the page (an input's `name`). */
export function isFieldName(name: string): name is FieldName {
  return Object.hasOwn(EMPTY_VALUES, name);
}

/** What the endpoint receives (feed-spec.md, "The pledge endpoint"); body.ts makes it. */
export interface PledgeBody {
  compactId: string;
  organisation: { name: string; id?: string; sector: Sector; type?: string; url?: string };
  contact: { name: string; email: string; role?: string };
  champion?: { name: string; role?: string };
  pledge?: string;
  consent: { publish: boolean; contact: boolean };
  locale: string;
}
