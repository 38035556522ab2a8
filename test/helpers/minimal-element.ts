/**
 * The smallest element on the base (src/core/compact-element.ts): it shows the compact's name and
 * its signatories, and nothing when there are none. What the loader, the controller and the base do
 * the same for every element is tested once, on this element.
 */
import { html } from 'lit';
import { CompactElement } from '../../src/core/compact-element.js';
import { defineElement } from '../../src/core/define.js';
import type { CompactFeed } from '../../src/feed/types.js';

export const MINIMAL_TAG = 'test-compact-element';
/** What it shows for the sample feed (one of its signatories). */
export const MINIMAL_READY_TEXT = 'Côr Meibion Testshire';

export class TestCompactElement extends CompactElement {
  protected renderFeed(feed: CompactFeed) {
    return html`<h2>${this.text(feed.compact.name)}</h2>
      <ul>
        ${feed.signatories.map((s) => html`<li>${this.text(s.name)}</li>`)}
      </ul>`;
  }
  protected override isEmpty(feed: CompactFeed) {
    return feed.signatories.length === 0;
  }
}
defineElement(MINIMAL_TAG, TestCompactElement);
