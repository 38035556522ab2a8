import { html } from 'lit';
import { CompactElement } from '../../../src/core/compact-element.js';
import { defineElement } from '../../../src/core/define.js';
import type { CompactFeed } from '../../../src/feed/types.js';
import { feedElementSuite, sampleFeed } from '../../helpers/feed-element-suite.js';

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

feedElementSuite({
  tag: 'test-compact-element',
  readyText: 'Côr Meibion Testshire',
  emptyFeed: { ...sampleFeed(), signatories: [] },
});
