/**
 * What a moderator can learn from an organisation's identifier before looking anything up: whether it
 * has the shape its register gives (and the right check digits, where the scheme has them), and the
 * address of its entry on the official register.
 *
 * Check digits: the Charity Commission for England and Wales, OSCR, the Charity Commission for
 * Northern Ireland and Companies House publish no check-digit algorithm for their numbers, so for
 * them only the format can be checked (a number that passes may still not exist: follow the link).
 * The Legal Entity Identifier (org-id `XI-LEI`, ISO 17442) carries two check digits (ISO 7064
 * MOD 97-10), checked here.
 */

export interface IdentifierCheck {
  /** The org-id list prefix (`GB-CHC`), or `none` when no identifier was given. */
  scheme: string;
  status: 'none' | 'valid' | 'format' | 'check-digits' | 'unknown';
  register?: string;
  number?: string;
  /** The entry on the official register, only for a well-formed identifier. */
  url?: string;
  /** What the scheme's numbers look like, in words. */
  expected?: string;
}

interface Scheme {
  register: string;
  /** What the number looks like, in words, for the moderator. */
  expected: string;
  pattern: RegExp;
  url: (number: string) => string;
  checkDigits?: (number: string) => boolean;
}

/** ISO 7064 MOD 97-10 (as IBAN): the whole code read as a number, letters as 10–35, is 1 mod 97. */
export function mod97(code: string): boolean {
  let remainder = 0;
  for (const ch of code) {
    const value = parseInt(ch, 36);
    if (Number.isNaN(value)) return false;
    for (const digit of String(value)) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

const SCHEMES: Record<string, Scheme> = {
  'GB-CHC': {
    register: 'Charity Commission for England and Wales',
    expected: 'a registered charity number of 6 or 7 digits (e.g. 1123456)',
    pattern: /^\d{6,7}$/,
    url: (n) => `https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/${n}`,
  },
  'GB-SC': {
    register: 'Office of the Scottish Charity Regulator (OSCR)',
    expected: 'SC followed by 6 digits (e.g. SC012345)',
    pattern: /^SC\d{6}$/,
    url: (n) => `https://www.oscr.org.uk/about-charities/search-the-register/charity-details?number=${n}`,
  },
  'GB-NIC': {
    register: 'Charity Commission for Northern Ireland',
    expected: 'a registered charity number of 6 digits starting 10 (e.g. 100001)',
    pattern: /^10\d{4}$/,
    url: (n) => `https://www.charitycommissionni.org.uk/charity-details/?regId=${n}&subId=0`,
  },
  'GB-COH': {
    register: 'Companies House',
    expected: '8 characters: 8 digits, or a 2-letter prefix (SC, NI, OC, SO, NC, CE, CS, RC, IP, SP, R0…) and 6 digits',
    pattern: /^(\d{8}|(SC|NI|OC|SO|NC|NL|CE|CS|RC|SE|SF|SI|SL|SZ|GE|GS|IP|SP|NP|NO|NR|NA|NZ|FC|SA|IC|IS|RS|LP|R0)\d{6})$/,
    url: (n) => `https://find-and-update.company-information.service.gov.uk/company/${n}`,
  },
  'XI-LEI': {
    register: 'Global Legal Entity Identifier Foundation (GLEIF)',
    expected: '20 characters: 18 letters or digits and 2 check digits',
    pattern: /^[A-Z0-9]{18}\d{2}$/,
    url: (n) => `https://search.gleif.org/#/record/${n}`,
    checkDigits: mod97,
  },
};

export function checkIdentifier(id: string | undefined): IdentifierCheck {
  if (!id) return { scheme: 'none', status: 'none' };
  const upper = id.toUpperCase();
  for (const [prefix, scheme] of Object.entries(SCHEMES)) {
    if (!upper.startsWith(`${prefix}-`)) continue;
    let number = upper.slice(prefix.length + 1).replace(/[\s-]/g, '');
    // Companies House numbers lose leading zeros when typed: 1234567 is 01234567.
    if (prefix === 'GB-COH' && /^\d{1,7}$/.test(number)) number = number.padStart(8, '0');
    const base = { scheme: prefix, register: scheme.register, number, expected: scheme.expected };
    if (!scheme.pattern.test(number)) return { ...base, status: 'format' };
    if (scheme.checkDigits && !scheme.checkDigits(number)) return { ...base, status: 'check-digits' };
    return { ...base, status: 'valid', url: scheme.url(encodeURIComponent(number)) };
  }
  return { scheme: upper.split('-').slice(0, 2).join('-'), register: '', status: 'unknown', number: upper, expected: 'an identifier from https://org-id.guide' };
}
