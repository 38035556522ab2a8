/**
 * A reader's own text spacing (WCAG 1.4.12), set as their stylesheet or a text-spacing tool sets it:
 * on the page's elements, which a shadow root's own elements are not. It reaches the widgets only by
 * inheritance from the host, so the base styles must not reset it.
 */
import { expect } from '@open-wc/testing';
import { $ } from '../../helpers/dom.js';
import { freshLoader, sampleFeed } from '../../helpers/feeds.js';
import { mountBadge } from '../pledge-badge/mount.js';
import { mountList } from '../signatory-list/feeds.js';

const READER_SPACING = '* { letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }';

describe('a reader’s own letter and word spacing', () => {
  let sheet: CSSStyleSheet;
  beforeEach(() => {
    freshLoader();
    sheet = new CSSStyleSheet();
    sheet.replaceSync(READER_SPACING);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  afterEach(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });

  function expectSpacingReaches(host: HTMLElement, text: HTMLElement | null) {
    const page = getComputedStyle(host);
    expect(page.letterSpacing).to.not.equal('normal');
    expect(text, 'the element’s text').to.exist;
    const inside = getComputedStyle(text!);
    expect(inside.letterSpacing).to.equal(page.letterSpacing);
    expect(inside.wordSpacing).to.equal(page.wordSpacing);
  }

  it('reaches the signatory list’s names', async () => {
    const el = await mountList(sampleFeed());
    expectSpacingReaches(el, $(el, 'li.item'));
  });

  it('reaches the pledge badge', async () => {
    const el = await mountBadge(sampleFeed(), 'signatory="GB-CHC-1234567"');
    expectSpacingReaches(el, $(el, '.badge'));
  });
});
