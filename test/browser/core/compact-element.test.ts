import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import sinon from 'sinon';
import { CompactElement } from '../../../src/core/compact-element.js';
import { defineElement } from '../../../src/core/define.js';
import { clearSavedFeeds, resetFeedLoader } from '../../../src/core/feed-loader.js';
import type { CompactFeed } from '../../../src/feed/types.js';
import { feedElementSuite, feedUrl, sampleFeed, settled, shadowText } from '../../helpers/feed-element-suite.js';

/** The smallest possible element on the base: it shows the compact's name and its signatories. */
class TestCompactElement extends CompactElement {
  protected renderFeed(feed: CompactFeed) {
    return html`<h2>${this.text(feed.compact.name)}</h2>
      <ul>
        ${feed.signatories.map((s) => html`<li>${this.text(s.name)}</li>`)}
      </ul>`;
  }
  protected isEmpty(feed: CompactFeed) {
    return feed.signatories.length === 0;
  }
}
defineElement('test-compact-element', TestCompactElement);

/** An element whose render cannot cope with one feed (a bug, or data the validator let through). */
class ThrowingElement extends TestCompactElement {
  protected override renderFeed(feed: CompactFeed) {
    if (feed.compact.id === 'throws') throw new RangeError('Invalid time value');
    return super.renderFeed(feed);
  }
}
defineElement('test-throwing-element', ThrowingElement);

feedElementSuite({
  tag: 'test-compact-element',
  readyText: 'Côr Meibion Testshire',
  emptyFeed: { ...sampleFeed(), signatories: [] },
});

describe('CompactElement: never stuck', () => {
  beforeEach(() => {
    resetFeedLoader();
    clearSavedFeeds();
  });

  it('a render that throws shows the error state with "Try again", not the last state for ever', async () => {
    const consoleError = sinon.stub(console, 'error');
    try {
      const el = await fixture<ThrowingElement>(html`<test-throwing-element></test-throwing-element>`);
      el.feed = { ...sampleFeed(), compact: { ...sampleFeed().compact, id: 'throws' } };
      await el.updateComplete;
      expect(shadowText(el)).to.contain('not in the expected format');
      expect(el.shadowRoot!.querySelector('[part="retry"]')).to.exist;
      expect(consoleError.calledOnce).to.equal(true);
      await expect(el).to.be.accessible();
      el.feed = sampleFeed(); // and it recovers when the feed is fine again
      await el.updateComplete;
      expect(shadowText(el)).to.contain('Côr Meibion Testshire');
    } finally {
      consoleError.restore();
    }
  });

  for (const timeout of ['abc', '3000000000', '-5', '0', '']) {
    it(`timeout="${timeout}" falls back to the default instead of giving up at once`, async () => {
      const el = await fixture<TestCompactElement>(
        `<test-compact-element timeout="${timeout}" src="${feedUrl({ delay: 300 })}"></test-compact-element>`,
      );
      await settled(el, () => shadowText(el).includes('Côr Meibion Testshire'));
    });
  }
});
