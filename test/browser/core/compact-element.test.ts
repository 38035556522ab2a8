import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import sinon from 'sinon';
import { defineElement } from '../../../src/core/define.js';
import type { CompactFeed } from '../../../src/feed/types.js';
import { $, mountWithFeed, settled, shadowText } from '../../helpers/dom.js';
import { expectEmptyState, feedElementSuite } from '../../helpers/feed-element-suite.js';
import { feedUrl, freshLoader, sampleFeed } from '../../helpers/feeds.js';
import { MINIMAL_READY_TEXT, MINIMAL_TAG, TestCompactElement } from '../../helpers/minimal-element.js';
import '../../../src/index.js'; // every element, for the manifest check below

/** An element whose render cannot cope with one feed (a bug, or data the validator let through). */
class ThrowingElement extends TestCompactElement {
  protected override renderFeed(feed: CompactFeed) {
    if (feed.compact.id === 'throws') throw new RangeError('Invalid time value');
    return super.renderFeed(feed);
  }
}
defineElement('test-throwing-element', ThrowingElement);

/** An element with a bug in its empty state: for a feed with nothing to show it shows its error state. */
class EmptyAsErrorElement extends TestCompactElement {
  protected override renderEmpty(): never {
    throw new Error('a bug in the empty state');
  }
}
defineElement('test-empty-as-error-element', EmptyAsErrorElement);

const emptyFeed = () => ({ ...sampleFeed(), signatories: [] });

feedElementSuite({
  tag: MINIMAL_TAG,
  readyText: MINIMAL_READY_TEXT,
  emptyFeed: emptyFeed(),
  emptyText: 'There is nothing to show yet.',
});

describe('CompactElement: its language on an odd page', () => {
  beforeEach(freshLoader);

  it('a page without lang that has put `host` on Object.prototype: no error, and the page’s default language', async () => {
    const html = document.documentElement;
    const pageLang = html.getAttribute('lang');
    html.removeAttribute('lang');
    const proto = Object.prototype as Record<string, unknown>;
    proto.host = 'polluted';
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => {
      errors.push(event.message);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    try {
      const el = await mountWithFeed<TestCompactElement>(MINIMAL_TAG, sampleFeed());
      expect(errors).to.deep.equal([]);
      expect($(el, '[part="base"]')!.getAttribute('lang')).to.equal('en-GB');
      expect(shadowText(el)).to.contain(MINIMAL_READY_TEXT);
    } finally {
      window.removeEventListener('error', onError);
      delete proto.host;
      if (pageLang !== null) html.setAttribute('lang', pageLang);
    }
  });
});

describe('CompactElement: never stuck', () => {
  beforeEach(freshLoader);

  it('a render that throws shows the error state with "Try again", not the last state for ever', async () => {
    const consoleError = sinon.stub(console, 'error');
    try {
      const el = await fixture<ThrowingElement>(html`<test-throwing-element></test-throwing-element>`);
      el.feed = { ...sampleFeed(), compact: { ...sampleFeed().compact, id: 'throws' } };
      await el.updateComplete; // the feed is in: loading (when the full validator must load first) or its outcome
      await settled(el, () => !shadowText(el).includes('Loading'), 'an outcome');
      expect(shadowText(el)).to.contain('not in the expected format');
      expect($(el, '[part="retry"]') !== null, '"Try again"').to.equal(true);
      expect(consoleError.calledOnce).to.equal(true);
      await expect(el).to.be.accessible();
      el.feed = sampleFeed(); // and it recovers when the feed is fine again
      await settled(el, () => shadowText(el).includes(MINIMAL_READY_TEXT), 'the feed');
    } finally {
      consoleError.restore();
    }
  });

  for (const timeout of ['abc', '3000000000', '-5', '0', '']) {
    it(`timeout="${timeout}" falls back to the default instead of giving up at once`, async () => {
      const el = await fixture<TestCompactElement>(
        `<${MINIMAL_TAG} timeout="${timeout}" src="${feedUrl({ delay: 300 })}"></${MINIMAL_TAG}>`,
      );
      await settled(el, () => shadowText(el).includes(MINIMAL_READY_TEXT), 'the feed');
    });
  }
});

describe('the shared suite’s empty-state check', () => {
  const expected = { readyText: MINIMAL_READY_TEXT };

  const mountEmpty = () => mountWithFeed<TestCompactElement>(MINIMAL_TAG, emptyFeed(), { ready: '[part~="notice"]:not(.loading)' });

  it('passes on the empty state', async () => {
    const el = await mountEmpty();
    expectEmptyState(el, { ...expected, emptyText: 'There is nothing to show yet.' });
  });

  it('fails on an element that shows its error state for a feed with nothing to show', async () => {
    const consoleError = sinon.stub(console, 'error');
    try {
      const el = await fixture<EmptyAsErrorElement>(html`<test-empty-as-error-element></test-empty-as-error-element>`);
      el.feed = emptyFeed();
      await el.updateComplete; // the feed is in: loading (when the full validator must load first) or its outcome
      await settled(el, () => shadowText(el).includes('Try again'), 'the error state');
      expect(() => expectEmptyState(el, expected)).to.throw('no "Try again" in the empty state');
    } finally {
      consoleError.restore();
    }
  });

  it('fails when the element shows another notice than its empty state', async () => {
    const el = await mountEmpty();
    expect(() => expectEmptyState(el, { ...expected, emptyText: 'No organisations have signed yet.' })).to.throw(/No organisations have signed yet/);
  });
});

describe('custom-elements.json, the one source of the API docs', () => {
  it('documents exactly the attributes each element observes (the embed page takes those as its query parameters)', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const tags: string[] = [];
    for (const module of manifest.modules) {
      for (const d of module.declarations ?? []) {
        if (!d.customElement || !d.tagName?.startsWith('compact-')) continue;
        tags.push(d.tagName);
        // `lang` is the page's (the embed page sets it itself); it is not one of the element's own properties.
        const documented = (d.attributes as { name: string }[]).map((a) => a.name).filter((n) => n !== 'lang').sort();
        const observed = [...((customElements.get(d.tagName) as unknown as { observedAttributes: string[] }).observedAttributes ?? [])]
          .filter((n) => n !== 'lang')
          .sort();
        expect(observed, d.tagName).to.deep.equal(documented);
      }
    }
    expect(tags.length, 'every element is in the manifest').to.equal(5);
  });
});
