/**
 * What every feed-consuming element must do, run once per element:
 *
 *   feedElementSuite({ tag: 'compact-signatory-list', emptyFeed, readyText: 'Côr Meibion' });
 *
 * Sources (src, .feed, inline JSON), one request per src, the loading / error / saved-copy /
 * empty states, events, language inheritance, bad input never throwing, and axe in every state.
 */
import { expect, fixture, waitUntil, aTimeout } from '@open-wc/testing';
import sinon from 'sinon';
import { ABORT_GRACE_MS, clearSavedFeeds, resetFeedLoader } from '../../src/core/feed-loader.js';
import sample from '../fixtures/feed.json' with { type: 'json' };

export interface FeedElementSuiteOptions {
  tag: string;
  /** Attributes the element needs besides `src` (e.g. `signatory` for the badge). */
  attributes?: Record<string, string>;
  /** A valid feed in which this element has nothing to show (its empty state). */
  emptyFeed: unknown;
  /** Text the element shows for the sample feed (test/fixtures/feed.json). */
  readyText: string;
}

export const sampleFeed = (): typeof sample => structuredClone(sample);

/** A unique test-feed URL, so no two tests share a request or a saved copy. */
let counter = 0;
export function feedUrl(query: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({ key: `k${Date.now()}-${counter++}`, ...query } as Record<string, string>);
  return `/test-feed?${params}`;
}

export async function requestCount(url: string): Promise<number> {
  const key = new URL(url, location.href).searchParams.get('key');
  const response = await fetch(`/test-feed/count?key=${key}`);
  return ((await response.json()) as { count: number }).count;
}

/** The element's rendered text, whitespace folded. */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export async function settled(el: Element & { updateComplete?: Promise<unknown> }, test: () => boolean): Promise<void> {
  try {
    await waitUntil(test, undefined, { timeout: 4000 });
  } catch {
    throw new Error(`${el.localName} did not reach the expected state: "${shadowText(el).slice(0, 300)}"`);
  }
  await el.updateComplete;
}

function attrs(extra: Record<string, string> = {}): string {
  return Object.entries(extra)
    .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`)
    .join('');
}

export function feedElementSuite(options: FeedElementSuiteOptions): void {
  const { tag, readyText } = options;

  async function make(markup: string): Promise<HTMLElement & { updateComplete: Promise<unknown>; feed?: unknown }> {
    const container = await fixture<HTMLElement>(`<div>${markup}</div>`);
    return container.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
  }
  const element = (src: string, extra: Record<string, string> = {}) =>
    make(`<${tag} src="${src}"${attrs({ ...options.attributes, ...extra })}></${tag}>`);
  const isReady = (el: Element) => () => shadowText(el).includes(readyText);
  const retryButton = (el: Element) =>
    [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.getAttribute('part') === 'retry');

  describe(`<${tag}>: shared feed-element behaviour`, () => {
    beforeEach(() => {
      resetFeedLoader();
      clearSavedFeeds();
    });

    it('loads its feed from src over HTTP and fires compact-feed-load that crosses shadow roots', async () => {
      const events: CustomEvent[] = [];
      const listener = (e: Event) => events.push(e as CustomEvent);
      document.addEventListener('compact-feed-load', listener);
      try {
        const el = await element(feedUrl());
        await settled(el, isReady(el));
        expect(events).to.have.length(1);
        expect(events[0].bubbles && events[0].composed).to.equal(true);
        expect(events[0].detail.feed.compact.id).to.equal('test-compact');
        // The sample feed has one bad item (a javascript: URL): it is reported, the rest renders.
        expect(events[0].detail.problems.length).to.be.greaterThan(0);
        await expect(el).to.be.accessible();
      } finally {
        document.removeEventListener('compact-feed-load', listener);
      }
    });

    it('reads a feed given as the .feed property, without any request', async () => {
      const el = await make(`<${tag}${attrs(options.attributes)}></${tag}>`);
      el.feed = sampleFeed();
      await settled(el, isReady(el));
    });

    it('reads inline JSON from a <script type="application/json"> child', async () => {
      const json = JSON.stringify(sampleFeed()).replace(/</g, '\\u003c');
      const el = await make(
        `<${tag}${attrs(options.attributes)}><script type="application/json">${json}</script></${tag}>`,
      );
      await settled(el, isReady(el));
    });

    it('makes one request however many elements share a src', async () => {
      const url = feedUrl({ delay: 100 });
      const container = await fixture<HTMLElement>(
        `<div>${[1, 2, 3].map(() => `<${tag} src="${url}"${attrs(options.attributes)}></${tag}>`).join('')}</div>`,
      );
      const els = [...container.children];
      await settled(els[2], () => els.every((el) => isReady(el)()));
      expect(await requestCount(url)).to.equal(1);
    });

    it('shows a loading state, busy and accessible, until the feed arrives', async () => {
      const el = await element(feedUrl({ delay: 600 }));
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect(shadowText(el)).to.contain('Loading');
      await expect(el).to.be.accessible();
      await settled(el, isReady(el));
      expect(base.getAttribute('aria-busy')).to.equal('false');
    });

    for (const [name, query, expected] of [
      ['a 404', { status: 404 }, '404'],
      ['a 500', { status: 500 }, '500'],
      ['an HTML page instead of JSON', { body: 'html' }, 'not valid JSON'],
      ['truncated JSON', { body: 'truncated' }, 'not valid JSON'],
      ['another major feedVersion', { body: 'version2' }, 'This feed is version 2.0; these widgets read version 1.x.'],
      ['a CORS refusal', { cors: 'refuse', crossOrigin: 1 }, 'could not be loaded'],
    ] as const) {
      it(`ends in a polite, visible error state with a retry for ${name}`, async () => {
        const errors: CustomEvent[] = [];
        const listener = (e: Event) => errors.push(e as CustomEvent);
        document.addEventListener('compact-feed-error', listener);
        try {
          let url = feedUrl(query as Record<string, string | number>);
          // localhost and 127.0.0.1 are different origins: a real cross-origin request.
          if ('crossOrigin' in query) url = `http://127.0.0.1:${location.port}${url}`;
          const el = await element(url);
          await settled(el, () => !!retryButton(el));
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
      await settled(el, isReady(el));
    });

    it('gives up after its timeout', async () => {
      const el = await element(feedUrl({ delay: 3000 }), { timeout: '300' });
      await settled(el, () => !!retryButton(el));
      expect(shadowText(el)).to.contain('took too long');
    });

    it('retries when asked and recovers', async () => {
      const url = feedUrl({ status: 503 });
      const el = await element(url);
      await settled(el, () => !!retryButton(el));
      // The same element now points at a working feed; "Try again" must ask the network again.
      el.setAttribute('src', feedUrl());
      await settled(el, isReady(el));
      const failing = await element(url);
      await settled(failing, () => !!retryButton(failing));
      retryButton(failing)!.click();
      await aTimeout(50);
      expect(await requestCount(url)).to.equal(3);
    });

    it('keeps keyboard focus on "Try again" when a retry fails again, and announces why', async () => {
      const el = await element(feedUrl({ status: 503 }));
      await settled(el, () => !!retryButton(el));
      retryButton(el)!.focus();
      retryButton(el)!.click();
      const live = () => el.shadowRoot!.querySelector('[role="status"]')!.textContent ?? '';
      const focusedRetry = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('part') === 'retry';
      await settled(el, () => live().includes('503'));
      await el.updateComplete;
      expect(focusedRetry(), 'focus is on the new "Try again" button').to.equal(true);
    });

    it('shows the last good copy, saying so, when the network fails later', async () => {
      const url = feedUrl({ failAfter: 1 });
      const first = await element(url);
      await settled(first, isReady(first));
      resetFeedLoader(); // a new page visit: nothing in memory, only the saved copy
      const second = await element(url);
      await settled(second, isReady(second));
      expect(shadowText(second)).to.contain('You are seeing a copy saved');
      expect(retryButton(second)).to.exist;
      await expect(second).to.be.accessible();
    });

    it('offline with no saved copy: error state', async () => {
      // Port 9 (discard) on loopback: nothing listens, so fetch fails like being offline.
      const el = await element('http://127.0.0.1:9/feed.json');
      await settled(el, () => !!retryButton(el));
      expect(shadowText(el)).to.contain('could not be loaded');
    });

    it('refuses a src that is not an http(s) address, without a request', async () => {
      const el = await element('javascript:alert(1)');
      await settled(el, () => !!retryButton(el));
      expect(shadowText(el)).to.contain('not a web address');
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
        await settled(el, isReady(el));
        expect(await requestCount(url)).to.equal(1);
      } finally {
        there.remove();
      }
    });

    for (const [what, savedAt] of [
      ['1e300', 1e300],
      ['negative', -1],
      ['zero', 0],
      ['fractional', 1.5],
      ['ten days ahead', Date.now() + 10 * 86_400_000],
      ['a string', 'yesterday'],
      ['null (NaN in JSON)', null],
      ['a list', [1]],
    ] as const) {
      it(`a saved copy with an absurd date (${what}) is not used, and never leaves it on "Loading…"`, async () => {
        const url = feedUrl({ status: 503 });
        const absolute = new URL(url, location.href).href;
        const text = JSON.stringify(sampleFeed());
        localStorage.setItem(`compact-widgets:feed:v1:${absolute}`, JSON.stringify({ savedAt, text }));
        const el = await element(url);
        await settled(el, () => !!retryButton(el));
        expect(shadowText(el)).not.to.contain('Loading');
        expect(shadowText(el)).not.to.contain(readyText);
        await expect(el).to.be.accessible();
      });
    }

    it('its wrapper carries the language of its own words: English on a French page, Welsh on a Welsh one', async () => {
      const container = await fixture<HTMLElement>(
        `<div><div lang="fr"><${tag} src="${feedUrl({ status: 404 })}"${attrs(options.attributes)}></${tag}></div>` +
          `<div lang="cy-GB"><${tag} src="${feedUrl({ status: 404 })}"${attrs(options.attributes)}></${tag}></div></div>`,
      );
      const [french, welsh] = [...container.querySelectorAll(tag)];
      const base = (el: Element) => el.shadowRoot!.querySelector('[part="base"]')!;
      await settled(welsh, () => shadowText(welsh).includes('Rhowch gynnig arall arni'));
      await settled(french, () => !!retryButton(french));
      expect(base(french).getAttribute('lang')).to.equal('en-GB');
      expect(base(welsh).getAttribute('lang')).to.equal('cy');
    });

    it('never throws for bad input: each ends in an error state', async () => {
      const thrown: unknown[] = [];
      const onError = (e: ErrorEvent) => thrown.push(e.error);
      window.addEventListener('error', onError);
      try {
        for (const bad of [42, 'not json', { feedVersion: '1.0' }, { feedVersion: '1.0', compact: [] }, null]) {
          const el = await make(`<${tag}${attrs(options.attributes)}></${tag}>`);
          el.feed = bad;
          await el.updateComplete;
          if (bad !== null) await settled(el, () => !!retryButton(el));
        }
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(thrown).to.deep.equal([]);
    });

    it('shows its empty state for a feed with nothing to show, accessibly', async () => {
      const el = await make(`<${tag}${attrs(options.attributes)}></${tag}>`);
      el.feed = options.emptyFeed;
      await el.updateComplete;
      await aTimeout(0);
      expect(shadowText(el)).not.to.contain(readyText);
      expect(shadowText(el).length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('speaks the language of the nearest lang, and its own lang wins', async () => {
      const container = await fixture<HTMLElement>(
        `<div lang="cy"><${tag} src="${feedUrl({ status: 404 })}"${attrs(options.attributes)}></${tag}>` +
          `<${tag} lang="gd" src="${feedUrl({ status: 404 })}"${attrs(options.attributes)}></${tag}></div>`,
      );
      const [welsh, gaelic] = [...container.children];
      await settled(welsh, () => shadowText(welsh).includes('Rhowch gynnig arall arni'));
      await settled(gaelic, () => shadowText(gaelic).includes('Feuch ris a-rithist'));
      container.setAttribute('lang', 'en-GB');
      await settled(welsh, () => shadowText(welsh).includes('Try again'));
      expect(shadowText(gaelic)).to.contain('Feuch ris a-rithist');
    });
  });
}
