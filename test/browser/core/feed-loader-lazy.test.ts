/**
 * A clean feed is read without the full validator; a feed with problems waits for it (loaded on
 * demand) and then gets exactly checkFeed's problems — from src, a saved copy, `.feed` or inline JSON.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { ReactiveElement } from 'lit';
import { FeedController, type FeedLoadDetail } from '../../../src/core/feed-controller.js';
import { loadFeed, resetFeedLoader } from '../../../src/core/feed-loader.js';
import { checkFeed, checkFeedText } from '../../../src/feed/validate.js';
import sample from '../../fixtures/feed.json' with { type: 'json' };
import southend from '../../../demo/feeds/southend.json' with { type: 'json' };
import { absoluteUrl, freshLoader, feedUrl } from '../../helpers/feeds.js';


/** The smallest host of a FeedController: it notes the state of every update. */
class FeedHost extends ReactiveElement {
  feed?: unknown;
  src?: string | null;
  readonly controller = new FeedController(this);
  readonly seen: string[] = [];
  protected override willUpdate(): void {
    this.controller.sync();
  }
  protected override updated(): void {
    this.seen.push(this.controller.state.status);
  }
  updateNow(): void {
    this.performUpdate();
  }
  // As CompactElement does: the update is complete once a given feed's reading is shown.
  protected override getUpdateComplete(): Promise<boolean> {
    return this.controller.untilRead(() => super.getUpdateComplete());
  }
}
customElements.define('feed-lazy-test-host', FeedHost);

const withProblem = () => {
  const feed = structuredClone(southend) as Record<string, any>;
  feed.signatories.push({ id: 'bad', name: 'Bad', sector: 'private' });
  return feed;
};

async function host(feed?: unknown, inline?: string): Promise<{ el: FeedHost; loads: FeedLoadDetail[] }> {
  const loads: FeedLoadDetail[] = [];
  const el = document.createElement('feed-lazy-test-host') as FeedHost;
  el.addEventListener('compact-feed-load', (e) => loads.push(e.detail));
  if (inline !== undefined) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = inline;
    el.append(script);
  }
  el.feed = feed;
  const container = await fixture<HTMLElement>('<div></div>');
  container.append(el);
  await el.updateComplete;
  return { el, loads };
}

const ready = (el: FeedHost) => waitUntil(() => el.controller.state.status === 'ready', 'ready', { timeout: 4000 });

describe('feed controller: the full validator only for a feed with problems', () => {
  it('a clean .feed is ready in the first update, with no problems', async () => {
    const { el, loads } = await host(structuredClone(southend));
    expect(el.seen).to.deep.equal(['ready']);
    expect(loads).to.have.length(1);
    expect(loads[0]!.problems).to.deep.equal([]);
    expect(loads[0]!.feed).to.deep.equal(checkFeed(southend).feed);
  });

  it('a .feed with problems shows the loading state, then the same feed and problems as checkFeed', async () => {
    const raw = withProblem();
    const { el, loads } = await host(raw);
    await ready(el);
    expect(el.seen).to.deep.equal(['loading', 'ready']);
    const expected = checkFeed(raw);
    expect(loads).to.have.length(1);
    expect(loads[0]!.problems).to.deep.equal(expected.problems);
    expect(expected.problems).to.have.length(1);
    expect(loads[0]!.feed).to.deep.equal(expected.feed);
  });

  it('updateComplete waits for the reading of a given feed with problems: it is shown when that resolves', async () => {
    const { el, loads } = await host(withProblem());
    expect(el.controller.state.status).to.equal('ready');
    expect(el.controller.reading).to.equal(undefined);
    expect(loads).to.have.length(1);
  });

  it('inline JSON with problems: the same feed and problems as checkFeedText', async () => {
    const text = JSON.stringify(withProblem());
    const { el, loads } = await host(undefined, text);
    await ready(el);
    expect(loads[0]!.problems).to.deep.equal(checkFeedText(text).problems);
  });

  it('a broken .feed shows the error state once the validator has read it, and nothing throws', async () => {
    const { el } = await host({ feedVersion: '2.0', compact: { id: 'x', name: 'X' } });
    await waitUntil(() => el.controller.state.status === 'error', 'error', { timeout: 4000 });
    const state = el.controller.state;
    expect(state.status === 'error' && state.failure.code).to.equal('unsupported-version');
  });

  it('a feed replaced while the validator loads is not shown over its replacement', async () => {
    const first = withProblem();
    first.compact.id = 'first';
    const { el, loads } = await host();
    // Both updates run in this task, so the validator cannot answer for the first feed in between.
    el.feed = first;
    el.requestUpdate();
    el.updateNow();
    expect(el.controller.state.status).to.equal('loading');
    const superseded = el.controller.reading;
    el.feed = { ...structuredClone(southend), compact: { ...southend.compact, id: 'replacement' } };
    el.requestUpdate();
    el.updateNow();
    expect(el.controller.state.status).to.equal('ready');
    await superseded; // the first feed's reading has answered
    expect(el.controller.state.status === 'ready' && el.controller.state.feed.compact.id).to.equal('replacement');
    expect(loads.map((d) => d.feed.compact.id)).to.deep.equal(['replacement']);
  });
});

describe('feed loader: the full validator only for a feed with problems', () => {
  beforeEach(freshLoader);

  it('a clean feed over HTTP: no problems, the same model as checkFeedText', async () => {
    const url = absoluteUrl('/feeds/southend.json');
    const outcome = await loadFeed(url);
    expect(outcome.ok && outcome.result.problems).to.deep.equal([]);
    expect(outcome.ok && outcome.result.feed).to.deep.equal(checkFeed(southend).feed);
  });

  it('a feed with problems over HTTP, and its saved copy: the same problems as checkFeedText', async () => {
    const url = absoluteUrl(feedUrl({ failAfter: 1 }));
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
