/** The one heading-level rule every element follows (src/core/heading.ts). */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit/static-html.js';
import { headingLevel, headingTag, type HeadingLevel } from '../../../src/core/heading.js';

describe('headingLevel: one rule for every heading-level attribute', () => {
  it('keeps a whole number from 2 to 6', () => {
    for (const n of [2, 3, 4, 5, 6]) expect(headingLevel(n, 3)).to.equal(n);
  });

  it('clamps whole numbers outside 2–6: a page’s h1 is its own, HTML has no h7', () => {
    expect(headingLevel(1, 3)).to.equal(2);
    expect(headingLevel(0, 3)).to.equal(2);
    expect(headingLevel(-4, 3)).to.equal(2);
    expect(headingLevel(7, 3)).to.equal(6);
    expect(headingLevel(100, 3)).to.equal(6);
  });

  it('gives the element’s default for anything that is not a whole number', () => {
    for (const bad of [3.7, 2.2, Number.NaN, Infinity, -Infinity, undefined, null, '4', ''] as unknown[]) {
      expect(headingLevel(bad, 3), String(bad)).to.equal(3);
      expect(headingLevel(bad, 2), String(bad)).to.equal(2);
    }
  });

  it('counts an offset below the requested level, never beyond h6', () => {
    expect(headingLevel(2, 2, 1)).to.equal(3);
    expect(headingLevel(4, 2, 2)).to.equal(6);
    expect(headingLevel(6, 2, 2)).to.equal(6);
    expect(headingLevel(1, 2, 1), 'clamped first, then offset').to.equal(3);
    expect(headingLevel(3.5, 2, 1), 'the default, then offset').to.equal(3);
  });

  it('headingTag renders the heading element of that level', async () => {
    for (const level of [2, 3, 4, 5, 6] as HeadingLevel[]) {
      const tag = headingTag(level);
      const wrapper = await fixture<HTMLElement>(html`<div><${tag} class="t">Title</${tag}></div>`);
      expect(wrapper.firstElementChild!.localName).to.equal(`h${level}`);
      expect(wrapper.firstElementChild!.textContent).to.equal('Title');
    }
  });
});
