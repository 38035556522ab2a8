// The JSON Schema (schema/compact-feed-v1.schema.json) and the validator (checkFeed) must say the
// same thing: every sample feed passes both, and each bad fixture below is rejected by both.
// Run after `npm run build` (it reads dist/lib/feed/index.js): `node --test test/node/`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';

const root = new URL('../../', import.meta.url);
const built = new URL('dist/lib/feed/index.js', root);
if (!existsSync(built)) throw new Error('dist/lib/feed/index.js is missing: run "npm run build" first');
const { checkFeed, isIsoDate, isIsoDateTime, isLanguageTag, safeHttpUrl } = await import(built.href);

const schema = JSON.parse(readFileSync(new URL('schema/compact-feed-v1.schema.json', root), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateSchema = ajv.compile(schema);

const schemaErrors = (feed) =>
  validateSchema(feed) ? [] : validateSchema.errors.map((e) => `${e.instancePath || '/'} ${e.message}`);

/** A valid feed using every property of the spec. */
function fullFeed() {
  return {
    feedVersion: '1.0',
    updated: '2026-11-02T09:30:00Z',
    compact: {
      id: 'gwynedd',
      name: { en: 'The Gwynedd Compact', cy: 'Compact Gwynedd' },
      area: 'Gwynedd',
      summary: { en: 'How we work together.', cy: 'Sut rydym yn cydweithio.' },
      url: 'https://compact.example.gov.uk/',
      document: 'https://compact.example.gov.uk/compact.pdf',
      adopted: '2008-10-01',
      reviewDue: '2027-03-31',
      defaultLanguage: 'cy',
      timeZone: 'Europe/London',
      consultationWeeks: 12,
      sectors: { public: 'Public sector', voluntary: { en: 'Third sector', cy: 'Trydydd sector' } },
      principles: [{ id: 'respect', title: 'Mutual respect', text: 'We respect each other.' }],
      commitments: [
        { id: 'p1', by: 'public', text: 'Consult for 12 weeks.' },
        { id: 'j1', by: 'joint', text: 'Review every year.' },
      ],
      contact: { name: 'Compact officer', email: 'compact@example.gov.uk', phone: '01234 567890', url: 'https://compact.example.gov.uk/contact' },
    },
    signatories: [
      {
        id: 'GB-LAW-GWN',
        name: { en: 'Gwynedd Council', cy: 'Cyngor Gwynedd' },
        sector: 'public',
        type: 'local-authority',
        signed: '2008-10-01',
        url: 'https://www.example.gov.uk/',
        logo: 'https://www.example.gov.uk/logo.png',
        pledge: 'We will consult early.',
        champion: { name: 'Alex Jones', role: 'Cabinet member' },
      },
      { id: 'GB-CHC-1234567', name: 'Example CVC', sector: 'voluntary' },
    ],
    actionPlan: {
      title: 'Action plan',
      period: { start: '2024-04-01', end: '2027-03-31' },
      updated: '2026-10-01T12:00:00+01:00',
      aims: [
        {
          id: 'communication',
          title: 'Communication',
          actions: [
            {
              id: 'a1',
              title: 'Publish a protocol',
              description: 'So that we all talk to each other.',
              lead: 'GB-LAW-GWN',
              timescale: 'by March 2025',
              due: '2025-03-31',
              status: 'complete',
              progress: 100,
              updates: [{ date: '2025-03-20', text: 'Published.' }],
            },
            { id: 'a2', title: 'Compact week', lead: ['GB-LAW-GWN', 'Example CVC'], status: 'in-progress', progress: 40 },
          ],
        },
      ],
    },
    consultations: [
      {
        id: 'budget',
        title: 'Budget 2027',
        summary: 'Have your say.',
        owner: 'GB-LAW-GWN',
        url: 'https://www.example.gov.uk/budget',
        opens: '2026-10-05',
        closes: '2027-01-12T23:59:00+00:00',
        shorterBecause: 'A statutory deadline.',
      },
    ],
    pledge: {
      endpoint: 'https://compact.example.gov.uk/api/pledges',
      privacyNotice: 'https://compact.example.gov.uk/privacy',
      statement: 'We sign up to the compact.',
    },
  };
}

const minimal = () => ({ feedVersion: '1', compact: { id: 'x', name: 'X' } });

/** [what is wrong, change to the full feed]: each must be rejected by the schema AND the validator. */
const BAD = [
  ['feedVersion missing', (f) => delete f.feedVersion],
  ['feedVersion 2.0', (f) => (f.feedVersion = '2.0')],
  ['feedVersion a number', (f) => (f.feedVersion = 1)],
  ['feedVersion v1', (f) => (f.feedVersion = 'v1')],
  ['compact missing', (f) => delete f.compact],
  ['compact.id missing', (f) => delete f.compact.id],
  ['compact.id empty', (f) => (f.compact.id = '')],
  ['compact.id a number', (f) => (f.compact.id = 5)],
  ['compact.name missing', (f) => delete f.compact.name],
  ['compact.name empty object', (f) => (f.compact.name = {})],
  ['compact.name entry not text', (f) => (f.compact.name.cy = 5)],
  ['compact.name empty string', (f) => (f.compact.name = '')],
  ['compact.area a number', (f) => (f.compact.area = 3)],
  ['compact.url javascript:', (f) => (f.compact.url = 'javascript:alert(1)')],
  ['compact.url relative', (f) => (f.compact.url = '/compact')],
  ['compact.document data:', (f) => (f.compact.document = 'data:application/pdf;base64,AA')],
  ['compact.url leading space', (f) => (f.compact.url = ' https://example.org/')],
  ['compact.adopted not a real date', (f) => (f.compact.adopted = '2026-02-30')],
  ['compact.reviewDue wrong format', (f) => (f.compact.reviewDue = '31/03/2027')],
  ['compact.defaultLanguage not a tag', (f) => (f.compact.defaultLanguage = 'English')],
  ['compact.timeZone not a string', (f) => (f.compact.timeZone = 1)],
  ['compact.consultationWeeks a string', (f) => (f.compact.consultationWeeks = '12')],
  ['compact.consultationWeeks zero', (f) => (f.compact.consultationWeeks = 0)],
  ['compact.sectors not an object', (f) => (f.compact.sectors = 'third')],
  ['compact.principles not a list', (f) => (f.compact.principles = {})],
  ['principle without title', (f) => delete f.compact.principles[0].title],
  ['commitment with bad by', (f) => (f.compact.commitments[0].by = 'both')],
  ['commitment without text', (f) => delete f.compact.commitments[0].text],
  ['contact.email not an address', (f) => (f.compact.contact.email = 'compact office')],
  ['contact.url ftp:', (f) => (f.compact.contact.url = 'ftp://example.org/')],
  ['signatories not a list', (f) => (f.signatories = { a: 1 })],
  ['signatory not an object', (f) => f.signatories.push('Example')],
  ['signatory without id', (f) => delete f.signatories[0].id],
  ['signatory without name', (f) => delete f.signatories[1].name],
  ['signatory without sector', (f) => delete f.signatories[1].sector],
  ['signatory sector private', (f) => (f.signatories[1].sector = 'private')],
  ['signatory url javascript:', (f) => (f.signatories[0].url = 'javascript:alert(1)')],
  ['signatory logo data:', (f) => (f.signatories[0].logo = 'data:image/png;base64,AA')],
  ['signatory signed with a time', (f) => (f.signatories[0].signed = '2008-10-01T00:00:00Z')],
  ['signatory type not text', (f) => (f.signatories[0].type = ['charity'])],
  ['champion without name', (f) => delete f.signatories[0].champion.name],
  ['actionPlan without aims', (f) => delete f.actionPlan.aims],
  ['actionPlan.period without end', (f) => delete f.actionPlan.period.end],
  ['actionPlan.updated without offset', (f) => (f.actionPlan.updated = '2026-10-01T12:00:00')],
  ['aim without actions', (f) => delete f.actionPlan.aims[0].actions],
  ['action without status', (f) => delete f.actionPlan.aims[0].actions[0].status],
  ['action status done', (f) => (f.actionPlan.aims[0].actions[0].status = 'done')],
  ['action progress 150', (f) => (f.actionPlan.aims[0].actions[0].progress = 150)],
  ['action progress -1', (f) => (f.actionPlan.aims[0].actions[0].progress = -1)],
  ['action progress a string', (f) => (f.actionPlan.aims[0].actions[0].progress = '50')],
  ['action lead a number', (f) => (f.actionPlan.aims[0].actions[0].lead = 3)],
  ['action lead list with a number', (f) => (f.actionPlan.aims[0].actions[1].lead = ['a', 3])],
  ['action due not a date', (f) => (f.actionPlan.aims[0].actions[0].due = 'March 2025')],
  ['update without date', (f) => delete f.actionPlan.aims[0].actions[0].updates[0].date],
  ['consultation without opens', (f) => delete f.consultations[0].opens],
  ['consultation without title', (f) => delete f.consultations[0].title],
  ['consultation closes without offset', (f) => (f.consultations[0].closes = '2027-01-12T23:59:00')],
  ['consultation opens not a date', (f) => (f.consultations[0].opens = 'next week')],
  ['consultation url javascript:', (f) => (f.consultations[0].url = 'javascript:alert(1)')],
  ['pledge without privacyNotice', (f) => delete f.pledge.privacyNotice],
  ['pledge endpoint javascript:', (f) => (f.pledge.endpoint = 'javascript:alert(1)')],
  ['pledge endpoint with a password', (f) => (f.pledge.endpoint = 'https://user:pass@compact.example.gov.uk/api/pledges')],
  ['pledge endpoint that reads like the council\'s', (f) => (f.pledge.endpoint = 'http://council.gov.uk@evil.example/api')],
  ['signatory url with a user name', (f) => (f.signatories[0].url = 'https://admin@www.example.gov.uk/')],
  ['signatory logo with a backslash', (f) => (f.signatories[0].logo = 'https://www.example.gov.uk\\@evil.example/l.png')],
  ['compact.url with a bidi control', (f) => (f.compact.url = 'https://compact.example.gov.uk/\u202egnp.exe')],
  ['pledge statement a number', (f) => (f.pledge.statement = 1)],
  ['updated without offset', (f) => (f.updated = '2026-11-02T09:30:00')],
  ['updated a date only', (f) => (f.updated = '2026-11-02')],
  ['optional property null', (f) => (f.compact.summary = null)],
];

describe('JSON Schema', () => {
  it('is a valid draft 2020-12 schema', () => {
    assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts the full and the minimal feed, as does the validator', () => {
    for (const feed of [fullFeed(), minimal()]) {
      assert.deepEqual(schemaErrors(feed), []);
      assert.deepEqual(checkFeed(feed).problems, []);
    }
  });

  it('allows unknown properties, as does the validator', () => {
    const feed = fullFeed();
    feed.publisher = 'Gwynedd Council';
    feed.compact.colour = 'green';
    feed.signatories[0].twitter = '@gwynedd';
    assert.deepEqual(schemaErrors(feed), []);
    assert.equal(checkFeed(feed).valid, true);
  });
});

describe('sample feeds in demo/feeds', () => {
  const dir = new URL('demo/feeds/', root);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  if (files.length === 0) it('(no sample feeds yet)', { skip: 'demo/feeds/*.json is empty' }, () => {});
  for (const file of files) {
    it(`${file} passes the schema and the strict validator`, () => {
      const feed = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      assert.deepEqual(schemaErrors(feed), [], `schema errors in ${file}`);
      const r = checkFeed(feed);
      assert.deepEqual(r.problems.map((p) => `${p.path}: ${p.message}`), [], `validator problems in ${file}`);
      assert.equal(r.valid, true);
    });
  }
});

describe('schema and validator agree on bad feeds', () => {
  it('both reject: not an object', () => {
    for (const doc of [[], 'feed', 1, null]) {
      assert.notDeepEqual(schemaErrors(doc), []);
      assert.equal(checkFeed(doc).failure.code, 'not-object');
    }
  });

  for (const [what, change] of BAD) {
    it(`both reject: ${what}`, () => {
      const feed = fullFeed();
      change(feed);
      assert.notDeepEqual(schemaErrors(feed), [], 'the schema accepts it');
      const r = checkFeed(feed);
      assert.equal(r.valid, false, 'the validator accepts it');
      assert.ok(r.failure || r.problems.length > 0);
    });
  }
});

describe('schema patterns agree with the validator', () => {
  const defs = schema.$defs;
  const re = (def) => new RegExp(def.pattern, 'u');
  const pad = (n, w) => String(n).padStart(w, '0');
  const dateLike = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

  it('Date: the pattern and isIsoDate accept exactly the same strings', () => {
    const date = re(defs.Date);
    for (const s of ['2024-02-29', '2000-02-29', '1900-02-29', '2023-02-29', '0000-02-29', '2026-04-31']) {
      assert.equal(date.test(s), isIsoDate(s), s);
    }
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string()), (s) => date.test(s) === isIsoDate(s)),
      { numRuns: 5000 },
    );
  });

  it('DateTime: the pattern and isIsoDateTime accept exactly the same strings', () => {
    const dateTime = re(defs.DateTime);
    const time = fc
      .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }))
      .map(([h, m, s]) => `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`);
    const offset = fc.oneof(
      fc.constantFrom('Z', 'z', '', '+0100', '+01'),
      fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(
        ([s, h, m]) => `${s}${pad(h, 2)}:${pad(m, 2)}`,
      ),
    );
    const dateTimeLike = fc
      .tuple(dateLike, fc.constantFrom('T', 't', ' '), time, fc.constantFrom('', '.5', '.123456', '.'), offset)
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(dateTimeLike, fc.string()), (s) => dateTime.test(s) === isIsoDateTime(s)),
      { numRuns: 5000 },
    );
  });

  it('defaultLanguage: the pattern and isLanguageTag (which the widgets and the server both use) accept the same strings', () => {
    const tag = re(defs.Compact.properties.defaultLanguage);
    const tagLike = fc
      .tuple(fc.stringMatching(/^[A-Za-z0-9_]{1,4}$/), fc.array(fc.stringMatching(/^[-_][A-Za-z0-9]{0,9}$/), { maxLength: 3 }))
      .map(([first, rest]) => first + rest.join(''));
    for (const s of ['en', 'cy-GB', 'gd-Latn-GB', 'EN', 'e', 'english', 'cy_GB', 'cy-', '']) assert.equal(tag.test(s), isLanguageTag(s), s);
    fc.assert(fc.property(fc.oneof(tagLike, fc.string()), (s) => tag.test(s) === isLanguageTag(s)), { numRuns: 5000 });
  });

  it('Url: whatever safeHttpUrl accepts, the pattern accepts; what the pattern refuses, safeHttpUrl refuses', () => {
    const url = re(defs.Url);
    const urlLike = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc
        .tuple(fc.constantFrom('http://', 'https://', 'HTTP://', 'javascript:', ' https://', 'http:/', 'data:', ''), fc.string())
        .map(([a, b]) => a + b),
      fc
        .tuple(fc.constantFrom('https://', 'http://u:p@', 'https://a@'), fc.webUrl().map((u) => u.replace(/^https?:\/\//, '')), fc.constantFrom('', '@evil.example', '\\@x', '/@y'))
        .map(([a, b, c]) => a + b + c),
    );
    fc.assert(
      fc.property(urlLike, (s) => (safeHttpUrl(s) === undefined ? true : url.test(s))),
      { numRuns: 5000 },
    );
    for (const bad of [
      'javascript:alert(1)',
      ' https://x.example/',
      'java\nscript:x',
      'https://',
      'http:///x',
      '//x.example/',
      'https://user:pass@x.example/',
      'http://council.gov.uk@evil.example/',
      'https://@x.example/',
      'https://x.example\\y',
      'https:x.example',
      'https://x.example/\u2066',
    ]) {
      assert.equal(url.test(bad), false, bad);
      assert.equal(safeHttpUrl(bad), undefined, bad);
    }
  });
});
