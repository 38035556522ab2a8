/**
 * The base's hooks (src/core/compact-element.ts): elements fill the base's states through them and
 * never replace its render; "Try again" learns what happened from its own controller.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import sinon from 'sinon';
import { CompactElement } from '../../../src/core/compact-element.js';
import { resetFeedLoader } from '../../../src/core/feed-loader.js';
import { defineElement } from '../../../src/core/define.js';
import { theme, themeValue } from '../../../src/core/styles.js';
import type { CompactFeed } from '../../../src/feed/types.js';
import { CompactActionPlan } from '../../../src/action-plan/action-plan.js';
import { CompactConsultationCountdown } from '../../../src/consultation-countdown/consultation-countdown.js';
import { CompactPledgeBadge } from '../../../src/pledge-badge/pledge-badge.js';
import { CompactPledgeForm } from '../../../src/pledge-form/pledge-form.js';
import { CompactSignatoryList } from '../../../src/signatory-list/signatory-list.js';
import sample from '../../fixtures/feed.json' with { type: 'json' };
import { retryButton } from '../../helpers/feed-element-suite.js';
import { liveText } from '../../helpers/dom.js';
import { feedUrl, freshLoader } from '../../helpers/feeds.js';

class HookedElement extends CompactElement {
  problem?: string;
  protected renderFeed(feed: CompactFeed) {
    return html`<p class="shown">${this.text(feed.compact.name)}</p>`;
  }
  protected override renderFallback() {
    return html`<div class="fallback"><slot></slot></div>`;
  }
  protected override configurationProblem() {
    return this.problem;
  }
}
defineElement('test-hooked-element', HookedElement);


describe('CompactElement hooks', () => {
  beforeEach(freshLoader);
  afterEach(() => sinon.restore());

  it('theme tokens resolve to the host’s --compact-* value or the default, in styles and in script', async () => {
    const el = await fixture<HookedElement>(
      html`<test-hooked-element style="--compact-border-colour: rgb(1, 2, 3)" .feed=${structuredClone(sample)}></test-hooked-element>`,
    );
    const styles = getComputedStyle(el);
    expect(themeValue(styles, 'border')).to.equal('rgb(1, 2, 3)');
    expect(themeValue(styles, 'space')).to.equal('1rem');
    expect(String(theme.linkVisited)).to.equal('var(--_link-visited)');
  });

  it('no element replaces the base’s render()', () => {
    for (const element of [CompactActionPlan, CompactConsultationCountdown, CompactPledgeBadge, CompactPledgeForm, CompactSignatoryList]) {
      expect(Object.hasOwn(element.prototype, 'render'), element.name).to.equal(false);
    }
  });

  it('renderFallback shows before the widget until the feed is ready, then goes', async () => {
    const el = await fixture<HookedElement>(html`<test-hooked-element src=${feedUrl()}><p>Closes 14 June</p></test-hooked-element>`);
    expect(el.shadowRoot!.querySelector('.fallback slot'), 'while loading').to.exist;
    await waitUntil(() => el.shadowRoot!.querySelector('.shown'), 'the feed');
    expect(el.shadowRoot!.querySelector('.fallback')).to.equal(null);
  });

  it('configurationProblem replaces every state, inside the wrapper that carries the language', async () => {
    const el = document.createElement('test-hooked-element') as HookedElement;
    el.problem = 'This needs an attribute.';
    el.feed = structuredClone(sample);
    el.setAttribute('lang', 'cy');
    await fixture(html`<div>${el}</div>`);
    await el.updateComplete;
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(base.querySelector('.notice.error[part="notice"]')!.textContent).to.equal('This needs an attribute.');
    expect(base.querySelector('.shown')).to.equal(null);
    expect(base.getAttribute('aria-busy')).to.equal('false');
    expect(base.querySelector('[role="status"]'), 'the live region is still there').to.exist;
  });

  describe('retry learns the outcome from its controller, not from its own events', () => {
    /** An element whose first request answers 503 and whose retry gets the feed, in its error state. */
    async function failingOnce(): Promise<HookedElement> {
      const url = feedUrl();
      const realFetch = window.fetch.bind(window);
      let calls = 0;
      sinon.stub(window, 'fetch').callsFake((input, init) => realFetch(calls++ === 0 ? `${url}&status=503` : input, init));
      const el = await fixture<HookedElement>(html`<test-hooked-element src=${url}></test-hooked-element>`);
      await waitUntil(() => retryButton(el), 'the error state');
      return el;
    }

    it('announces a failure even when the page stops compact-feed-error on the element', async () => {
      const el = await fixture<HookedElement>(html`<test-hooked-element src=${feedUrl({ status: 503 })}></test-hooked-element>`);
      await waitUntil(() => retryButton(el), 'the error state');
      // Registered before the retry, so it runs before any listener the retry could add.
      el.addEventListener('compact-feed-error', (event) => event.stopImmediatePropagation());
      retryButton(el)!.click();
      await waitUntil(() => liveText(el).includes('503'), `the announcement, not "${liveText(el)}"`);
    });

    it('announces "Loaded." even when the page stops compact-feed-load on the element', async () => {
      const el = await failingOnce();
      el.addEventListener('compact-feed-load', (event) => event.stopImmediatePropagation());
      retryButton(el)!.click();
      await waitUntil(() => liveText(el) === 'Loaded.', `the announcement, not "${liveText(el)}"`);
      expect(el.shadowRoot!.querySelector('.shown')).to.exist;
    });

    it('announces the failure, not "Loaded.", when a retry from the saved copy fails again', async () => {
      const url = feedUrl({ failAfter: 1 });
      const first = await fixture<HookedElement>(html`<test-hooked-element src=${url}></test-hooked-element>`);
      await waitUntil(() => first.shadowRoot!.querySelector('.shown'), 'the feed, and its saved copy');
      resetFeedLoader();
      const el = await fixture<HookedElement>(html`<test-hooked-element src=${url}></test-hooked-element>`);
      await waitUntil(() => retryButton(el) && el.shadowRoot!.querySelector('.shown'), 'the saved copy and its "Try again"');
      retryButton(el)!.click();
      await waitUntil(() => liveText(el) !== '', 'an announcement');
      expect(liveText(el)).to.include('503');
      expect(el.shadowRoot!.querySelector('.shown'), 'the saved copy is still shown').to.exist;
    });

    it('announces the refusal when the page cancels the retried feed', async () => {
      const el = await failingOnce();
      el.addEventListener('compact-feed-load', (event) => event.preventDefault());
      retryButton(el)!.click();
      await waitUntil(() => liveText(el).includes('not set up'), `the announcement, not "${liveText(el)}"`);
    });
  });
});
