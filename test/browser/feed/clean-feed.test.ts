import { expect } from '@open-wc/testing';
import { readCleanFeed } from '../../../src/feed/clean-feed.js';
import { readFeed, type FeedReading } from '../../../src/feed/read-feed.js';
import { checkFeed, checkFeedText } from '../../../src/feed/validate.js';
import { minimalFeed, sampleFeed } from './sample-feed.js';
import { expectSameReading, expectSameTextReading } from './same-reading.js';
import loaderFixture from '../../fixtures/feed.json' with { type: 'json' };
import southend from '../../../demo/feeds/southend.json' with { type: 'json' };
import bilingualWales from '../../../demo/feeds/bilingual-wales.json' with { type: 'json' };
import southAyrshire from '../../../demo/feeds/south-ayrshire.json' with { type: 'json' };
import southLanarkshire from '../../../demo/feeds/south-lanarkshire.json' with { type: 'json' };

const demoFeeds = { southend, bilingualWales, southAyrshire, southLanarkshire };
const fixtures: Record<string, () => unknown> = {
  sampleFeed,
  minimalFeed,
  'test/fixtures/feed.json': () => structuredClone(loaderFixture),
  ...Object.fromEntries(Object.entries(demoFeeds).map(([name, feed]) => [`demo/feeds ${name}`, () => structuredClone(feed)])),
};

/** The parts of checkFeed's answer the widgets use. */
const widgetView = ({ feed, problems, failure }: FeedReading) => ({ feed, problems, failure });

describe('a clean feed read the short way (clean-feed.ts)', () => {
  for (const [name, make] of Object.entries(fixtures)) {
    it(`${name}: the same model as checkFeed when it has no problem, and not taken when it has one`, () => {
      const value = make();
      expectSameReading(value, checkFeed(value));
      const text = JSON.stringify(value, null, 2);
      expectSameTextReading(text, checkFeedText(text));
      expectSameTextReading(`\uFEFF${text}`, checkFeedText(`\uFEFF${text}`));
    });
  }

  it('every demo feed and the full sample are clean: they render without the full validator', () => {
    for (const [name, make] of Object.entries(fixtures)) {
      if (name === 'test/fixtures/feed.json') continue; // keeps one bad item on purpose
      expect(readCleanFeed(make()), name).to.not.equal(undefined);
    }
  });

  it('passes over unknown properties, as checkFeed does (they are only warnings)', () => {
    const raw = sampleFeed();
    raw.$schema = 'https://example.org/schema.json';
    raw.compact.logoUrl = 'https://example.org/logo.png';
    raw.signatories[0].charityNumber = '1234567';
    raw.signatories[0].champion = { name: 'Sam', chair: true };
    const full = checkFeed(raw);
    expect(full.warnings.length).to.be.greaterThan(3);
    expectSameReading(raw, full);
    expect(readCleanFeed(raw)).to.not.equal(undefined);
  });

  it('leaves out an empty contact or sectors object without a problem, as checkFeed does', () => {
    const raw = minimalFeed();
    raw.compact.contact = { fax: '01234' };
    raw.compact.sectors = {};
    expectSameReading(raw, checkFeed(raw));
    expect(readCleanFeed(raw)!.compact).to.not.have.any.keys('contact', 'sectors');
  });

  it("reads a feed given as an object as its JSON would read: nothing inherited, nothing JSON.stringify leaves out", () => {
    const raw = sampleFeed();
    const first = raw.signatories[0];
    delete first.url;
    Object.defineProperty(first, 'logo', { value: 'https://example.org/hidden.png', enumerable: false });
    raw.signatories[1] = Object.assign(Object.create({ url: 'https://inherited.example/', type: 'police' }), raw.signatories[1]);
    delete raw.signatories[1].url;
    delete raw.signatories[1].type;
    const asJson = JSON.parse(JSON.stringify(raw));
    expectSameReading(raw, checkFeed(raw));
    expect(readCleanFeed(raw)).to.deep.equal(readCleanFeed(asJson));
    const [a, b] = readCleanFeed(raw)!.signatories;
    expect(a).to.not.have.any.keys('url', 'logo');
    expect(b).to.not.have.any.keys('url', 'type');
  });

  it('a page that has added to Object.prototype adds nothing to the model', () => {
    const raw = sampleFeed();
    delete raw.signatories[0].url;
    const unpolluted = JSON.stringify(readCleanFeed(raw));
    const proto = Object.prototype as Record<string, unknown>;
    proto.url = 'https://polluted.example/';
    proto.role = 'Polluted';
    try {
      // JSON, not deep equality: chai's reads inherited properties too.
      expect(JSON.stringify(readCleanFeed(raw))).to.equal(unpolluted);
      expect(JSON.stringify(checkFeed(raw).feed)).to.equal(unpolluted);
    } finally {
      delete proto.url;
      delete proto.role;
    }
  });

  it('what the feed leaves out reads as absent, even where a page has put that name on Object.prototype', () => {
    const raw = sampleFeed();
    delete raw.compact.sectors.voluntary;
    delete raw.compact.contact;
    delete raw.pledge.statement;
    const withProblem = sampleFeed(); // read by the full validator
    withProblem.signatories[0].url = 'javascript:alert(1)';
    delete withProblem.compact.sectors.voluntary;
    delete withProblem.compact.contact;
    delete withProblem.pledge.statement;
    const polluted: Record<string, unknown> = {
      url: 'https://polluted.example/', type: 'police', champion: { name: 'Polluted' }, role: 'Polluted',
      summary: 'Polluted', description: 'Polluted', due: '2000-01-01', voluntary: 'Polluted',
      contact: { name: 'Polluted' }, statement: 'Polluted', shorterBecause: 'Polluted',
    };
    const proto = Object.prototype as Record<string, unknown>;
    Object.assign(proto, polluted);
    try {
      for (const feed of [readCleanFeed(raw)!, checkFeed(raw).feed!, checkFeed(withProblem).feed!]) {
        const [council, cvc, transport] = feed.signatories;
        expect(cvc!.url, 'url').to.equal(undefined);
        expect(cvc!.champion, 'champion').to.equal(undefined);
        expect(transport!.type, 'type').to.equal(undefined);
        expect(transport!.champion!.role, 'role').to.equal(undefined);
        expect(council!.champion!.role).to.equal('Cabinet member');
        expect(feed.compact.sectors!.voluntary, 'sector name').to.equal(undefined);
        expect(feed.compact.contact, 'contact').to.equal(undefined);
        expect(feed.compact.principles[1]!.text, 'principle text').to.equal(undefined);
        const [a1, a2] = feed.actionPlan!.aims[0]!.actions;
        expect(a1!.due).to.equal('2025-03-31');
        expect(a2!.due, 'due').to.equal(undefined);
        expect(a2!.description, 'description').to.equal(undefined);
        expect(feed.consultations[1]!.summary, 'summary').to.equal(undefined);
        expect(feed.consultations[0]!.shorterBecause, 'shorterBecause').to.equal(undefined);
        expect(feed.pledge!.statement, 'statement').to.equal(undefined);
        expect(Object.keys(cvc!)).to.deep.equal(['id', 'name', 'sector', 'type']);
      }
      expectSameReading(raw, checkFeed(raw));
    } finally {
      for (const key of Object.keys(polluted)) delete proto[key];
    }
  });

  it('never throws, whatever it is given', () => {
    const trap = new Proxy({}, { get: () => { throw new Error('boom'); }, getOwnPropertyDescriptor: () => { throw new Error('boom'); } });
    const getter = minimalFeed();
    Object.defineProperty(getter.compact, 'summary', { enumerable: true, get() { throw new Error('boom'); } });
    for (const value of [trap, getter, Object.create(null), undefined, null, 'x', 1, []]) {
      expect(() => readCleanFeed(value)).not.to.throw();
      expect(readCleanFeed(value)).to.equal(undefined);
    }
  });
});

describe('readFeed: the widgets\' reading', () => {
  it('answers at once for a clean feed, as text or as a value, with no problems', () => {
    const text = JSON.stringify(sampleFeed());
    for (const input of [text, sampleFeed()]) {
      const reading = readFeed(input);
      expect(reading).to.not.be.instanceOf(Promise);
      expect(widgetView(reading as FeedReading)).to.deep.equal(widgetView(checkFeedText(text)));
    }
  });

  it('a feed with problems gets exactly checkFeed\'s answer, once the full validator has loaded', async () => {
    const badSignatory = sampleFeed();
    badSignatory.signatories.push({ id: 'bad', name: 'Bad', sector: 'private', url: 'javascript:alert(1)' });
    const cases: [unknown, () => FeedReading][] = [
      [badSignatory, () => checkFeed(badSignatory)],
      [JSON.stringify(badSignatory), () => checkFeed(badSignatory)],
      [{ ...sampleFeed(), feedVersion: '2.0' }, () => checkFeed({ ...sampleFeed(), feedVersion: '2.0' })],
      [{ ...sampleFeed(), feedVersion: 1 }, () => checkFeed({ ...sampleFeed(), feedVersion: 1 })],
      ['{"feedVersion": "1.0",', () => checkFeedText('{"feedVersion": "1.0",')],
      ['\uFEFF[1, 2', () => checkFeedText('\uFEFF[1, 2')],
      ['"just text"', () => checkFeedText('"just text"')],
      [42, () => checkFeed(42)],
    ];
    for (const [input, expected] of cases) {
      const reading = readFeed(input);
      expect(reading, JSON.stringify(input).slice(0, 60)).to.be.instanceOf(Promise);
      const answer = widgetView(await reading);
      expect(answer).to.deep.equal(widgetView(expected()));
      expect(answer.problems.length, 'the problems are reported').to.be.greaterThan(0);
    }
  });
});
