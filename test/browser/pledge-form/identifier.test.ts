import { expect } from '@open-wc/testing';
import { findSignatory, toOrgId } from '../../../src/pledge-form/identifier.js';
import type { RegisterKind } from '../../../src/pledge-form/values.js';
import { normaliseName } from '../../../src/feed/text-match.js';
import { validateField, validateForm, VALIDATORS } from '../../../src/pledge-form/validators.js';
import { reviveValues, toBody, websiteUrl } from '../../../src/pledge-form/body.js';
import { EMPTY_VALUES, type PledgeValues } from '../../../src/pledge-form/values.js';
import { checkFeed } from '../../../src/feed/validate.js';
import { sampleFeed } from '../../helpers/feeds.js';
import type { CompactFeed, LocalizedText, Signatory } from '../../../src/feed/types.js';

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

  /** The matching as it was before the index: every signatory's every name, normalised per query. */
  function reference(f: CompactFeed, query: { name?: string; orgId?: string }) {
    const all = (t: LocalizedText) => (typeof t === 'string' ? [t] : Object.values(t));
    const wanted = query.name ? normaliseName(query.name) : '';
    if (wanted) {
      const s = f.signatories.find((x) => all(x.name).some((n) => normaliseName(n) === wanted));
      if (s) return { signatory: s, by: 'name' };
    }
    if (query.orgId) {
      const s = f.signatories.find((x) => x.id === query.orgId);
      if (s) return { signatory: s, by: 'id' };
    }
    return undefined;
  }

  it('the indexed lookup answers exactly as matching every signatory did (first in feed order wins)', () => {
    const signatory = (id: string, name: LocalizedText): Signatory => ({ id, name, sector: 'voluntary' });
    const many: CompactFeed = {
      ...feed,
      signatories: [
        signatory('GB-CHC-1000001', 'Leigh Larder'),
        signatory('GB-CHC-1000002', { en: 'LEIGH LARDER!', cy: 'Pantri Leigh' }), // same name, second: never matched by name
        signatory('GB-CHC-1000003', { en: 'Two Names Trust', cy: 'Ymddiriedolaeth Dau Enw' }),
        signatory('GB-CHC-1000001', 'Duplicate id'), // same id, second: never matched by id
        signatory('GB-CHC-1000004', '!!!'), // normalises to nothing
        ...Array.from({ length: 500 }, (_, i) => signatory(`GB-COH-${String(i).padStart(8, '0')}`, `Group ${i}`)),
      ],
    };
    const queries = [
      { name: 'leigh larder' },
      { name: 'Pantri  Leigh' },
      { name: 'ymddiriedolaeth dau enw', orgId: 'GB-CHC-1000001' },
      { name: 'Nobody', orgId: 'GB-CHC-1000001' },
      { name: 'Nobody', orgId: 'GB-CHC-9999999' },
      { name: '!!!' },
      { name: '' },
      { orgId: '' },
      {},
      { name: 'group 499' },
      { name: 'Group 12', orgId: 'GB-COH-00000013' },
      { orgId: 'GB-COH-00000250' },
    ];
    for (const query of queries) {
      expect(findSignatory(many, query), JSON.stringify(query)).to.deep.equal(reference(many, query));
      expect(findSignatory(many, query), `${JSON.stringify(query)}, from the index`).to.deep.equal(reference(many, query));
    }
    for (const query of [{ name: 'st johns community trust' }, { orgId: 'GB-SC-SC012345' }, { name: 'Leigh Larder' }]) {
      expect(findSignatory(feed, query), `the sample feed has its own index: ${JSON.stringify(query)}`).to.deep.equal(reference(feed, query));
    }
  });

  // Speed is for the benchmark, not a timed test; this checks the per-feed index gives right answers.
  it('looks up in a large compact through its per-feed index', () => {
    const big: CompactFeed = {
      ...feed,
      signatories: Array.from({ length: 10_000 }, (_, i) => ({
        id: `GB-CHC-${1_000_000 + i}`,
        name: { en: `Community Organisation Number ${i}`, cy: `Sefydliad Cymunedol Rhif ${i}` },
        sector: 'voluntary' as const,
      })),
    };
    expect(findSignatory(big, { name: 'warm up' })).to.equal(undefined);
    expect(findSignatory(big, { name: 'Community Organisation Number 42' })?.signatory.id).to.equal('GB-CHC-1000042');
    expect(findSignatory(big, { name: 'sefydliad cymunedol rhif 9999' })?.signatory.id).to.equal('GB-CHC-1009999');
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

  it('revives a corrupt draft as far as it makes sense: choices only with values the form offers', () => {
    expect(reviveValues({ orgName: 'X', sector: 'joint', type: 'charity', registered: 'nope' })).to.deep.equal({
      ...EMPTY_VALUES,
      orgName: 'X',
    });
    for (const sector of ['__proto__', 'constructor', 'toString', 'Voluntary']) {
      expect(reviveValues({ sector })?.sector, sector).to.equal('');
    }
    expect(reviveValues({ sector: 'public', type: 'charity' })).to.deep.include({ sector: 'public', type: '' });
    expect(reviveValues({ sector: 'public', type: 'police' })).to.deep.include({ sector: 'public', type: 'police' });
    expect(reviveValues({ sector: '', type: 'charity' })).to.deep.include({ sector: '', type: '' });
    expect(reviveValues({ registered: 'sc', regNumber: 'SC012345' })).to.deep.include({ registered: 'sc', regNumber: 'SC012345' });
    expect(reviveValues({ registered: 'none' })?.registered).to.equal('none');
    expect(reviveValues({ registered: 'hasOwnProperty' })?.registered).to.equal('');
    expect(reviveValues([])).to.deep.equal(EMPTY_VALUES);
  });
});
