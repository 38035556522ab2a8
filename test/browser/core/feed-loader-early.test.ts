/**
 * The script-tag entry asks for the feeds in the page before the loader's code has arrived
 * (src/early-feed.ts); the loader takes each request over once, and everything after it (failures,
 * timeouts, problems, reloads) is what it would have been without the early request.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { loadFeed, requestCounts } from '../../../src/core/feed-loader.js';
import { EARLY_FEEDS, UNCLAIMED_MS, requestEarly, type EarlyFeeds } from '../../../src/early-feed.js';
import { checkFeed } from '../../../src/feed/validate.js';
import { absoluteUrl, freshLoader, feedUrl, requestCount, sampleFeed } from '../../helpers/feeds.js';

const pending = () => (globalThis as unknown as Record<symbol, EarlyFeeds | undefined>)[Symbol.for(EARLY_FEEDS)];

/** A fetch that never answers until its signal is aborted, noting each call. */
function hangingFetch() {
  return sinon.stub(window, 'fetch').callsFake(
    (_url, init) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      }),
  );
}

describe('feed loader: the entry’s early requests', () => {
  beforeEach(freshLoader);

  it('takes the early request over: one request to the server, and the same feed as without it', async () => {
    const url = absoluteUrl(feedUrl({ delay: 50 }));
    requestEarly(url);
    const outcome = await loadFeed(url);
    expect(outcome.ok).to.equal(true);
    expect(outcome.ok && outcome.result.feed).to.deep.equal(checkFeed(sampleFeed()).feed);
    expect(outcome.ok && outcome.result.url).to.equal(url);
    expect(await requestCount(url)).to.equal(1);
    expect(requestCounts.get(url)).to.equal(1);
    expect(pending()?.has(url)).to.equal(false);
  });

  it('asking early twice for one address (the script twice in a page) makes one request', async () => {
    const url = absoluteUrl(feedUrl({ delay: 50 }));
    requestEarly(url);
    requestEarly(url);
    expect((await loadFeed(url)).ok).to.equal(true);
    expect(await requestCount(url)).to.equal(1);
  });

  it('is used once: a reload (the retry button) asks the network again', async () => {
    const url = absoluteUrl(feedUrl());
    requestEarly(url);
    expect((await loadFeed(url)).ok).to.equal(true);
    expect((await loadFeed(url, { reload: true })).ok).to.equal(true);
    expect(await requestCount(url)).to.equal(2);
  });

  it('a refusal by the server is the same failure as without it', async () => {
    const early = absoluteUrl(feedUrl({ status: 500 }));
    const late = absoluteUrl(feedUrl({ status: 500 }));
    requestEarly(early);
    const [a, b] = [await loadFeed(early), await loadFeed(late)];
    expect(a.ok).to.equal(false);
    expect(!a.ok && a.failure).to.deep.equal(!b.ok && b.failure);
    expect(!a.ok && a.failure.code).to.equal('http-error');
  });

  it('a body that is not JSON, or JSON that is not a feed, is reported as it is without it', async () => {
    for (const body of ['truncated', 'html', 'version2']) {
      const early = absoluteUrl(feedUrl({ body }));
      const late = absoluteUrl(feedUrl({ body }));
      requestEarly(early);
      const [a, b] = [await loadFeed(early), await loadFeed(late)];
      expect(a.ok, body).to.equal(false);
      expect(!a.ok && a.failure, body).to.deep.equal(!b.ok && b.failure);
    }
  });

  it('the loader’s timeout ends an early request that has not answered, and aborts it', async () => {
    const fetch = hangingFetch();
    try {
      const url = 'https://feeds.example/slow.json';
      requestEarly(url);
      const outcome = await loadFeed(url, { timeout: 20 });
      expect(!outcome.ok && outcome.failure.code).to.equal('timeout');
      expect(fetch.callCount).to.equal(1);
      expect(fetch.firstCall.args[1]!.signal!.aborted).to.equal(true);
    } finally {
      fetch.restore();
    }
  });

  it('is made the way the loader makes its own request (no cookies to another origin, JSON asked for)', async () => {
    const fetch = hangingFetch();
    try {
      requestEarly('https://feeds.example/early.json');
      void loadFeed('https://feeds.example/late.json', { timeout: 20 });
      const [early, late] = fetch.getCalls().map((call) => call.args[1]!);
      expect([early.credentials, late.credentials]).to.deep.equal(['same-origin', 'same-origin']);
      const accept = (init: RequestInit) => new Headers(init.headers).get('Accept');
      expect([accept(early), accept(late)]).to.deep.equal(['application/json', 'application/json']);
    } finally {
      fetch.restore();
    }
  });

  it('one nobody takes within a minute is aborted and let go; the loader then asks the network itself', async () => {
    const fetch = hangingFetch();
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const url = 'https://feeds.example/unclaimed.json';
      requestEarly(url);
      clock.tick(UNCLAIMED_MS - 1);
      expect(pending()?.has(url)).to.equal(true);
      clock.tick(1);
      expect(pending()?.has(url)).to.equal(false);
      expect(fetch.firstCall.args[1]!.signal!.aborted).to.equal(true);
      void loadFeed(url, { timeout: 20 });
      expect(fetch.callCount).to.equal(2);
      clock.tick(20);
    } finally {
      clock.restore();
      fetch.restore();
    }
  });

  it('a page whose own fetch throws at once (a wrapper, a stub) gets no error from the entry; the loader then asks itself', async () => {
    const url = absoluteUrl(feedUrl());
    const fetch = sinon.stub(window, 'fetch').throws(new TypeError('fetch is switched off on this page'));
    try {
      // The entry runs this at the top of the page's module: a throw here would stop the widgets loading at all.
      expect(() => requestEarly(url)).to.not.throw();
      expect(pending()?.has(url) ?? false).to.equal(false);
    } finally {
      fetch.restore();
    }
    expect((await loadFeed(url)).ok).to.equal(true);
    expect(await requestCount(url)).to.equal(1);
  });
});
