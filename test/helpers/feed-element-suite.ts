/**
 * What each feed-reading element must show for itself, run once per element:
 *
 *   feedElementSuite({ tag: 'compact-signatory-list', emptyFeed, readyText: 'Côr Meibion',
 *                      emptyText: 'No organisations have signed yet.' });
 *
 * Its loading, error, saved-copy and empty states (axe-clean in each), its events, its language,
 * and bad input never throwing. What the shared loader and controller do the same way for every
 * element (sources, one request per src, each kind of failure, timeouts, retries, aborts, saved
 * copies with absurd dates) is tested once, in test/browser/core/feed-loader.test.ts.
 */
import { expect, fixture } from '@open-wc/testing';
import { resetFeedLoader } from '../../src/core/feed-loader.js';
import { $, $$, attributeMarkup, settled, shadowText } from './dom.js';
import { feedUrl, freshLoader } from './feeds.js';

export interface FeedElementSuiteOptions {
  tag: string;
  /** Attributes the element needs besides `src` (e.g. `signatory` for the badge). */
  attributes?: Record<string, string>;
  /** A valid feed in which this element has nothing to show (its empty state). */
  emptyFeed: unknown;
  /** Text the element shows for the sample feed (test/fixtures/feed.json). */
  readyText: string;
  /** Text of the element's empty state, in English (e.g. "No organisations have signed yet."). */
  emptyText?: string;
}

type FeedElement = HTMLElement & { updateComplete: Promise<unknown>; feed?: unknown };

export const retryButton = (el: Element): HTMLButtonElement | null => $<HTMLButtonElement>(el, '[part~="retry"]');

/**
 * The element shows its empty state, and only that: done loading, a notice with words in it, not
 * the feed's content, and nothing of the error state (no "Try again", no error notice, no alert).
 * An error state also has words and no feed content: without the last checks it would pass.
 */
export function expectEmptyState(el: Element, expected: { readyText: string; emptyText?: string }): void {
  const text = shadowText(el);
  expect($(el, '[part~="base"]')?.getAttribute('aria-busy'), 'done loading').to.equal('false');
  // Booleans and counts only: a failing check on an element makes chai print the element, which can hang.
  expect(retryButton(el) === null, `no "Try again" in the empty state: "${text}"`).to.equal(true);
  expect($$(el, '.error, [role="alert"]').length, `no error or alert in the empty state: "${text}"`).to.equal(0);
  const notices = $$(el, '[part~="notice"]').map((notice) => (notice.textContent ?? '').trim()).filter(Boolean);
  expect(notices.length, `a notice says there is nothing to show: "${text}"`).to.be.greaterThan(0);
  expect(text).not.to.contain(expected.readyText);
  if (expected.emptyText !== undefined) expect(text).to.contain(expected.emptyText);
}

/** Collects the events of one type that reach the document while `run` runs. */
async function collect(type: string, run: () => Promise<void>): Promise<CustomEvent[]> {
  const events: CustomEvent[] = [];
  const listener = (e: Event) => events.push(e as CustomEvent);
  document.addEventListener(type, listener);
  try {
    await run();
  } finally {
    document.removeEventListener(type, listener);
  }
  return events;
}

export function feedElementSuite(options: FeedElementSuiteOptions): void {
  const { tag, readyText } = options;
  const markup = (src?: string, lang?: string) =>
    `<${tag}${src === undefined ? '' : ` src="${src}"`}${lang ? ` lang="${lang}"` : ''}${attributeMarkup(options.attributes)}></${tag}>`;

  async function make(src?: string): Promise<FeedElement> {
    const container = await fixture<HTMLElement>(`<div>${markup(src)}</div>`);
    return container.firstElementChild as FeedElement;
  }
  const isReady = (el: Element) => () => shadowText(el).includes(readyText);

  describe(`<${tag}>: its own states, events and language`, () => {
    beforeEach(freshLoader);

    it('loads its feed from src over HTTP and fires compact-feed-load that crosses shadow roots', async () => {
      let el!: FeedElement;
      const events = await collect('compact-feed-load', async () => {
        el = await make(feedUrl());
        await settled(el, isReady(el), `"${readyText}"`);
      });
      expect(events).to.have.length(1);
      expect(events[0].bubbles && events[0].composed).to.equal(true);
      expect(events[0].detail.feed.compact.id).to.equal('test-compact');
      // The sample feed has one bad item (a javascript: URL): it is reported, the rest renders.
      expect(events[0].detail.problems.length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('shows a loading state, busy and accessible, until the feed arrives', async () => {
      const el = await make(feedUrl({ delay: 600 }));
      const base = $(el, '[part="base"]')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect(shadowText(el)).to.contain('Loading');
      await expect(el).to.be.accessible();
      await settled(el, isReady(el), `"${readyText}"`);
      expect(base.getAttribute('aria-busy')).to.equal('false');
    });

    it('ends in a visible error state with "Try again" and fires compact-feed-error (a 500)', async () => {
      let el!: FeedElement;
      const loads: CustomEvent[] = [];
      const errors = await collect('compact-feed-error', async () => {
        loads.push(
          ...(await collect('compact-feed-load', async () => {
            el = await make(feedUrl({ status: 500 }));
            await settled(el, () => retryButton(el), 'the error state');
          })),
        );
      });
      expect(shadowText(el)).to.contain('500');
      expect(errors).to.have.length(1);
      expect(errors[0].bubbles && errors[0].composed).to.equal(true);
      expect(loads).to.have.length(0);
      expect(shadowText(el)).not.to.contain(readyText);
      await expect(el).to.be.accessible();
    });

    it('shows the last good copy, saying so, when the network fails later', async () => {
      const url = feedUrl({ failAfter: 1 });
      const first = await make(url);
      await settled(first, isReady(first), `"${readyText}"`);
      resetFeedLoader(); // a new page visit: nothing in memory, only the saved copy
      const second = await make(url);
      await settled(second, isReady(second), `"${readyText}" from the saved copy`);
      expect(shadowText(second)).to.contain('You are seeing a copy saved');
      expect(retryButton(second) !== null, '"Try again" beside the saved copy').to.equal(true);
      await expect(second).to.be.accessible();
    });

    it('shows its empty state for a feed with nothing to show (not its error state), accessibly', async () => {
      const el = await make();
      const errors = await collect('compact-feed-error', async () => {
        const loads = await collect('compact-feed-load', async () => {
          el.feed = options.emptyFeed;
          await el.updateComplete; // the feed is in: loading (when the full validator must load first) or its outcome
          // Not the loading notice: a feed with problems may wait for the full validator.
          await settled(el, () => $(el, '[part~="notice"]') && !shadowText(el).includes('Loading'), 'a notice');
        });
        expect(loads, 'the empty feed was read').to.have.length(1);
      });
      expect(errors, 'no compact-feed-error').to.have.length(0);
      expectEmptyState(el, options);
      await expect(el).to.be.accessible();
    });

    it('its wrapper carries the language of its own words: English on a French page, Welsh on a Welsh one', async () => {
      const container = await fixture<HTMLElement>(
        `<div><div lang="fr">${markup(feedUrl({ status: 404 }))}</div>` +
          `<div lang="cy-GB">${markup(feedUrl({ status: 404 }))}</div></div>`,
      );
      const [french, welsh] = [...container.querySelectorAll(tag)];
      const base = (el: Element) => $(el, '[part="base"]')!;
      await settled(welsh, () => shadowText(welsh).includes('Rhowch gynnig arall arni'), 'Welsh');
      await settled(french, () => retryButton(french), 'the error state');
      expect(base(french).getAttribute('lang')).to.equal('en-GB');
      expect(base(welsh).getAttribute('lang')).to.equal('cy');
    });

    it('speaks the language of the nearest lang, and its own lang wins', async () => {
      const container = await fixture<HTMLElement>(
        `<div lang="cy">${markup(feedUrl({ status: 404 }))}${markup(feedUrl({ status: 404 }), 'gd')}</div>`,
      );
      const [welsh, gaelic] = [...container.children];
      await settled(welsh, () => shadowText(welsh).includes('Rhowch gynnig arall arni'), 'Welsh');
      await settled(gaelic, () => shadowText(gaelic).includes('Feuch ris a-rithist'), 'Gaelic');
      container.setAttribute('lang', 'en-GB');
      await settled(welsh, () => shadowText(welsh).includes('Try again'), 'English');
      expect(shadowText(gaelic)).to.contain('Feuch ris a-rithist');
    });

    it('never throws for bad input: each ends in an error state', async () => {
      const thrown: unknown[] = [];
      const onError = (e: ErrorEvent) => thrown.push(e.error);
      window.addEventListener('error', onError);
      try {
        for (const bad of [42, 'not json', { feedVersion: '1.0' }, { feedVersion: '1.0', compact: [] }, null]) {
          const el = await make();
          el.feed = bad;
          await el.updateComplete;
          if (bad !== null) await settled(el, () => retryButton(el), `the error state for ${JSON.stringify(bad)}`);
        }
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(thrown).to.deep.equal([]);
    });
  });
}
