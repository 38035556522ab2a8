import { expect, fixture, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import {
  ABORT_GRACE_MS,
  DEFAULT_TIMEOUT,
  effectiveTimeout,
  loadFeed,
  requestCounts,
  resetFeedLoader,
} from '../../../src/core/feed-loader.js';
import { requestEarly } from '../../../src/early-feed.js';
import { liveText, settled, shadowText } from '../../helpers/dom.js';
import { retryButton } from '../../helpers/feed-element-suite.js';
import { absoluteUrl, freshLoader, feedUrl, requestCount, sampleFeed, SAVED_COPY_PREFIX, savedCopyKey } from '../../helpers/feeds.js';
import { MINIMAL_READY_TEXT, MINIMAL_TAG, type TestCompactElement } from '../../helpers/minimal-element.js';

const sample = sampleFeed();

const ABSURD_SAVED_AT: unknown[] = [
  1e300,
  -1,
  0,
  1.5,
  Number.MAX_SAFE_INTEGER,
  Date.now() + 10 * 86_400_000, // ten days ahead: more than a clock can drift
  'yesterday',
  null, // what NaN becomes in JSON
  [1],
];
const savedKeys = () => Object.keys(localStorage).filter((k) => k.startsWith(SAVED_COPY_PREFIX));

describe('feed loader', () => {
  beforeEach(freshLoader);

  it('a page that has put fetch’s option names on Object.prototype (`mode`, `cache`) still gets its feed, early or not', async () => {
    const proto = Object.prototype as Record<string, unknown>;
    Object.assign(proto, { mode: 'dark', cache: 'sometimes' });
    try {
      const early = absoluteUrl(feedUrl());
      requestEarly(early);
      expect((await loadFeed(early)).ok, 'early').to.equal(true);
      expect((await loadFeed(absoluteUrl(feedUrl()))).ok, 'the loader’s own request').to.equal(true);
    } finally {
      delete proto.mode;
      delete proto.cache;
    }
  });

  it('shares one request between callers and keeps the result for later ones', async () => {
    const url = absoluteUrl(feedUrl({ delay: 100 }));
    const [a, b] = await Promise.all([loadFeed(url), loadFeed(url)]);
    const c = await loadFeed(url);
    expect(a.ok && b.ok && c.ok).to.equal(true);
    expect(await requestCount(url)).to.equal(1);
  });

  it('a caller that leaves and comes back at once (an element moved in the page) keeps the request', async () => {
    const url = absoluteUrl(feedUrl({ delay: 300 }));
    const first = new AbortController();
    const left = loadFeed(url, { signal: first.signal });
    first.abort(); // the only caller leaves…
    const back = loadFeed(url, { signal: new AbortController().signal }); // …and comes back
    expect((await left).ok).to.equal(false);
    expect((await back).ok).to.equal(true);
    expect(await requestCount(url)).to.equal(1);
  });

  it('aborts when every caller has gone for a moment, and a replaced request is not forgotten by the aborted one', async () => {
    const url = absoluteUrl(feedUrl({ delay: 300 }));
    const first = new AbortController();
    const aborted = loadFeed(url, { signal: first.signal });
    // The server has it (it counts before its delay): an abort cannot come before the request left.
    await waitUntil(async () => (await requestCount(url)) === 1, 'the first request at the server');
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      first.abort(); // the only caller leaves (an element removed from the page)…
      clock.tick(ABORT_GRACE_MS); // …and nobody wants the feed for a while
    } finally {
      clock.restore();
    }
    const second = loadFeed(url, { signal: new AbortController().signal }); // a new element asks again
    expect((await aborted).ok).to.equal(false);
    expect((await second).ok).to.equal(true);
    const third = await loadFeed(url); // a badge defined later reuses the result
    expect(third.ok).to.equal(true);
    expect(await requestCount(url)).to.equal(2);
  });

  it('a caller without a signal keeps the request even when every other caller leaves', async () => {
    const url = absoluteUrl(feedUrl({ delay: 300 }));
    const leaving = new AbortController();
    void loadFeed(url, { signal: leaving.signal });
    const staying = loadFeed(url);
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      leaving.abort();
      clock.tick(ABORT_GRACE_MS * 2);
    } finally {
      clock.restore();
    }
    expect((await staying).ok).to.equal(true);
    expect(await requestCount(url)).to.equal(1);
  });

  it('a timeout that is not a number from 1 ms to 10 minutes means the default, 15 s', async () => {
    for (const timeout of [NaN, Infinity, -1, 0, 0.5, 600_001, 3_000_000_000, 'abc', '300', null]) {
      expect(effectiveTimeout(timeout), String(timeout)).to.equal(DEFAULT_TIMEOUT);
    }
    for (const timeout of [1, 300, 15_000, 600_000]) expect(effectiveTimeout(timeout)).to.equal(timeout);
    // Before, 3000000000 overflowed the timer and "abc" became NaN: both gave up at once.
    for (const timeout of [3_000_000_000, Number('abc')]) {
      const outcome = await loadFeed(absoluteUrl(feedUrl({ delay: 200 })), { timeout });
      expect(outcome.ok, String(timeout)).to.equal(true);
    }
  });

  it('remembers where the feed really came from, after redirects, also in its saved copy', async () => {
    const final = `http://127.0.0.1:${location.port}${feedUrl({ failAfter: 1 })}`;
    const url = absoluteUrl(`/test-redirect?${new URLSearchParams({ to: final })}`);
    const outcome = await loadFeed(url);
    expect(outcome.ok && outcome.result.url).to.equal(final);
    await waitUntil(() => savedKeys().includes(savedCopyKey(url)));
    resetFeedLoader();
    // The feed now fails (503 after the first request): the saved copy is shown, with its origin.
    const saved = await loadFeed(url);
    expect(saved.ok && saved.result.staleBecause && saved.result.url).to.equal(final);
  });

  /** Dates a saved copy cannot have been written at (the storage is the host site's to change). */
  for (const savedAt of ABSURD_SAVED_AT) {
    it(`does not use a saved copy dated ${JSON.stringify(savedAt)}`, async () => {
      const url = absoluteUrl(feedUrl({ status: 503 }));
      const text = JSON.stringify(sample);
      localStorage.setItem(savedCopyKey(url), JSON.stringify({ savedAt, text }));
      expect((await loadFeed(url)).ok).to.equal(false);
    });
  }

  it('does use a saved copy with a sensible date', async () => {
    const url = absoluteUrl(feedUrl({ status: 503 }));
    const savedAt = Date.now() - 3_600_000;
    localStorage.setItem(savedCopyKey(url), JSON.stringify({ savedAt, text: JSON.stringify(sample) }));
    const outcome = await loadFeed(url);
    expect(outcome.ok && outcome.result.fetchedAt).to.equal(savedAt);
    expect(outcome.ok && outcome.result.url).to.equal(url);
  });

  it('ignores a saved copy whose contents were tampered with', async () => {
    const url = absoluteUrl(feedUrl({ status: 503 }));
    localStorage.setItem(savedCopyKey(url), JSON.stringify({ savedAt: 'yesterday', text: '{}' }));
    const outcome = await loadFeed(url);
    expect(outcome.ok).to.equal(false);
  });

  it('saves the copy after the feed is handed over (storing a large feed must not delay the first rows)', async () => {
    const url = absoluteUrl(feedUrl());
    expect((await loadFeed(url)).ok).to.equal(true);
    expect(savedKeys(), 'not yet, in the task that delivers the feed').to.deep.equal([]);
    await waitUntil(() => savedKeys().includes(savedCopyKey(url)));
  });

  it('a copy not yet saved is saved first when the network fails and the saved copy is wanted', async () => {
    const url = absoluteUrl(feedUrl({ failAfter: 1 }));
    expect((await loadFeed(url)).ok).to.equal(true);
    // At once, before the save's turn: the retry button asks the network again, which now fails.
    const again = await loadFeed(url, { reload: true });
    expect(again.ok && again.result.staleBecause?.code).to.equal('http-error');
  });

  it('keeps saved copies within 2 million characters in all, newest first: the rest of the site’s storage stays free', async () => {
    const stored = () => savedKeys().reduce((sum, key) => sum + (localStorage.getItem(key)?.length ?? 0), 0);
    // About 0.9 million characters each, as stored: two fit together, not three.
    const large = [1, 2, 3].map(() => absoluteUrl(feedUrl({ signatories: 10_000 })));
    for (const url of large) {
      expect((await loadFeed(url)).ok).to.equal(true);
      await waitUntil(() => savedKeys().includes(savedCopyKey(url)), 'its copy saved');
    }
    expect(savedKeys().sort()).to.deep.equal(large.slice(1).map(savedCopyKey).sort());
    expect(JSON.parse(localStorage.getItem('compact-widgets:feed-index:v1')!), 'newest first').to.deep.equal([large[2], large[1]]);
    expect(stored()).to.be.above(1_500_000).and.at.most(2_000_000);
    // Larger than that in all: not saved, and the copies there are kept.
    const huge = absoluteUrl(feedUrl({ signatories: 25_000 }));
    expect((await loadFeed(huge)).ok).to.equal(true);
    // Pending copies are written together: once a small feed's is there, the huge one's turn has passed.
    const small = absoluteUrl(feedUrl());
    expect((await loadFeed(small)).ok).to.equal(true);
    await waitUntil(() => savedKeys().includes(savedCopyKey(small)), 'the small copy saved');
    expect(savedKeys()).not.to.include(savedCopyKey(huge));
    expect(savedKeys().sort()).to.deep.equal([small, ...large.slice(1)].map(savedCopyKey).sort());
  });

  it('keeps at most three saved copies, newest first, so the host site’s storage never fills', async () => {
    const urls = [1, 2, 3, 4].map(() => absoluteUrl(feedUrl()));
    for (const url of urls) expect((await loadFeed(url)).ok).to.equal(true);
    // Copies are saved after the feed is handed over: wait for the newest one.
    await waitUntil(() => savedKeys().includes(savedCopyKey(urls[3])));
    expect(savedKeys().sort()).to.deep.equal(urls.slice(1).map(savedCopyKey).sort());
  });
});

/**
 * What the controller and the base element do the same way for every element, tested once on the
 * smallest element (test/helpers/minimal-element.ts). Each element's own states are in
 * test/helpers/feed-element-suite.ts, run once per element.
 */
describe('feed controller: sources, requests and failures, the same for every element', () => {
  type El = TestCompactElement & { feed?: unknown };
  const markup = (src?: string, extra = '') => `<${MINIMAL_TAG}${src === undefined ? '' : ` src="${src}"`}${extra}></${MINIMAL_TAG}>`;
  async function element(src?: string, extra = ''): Promise<El> {
    const container = await fixture<HTMLElement>(`<div>${markup(src, extra)}</div>`);
    return container.firstElementChild as El;
  }
  const isReady = (el: Element) => () => shadowText(el).includes(MINIMAL_READY_TEXT);
  const errorState = (el: Element) => () => retryButton(el) !== null && !shadowText(el).includes('Loading');

  beforeEach(freshLoader);

  it('reads a feed given as the .feed property, without any request', async () => {
    const el = await element();
    el.feed = sampleFeed();
    await settled(el, isReady(el), 'the feed');
    expect([...requestCounts.keys()]).to.deep.equal([]);
  });

  it('reads inline JSON from a <script type="application/json"> child, without any request', async () => {
    const json = JSON.stringify(sampleFeed()).replace(/</g, '\\u003c');
    const container = await fixture<HTMLElement>(
      `<div><${MINIMAL_TAG}><script type="application/json">${json}</script></${MINIMAL_TAG}></div>`,
    );
    const el = container.firstElementChild!;
    await settled(el, isReady(el), 'the inline feed');
    expect([...requestCounts.keys()]).to.deep.equal([]);
  });

  it('makes one request however many elements share a src', async () => {
    const url = feedUrl({ delay: 100 });
    const container = await fixture<HTMLElement>(`<div>${[1, 2, 3].map(() => markup(url)).join('')}</div>`);
    const els = [...container.children];
    await settled(els[2], () => els.every((el) => isReady(el)()), 'the feed in all three');
    expect(await requestCount(url)).to.equal(1);
  });

  for (const [name, query, expected] of [
    ['a 404', { status: 404 }, '404'],
    ['a 500', { status: 500 }, '500'],
    ['an HTML page instead of JSON', { body: 'html' }, 'not valid JSON'],
    ['truncated JSON', { body: 'truncated' }, 'not valid JSON'],
    ['another major feedVersion', { body: 'version2' }, 'This feed is version 2.0; these widgets read version 1.x.'],
    ['a CORS refusal', { cors: 'refuse', crossOrigin: 1 }, 'could not be loaded'],
  ] as const) {
    it(`ends in a visible error state with a retry, saying why, for ${name}`, async () => {
      const errors: CustomEvent[] = [];
      const listener = (e: Event) => errors.push(e as CustomEvent);
      document.addEventListener('compact-feed-error', listener);
      try {
        let url = feedUrl(query as Record<string, string | number>);
        // localhost and 127.0.0.1 are different origins: a real cross-origin request.
        if ('crossOrigin' in query) url = `http://127.0.0.1:${location.port}${url}`;
        const el = await element(url);
        await settled(el, errorState(el), 'the error state');
        expect(shadowText(el)).to.contain(expected);
        expect(errors).to.have.length(1);
        await expect(el).to.be.accessible();
      } finally {
        document.removeEventListener('compact-feed-error', listener);
      }
    });
  }

  it('works cross-origin when the feed host allows it (CORS)', async () => {
    const el = await element(`http://127.0.0.1:${location.port}${feedUrl()}`);
    await settled(el, isReady(el), 'the cross-origin feed');
  });

  it('gives up after its timeout', async () => {
    const el = await element(feedUrl({ delay: 3000 }), ' timeout="300"');
    await settled(el, errorState(el), 'the error state');
    expect(shadowText(el)).to.contain('took too long');
  });

  it('retries when asked and recovers', async () => {
    const url = feedUrl({ status: 503 });
    const el = await element(url);
    await settled(el, errorState(el), 'the error state');
    // The same element now points at a working feed; "Try again" must ask the network again.
    el.setAttribute('src', feedUrl());
    await settled(el, isReady(el), 'the new feed');
    const failing = await element(url);
    await settled(failing, errorState(failing), 'the error state');
    retryButton(failing)!.click();
    await waitUntil(async () => (await requestCount(url)) === 3, 'a third request for the failing feed', { timeout: 4000 });
  });

  it('keeps keyboard focus on "Try again" when a retry fails again, and announces why', async () => {
    const el = await element(feedUrl({ status: 503 }));
    await settled(el, errorState(el), 'the error state');
    retryButton(el)!.focus();
    retryButton(el)!.click();
    const focusedRetry = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('part') === 'retry';
    await settled(el, () => liveText(el).includes('503'), 'the announcement');
    await el.updateComplete;
    expect(focusedRetry(), 'focus is on the new "Try again" button').to.equal(true);
  });

  it('offline with no saved copy: error state', async () => {
    // Port 9 (discard) on loopback: nothing listens, so fetch fails like being offline.
    const el = await element('http://127.0.0.1:9/feed.json');
    await settled(el, errorState(el), 'the error state');
    expect(shadowText(el)).to.contain('could not be loaded');
  });

  it('refuses a src that is not an http(s) address, without a request', async () => {
    const el = await element('javascript:alert(1)');
    await settled(el, errorState(el), 'the error state');
    expect(shadowText(el)).to.contain('not a web address');
    expect([...requestCounts.keys()]).to.deep.equal([]);
  });

  it('aborts its request when removed before the feed arrives (after a moment, in case it comes back)', async () => {
    const originalFetch = window.fetch;
    const signals: AbortSignal[] = [];
    window.fetch = (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return originalFetch(input, init);
    };
    let clock: sinon.SinonFakeTimers | undefined;
    try {
      const el = await element(feedUrl({ delay: 2000 }));
      await waitUntil(() => signals.length === 1);
      clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      el.remove();
      clock.tick(ABORT_GRACE_MS - 1);
      expect(signals[0].aborted, 'not yet: the element may be moving').to.equal(false);
      clock.tick(1);
      expect(signals[0].aborted).to.equal(true);
    } finally {
      clock?.restore();
      window.fetch = originalFetch;
    }
  });

  it('moved around the page 1,000 times while its feed loads: one request, and the feed shows', async () => {
    const url = feedUrl({ delay: 300 });
    const el = await element(url);
    const [here, there] = [el.parentElement!, document.createElement('div')];
    el.parentElement!.after(there);
    try {
      for (let i = 0; i < 1000; i++) (i % 2 ? here : there).append(el);
      await settled(el, isReady(el), 'the feed');
      expect(await requestCount(url)).to.equal(1);
    } finally {
      there.remove();
    }
  });

  it('a saved copy with an absurd date is not shown, and never leaves the element on "Loading…"', async () => {
    for (const savedAt of ABSURD_SAVED_AT) {
      resetFeedLoader();
      const url = feedUrl({ status: 503 });
      localStorage.setItem(savedCopyKey(url), JSON.stringify({ savedAt, text: JSON.stringify(sampleFeed()) }));
      const el = await element(url);
      await settled(el, errorState(el), `the error state (saved at ${JSON.stringify(savedAt)})`);
      expect(shadowText(el), JSON.stringify(savedAt)).not.to.contain(MINIMAL_READY_TEXT);
      expect(shadowText(el), JSON.stringify(savedAt)).not.to.contain('copy saved');
      if (savedAt === 1e300) await expect(el).to.be.accessible();
    }
  });
});
