import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import {
  ABORT_GRACE_MS,
  DEFAULT_TIMEOUT,
  clearSavedFeeds,
  effectiveTimeout,
  loadFeed,
  resetFeedLoader,
} from '../../../src/core/feed-loader.js';
import sample from '../../fixtures/feed.json' with { type: 'json' };
import { feedUrl, requestCount } from '../../helpers/feed-element-suite.js';

const absolute = (path: string) => new URL(path, location.href).href;
const savedKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('compact-widgets:feed:v1:'));

describe('feed loader', () => {
  beforeEach(() => {
    resetFeedLoader();
    clearSavedFeeds();
  });

  it('shares one request between callers and keeps the result for later ones', async () => {
    const url = absolute(feedUrl({ delay: 100 }));
    const [a, b] = await Promise.all([loadFeed(url), loadFeed(url)]);
    const c = await loadFeed(url);
    expect(a.ok && b.ok && c.ok).to.equal(true);
    expect(await requestCount(url)).to.equal(1);
  });

  it('a caller that leaves and comes back at once (an element moved in the page) keeps the request', async () => {
    const url = absolute(feedUrl({ delay: 300 }));
    const first = new AbortController();
    const left = loadFeed(url, { signal: first.signal });
    first.abort(); // the only caller leaves…
    const back = loadFeed(url, { signal: new AbortController().signal }); // …and comes back
    expect((await left).ok).to.equal(false);
    expect((await back).ok).to.equal(true);
    expect(await requestCount(url)).to.equal(1);
  });

  it('aborts when every caller has gone for a moment, and a replaced request is not forgotten by the aborted one', async () => {
    const url = absolute(feedUrl({ delay: 300 }));
    const first = new AbortController();
    const aborted = loadFeed(url, { signal: first.signal });
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
    const url = absolute(feedUrl({ delay: 300 }));
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
      const outcome = await loadFeed(absolute(feedUrl({ delay: 200 })), { timeout });
      expect(outcome.ok, String(timeout)).to.equal(true);
    }
  });

  it('remembers where the feed really came from, after redirects, also in its saved copy', async () => {
    const final = `http://127.0.0.1:${location.port}${feedUrl({ failAfter: 1 })}`;
    const url = absolute(`/test-redirect?${new URLSearchParams({ to: final })}`);
    const outcome = await loadFeed(url);
    expect(outcome.ok && outcome.result.url).to.equal(final);
    await waitUntil(() => savedKeys().includes(`compact-widgets:feed:v1:${url}`));
    resetFeedLoader();
    // The feed now fails (503 after the first request): the saved copy is shown, with its origin.
    const saved = await loadFeed(url);
    expect(saved.ok && saved.result.staleBecause && saved.result.url).to.equal(final);
  });

  for (const savedAt of [1e300, -1, 0, 1.5, Number.MAX_SAFE_INTEGER, 'yesterday', null]) {
    it(`does not use a saved copy dated ${JSON.stringify(savedAt)}`, async () => {
      const url = absolute(feedUrl({ status: 503 }));
      const text = JSON.stringify(sample);
      localStorage.setItem(`compact-widgets:feed:v1:${url}`, JSON.stringify({ savedAt, text }));
      expect((await loadFeed(url)).ok).to.equal(false);
    });
  }

  it('does use a saved copy with a sensible date', async () => {
    const url = absolute(feedUrl({ status: 503 }));
    const savedAt = Date.now() - 3_600_000;
    localStorage.setItem(`compact-widgets:feed:v1:${url}`, JSON.stringify({ savedAt, text: JSON.stringify(sample) }));
    const outcome = await loadFeed(url);
    expect(outcome.ok && outcome.result.fetchedAt).to.equal(savedAt);
    expect(outcome.ok && outcome.result.url).to.equal(url);
  });

  it('ignores a saved copy whose contents were tampered with', async () => {
    const url = absolute(feedUrl({ status: 503 }));
    localStorage.setItem(`compact-widgets:feed:v1:${url}`, JSON.stringify({ savedAt: 'yesterday', text: '{}' }));
    const outcome = await loadFeed(url);
    expect(outcome.ok).to.equal(false);
  });

  it('saves the copy after the feed is handed over (storing a large feed must not delay the first rows)', async () => {
    const url = absolute(feedUrl());
    expect((await loadFeed(url)).ok).to.equal(true);
    expect(savedKeys(), 'not yet, in the task that delivers the feed').to.deep.equal([]);
    await waitUntil(() => savedKeys().includes(`compact-widgets:feed:v1:${url}`));
  });

  it('a copy not yet saved is saved first when the network fails and the saved copy is wanted', async () => {
    const url = absolute(feedUrl({ failAfter: 1 }));
    expect((await loadFeed(url)).ok).to.equal(true);
    // At once, before the save's turn: the retry button asks the network again, which now fails.
    const again = await loadFeed(url, { reload: true });
    expect(again.ok && again.result.staleBecause?.code).to.equal('http-error');
  });

  it('keeps at most three saved copies, newest first, so the host site’s storage never fills', async () => {
    const urls = [1, 2, 3, 4].map(() => absolute(feedUrl()));
    for (const url of urls) expect((await loadFeed(url)).ok).to.equal(true);
    // Copies are saved after the feed is handed over: wait for the newest one.
    await waitUntil(() => savedKeys().includes(`compact-widgets:feed:v1:${urls[3]}`));
    expect(savedKeys().sort()).to.deep.equal(urls.slice(1).map((u) => `compact-widgets:feed:v1:${u}`).sort());
  });
});
