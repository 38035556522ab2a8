import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as validator from '../../../src/feed/validate.js';
import type { FeedCheck } from '../../../src/feed/validate.js';
import type { FeedProblem } from '../../../src/feed/types.js';
import { minimalFeed, sampleFeed } from './sample-feed.js';
import { expectSameReading, expectSameTextReading } from './same-reading.js';

// Every feed these tests read is also read the way the widgets read it: the short way for a clean
// feed must give the same model, and must not be taken for a feed with any problem.
function checkFeed(value: unknown): FeedCheck {
  const r = validator.checkFeed(value);
  expectSameReading(value, r);
  return r;
}
function checkFeedText(text: string): FeedCheck {
  const r = validator.checkFeedText(text);
  if (typeof text === 'string') expectSameTextReading(text, r);
  return r;
}

type Raw = Record<string, any>;

/** checkFeed of the sample feed after `change`. */
function checkWith(change: (feed: Raw) => void, base: () => Raw = sampleFeed): FeedCheck {
  const feed = base();
  change(feed);
  return checkFeed(feed);
}

/** Asserts exactly one problem at `path`, with that action (and message part), and returns it. */
function expectProblem(r: FeedCheck, path: string, action: FeedProblem['action'], text?: string): FeedProblem {
  const found = r.problems.filter((p) => p.path === path);
  expect(found, `problems at ${path}: ${JSON.stringify(r.problems)}`).to.have.length(1);
  const problem = found[0]!;
  expect(problem.action).to.equal(action);
  if (text) expect(problem.message).to.contain(text);
  expect(r.valid).to.equal(false);
  return problem;
}

function expectOnlyProblem(r: FeedCheck, path: string, action: FeedProblem['action'], text?: string) {
  expect(r.problems.map((p) => p.path)).to.deep.equal([path]);
  return expectProblem(r, path, action, text);
}

const BAD_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'ftp://example.org/file',
  '/relative/path',
  '//example.org/x',
  'www.example.org',
  'https://',
  'https://exa mple.org/',
  'https://user:pass@example.org/',
  'http://council.gov.uk@evil.example/',
  'https://council.gov.uk\\@evil.example/',
  'https:evil.example',
  '',
  5,
  null,
];

describe('checkFeed: a valid feed', () => {
  it('reads the full sample feed with no problems (strict view valid)', () => {
    const r = checkFeed(sampleFeed());
    expect(r.problems).to.deep.equal([]);
    expect(r.failure).to.equal(undefined);
    expect(r.valid).to.equal(true);
    expect(r.feed).to.not.equal(null);
  });

  it('normalises the sample feed property for property', () => {
    const raw = sampleFeed();
    const feed = checkFeed(raw).feed!;
    expect(feed.feedVersion).to.equal('1.0');
    expect(feed.updated).to.equal(raw.updated);
    expect(feed.compact).to.deep.equal(raw.compact);
    expect(feed.signatories).to.deep.equal(raw.signatories);
    expect(feed.pledge).to.deep.equal(raw.pledge);
    const [a1, a2] = feed.actionPlan!.aims[0]!.actions;
    expect(a1!.lead).to.deep.equal(['GB-LAW-GWN']);
    expect(a2!.lead).to.deep.equal(['GB-LAW-GWN', 'Example CVC']);
    expect(a2!.updates).to.deep.equal([]);
    expect(feed.actionPlan!.aims[1]!.actions[0]).to.deep.equal({
      id: 'a1',
      title: 'Recruit 50 new signatories',
      status: 'not-started',
      lead: [],
      updates: [],
    });
    expect(feed.actionPlan!.period).to.deep.equal(raw.actionPlan.period);
    expect(feed.actionPlan!.title).to.deep.equal(raw.actionPlan.title);
    expect(feed.actionPlan!.updated).to.equal(raw.actionPlan.updated);
    expect(feed.consultations.map((c) => c.id)).to.deep.equal(['budget-2027', 'libraries']);
    expect(feed.consultations[0]).to.include({
      summary: raw.consultations[0].summary,
      owner: 'GB-LAW-GWN',
      url: 'https://www.example.gov.uk/budget',
      opens: '2026-10-05',
      closes: '2027-01-12T23:59:00+00:00',
      opensAt: Date.parse('2026-10-04T23:00:00Z'), // 00:00 BST
      closesAt: Date.parse('2027-01-12T23:59:00Z'),
    });
    expect(feed.consultations[1]!.shorterBecause).to.equal('The contract ends in December.');
  });

  it('reads the smallest feed: feedVersion and a compact with id and name', () => {
    const r = checkFeed(minimalFeed());
    expect(r.valid).to.equal(true);
    expect(r.feed).to.deep.equal({
      feedVersion: '1',
      compact: {
        id: 'x',
        name: 'X',
        defaultLanguage: 'en',
        timeZone: 'Europe/London',
        consultationWeeks: 12,
        principles: [],
        commitments: [],
      },
      signatories: [],
      consultations: [],
    });
  });

  it('does not change its input', () => {
    const raw = sampleFeed();
    raw.signatories.push({ id: 'bad', name: 'Bad', sector: 'private' });
    const copy = JSON.parse(JSON.stringify(raw));
    checkFeed(raw);
    expect(raw).to.deep.equal(copy);
  });
});

describe('checkFeed: whole-feed failures', () => {
  it('not JSON → not-json', () => {
    for (const text of ['', '{', 'not json', '<!doctype html><p>Not found', '{"feedVersion": "1",}']) {
      const r = checkFeedText(text);
      expect(r.feed).to.equal(null);
      expect(r.valid).to.equal(false);
      expect(r.failure!.code).to.equal('not-json');
      expect(r.failure!.message).to.contain('not valid JSON');
      expect(r.problems).to.have.length(1);
      expect(r.problems[0]).to.include({ path: '$', action: 'rejected-feed' });
    }
  });

  it('a JSON syntax error says the line and column, as an editor shows them', () => {
    const text = '{\n  "feedVersion": "1.0",\n  "compact": { "id": "x", "name": "X" }\n  "signatories": []\n}';
    const r = checkFeedText(text);
    expect(r.failure!.message).to.match(/line 4,? column 3\b/);
    expect(checkFeedText('').failure!.message).to.match(/line 1,? column 1\b/);
    expect(checkFeedText('\uFEFF{"a": }').failure!.message).to.match(/line 1,? column 7\b/);
  });

  it('finds the first syntax error exactly, whatever JSON.parse says about it', () => {
    const cases: [string, number, number][] = [
      ['{"a":1,}', 1, 8],
      ['[1,2', 1, 5],
      ['{"a": tru}', 1, 7],
      ['{"a":\n  "b\u0001"}', 2, 5],
      ['{"a":"\\x"}', 1, 8],
      ['{"a":1}\n\n  x', 3, 3],
      ['{"a":[1,{"b":[true,false,null,-1.5e3]}]]', 1, 40],
      ['\r\n\r\n{,}', 3, 2],
      ["{'a':1}", 1, 2],
      ['[' .repeat(100000), 1, 100001],
    ];
    for (const [text, line, column] of cases) {
      const r = checkFeedText(text);
      expect(r.failure?.code, text.slice(0, 40)).to.equal('not-json');
      expect(r.failure!.message, text.slice(0, 40)).to.contain(`(line ${line}, column ${column})`);
    }
  });

  it('checkFeedText reads good JSON, and ignores a byte-order mark', () => {
    expect(checkFeedText(JSON.stringify(sampleFeed())).valid).to.equal(true);
    expect(checkFeedText('\uFEFF' + JSON.stringify(minimalFeed())).valid).to.equal(true);
  });

  it('not an object → not-object', () => {
    for (const value of [null, [], [minimalFeed()], 1, 'feed', true, undefined]) {
      const r = checkFeed(value);
      expect(r.feed).to.equal(null);
      expect(r.failure!.code).to.equal('not-object');
      expect(r.problems[0]).to.include({ path: '$', action: 'rejected-feed' });
    }
    expect(checkFeedText('[]').failure!.code).to.equal('not-object');
    expect(checkFeedText('"x"').failure!.code).to.equal('not-object');
  });

  it('no compact → no-compact (missing, not an object, bad id, bad name)', () => {
    const cases: [(f: Raw) => void, string][] = [
      [(f) => delete f.compact, '$.compact'],
      [(f) => (f.compact = 'Gwynedd'), '$.compact'],
      [(f) => (f.compact = [f.compact]), '$.compact'],
      [(f) => (f.compact = null), '$.compact'],
      [(f) => delete f.compact.id, '$.compact.id'],
      [(f) => (f.compact.id = ''), '$.compact.id'],
      [(f) => (f.compact.id = '   '), '$.compact.id'],
      [(f) => (f.compact.id = 7), '$.compact.id'],
      [(f) => delete f.compact.name, '$.compact.name'],
      [(f) => (f.compact.name = ''), '$.compact.name'],
      [(f) => (f.compact.name = {}), '$.compact.name'],
      [(f) => (f.compact.name = { en: 5 }), '$.compact.name'],
      [(f) => (f.compact.name = ['The compact']), '$.compact.name'],
    ];
    for (const [change, path] of cases) {
      const r = checkWith(change);
      expect(r.feed, path).to.equal(null);
      expect(r.failure!.code).to.equal('no-compact');
      expect(r.failure!.message).to.contain('compact');
      expect(r.problems.find((p) => p.path === path)?.action, path).to.equal('rejected-feed');
    }
  });

  it('still lists every other problem when the compact is unusable', () => {
    const r = checkWith((f) => {
      delete f.compact.name;
      f.signatories[1].url = 'javascript:alert(1)';
    });
    expect(r.failure!.code).to.equal('no-compact');
    expect(r.problems.map((p) => p.path)).to.deep.equal(['$.compact.name', '$.signatories[1].url']);
  });

  describe('feedVersion', () => {
    for (const version of ['1', '1.0', '1.1', '1.2.3', '1.x', '1.0-beta']) {
      it(`accepts "${version}"`, () => {
        const r = checkWith((f) => (f.feedVersion = version));
        expect(r.valid).to.equal(true);
        expect(r.feed!.feedVersion).to.equal(version);
      });
    }

    it('rejects another major version with a clear message and the version as detail', () => {
      const r = checkWith((f) => (f.feedVersion = '2.0'));
      expect(r.feed).to.equal(null);
      expect(r.failure).to.deep.equal({
        code: 'unsupported-version',
        message: 'This feed is version 2.0; these widgets read version 1.x',
        detail: '2.0',
      });
      expect(r.problems).to.deep.equal([
        { path: '$.feedVersion', message: r.failure!.message, action: 'rejected-feed' },
      ]);
    });

    for (const version of ['2', '0.9', '10.0', '11', 3]) {
      it(`rejects version ${JSON.stringify(version)} as unsupported`, () => {
        const r = checkWith((f) => (f.feedVersion = version));
        expect(r.feed).to.equal(null);
        expect(r.failure!.code).to.equal('unsupported-version');
        expect(r.failure!.detail).to.equal(String(version));
        expect(r.failure!.message).to.equal(`This feed is version ${version}; these widgets read version 1.x`);
      });
    }

    it('a missing feedVersion fails the feed (unsupported-version, empty detail)', () => {
      const r = checkWith((f) => delete f.feedVersion);
      expect(r.feed).to.equal(null);
      expect(r.failure!.code).to.equal('unsupported-version');
      expect(r.failure!.detail).to.equal('');
      expect(r.failure!.message).to.contain('no feedVersion');
      expect(r.problems[0]).to.include({ path: '$.feedVersion', action: 'rejected-feed' });
    });

    for (const version of ['', 'v1', 'one', ' 1.0', '1.0 ', '01', true, null, {}, ['1']]) {
      it(`an unreadable feedVersion ${JSON.stringify(version)} fails the feed`, () => {
        const r = checkWith((f) => (f.feedVersion = version));
        expect(r.feed).to.equal(null);
        expect(r.failure!.code).to.equal('unsupported-version');
        expect(r.failure!.message).to.contain('these widgets read version 1.x');
        expect(r.problems[0]).to.include({ path: '$.feedVersion', action: 'rejected-feed' });
      });
    }

    it('reads a number 1 / 1.x (forgotten quotes) as that version, with a problem', () => {
      const r = checkWith((f) => (f.feedVersion = 1));
      expect(r.feed!.feedVersion).to.equal('1');
      expectOnlyProblem(r, '$.feedVersion', 'defaulted', 'in quotes');
      expect(checkWith((f) => (f.feedVersion = 1.2)).feed!.feedVersion).to.equal('1.2');
    });

    it('checks the version before anything else', () => {
      const r = checkFeed({ feedVersion: '2.0', compact: 'something else entirely' });
      expect(r.failure!.code).to.equal('unsupported-version');
      expect(r.problems).to.have.length(1);
    });
  });
});

describe('checkFeed: conventions', () => {
  describe('unknown properties', () => {
    it('are ignored silently at every level and not copied', () => {
      const r = checkWith((f) => {
        f.extra = 1;
        f.compact.x = { y: 2 };
        f.compact.contact.fax = '0123';
        f.compact.principles[0].note = 'n';
        f.signatories[0].twitter = '@council';
        f.signatories[0].champion.email = 'a@b';
        f.actionPlan.owner = 'x';
        f.actionPlan.aims[0].colour = 'red';
        f.actionPlan.aims[0].actions[0].budget = 1000;
        f.actionPlan.aims[0].actions[0].updates[0].by = 'x';
        f.consultations[0].opensAt = 'whatever';
        f.pledge.method = 'POST';
      });
      expect(r.problems).to.deep.equal([]);
      expect(r.valid).to.equal(true);
      const feed = r.feed as any;
      expect(feed.extra).to.equal(undefined);
      expect(feed.compact.x).to.equal(undefined);
      expect(feed.signatories[0].twitter).to.equal(undefined);
      expect(feed.actionPlan.aims[0].actions[0].budget).to.equal(undefined);
      expect(feed.consultations[0].opensAt).to.be.a('number');
      expect(feed.pledge.method).to.equal(undefined);
    });

    it('are listed as warnings, at every level, without changing the feed or its validity', () => {
      const r = checkWith((f) => {
        f.extra = 1;
        f.compact.x = { y: 2 };
        f.compact.contact.fax = '0123';
        f.compact.principles[0].note = 'n';
        f.compact.commitments[0].by2 = 'x';
        f.compact.sectors.third = 'x';
        f.signatories[0].twitter = '@council';
        f.signatories[0].champion.email = 'a@b';
        f.actionPlan.owner = 'x';
        f.actionPlan.period.length = 5;
        f.actionPlan.aims[0].colour = 'red';
        f.actionPlan.aims[0].actions[0].budget = 1000;
        f.actionPlan.aims[0].actions[0].updates[0].by = 'x';
        f.consultations[0].opensAt = 'whatever';
        f.pledge.method = 'POST';
      });
      expect(r.valid).to.equal(true);
      expect(r.problems).to.deep.equal([]);
      expect(r.warnings.map((w) => w.path)).to.have.members([
        '$.extra',
        '$.compact.x',
        '$.compact.contact.fax',
        '$.compact.principles[0].note',
        '$.compact.commitments[0].by2',
        '$.compact.sectors.third',
        '$.signatories[0].twitter',
        '$.signatories[0].champion.email',
        '$.actionPlan.owner',
        '$.actionPlan.period.length',
        '$.actionPlan.aims[0].colour',
        '$.actionPlan.aims[0].actions[0].budget',
        '$.actionPlan.aims[0].actions[0].updates[0].by',
        '$.consultations[0].opensAt',
        '$.pledge.method',
      ]);
      for (const w of r.warnings) expect(w.message).to.contain('unknown property');
      expect(checkFeed(sampleFeed()).warnings).to.deep.equal([]);
    });

    it('suggest the property a near miss was meant to be ("did you mean …")', () => {
      const cases: [string, (f: Raw) => void, string][] = [
        ['$.signatorys', (f) => (f.signatorys = f.signatories), 'signatories'],
        ['$.Signatories', (f) => (f.Signatories = []), 'signatories'],
        ['$.feedversion', (f) => (f.feedversion = '1.0'), 'feedVersion'],
        ['$.compact.defaultlanguage', (f) => (f.compact.defaultlanguage = 'cy'), 'defaultLanguage'],
        ['$.compact.time_zone', (f) => (f.compact.time_zone = 'Europe/London'), 'timeZone'],
        ['$.signatories[0].logoUrl', (f) => (f.signatories[0].logoUrl = 'https://a.example/l.png'), 'logo'],
        ['$.signatories[0].Url', (f) => (f.signatories[0].Url = 'https://a.example/'), 'url'],
        ['$.pledge.endpont', (f) => (f.pledge.endpont = 'https://a.example/p'), 'endpoint'],
        ['$.pledge["privacy-notice"]', (f) => (f.pledge['privacy-notice'] = 'https://a.example/p'), 'privacyNotice'],
        ['$.actionPlan.aims[0].actions[0].stauts', (f) => (f.actionPlan.aims[0].actions[0].stauts = 'x'), 'status'],
        ['$.consultations[0].close', (f) => (f.consultations[0].close = 'x'), 'closes'],
      ];
      for (const [path, change, near] of cases) {
        const warning = checkWith(change).warnings.find((w) => w.path === path);
        expect(warning?.message, path).to.contain(`did you mean "${near}"?`);
      }
      const far = checkWith((f) => (f.signatories[0].twitter = '@x')).warnings[0];
      expect(far.message).not.to.contain('did you mean');
    });

    it('work out a near miss once per name, and stop suggesting after 200 names (every one is still warned about)', () => {
      const repeated = checkWith((f) => {
        f.signatories = Array.from({ length: 500 }, (_, i) => ({ id: `s${i}`, name: `Org ${i}`, sector: 'voluntary', Url: 'https://a.example/' }));
      });
      expect(repeated.warnings).to.have.length(500);
      expect(repeated.warnings.every((w) => w.message.includes('did you mean "url"?'))).to.equal(true);

      const many = checkWith((f) => {
        for (let i = 0; i < 300; i++) f.compact[`name${i}`] = 1;
      });
      const unknown = many.warnings.filter((w) => w.path.startsWith('$.compact.name'));
      expect(unknown).to.have.length(300);
      expect(unknown.filter((w) => w.message.includes('did you mean'))).to.have.length(200);
    });

    it('own properties named like Object.prototype members are just unknown', () => {
      const r = checkFeedText(
        '{"feedVersion":"1.0","compact":{"id":"x","name":"X","constructor":1,"__proto__":{"id":"y"},"toString":"z"}}',
      );
      expect(r.valid).to.equal(true);
      expect(r.feed!.compact.id).to.equal('x');
      expect(r.warnings.map((w) => w.path)).to.have.members(['$.compact.constructor', '$.compact.__proto__', '$.compact.toString']);
    });
  });

  describe('LocalizedText', () => {
    it('accepts a plain string and an object of language tag to string', () => {
      const r = checkWith((f) => {
        f.compact.area = 'Gwynedd';
        f.compact.summary = { en: 'E', cy: 'C', 'en-GB': 'G', gd: 'S' };
      });
      expect(r.valid).to.equal(true);
      expect(r.feed!.compact.summary).to.deep.equal({ en: 'E', cy: 'C', 'en-GB': 'G', gd: 'S' });
    });

    it('drops bad entries of an object, with a path per entry', () => {
      const r = checkWith((f) => (f.compact.area = { en: 'Gwynedd', cy: 5, 'cy-GB': '', '': 'x', gd: null }));
      expect(r.feed!.compact.area).to.deep.equal({ en: 'Gwynedd' });
      expect(r.problems.map((p) => [p.path, p.action])).to.deep.equal([
        ['$.compact.area.cy', 'dropped-field'],
        ['$.compact.area["cy-GB"]', 'dropped-field'],
        ['$.compact.area[""]', 'dropped-field'],
        ['$.compact.area.gd', 'dropped-field'],
      ]);
    });

    it('is invalid when no entry remains, or when empty, or not text', () => {
      for (const bad of [{}, { en: 1 }, '', '  ', 5, true, null, ['Gwynedd'], { en: { text: 'x' } }]) {
        const r = checkWith((f) => (f.compact.area = bad));
        expect(r.feed!.compact.area, JSON.stringify(bad)).to.equal(undefined);
        expect(r.problems.some((p) => p.path === '$.compact.area' && p.action === 'dropped-field')).to.equal(true);
      }
    });

    it('is checked in every LocalizedText property', () => {
      const paths: [(f: Raw) => void, string, string][] = [
        [(f) => (f.compact.summary = 1), '$.compact.summary', 'dropped-field'],
        [(f) => (f.compact.sectors.public = 1), '$.compact.sectors.public', 'dropped-field'],
        [(f) => (f.compact.principles[0].title = 1), '$.compact.principles[0].title', 'dropped-item'],
        [(f) => (f.compact.principles[0].text = 1), '$.compact.principles[0].text', 'dropped-field'],
        [(f) => (f.compact.commitments[0].text = 1), '$.compact.commitments[0].text', 'dropped-item'],
        [(f) => (f.signatories[0].name = 1), '$.signatories[0].name', 'dropped-item'],
        [(f) => (f.signatories[0].pledge = 1), '$.signatories[0].pledge', 'dropped-field'],
        [(f) => (f.actionPlan.title = 1), '$.actionPlan.title', 'dropped-field'],
        [(f) => (f.actionPlan.aims[0].title = 1), '$.actionPlan.aims[0].title', 'dropped-item'],
        [(f) => (f.actionPlan.aims[0].actions[0].title = 1), '$.actionPlan.aims[0].actions[0].title', 'dropped-item'],
        [
          (f) => (f.actionPlan.aims[0].actions[0].description = 1),
          '$.actionPlan.aims[0].actions[0].description',
          'dropped-field',
        ],
        [
          (f) => (f.actionPlan.aims[0].actions[0].timescale = 1),
          '$.actionPlan.aims[0].actions[0].timescale',
          'dropped-field',
        ],
        [
          (f) => (f.actionPlan.aims[0].actions[0].updates[0].text = 1),
          '$.actionPlan.aims[0].actions[0].updates[0].text',
          'dropped-item',
        ],
        [(f) => (f.consultations[0].title = 1), '$.consultations[0].title', 'dropped-item'],
        [(f) => (f.consultations[0].summary = 1), '$.consultations[0].summary', 'dropped-field'],
        [(f) => (f.consultations[1].shorterBecause = 1), '$.consultations[1].shorterBecause', 'dropped-field'],
        [(f) => (f.pledge.statement = 1), '$.pledge.statement', 'dropped-field'],
      ];
      for (const [change, path, action] of paths) {
        expectOnlyProblem(checkWith(change), path, action as FeedProblem['action'], 'must be text');
      }
    });
  });

  describe('Url', () => {
    const URL_FIELDS: [string, (f: Raw, v: unknown) => void, (feed: any) => unknown][] = [
      ['$.compact.url', (f, v) => (f.compact.url = v), (feed) => feed.compact.url],
      ['$.compact.document', (f, v) => (f.compact.document = v), (feed) => feed.compact.document],
      ['$.compact.contact.url', (f, v) => (f.compact.contact.url = v), (feed) => feed.compact.contact.url],
      ['$.signatories[0].url', (f, v) => (f.signatories[0].url = v), (feed) => feed.signatories[0].url],
      ['$.signatories[0].logo', (f, v) => (f.signatories[0].logo = v), (feed) => feed.signatories[0].logo],
      ['$.consultations[0].url', (f, v) => (f.consultations[0].url = v), (feed) => feed.consultations[0].url],
    ];

    for (const [path, set, get] of URL_FIELDS) {
      it(`${path}: only absolute http(s) URLs reach the feed`, () => {
        for (const bad of BAD_URLS) {
          const r = checkWith((f) => set(f, bad));
          expect(get(r.feed), JSON.stringify(bad)).to.equal(undefined);
          expectOnlyProblem(r, path, 'dropped-field', 'must be an absolute http: or https: address');
        }
        const good = checkWith((f) => set(f, 'HTTP://Example.ORG/a b'.replace(' ', '%20')));
        expect(good.valid).to.equal(true);
        expect(get(good.feed)).to.equal('http://example.org/a%20b');
      });
    }

    it('the message quotes what was found', () => {
      const r = checkWith((f) => (f.signatories[2].url = 'javascript:alert(1)'));
      expect(expectOnlyProblem(r, '$.signatories[2].url', 'dropped-field').message).to.contain(
        'must be an absolute http: or https: address; got "javascript:alert(1)"',
      );
    });

    it('pledge endpoint and privacyNotice must both be http(s) URLs, or the pledge is dropped', () => {
      for (const key of ['endpoint', 'privacyNotice']) {
        for (const bad of [...BAD_URLS, undefined]) {
          const r = checkWith((f) => (bad === undefined ? delete f.pledge[key] : (f.pledge[key] = bad)));
          expect(r.feed!.pledge, `${key} ${JSON.stringify(bad)}`).to.equal(undefined);
          expectOnlyProblem(r, `$.pledge.${key}`, 'dropped-field', 'so the pledge object is ignored');
        }
      }
      const r = checkWith((f) => (f.pledge = { endpoint: 'https://a.example/p', privacyNotice: 'http://a.example/n' }));
      expect(r.valid).to.equal(true);
      expect(r.feed!.pledge).to.deep.equal({ endpoint: 'https://a.example/p', privacyNotice: 'http://a.example/n' });
    });
  });

  it('ignores an action plan period that ends before it starts (and the clean reader leaves it to checkFeed)', () => {
    const reversed = (f: Raw) => (f.actionPlan.period = { start: '9999-01-01', end: '2000-01-01' });
    const r = checkWith(reversed);
    expectOnlyProblem(r, '$.actionPlan.period.end', 'dropped-field', 'must not be before start');
    expect(r.feed!.actionPlan!.period).to.equal(undefined);
    const raw = sampleFeed();
    reversed(raw);
    expectSameReading(raw, checkFeed(raw));
    expect(checkWith((f) => (f.actionPlan.period = { start: '2026-04-01', end: '2026-04-01' })).valid, 'one day').to.equal(true);
  });

  describe('Date', () => {
    const DATE_FIELDS: [string, (f: Raw, v: unknown) => void, FeedProblem['action']][] = [
      ['$.compact.adopted', (f, v) => (f.compact.adopted = v), 'dropped-field'],
      ['$.compact.reviewDue', (f, v) => (f.compact.reviewDue = v), 'dropped-field'],
      ['$.signatories[0].signed', (f, v) => (f.signatories[0].signed = v), 'dropped-field'],
      ['$.actionPlan.period.start', (f, v) => (f.actionPlan.period.start = v), 'dropped-field'],
      // (from a start before every good date below: an end before the start is a problem of its own)
      ['$.actionPlan.period.end', (f, v) => Object.assign(f.actionPlan.period, { start: '1999-01-01', end: v }), 'dropped-field'],
      ['$.actionPlan.aims[0].actions[0].due', (f, v) => (f.actionPlan.aims[0].actions[0].due = v), 'dropped-field'],
      [
        '$.actionPlan.aims[0].actions[0].updates[0].date',
        (f, v) => (f.actionPlan.aims[0].actions[0].updates[0].date = v),
        'dropped-item',
      ],
    ];
    const BAD_DATES = [
      '2026-02-30',
      '2023-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-1-1',
      '26-01-01',
      '01/04/2026',
      '2026-04-01T00:00:00Z',
      '2026-04-01 ',
      '',
      20260401,
      null,
    ];
    for (const [path, set, action] of DATE_FIELDS) {
      it(`${path}: YYYY-MM-DD real calendar dates only`, () => {
        for (const bad of BAD_DATES) {
          expectOnlyProblem(checkWith((f) => set(f, bad)), path, action, 'date');
        }
        for (const good of ['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01']) {
          expect(checkWith((f) => set(f, good)).valid, good).to.equal(true);
        }
      });
    }

    it('says when a date is shaped right but not on the calendar', () => {
      const r = checkWith((f) => (f.compact.adopted = '2026-02-30'));
      expectOnlyProblem(r, '$.compact.adopted', 'dropped-field', 'must be a real calendar date; got "2026-02-30"');
    });

    it('a bad period start or end drops the period, not the plan', () => {
      const r = checkWith((f) => delete f.actionPlan.period.end);
      expectOnlyProblem(r, '$.actionPlan.period.end', 'dropped-field', 'is required — so the period is ignored');
      expect(r.feed!.actionPlan!.period).to.equal(undefined);
      expect(r.feed!.actionPlan!.aims).to.have.length(2);
      expectOnlyProblem(checkWith((f) => (f.actionPlan.period = '2024-2027')), '$.actionPlan.period', 'dropped-field');
    });
  });

  describe('DateTime', () => {
    const FIELDS: [string, (f: Raw, v: unknown) => void][] = [
      ['$.updated', (f, v) => (f.updated = v)],
      ['$.actionPlan.updated', (f, v) => (f.actionPlan.updated = v)],
    ];
    for (const [path, set] of FIELDS) {
      it(`${path}: RFC 3339 with an offset only`, () => {
        for (const good of [
          '2027-01-12T23:59:00+00:00',
          '2027-01-12T23:59:00Z',
          '2027-01-12T23:59:00.123Z',
          '2027-06-12T23:59:00+01:00',
          '2027-06-12T08:00:00-05:30',
          '2027-06-12t08:00:00z',
        ]) {
          expect(checkWith((f) => set(f, good)).valid, good).to.equal(true);
        }
        for (const bad of [
          '2027-01-12T23:59:00',
          '2027-01-12 23:59:00Z',
          '2027-01-12T23:59Z',
          '2027-01-12T24:00:00Z',
          '2027-01-12T23:60:00Z',
          '2027-02-30T12:00:00Z',
          '2027-01-12T23:59:00+0100',
          '2027-01-12T23:59:00+24:00',
          '2027-01-12',
          'yesterday',
          1768262340000,
        ]) {
          expectOnlyProblem(checkWith((f) => set(f, bad)), path, 'dropped-field');
        }
      });
    }

    it('explains a missing offset', () => {
      const r = checkWith((f) => (f.updated = '2027-01-12T23:59:00'));
      expectOnlyProblem(r, '$.updated', 'dropped-field', 'needs a time-zone offset');
      expect(r.feed!.updated).to.equal(undefined);
    });
  });

  describe('Id', () => {
    it('any non-empty string; org-ids and other strings alike', () => {
      for (const id of ['GB-CHC-7654321', 'GB-SC-SC099999', 'GB-NIC-100001', 'GB-COH-01234567', 'GB-LAE-SAY', 'my group', 'x']) {
        const r = checkWith((f) => (f.signatories[1].id = id));
        expect(r.valid, id).to.equal(true);
        expect(r.feed!.signatories[1]!.id).to.equal(id);
      }
    });

    it('an empty, blank or non-string id leaves the item out', () => {
      for (const bad of ['', ' ', 12, null, ['a'], {}]) {
        const r = checkWith((f) => (f.signatories[1].id = bad));
        expectOnlyProblem(r, '$.signatories[1].id', 'dropped-item', 'so this signatory is left out');
        expect(r.feed!.signatories.map((s) => s.id)).to.deep.equal(['GB-LAW-GWN', 'GB-SC-SC012345']);
      }
    });

    const LISTS: [string, (f: Raw) => any[], (feed: any) => any[]][] = [
      ['$.compact.principles', (f) => f.compact.principles, (feed) => feed.compact.principles],
      ['$.compact.commitments', (f) => f.compact.commitments, (feed) => feed.compact.commitments],
      ['$.signatories', (f) => f.signatories, (feed) => feed.signatories],
      ['$.actionPlan.aims', (f) => f.actionPlan.aims, (feed) => feed.actionPlan.aims],
      ['$.actionPlan.aims[0].actions', (f) => f.actionPlan.aims[0].actions, (feed) => feed.actionPlan.aims[0].actions],
      ['$.consultations', (f) => f.consultations, (feed) => feed.consultations],
    ];
    for (const [path, list, result] of LISTS) {
      it(`${path}: a duplicate id keeps the first item and leaves out later ones`, () => {
        const r = checkWith((f) => {
          const items = list(f);
          const copy = { ...items[0], marker: 'second' };
          items.push(copy, { ...items[0] });
        });
        const items = result(r.feed);
        const n = items.length;
        expect(new Set(items.map((i: any) => i.id)).size).to.equal(n);
        const first = list(sampleFeed()).length;
        expect(n).to.equal(first);
        expect(r.problems.map((p) => [p.path, p.action])).to.deep.equal([
          [`${path}[${first}].id`, 'dropped-item'],
          [`${path}[${first + 1}].id`, 'dropped-item'],
        ]);
        expect(r.problems[0]!.message).to.contain(`is already used by ${path}[0]`);
      });
    }

    it('ids are unique within their own list only', () => {
      const r = checkWith((f) => {
        f.consultations[0].id = 'GB-LAW-GWN'; // same as a signatory
        f.actionPlan.aims[1].id = 'respect'; // same as a principle
      });
      expect(r.valid).to.equal(true);
      // The sample feed already has action "a1" in two different aims.
      expect(r.feed!.actionPlan!.aims.map((a) => a.actions[0]!.id)).to.deep.equal(['a1', 'a1']);
    });
  });

  describe('ids', () => {
    it('a duplicate id is a problem in every list of the feed, and the later item is left out', () => {
      const cases: [string, (f: Raw) => void][] = [
        ['$.compact.principles[2].id', (f) => f.compact.principles.push({ ...f.compact.principles[0] })],
        ['$.compact.commitments[1].id', (f) => f.compact.commitments.splice(1, 0, { ...f.compact.commitments[0] })],
        ['$.signatories[1].id', (f) => (f.signatories[1].id = f.signatories[0].id)],
        ['$.consultations[1].id', (f) => (f.consultations[1].id = f.consultations[0].id)],
        ['$.actionPlan.aims[1].id', (f) => (f.actionPlan.aims[1].id = f.actionPlan.aims[0].id)],
        ['$.actionPlan.aims[0].actions[1].id', (f) => (f.actionPlan.aims[0].actions[1].id = f.actionPlan.aims[0].actions[0].id)],
      ];
      for (const [path, change] of cases) {
        const r = checkWith(change);
        expectProblem(r, path, 'dropped-item', 'ids must be unique in the list');
      }
    });
  });

  describe('lists', () => {
    const LIST_PATHS: [string, (f: Raw, v: unknown) => void, (feed: any) => unknown][] = [
      ['$.signatories', (f, v) => (f.signatories = v), (feed) => feed.signatories],
      ['$.consultations', (f, v) => (f.consultations = v), (feed) => feed.consultations],
      ['$.compact.principles', (f, v) => (f.compact.principles = v), (feed) => feed.compact.principles],
      ['$.compact.commitments', (f, v) => (f.compact.commitments = v), (feed) => feed.compact.commitments],
      [
        '$.actionPlan.aims[0].actions[0].updates',
        (f, v) => (f.actionPlan.aims[0].actions[0].updates = v),
        (feed) => feed.actionPlan.aims[0].actions[0].updates,
      ],
    ];
    for (const [path, set, get] of LIST_PATHS) {
      it(`${path}: default [], not a list → dropped field, non-object items → dropped items`, () => {
        expect(get(checkWith((f) => set(f, undefined)).feed)).to.deep.equal([]);
        for (const bad of [{}, 'x', 3, null]) {
          const r = checkWith((f) => set(f, bad));
          expect(get(r.feed)).to.deep.equal([]);
          expectOnlyProblem(r, path, 'dropped-field', 'must be a list');
        }
        const r = checkWith((f) => set(f, [1, 'x', null, [], true]));
        expect(get(r.feed)).to.deep.equal([]);
        expect(r.problems.map((p) => [p.path, p.action])).to.deep.equal(
          [0, 1, 2, 3, 4].map((i) => [`${path}[${i}]`, 'dropped-item']),
        );
      });
    }
  });

  it('null counts as a wrong value for an optional property', () => {
    const r = checkWith((f) => (f.compact.summary = null));
    expectOnlyProblem(r, '$.compact.summary', 'dropped-field', 'got null');
  });
});

describe('checkFeed: the compact', () => {
  it('defaults defaultLanguage en, timeZone Europe/London, consultationWeeks 12', () => {
    const c = checkFeed(minimalFeed()).feed!.compact;
    expect([c.defaultLanguage, c.timeZone, c.consultationWeeks]).to.deep.equal(['en', 'Europe/London', 12]);
  });

  it('keeps valid values', () => {
    const r = checkWith((f) => {
      f.compact.defaultLanguage = 'en-GB';
      f.compact.timeZone = 'America/New_York';
      f.compact.consultationWeeks = 6;
    });
    expect(r.valid).to.equal(true);
    const c = r.feed!.compact;
    expect([c.defaultLanguage, c.timeZone, c.consultationWeeks]).to.deep.equal(['en-GB', 'America/New_York', 6]);
  });

  it('a bad defaultLanguage falls back to en with a problem', () => {
    for (const bad of ['', 'English', 'e', 'en GB', 5]) {
      const r = checkWith((f) => (f.compact.defaultLanguage = bad));
      expect(r.feed!.compact.defaultLanguage).to.equal('en');
      expectOnlyProblem(r, '$.compact.defaultLanguage', 'defaulted', 'language tag');
    }
  });

  it('an invalid timeZone falls back to Europe/London with a problem', () => {
    for (const bad of ['Europe/Londres', 'Mars/Base', 'GMT+1:00', '+01:00', '', 0, null]) {
      const r = checkWith((f) => (f.compact.timeZone = bad));
      expect(r.feed!.compact.timeZone).to.equal('Europe/London');
      expectOnlyProblem(r, '$.compact.timeZone', 'defaulted', 'IANA time zone');
    }
  });

  it('a bad consultationWeeks falls back to 12 with a problem', () => {
    for (const bad of ['12', 0, -4, null, [12]]) {
      const r = checkWith((f) => (f.compact.consultationWeeks = bad));
      expect(r.feed!.compact.consultationWeeks).to.equal(12);
      expectOnlyProblem(r, '$.compact.consultationWeeks', 'defaulted', 'using 12 instead');
    }
    expect(checkWith((f) => (f.compact.consultationWeeks = 8.5)).feed!.compact.consultationWeeks).to.equal(8.5);
  });

  it('area and summary are LocalizedText; url and document are Urls; adopted and reviewDue Dates', () => {
    const r = checkWith((f) => {
      f.compact.area = 3;
      f.compact.summary = [];
      f.compact.url = 'javascript:x';
      f.compact.document = 'data:application/pdf;base64,AAAA';
      f.compact.adopted = '2008';
      f.compact.reviewDue = '31/03/2027';
    });
    expect(r.problems.map((p) => [p.path, p.action])).to.deep.equal([
      ['$.compact.area', 'dropped-field'],
      ['$.compact.summary', 'dropped-field'],
      ['$.compact.url', 'dropped-field'],
      ['$.compact.document', 'dropped-field'],
      ['$.compact.adopted', 'dropped-field'],
      ['$.compact.reviewDue', 'dropped-field'],
    ]);
    const c = r.feed!.compact;
    expect([c.area, c.summary, c.url, c.document, c.adopted, c.reviewDue]).to.deep.equal([
      undefined, undefined, undefined, undefined, undefined, undefined,
    ]);
  });

  it('sectors: {public?, voluntary?} LocalizedText; no defaults filled in (the widgets localise them)', () => {
    expect(checkFeed(minimalFeed()).feed!.compact.sectors).to.equal(undefined);
    const r = checkWith((f) => (f.compact.sectors = { public: 'Statutory sector', voluntary: 7 }));
    expect(r.feed!.compact.sectors).to.deep.equal({ public: 'Statutory sector' });
    expectOnlyProblem(r, '$.compact.sectors.voluntary', 'dropped-field');
    expectOnlyProblem(checkWith((f) => (f.compact.sectors = 'third')), '$.compact.sectors', 'dropped-field');
  });

  it('principles: id and title required, text optional', () => {
    let r = checkWith((f) => delete f.compact.principles[1].title);
    expectOnlyProblem(r, '$.compact.principles[1].title', 'dropped-item', 'is required — so this principle is left out');
    expect(r.feed!.compact.principles.map((p) => p.id)).to.deep.equal(['respect']);
    r = checkWith((f) => delete f.compact.principles[0].id);
    expectOnlyProblem(r, '$.compact.principles[0].id', 'dropped-item');
  });

  it('commitments: id, by ("public" | "voluntary" | "joint") and text required', () => {
    for (const by of ['public', 'voluntary', 'joint']) {
      expect(checkWith((f) => (f.compact.commitments[0].by = by)).valid).to.equal(true);
    }
    for (const bad of ['both', 'Public', '', null, undefined]) {
      const r = checkWith((f) => (bad === undefined ? delete f.compact.commitments[0].by : (f.compact.commitments[0].by = bad)));
      expectOnlyProblem(r, '$.compact.commitments[0].by', 'dropped-item', bad === undefined ? 'is required' : '"public", "voluntary" or "joint"');
      expect(r.feed!.compact.commitments.map((c) => c.id)).to.deep.equal(['v1', 'j1']);
    }
    expectOnlyProblem(checkWith((f) => delete f.compact.commitments[2].text), '$.compact.commitments[2].text', 'dropped-item');
  });

  it('contact: name, email, phone, url all optional; bad ones dropped', () => {
    const r = checkWith((f) => (f.compact.contact = { name: 5, email: 'not an email', phone: '', url: 'javascript:x' }));
    expect(r.feed!.compact.contact).to.equal(undefined);
    expect(r.problems.map((p) => p.path)).to.deep.equal([
      '$.compact.contact.name',
      '$.compact.contact.email',
      '$.compact.contact.phone',
      '$.compact.contact.url',
    ]);
    const ok = checkWith((f) => (f.compact.contact = { email: 'compact@example.org' }));
    expect(ok.valid).to.equal(true);
    expect(ok.feed!.compact.contact).to.deep.equal({ email: 'compact@example.org' });
    expectOnlyProblem(checkWith((f) => (f.compact.contact = 'Ring us')), '$.compact.contact', 'dropped-field');
  });
});

describe('checkFeed: signatories', () => {
  it('id, name and sector are required: otherwise the signatory is left out', () => {
    for (const key of ['id', 'name', 'sector']) {
      const r = checkWith((f) => delete f.signatories[0][key]);
      expectOnlyProblem(r, `$.signatories[0].${key}`, 'dropped-item', 'is required — so this signatory is left out');
      expect(r.feed!.signatories.map((s) => s.id)).to.deep.equal(['GB-CHC-1234567', 'GB-SC-SC012345']);
    }
  });

  it('sector must be "public" or "voluntary"', () => {
    for (const bad of ['private', 'third', 'Voluntary', 'joint', 1]) {
      const r = checkWith((f) => (f.signatories[2].sector = bad));
      expectOnlyProblem(r, '$.signatories[2].sector', 'dropped-item', 'must be "public" or "voluntary"');
    }
  });

  it('reports every bad required field of one signatory', () => {
    const r = checkWith((f) => (f.signatories[1] = { id: '', name: {}, sector: 'x' }));
    expect(r.problems.map((p) => [p.path, p.action])).to.deep.equal([
      ['$.signatories[1].id', 'dropped-item'],
      ['$.signatories[1].name', 'dropped-item'],
      ['$.signatories[1].sector', 'dropped-item'],
    ]);
  });

  it('type is any text (the suggested values are only suggestions)', () => {
    expect(checkWith((f) => (f.signatories[1].type = 'housing-association')).valid).to.equal(true);
    expectOnlyProblem(checkWith((f) => (f.signatories[1].type = ['charity'])), '$.signatories[1].type', 'dropped-field');
  });

  it('champion needs a name; role optional', () => {
    let r = checkWith((f) => (f.signatories[2].champion = { role: 'Chair' }));
    expectOnlyProblem(r, '$.signatories[2].champion.name', 'dropped-field', 'so the champion is ignored');
    expect(r.feed!.signatories[2]!.champion).to.equal(undefined);
    expect(r.feed!.signatories).to.have.length(3);
    r = checkWith((f) => (f.signatories[2].champion = { name: 'Sam', role: 4 }));
    expect(r.feed!.signatories[2]!.champion).to.deep.equal({ name: 'Sam' });
    expectOnlyProblem(r, '$.signatories[2].champion.role', 'dropped-field');
    expectOnlyProblem(checkWith((f) => (f.signatories[2].champion = 'Sam')), '$.signatories[2].champion', 'dropped-field');
  });

  it('bad optional fields are dropped, the signatory kept', () => {
    const r = checkWith((f) => Object.assign(f.signatories[0], { signed: 'last year', url: 'ftp://x', logo: 'data:image/png;base64,AA', pledge: {} }));
    expect(r.problems.map((p) => [p.path, p.action])).to.deep.equal([
      ['$.signatories[0].signed', 'dropped-field'],
      ['$.signatories[0].url', 'dropped-field'],
      ['$.signatories[0].logo', 'dropped-field'],
      ['$.signatories[0].pledge', 'dropped-field'],
    ]);
    expect(r.feed!.signatories[0]).to.deep.equal({
      id: 'GB-LAW-GWN',
      name: { en: 'Gwynedd Council', cy: 'Cyngor Gwynedd' },
      sector: 'public',
      type: 'local-authority',
      champion: { name: 'Alex Jones', role: 'Cabinet member' },
    });
  });
});

describe('checkFeed: signatories read the short way', () => {
  // Flawless signatories skip the general reader (speed at ten thousand). An unknown property
  // always sends a signatory through the general reader and adds only a warning, so the two
  // readings of the same signatory must give the same feed and the same problems.
  /** Mostly good values (so that whole signatories are flawless often), sometimes bad ones. */
  const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
    fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: bad, weight: 1 });
  const text = mostly(fc.constantFrom('Côr Meibion', 'x'), fc.constantFrom('', '  ', 1, null, ['a']));
  const localized = fc.oneof(text, fc.dictionary(mostly(fc.constantFrom('en', 'cy', 'gd-GB', '__proto__'), fc.constantFrom('', ' ')), text));
  // Addresses the short way takes as they are, and look-alikes the URL parser changes or refuses.
  const plainAddresses = ['https://example.org/a', 'http://www.example.org.uk/org/12/logo.png', 'https://a-b.c0/', 'https://x.test/~a_b-c.d/'];
  const otherAddresses = [
    ...['https://EXAMPLE.org/', 'HTTPS://example.org/', 'https://example.org', 'https://1.2.3/x', 'https://a.0x1/x', 'https://a.1/x'],
    ...['https://example.org./a', 'https://xn--a.org/x', 'https://a.xn--n3h/x', 'https://a--b.org/x', 'https://-a.org/x'],
    ...['https://a.org/./b', 'https://a.org/b/..', 'https://a.org/.well-known/x', 'https://a.org:443/x', 'https://a.org:8080/x'],
    ...['https://a.org/%7e', 'https://a.org/x?y=1', 'https://a.org/x#y', 'https://a_b.org/x', 'https://café.org/x'],
    ...['http://x.test/a b', 'https://u:p@x.test/', 'https://x.test@evil.example/', 'ftp://x.org/', 'https:x.org/', 7],
  ];
  const address = mostly(fc.constantFrom(...plainAddresses), fc.constantFrom(...otherAddresses));
  const signatory = fc.record(
    {
      id: text,
      name: localized,
      sector: mostly(fc.constantFrom('public', 'voluntary'), fc.constantFrom('Voluntary', 3)),
      type: text,
      signed: mostly(fc.constant('2024-02-29'), fc.constantFrom('2023-02-29', '2024-2-1', 20240101)),
      url: address,
      logo: address,
      pledge: localized,
      champion: mostly(
        fc.record({ name: text, role: text }, { requiredKeys: ['name'] }),
        fc.oneof(text, fc.record({ role: text }), fc.constant({ name: 'Sam', chair: true })),
      ),
    },
    { requiredKeys: [] },
  );

  it('gives the same feed and problems as the general reader, for any mix of good and bad fields', () => {
    fc.assert(
      fc.property(fc.array(signatory, { maxLength: 4 }), (signatories) => {
        const feed = (list: unknown[]) => ({ feedVersion: '1.0', compact: { id: 'c', name: 'C' }, signatories: list });
        const short = checkFeed(feed(signatories));
        const general = checkFeed(feed(signatories.map((s) => ({ ...s, unknownProperty: true }))));
        expect(short.feed, 'feed').to.deep.equal(general.feed);
        expect(JSON.stringify(short.feed), 'property order').to.equal(JSON.stringify(general.feed));
        expect(short.problems, 'problems').to.deep.equal(general.problems);
        expect(general.warnings.length - short.warnings.length).to.equal(signatories.length);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps only the addresses the URL parser keeps as they are, and normalises or refuses the rest the same way', () => {
    for (const url of [...plainAddresses, ...otherAddresses]) {
      const feed = (s: object) => ({ feedVersion: '1.0', compact: { id: 'c', name: 'C' }, signatories: [s] });
      const s = { id: 'x', name: 'X', sector: 'voluntary', url, logo: url };
      const short = checkFeed(feed(s));
      const general = checkFeed(feed({ ...s, unknownProperty: true }));
      expect(short.feed!.signatories, String(url)).to.deep.equal(general.feed!.signatories);
      expect(short.problems, String(url)).to.deep.equal(general.problems);
    }
  });

  it('a duplicate id is still refused after a signatory read the short way', () => {
    const s = { id: 'GB-CHC-1', name: 'A', sector: 'voluntary' };
    const r = checkFeed({ feedVersion: '1.0', compact: { id: 'c', name: 'C' }, signatories: [s, { ...s, name: 'B' }] });
    expect(r.feed!.signatories).to.deep.equal([s]);
    expectOnlyProblem(r, '$.signatories[1].id', 'dropped-item', 'is already used by $.signatories[0]');
  });
});

describe('checkFeed: the action plan', () => {
  it('is optional', () => {
    expect(checkFeed(minimalFeed()).feed!.actionPlan).to.equal(undefined);
  });

  it('aims are required: a plan without a valid aims list is dropped as a field', () => {
    for (const bad of [undefined, null, 'aims', { a: 1 }]) {
      const r = checkWith((f) => (bad === undefined ? delete f.actionPlan.aims : (f.actionPlan.aims = bad)));
      expect(r.feed!.actionPlan).to.equal(undefined);
      expectOnlyProblem(r, '$.actionPlan.aims', 'dropped-field', 'so the whole action plan is ignored');
    }
    expectOnlyProblem(checkWith((f) => (f.actionPlan = [])), '$.actionPlan', 'dropped-field');
  });

  it('an empty aims list is a valid (empty) plan', () => {
    const r = checkWith((f) => (f.actionPlan = { aims: [] }));
    expect(r.valid).to.equal(true);
    expect(r.feed!.actionPlan).to.deep.equal({ aims: [] });
  });

  it('an aim needs id, title and actions', () => {
    for (const key of ['id', 'title', 'actions']) {
      const r = checkWith((f) => delete f.actionPlan.aims[0][key]);
      expectOnlyProblem(r, `$.actionPlan.aims[0].${key}`, 'dropped-item', 'so this aim is left out');
      expect(r.feed!.actionPlan!.aims.map((a) => a.id)).to.deep.equal(['sign-up']);
    }
  });

  it('an action needs id, title and status', () => {
    for (const key of ['id', 'title', 'status']) {
      const r = checkWith((f) => delete f.actionPlan.aims[0].actions[1][key]);
      expectOnlyProblem(r, `$.actionPlan.aims[0].actions[1].${key}`, 'dropped-item', 'so this action is left out');
      expect(r.feed!.actionPlan!.aims[0]!.actions.map((a) => a.id)).to.deep.equal(['a1']);
    }
  });

  it('status is one of the five values', () => {
    for (const s of ['not-started', 'in-progress', 'complete', 'delayed', 'cancelled']) {
      expect(checkWith((f) => (f.actionPlan.aims[0].actions[0].status = s)).valid, s).to.equal(true);
    }
    for (const bad of ['done', 'Complete', 'in progress', 1, null]) {
      expectOnlyProblem(
        checkWith((f) => (f.actionPlan.aims[0].actions[0].status = bad)),
        '$.actionPlan.aims[0].actions[0].status',
        'dropped-item',
        '"not-started", "in-progress", "complete", "delayed" or "cancelled"',
      );
    }
  });

  it('lead: a string becomes [string]; a list keeps its good entries; missing → []', () => {
    const lead = (v: unknown) => checkWith((f) => (f.actionPlan.aims[0].actions[0].lead = v));
    expect(lead('Council').feed!.actionPlan!.aims[0]!.actions[0]!.lead).to.deep.equal(['Council']);
    const r = lead(['a', 3, '', 'b']);
    expect(r.feed!.actionPlan!.aims[0]!.actions[0]!.lead).to.deep.equal(['a', 'b']);
    expect(r.problems.map((p) => [p.path, p.action])).to.deep.equal([
      ['$.actionPlan.aims[0].actions[0].lead[1]', 'dropped-item'],
      ['$.actionPlan.aims[0].actions[0].lead[2]', 'dropped-item'],
    ]);
    for (const bad of [5, '', { name: 'x' }, null]) {
      const b = lead(bad);
      expect(b.feed!.actionPlan!.aims[0]!.actions[0]!.lead).to.deep.equal([]);
      expectOnlyProblem(b, '$.actionPlan.aims[0].actions[0].lead', 'dropped-field');
    }
    expect(checkWith((f) => delete f.actionPlan.aims[0].actions[0].lead).feed!.actionPlan!.aims[0]!.actions[0]!.lead).to.deep.equal([]);
  });

  it('progress must be a number from 0 to 100', () => {
    const progress = (v: unknown) => checkWith((f) => (f.actionPlan.aims[0].actions[0].progress = v));
    for (const good of [0, 12.5, 100]) expect(progress(good).feed!.actionPlan!.aims[0]!.actions[0]!.progress).to.equal(good);
    for (const bad of [-1, 100.5, 150, '50', '50%', null]) {
      const r = progress(bad);
      expect(r.feed!.actionPlan!.aims[0]!.actions[0]!.progress).to.equal(undefined);
      expectOnlyProblem(r, '$.actionPlan.aims[0].actions[0].progress', 'dropped-field', 'must be a number from 0 to 100');
    }
  });

  it('updates: {date, text} both required; bad ones left out', () => {
    const r = checkWith((f) =>
      f.actionPlan.aims[0].actions[0].updates.push({ date: '2025-04-01' }, { text: 'x' }, { date: '2025-04-02', text: 'ok' }),
    );
    expect(r.feed!.actionPlan!.aims[0]!.actions[0]!.updates.map((u) => u.date)).to.deep.equal(['2025-03-20', '2025-04-02']);
    expect(r.problems.map((p) => [p.path, p.action])).to.deep.equal([
      ['$.actionPlan.aims[0].actions[0].updates[1].text', 'dropped-item'],
      ['$.actionPlan.aims[0].actions[0].updates[2].date', 'dropped-item'],
    ]);
  });

  it('reports deep paths', () => {
    const r = checkWith((f) => (f.actionPlan.aims[1].actions[0].due = '2025-02-29'));
    expectOnlyProblem(r, '$.actionPlan.aims[1].actions[0].due', 'dropped-field', 'real calendar date');
  });
});

describe('checkFeed: consultations', () => {
  it('id, title, opens and closes are required', () => {
    for (const key of ['id', 'title', 'opens', 'closes']) {
      const r = checkWith((f) => delete f.consultations[1][key]);
      expectOnlyProblem(r, `$.consultations[1].${key}`, 'dropped-item', 'so this consultation is left out');
      expect(r.feed!.consultations.map((c) => c.id)).to.deep.equal(['budget-2027']);
    }
  });

  it('opens/closes must be a Date or a DateTime with offset', () => {
    for (const bad of ['2026-11-01T09:00:00', '1 November 2026', '2026-11-31', 1, null]) {
      expectOnlyProblem(checkWith((f) => (f.consultations[1].opens = bad)), '$.consultations[1].opens', 'dropped-item');
    }
  });

  it('a Date opens at 00:00 and closes at 23:59:59 that day in the compact time zone (BST and GMT)', () => {
    const r = checkWith((f) => (f.consultations = [{ id: 'c', title: 'C', opens: '2026-07-01', closes: '2026-12-01' }]));
    const c = r.feed!.consultations[0]!;
    expect(c.opensAt).to.equal(Date.parse('2026-06-30T23:00:00Z'));
    expect(c.closesAt).to.equal(Date.parse('2026-12-01T23:59:59Z'));
    expect(c.opens).to.equal('2026-07-01');
    expect(c.closes).to.equal('2026-12-01');
  });

  it('uses compact.timeZone', () => {
    const r = checkWith((f) => {
      f.compact.timeZone = 'America/New_York';
      f.consultations = [{ id: 'c', title: 'C', opens: '2026-07-01', closes: '2026-07-01' }];
    });
    const c = r.feed!.consultations[0]!;
    expect(c.opensAt).to.equal(Date.parse('2026-07-01T04:00:00Z'));
    expect(c.closesAt).to.equal(Date.parse('2026-07-02T03:59:59Z'));
  });

  it('falls back to Europe/London when compact.timeZone is invalid', () => {
    const r = checkWith((f) => {
      f.compact.timeZone = 'Nowhere/Special';
      f.consultations = [{ id: 'c', title: 'C', opens: '2026-07-01', closes: '2026-07-02' }];
    });
    expect(r.feed!.consultations[0]!.opensAt).to.equal(Date.parse('2026-06-30T23:00:00Z'));
  });

  it('DateTimes are read with their own offsets, and may be mixed with Dates', () => {
    const r = checkWith((f) => (f.consultations = [{ id: 'c', title: 'C', opens: '2026-07-01T09:00:00+01:00', closes: '2026-07-01' }]));
    const c = r.feed!.consultations[0]!;
    expect(c.opensAt).to.equal(Date.parse('2026-07-01T08:00:00Z'));
    expect(c.closesAt).to.equal(Date.parse('2026-07-01T22:59:59Z'));
  });

  it('a one-day consultation (same Date for opens and closes) is valid', () => {
    expect(checkWith((f) => (f.consultations[1].opens = f.consultations[1].closes = '2026-11-30')).valid).to.equal(true);
  });

  it('closes must be after opens, otherwise the consultation is left out', () => {
    for (const [opens, closes] of [
      ['2026-11-30', '2026-11-29'],
      ['2026-11-30T10:00:00Z', '2026-11-30T10:00:00Z'],
      ['2026-11-30T10:00:00Z', '2026-11-30T11:00:00+01:00'],
      ['2026-12-01', '2026-11-30T23:59:59Z'],
    ]) {
      const r = checkWith((f) => Object.assign(f.consultations[1], { opens, closes }));
      expectOnlyProblem(r, '$.consultations[1].closes', 'dropped-item', 'must be after opens');
      expect(r.feed!.consultations.map((c) => c.id)).to.deep.equal(['budget-2027']);
    }
  });

  it('summary, owner, url, shorterBecause are optional and dropped when bad', () => {
    const r = checkWith((f) => Object.assign(f.consultations[0], { owner: ['x'], url: 'javascript:void(0)' }));
    expect(r.problems.map((p) => p.path)).to.deep.equal(['$.consultations[0].owner', '$.consultations[0].url']);
    expect(r.feed!.consultations[0]!.owner).to.equal(undefined);
    expect(r.feed!.consultations[0]!.url).to.equal(undefined);
  });
});

describe('checkFeed: pledge settings', () => {
  it('is optional, and must be an object', () => {
    expect(checkFeed(minimalFeed()).feed!.pledge).to.equal(undefined);
    expectOnlyProblem(checkWith((f) => (f.pledge = 'https://x.example/')), '$.pledge', 'dropped-field');
  });

  it('statement is optional LocalizedText', () => {
    const r = checkWith((f) => delete f.pledge.statement);
    expect(r.valid).to.equal(true);
    expect(r.feed!.pledge!.statement).to.equal(undefined);
  });
});

describe('checkFeed: problems (strict view)', () => {
  it('every problem has a $ path, a plain message and an action', () => {
    const r = checkFeed({
      feedVersion: '1',
      compact: { id: 'x', name: { en: 'X', cy: 3 }, url: 'javascript:1', timeZone: 'x' },
      signatories: [{ id: 'a' }, 'b'],
      actionPlan: { aims: [{ id: 'a', title: 't', actions: [{ id: 'x', title: 't', status: '?' }] }] },
      consultations: [{ id: 'c', title: 't', opens: '2026-01-02', closes: '2026-01-01' }],
      pledge: {},
      updated: 'now',
    });
    expect(r.feed).to.not.equal(null);
    expect(r.valid).to.equal(false);
    expect(r.problems.length).to.be.greaterThan(8);
    for (const p of r.problems) {
      expect(p.path).to.match(/^\$(\.|\[|$)/);
      expect(p.message).to.be.a('string').and.not.equal('');
      expect(['dropped-item', 'dropped-field', 'defaulted', 'rejected-feed', 'none']).to.include(p.action);
    }
  });

  it('long values are shortened in messages', () => {
    const r = checkWith((f) => (f.compact.url = 'javascript:' + 'x'.repeat(5000)));
    expect(r.problems[0]!.message.length).to.be.lessThan(200);
  });
});

describe('checkFeed: never throws', () => {
  it('handles cyclic objects', () => {
    const feed: Raw = { feedVersion: '1' };
    feed.compact = feed;
    feed.signatories = [feed, feed];
    feed.actionPlan = { aims: [{ id: 'a', title: 'A', actions: [feed] }] };
    const r = checkFeed(feed);
    expect(r.failure!.code).to.equal('no-compact');
    const ok: Raw = minimalFeed();
    ok.compact.self = ok;
    ok.compact.name = { en: 'X', self: ok };
    expect(checkFeed(ok).feed!.compact.name).to.deep.equal({ en: 'X' });
  });

  it('handles deep nesting', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { a: deep, b: [deep] };
    const r = checkWith((f) => {
      f.compact.summary = deep;
      f.signatories.push(deep);
    });
    expect(r.feed).to.not.equal(null);
    expect(checkFeedText('['.repeat(100_000) + ']'.repeat(100_000)).failure).to.exist;
  });

  it('handles throwing getters and proxies (not JSON, but never throws)', () => {
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('boom'); }, get: () => { throw new Error('boom'); }, getOwnPropertyDescriptor: () => { throw new Error('boom'); } });
    expect(() => checkFeed(trap)).not.to.throw();
    expect(checkFeed(trap).feed).to.equal(null);
    const getter = minimalFeed();
    Object.defineProperty(getter.compact, 'summary', { enumerable: true, get() { throw new Error('boom'); } });
    expect(() => checkFeed(getter)).not.to.throw();
    expect(() => checkFeed(Object.create(null))).not.to.throw();
    expect(() => checkFeedText(undefined as unknown as string)).not.to.throw();
  });

  it('handles non-JSON values: NaN, Infinity, functions, symbols, bigints, sparse arrays', () => {
    const r = checkWith((f) => {
      f.compact.consultationWeeks = NaN;
      f.actionPlan.aims[0].actions[0].progress = Infinity;
      f.compact.summary = () => 'x';
      f.compact.area = Symbol('x');
      f.signatories[0].type = 10n;
      f.consultations = new Array(5);
    });
    expect(r.feed).to.not.equal(null);
    expect(r.feed!.compact.consultationWeeks).to.equal(12);
    expect(r.feed!.consultations).to.deep.equal([]);
  });

  it('reads a million signatories in reasonable time', function () {
    this.timeout(30000);
    const feed = minimalFeed();
    feed.signatories = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `GB-CHC-${i}`, name: 'N', sector: i % 2 ? 'public' : 'voluntary' }));
    feed.signatories.push({ id: 'GB-CHC-7', name: 'Dup', sector: 'public' });
    const start = performance.now();
    const r = checkFeed(feed);
    const ms = performance.now() - start;
    expect(r.feed!.signatories).to.have.length(1_000_000);
    expect(r.problems).to.have.length(1);
    expect(ms).to.be.lessThan(15000);
  });
});
