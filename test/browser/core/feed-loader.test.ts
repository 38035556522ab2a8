import { expect, waitUntil } from '@open-wc/testing';
import { clearSavedFeeds, loadFeed, resetFeedLoader } from '../../../src/core/feed-loader.js';
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

  it('aborts when every caller has gone, and a replaced request is not forgotten by the aborted one', async () => {
    const url = absolute(feedUrl({ delay: 300 }));
    const first = new AbortController();
    const aborted = loadFeed(url, { signal: first.signal });
    first.abort(); // the only caller leaves (an element moved in the page)…
    const second = loadFeed(url, { signal: new AbortController().signal }); // …and comes back
    expect((await aborted).ok).to.equal(false);
    expect((await second).ok).to.equal(true);
    const third = await loadFeed(url); // a badge defined later reuses the result
    expect(third.ok).to.equal(true);
    expect(await requestCount(url)).to.equal(2);
  });

  it('ignores a saved copy whose contents were tampered with', async () => {
    const url = absolute(feedUrl({ status: 503 }));
    localStorage.setItem(`compact-widgets:feed:v1:${url}`, JSON.stringify({ savedAt: 'yesterday', text: '{}' }));
    const outcome = await loadFeed(url);
    expect(outcome.ok).to.equal(false);
  });

  it('keeps at most three saved copies, newest first, so the host site’s storage never fills', async () => {
    const urls = [1, 2, 3, 4].map(() => absolute(feedUrl()));
    for (const url of urls) expect((await loadFeed(url)).ok).to.equal(true);
    await waitUntil(() => savedKeys().length === 3);
    expect(savedKeys().sort()).to.deep.equal(urls.slice(1).map((u) => `compact-widgets:feed:v1:${u}`).sort());
  });
});
