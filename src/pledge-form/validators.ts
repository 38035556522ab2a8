/**
 * The form's checks, as small objects in the style of Lion's validators: a name, a test and a
 * message. `test` answers true when the value is fine. `message()` is called at render time, so an
 * error shown in English re-renders in Welsh when the page's language changes.
 *
 * Messages follow the GOV.UK Design System's wording for error messages.
 */
import { msg, str } from '@lit/localize';
import { websiteUrl } from './body.js';
import { characters, MAX_PLEDGE } from './character-count.js';
import { toOrgId } from './identifier.js';
import { FIELD_ORDER, type FieldName, type PledgeValues, type RegisterKind } from './values.js';

export interface Validator<V = string | boolean> {
  /** A stable name, for tests and for anyone reading the errors in an event. */
  readonly name: string;
  test(value: V, form: PledgeValues): boolean;
  /** The GOV.UK-style error message; the form is given for messages that depend on other answers. */
  message(form: PledgeValues): string;
}

/** Names and roles: long enough for any real one, short enough to keep a list readable. */
const MAX_NAME = 200;
const filled = (value: string | boolean) => typeof value === 'string' && value.trim() !== '';

type Message = (form: PledgeValues) => string;

function required(message: Message): Validator {
  return { name: 'required', test: filled, message };
}

function maxLength(max: number, message: Message): Validator {
  return { name: 'maxLength', test: (value) => typeof value !== 'string' || characters(value) <= max, message };
}

/** Required only when the form answers `when`. */
function requiredWhen(when: (form: PledgeValues) => boolean, message: Message): Validator {
  return { name: 'required', test: (value, form) => !when(form) || filled(value), message };
}

const registeredOn = (form: PledgeValues): RegisterKind | undefined =>
  form.registered && form.registered !== 'none' ? form.registered : undefined;

const numberRequired: Validator = {
  name: 'required',
  test: (value, form) => !registeredOn(form) || filled(value),
  message: (form) =>
    form.registered === 'coh'
      ? msg('Enter your company number', { id: 'pledge-form.error.regNumber.requiredCompany' })
      : msg('Enter your charity number', { id: 'pledge-form.error.regNumber.requiredCharity' }),
};

const numberFormat: Validator = {
  name: 'registrationNumber',
  test: (value, form) => {
    const kind = registeredOn(form);
    return !kind || !filled(value) || toOrgId(kind, String(value)) !== undefined;
  },
  message: (form) => numberFormatMessage(registeredOn(form) ?? 'chc'),
};

function numberFormatMessage(kind: RegisterKind): string {
  switch (kind) {
    case 'chc':
      return msg('Charity number must be 6 to 8 digits, like 1234567', { id: 'pledge-form.error.regNumber.chc' });
    case 'sc':
      return msg('Scottish charity number must be SC followed by 6 digits, like SC012345', {
        id: 'pledge-form.error.regNumber.sc',
      });
    case 'nic':
      return msg('Northern Ireland charity number must be 6 digits, like 100001', {
        id: 'pledge-form.error.regNumber.nic',
      });
    case 'coh':
      return msg('Company number must be 8 characters, like 01234567 or SC123456', {
        id: 'pledge-form.error.regNumber.coh',
      });
  }
}

/** Something@something.something, with no spaces: what GOV.UK checks; the endpoint checks more. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const VALIDATORS: Readonly<Record<FieldName, readonly Validator[]>> = {
  orgName: [
    required(() => msg('Enter the name of your organisation', { id: 'pledge-form.error.orgName.required' })),
    maxLength(MAX_NAME, () =>
      msg(str`Name of your organisation must be ${MAX_NAME} characters or fewer`, { id: 'pledge-form.error.orgName.max' }),
    ),
  ],
  registered: [
    required(() =>
      msg('Select whether your organisation is registered', { id: 'pledge-form.error.registered.required' }),
    ),
  ],
  regNumber: [numberRequired, numberFormat],
  sector: [
    required(() => msg('Select the sector your organisation is part of', { id: 'pledge-form.error.sector.required' })),
  ],
  type: [
    requiredWhen(
      (form) => form.sector !== '',
      () => msg('Select the type of organisation', { id: 'pledge-form.error.type.required' }),
    ),
  ],
  website: [
    {
      name: 'httpUrl',
      test: (value) => !filled(value) || websiteUrl(String(value)) !== undefined,
      message: () =>
        msg('Enter a website address in the correct format, like www.example.org', {
          id: 'pledge-form.error.website.format',
        }),
    },
  ],
  contactName: [
    required(() => msg('Enter your full name', { id: 'pledge-form.error.contactName.required' })),
    maxLength(MAX_NAME, () =>
      msg(str`Full name must be ${MAX_NAME} characters or fewer`, { id: 'pledge-form.error.contactName.max' }),
    ),
  ],
  contactEmail: [
    required(() => msg('Enter your email address', { id: 'pledge-form.error.contactEmail.required' })),
    {
      name: 'email',
      test: (value) => EMAIL.test(String(value).trim()),
      message: () =>
        msg('Enter an email address in the correct format, like name@example.com', {
          id: 'pledge-form.error.contactEmail.format',
        }),
    },
  ],
  contactRole: [
    maxLength(MAX_NAME, () =>
      msg(str`Your role must be ${MAX_NAME} characters or fewer`, { id: 'pledge-form.error.contactRole.max' }),
    ),
  ],
  championName: [
    requiredWhen(
      (form) => filled(form.championRole),
      () =>
        msg('Enter the name of your Compact Champion, or leave their role empty', {
          id: 'pledge-form.error.championName.required',
        }),
    ),
    maxLength(MAX_NAME, () =>
      msg(str`Champion’s name must be ${MAX_NAME} characters or fewer`, { id: 'pledge-form.error.championName.max' }),
    ),
  ],
  championRole: [
    maxLength(MAX_NAME, () =>
      msg(str`Champion’s role must be ${MAX_NAME} characters or fewer`, { id: 'pledge-form.error.championRole.max' }),
    ),
  ],
  pledge: [
    maxLength(MAX_PLEDGE, () =>
      msg(str`Your pledge must be ${MAX_PLEDGE} characters or fewer`, { id: 'pledge-form.error.pledge.max' }),
    ),
  ],
  consentPublish: [],
  consentContact: [],
};

/** The first check a field fails, or undefined. */
export function validateField(name: FieldName, form: PledgeValues): Validator | undefined {
  return VALIDATORS[name].find((validator) => !validator.test(form[name], form));
}

/** Every field's first failed check, in form order. */
export function validateForm(form: PledgeValues): Map<FieldName, Validator> {
  const errors = new Map<FieldName, Validator>();
  for (const name of FIELD_ORDER) {
    const failed = validateField(name, form);
    if (failed) errors.set(name, failed);
  }
  return errors;
}
