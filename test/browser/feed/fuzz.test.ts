import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkFeed, checkFeedText } from '../../../src/feed/validate.js';
import type { FeedCheck } from '../../../src/feed/validate.js';
import type { CompactFeed } from '../../../src/feed/types.js';
import { sampleFeed } from './sample-feed.js';
import { expectSameReading, expectSameTextReading } from './same-reading.js';

/** Every Url in the normalised model (and nothing else: a LocalizedText may have any keys). */
function urlsOf(feed: CompactFeed): [string, unknown][] {
  const out: [string, unknown][] = [
    ['$.compact.url', feed.compact.url],
    ['$.compact.document', feed.compact.document],
    ['$.compact.contact.url', feed.compact.contact?.url],
    ['$.pledge.endpoint', feed.pledge?.endpoint],
    ['$.pledge.privacyNotice', feed.pledge?.privacyNotice],
  ];
  feed.signatories.forEach((s, i) => out.push([`$.signatories[${i}].url`, s.url], [`$.signatories[${i}].logo`, s.logo]));
  feed.consultations.forEach((c, i) => out.push([`$.consultations[${i}].url`, c.url]));
  return out;
}

/** Asserts every Url of the normalised feed is an absolute http(s) URL. */
function assertOnlyHttpUrls(feed: CompactFeed): void {
  if (feed.pledge) expect(feed.pledge.endpoint && feed.pledge.privacyNotice).to.be.a('string');
  for (const [path, v] of urlsOf(feed)) {
    if (v === undefined) continue;
    expect(v, path).to.be.a('string').that.matches(/^https?:\/\/[^\s]+$/);
    expect(['http:', 'https:'], path).to.include(new URL(v as string).protocol);
  }
}

function assertUniqueIds(list: { id: string }[], what: string) {
  expect(new Set(list.map((i) => i.id)).size, `${what} ids unique`).to.equal(list.length);
}

/** The lenient feed holds only valid items: checked directly, and by checking it again. */
function assertSound(r: FeedCheck): void {
  expect(r.valid).to.equal(!r.failure && r.problems.length === 0);
  for (const p of r.problems) {
    expect(p.path).to.match(/^\$/);
    expect(p.message).to.be.a('string').that.is.not.empty;
  }
  if (r.feed === null) {
    expect(r.failure).to.not.equal(undefined);
    return;
  }
  expect(r.failure).to.equal(undefined);
  const feed: CompactFeed = r.feed;
  assertOnlyHttpUrls(feed);
  assertUniqueIds(feed.signatories, 'signatories');
  assertUniqueIds(feed.consultations, 'consultations');
  assertUniqueIds(feed.compact.principles, 'principles');
  assertUniqueIds(feed.compact.commitments, 'commitments');
  for (const c of feed.consultations) {
    expect(Number.isFinite(c.opensAt) && Number.isFinite(c.closesAt)).to.equal(true);
    expect(c.closesAt).to.be.greaterThan(c.opensAt);
  }
  if (feed.actionPlan) {
    assertUniqueIds(feed.actionPlan.aims, 'aims');
    for (const aim of feed.actionPlan.aims) {
      assertUniqueIds(aim.actions, 'actions');
      for (const a of aim.actions) {
        expect(Array.isArray(a.lead) && Array.isArray(a.updates)).to.equal(true);
        if (a.progress !== undefined) expect(a.progress).to.be.within(0, 100);
      }
    }
  }
  // The normalised feed, read again, has nothing left to complain about and does not change.
  const again = checkFeed(JSON.parse(JSON.stringify(feed)));
  expect(again.problems, JSON.stringify(again.problems)).to.deep.equal([]);
  expect(again.feed).to.deep.equal(JSON.parse(JSON.stringify(feed)));
}

/** Every path (list of keys) to a sub-value of `value`, the root excepted. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...prefix, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      pathsOf(v, p, out);
    }
  }
  return out;
}

const DELETE = Symbol('delete');
const DUPLICATE = Symbol('duplicate');
type Mutation = { at: number; value: unknown };

/** Applies mutations to a fresh sample feed; paths that no longer exist are skipped. */
function mutate(paths: (string | number)[][], mutations: Mutation[]): unknown {
  const feed: any = sampleFeed();
  for (const { at, value } of mutations) {
    const path = paths[at]!;
    let parent = feed;
    for (const key of path.slice(0, -1)) {
      parent = parent?.[key];
      if (!parent || typeof parent !== 'object') break;
    }
    if (!parent || typeof parent !== 'object') continue;
    const key = path[path.length - 1]!;
    if (value === DELETE) delete parent[key];
    else if (value === DUPLICATE) {
      if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
    } else parent[key] = value;
  }
  return feed;
}

const INTERESTING = [
  'javascript:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x',
  ' https://x.example/', 'https://x.example/ ', 'https://ok.example/', 'http://ok.example/a?b#c', '//x.example', 'https://',
  '', ' ', 'x', '2026-02-30', '2026-03-29', '2026-10-25', '2024-02-29', '2026-10-25T01:30:00Z', '2026-10-25T01:30:00',
  '2026-10-25T01:30:00+01:00', 'public', 'voluntary', 'joint', 'complete', 'in-progress', 'delayed', '1', '1.9', '2.0',
  'Europe/London', 'America/New_York', 'Mars/Base', '+01:00', 'cy', 'en-GB', 'English', 'GB-CHC-1234567', 'a1',
  'communication', 'budget-2027', '__proto__', 'constructor', -1, 0, 1, 12, 99.5, 100, 101, 1e308, null, true, false, {}, [],
  { en: 'x', cy: 5 }, { '': 'x' }, { en: '' }, ['a', 1], [{}], [null],
];

describe('checkFeed fuzzing (fast-check)', function () {
  this.timeout(60000);

  it('never throws on arbitrary JSON values, and what it returns is sound', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = checkFeed(value);
        assertSound(r);
        expectSameReading(value, r);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary JSON objects with feed-like keys', () => {
    const key = fc.constantFrom('feedVersion', 'compact', 'id', 'name', 'signatories', 'sector', 'url', 'actionPlan', 'aims', 'actions', 'status', 'consultations', 'opens', 'closes', 'pledge', 'endpoint', 'privacyNotice');
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.constantFrom(...INTERESTING), fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(key, tie('tree'), { maxKeys: 6 })),
    }));
    fc.assert(
      fc.property(fc.record({ feedVersion: fc.constantFrom('1', '1.0', 1), compact: tree }), tree, (feed, extra) => {
        const value = { ...feed, signatories: extra, consultations: extra, actionPlan: extra };
        const r = checkFeed(value);
        assertSound(r);
        expectSameReading(value, r);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const r = checkFeedText(text);
        assertSound(r);
        expectSameTextReading(text, r);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on a valid feed with random parts replaced, deleted or duplicated', () => {
    const paths = pathsOf(sampleFeed());
    const replacement = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...INTERESTING) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
      { weight: 1, arbitrary: fc.constant(DELETE) },
      { weight: 1, arbitrary: fc.constant(DUPLICATE) },
    );
    const mutations = fc.array(fc.record({ at: fc.nat(paths.length - 1), value: replacement }), {
      minLength: 1,
      maxLength: 6,
    });
    let kept = 0;
    fc.assert(
      fc.property(mutations, (ms) => {
        const value = mutate(paths, ms);
        const r = checkFeed(value);
        assertSound(r);
        expectSameReading(value, r);
        if (r.feed) kept++;
      }),
      { numRuns: 4000 },
    );
    // Most mutated feeds are still readable: the lenient view does its job.
    expect(kept).to.be.greaterThan(2000);
  });
});
