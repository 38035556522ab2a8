import { expect } from '@open-wc/testing';
import { findSignatory, toOrgId, type RegisterKind } from '../../../src/pledge-form/identifier.js';
import { normaliseName } from '../../../src/feed/text-match.js';
import { validateField, validateForm, VALIDATORS } from '../../../src/pledge-form/validators.js';
import { EMPTY_VALUES, reviveValues, toBody, websiteUrl, type PledgeValues } from '../../../src/pledge-form/values.js';
import { checkFeed } from '../../../src/feed/validate.js';
import { sampleFeed } from '../../helpers/feed-element-suite.js';

describe('registration numbers → org-id', () => {
  const cases: [RegisterKind, string, string | undefined][] = [
    ['chc', '1234567', 'GB-CHC-1234567'],
    ['chc', '123456', 'GB-CHC-123456'],
    ['chc', '12345678', 'GB-CHC-12345678'],
    ['chc', ' 1 234 567 ', 'GB-CHC-1234567'],
    ['chc', '12345', undefined],
    ['chc', '123456789', undefined],
    ['chc', 'SC012345', undefined],
    ['sc', 'SC012345', 'GB-SC-SC012345'],
    ['sc', 'sc 012345', 'GB-SC-SC012345'],
    ['sc', '012345', 'GB-SC-SC012345'],
    ['sc', 'SC12345', undefined],
    ['sc', 'NI012345', undefined],
    ['nic', '100001', 'GB-NIC-100001'],
    ['nic', 'NIC100001', 'GB-NIC-100001'],
    ['nic', 'NIC/104321', 'GB-NIC-104321'],
    ['nic', '099999', undefined],
    ['nic', '1000001', undefined],
    ['coh', '01234567', 'GB-COH-01234567'],
    ['coh', '1234567', 'GB-COH-01234567'],
    ['coh', 'SC123456', 'GB-COH-SC123456'],
    ['coh', 'ni 123456', 'GB-COH-NI123456'],
    ['coh', 'ABC12345', undefined],
    ['coh', '123456789', undefined],
    ['coh', '', undefined],
  ];
  for (const [kind, raw, expected] of cases) {
    it(`${kind} "${raw}" → ${expected ?? 'refused'}`, () => {
      expect(toOrgId(kind, raw)).to.equal(expected);
    });
  }
});

describe('already signed?', () => {
  const feed = checkFeed(sampleFeed()).feed!;

  it('matches names without case, accents or punctuation, in any of their languages', () => {
    expect(normaliseName("St. John's  Community-Trust")).to.equal('st johns community trust');
    expect(normaliseName('St John’s Community Trust')).to.equal('st johns community trust');
    expect(findSignatory(feed, { name: 'ST JOHNS COMMUNITY TRUST' })?.signatory.id).to.equal('GB-CHC-1234567');
    expect(findSignatory(feed, { name: 'Ymddiriedolaeth Gymunedol Sant Ioan' })?.signatory.id).to.equal('GB-CHC-1234567');
    expect(findSignatory(feed, { name: 'cor meibion testshire' })?.by).to.equal('name');
    expect(findSignatory(feed, { name: 'St John' })).to.equal(undefined, 'whole names only');
    expect(findSignatory(feed, { name: '   ' })).to.equal(undefined);
  });

  it('matches the org-id exactly', () => {
    expect(findSignatory(feed, { orgId: 'GB-SC-SC012345' })).to.deep.include({ by: 'id' });
    expect(findSignatory(feed, { orgId: 'GB-SC-SC012346' })).to.equal(undefined);
  });
});

describe('validators', () => {
  const valid: PledgeValues = {
    ...EMPTY_VALUES,
    orgName: 'Org',
    registered: 'none',
    sector: 'voluntary',
    type: 'charity',
    contactName: 'A Person',
    contactEmail: 'a@example.org',
  };

  it('are small objects with a name, a test and a message', () => {
    for (const validators of Object.values(VALIDATORS)) {
      for (const v of validators) {
        expect(v.name).to.be.a('string');
        expect(v.test).to.be.a('function');
        expect(v.message(valid)).to.be.a('string').and.have.length.greaterThan(10);
      }
    }
  });

  it('a valid form has no errors; each rule fails on its own', () => {
    expect(validateForm(valid).size).to.equal(0);
    const fails = (change: Partial<PledgeValues>, field: keyof PledgeValues) =>
      validateField(field, { ...valid, ...change })?.message({ ...valid, ...change });
    expect(fails({ orgName: '  ' }, 'orgName')).to.equal('Enter the name of your organisation');
    expect(fails({ orgName: 'x'.repeat(201) }, 'orgName')).to.equal('Name of your organisation must be 200 characters or fewer');
    expect(fails({ registered: 'coh', regNumber: '' }, 'regNumber')).to.equal('Enter your company number');
    expect(fails({ sector: 'public', type: '' }, 'type')).to.equal('Select the type of organisation');
    expect(fails({ website: 'javascript:alert(1)' }, 'website')).to.contain('correct format');
    expect(fails({ website: 'charity' }, 'website')).to.contain('correct format');
    expect(fails({ contactEmail: 'a@b' }, 'contactEmail')).to.contain('correct format');
    expect(fails({ championRole: 'Trustee' }, 'championName')).to.contain('Compact Champion');
    expect(fails({ pledge: '😀'.repeat(500) }, 'pledge')).to.equal(undefined, 'an emoji counts as one character');
  });

  it('website: what people type becomes an https address; other schemes are refused', () => {
    expect(websiteUrl('www.example.org')).to.equal('https://www.example.org/');
    expect(websiteUrl('http://example.org/about')).to.equal('http://example.org/about');
    expect(websiteUrl('data:text/html,hi')).to.equal(undefined);
    expect(websiteUrl('')).to.equal(undefined);
  });

  it('builds the body without empty optional answers; revives only well-typed drafts', () => {
    const out = toBody({ ...valid, contactRole: ' ', championRole: 'Chair' }, 'c', 'cy');
    expect(out).to.deep.equal({
      compactId: 'c',
      organisation: { name: 'Org', id: undefined, sector: 'voluntary', type: 'charity', url: undefined },
      contact: { name: 'A Person', email: 'a@example.org', role: undefined },
      champion: undefined,
      pledge: undefined,
      consent: { publish: false, contact: false },
      locale: 'cy',
    });
    expect(JSON.parse(JSON.stringify(out)).organisation).to.deep.equal({ name: 'Org', sector: 'voluntary', type: 'charity' });
    expect(reviveValues({ orgName: 'X', consentPublish: 'yes', evil: 1 })).to.deep.equal({ ...EMPTY_VALUES, orgName: 'X' });
    expect(reviveValues('nonsense')).to.equal(undefined);
  });
});
