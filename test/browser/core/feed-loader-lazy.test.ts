/**
 * A clean feed is read without the full validator; a feed with problems waits for it (loaded on
 * demand) and then gets exactly checkFeed's problems — from src and from a saved copy.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { clearSavedFeeds, loadFeed, resetFeedLoader } from '../../../src/core/feed-loader.js';
import { checkFeed, checkFeedText } from '../../../src/feed/validate.js';
import sample from '../../fixtures/feed.json' with { type: 'json' };
import southend from '../../../demo/feeds/southend.json' with { type: 'json' };
import { feedUrl } from '../../helpers/feed-element-suite.js';

const absolute = (path: string) => new URL(path, location.href).href;

describe('feed loader: the full validator only for a feed with problems', () => {
  beforeEach(() => {
    resetFeedLoader();
    clearSavedFeeds();
  });

  it('a clean feed over HTTP: no problems, the same model as checkFeedText', async () => {
    const url = absolute('/feeds/southend.json');
    const outcome = await loadFeed(url);
    expect(outcome.ok && outcome.result.problems).to.deep.equal([]);
    expect(outcome.ok && outcome.result.feed).to.deep.equal(checkFeed(southend).feed);
  });

  it('a feed with problems over HTTP, and its saved copy: the same problems as checkFeedText', async () => {
    const url = absolute(feedUrl({ failAfter: 1 }));
    const expected = checkFeedText(JSON.stringify(sample));
    const fresh = await loadFeed(url);
    expect(expected.problems).to.not.be.empty;
    expect(fresh.ok && fresh.result.problems).to.deep.equal(expected.problems);
    expect(fresh.ok && fresh.result.feed).to.deep.equal(expected.feed);
    // The server now fails: the saved copy is read again, with the same problems.
    const saved = await loadFeed(url, { reload: true });
    expect(saved.ok && saved.result.staleBecause?.code).to.equal('http-error');
    expect(saved.ok && saved.result.problems).to.deep.equal(expected.problems);
  });
});

describe('feed loader: the request', () => {
  beforeEach(() => resetFeedLoader());

  it("sends no cookies to another origin and matches a page's preload of the feed (credentials 'same-origin')", async () => {
    const fetch = sinon.stub(window, 'fetch').resolves(new Response(JSON.stringify(southend)));
    try {
      expect((await loadFeed('https://feeds.example/compact.json')).ok).to.equal(true);
      const init = fetch.firstCall.args[1]!;
      expect(init.credentials).to.equal('same-origin');
      expect(new Headers(init.headers).get('Accept')).to.equal('application/json');
    } finally {
      fetch.restore();
    }
  });
});
