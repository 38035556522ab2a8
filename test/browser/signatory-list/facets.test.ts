/** The filters narrow each other: counts follow the other filters, and no choice leads to nothing. */
import { expect } from '@open-wc/testing';
import '../../../src/signatory-list/define.js';
import type { CompactSignatoryList } from '../../../src/signatory-list/signatory-list.js';
import { sampleFeed } from '../../helpers/feeds.js';
import { feedWith, manySignatories, mountList } from './feeds.js';

const mount = mountList;

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const options = (el: Element, selector: string) =>
  [...el.shadowRoot!.querySelectorAll(`${selector} option`)].map((o) => o.textContent!.replace(/\s+/g, ' ').trim());
const results = (el: Element) => el.shadowRoot!.querySelectorAll('.item').length;

async function choose(el: CompactSignatoryList, selector: string, value: string) {
  const select = $<HTMLSelectElement>(el, selector);
  select.value = value;
  expect(select.value, `${value} is offered in ${selector}`).to.equal(value);
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function search(el: CompactSignatoryList, query: string) {
  const input = $<HTMLInputElement>(el, '#search');
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<compact-signatory-list>: filters narrow each other', () => {
  it('with "voluntary" chosen, only voluntary types are offered, with voluntary counts ("Police (1)" no more)', async () => {
    const feed = sampleFeed();
    feed.signatories.push({ id: 'GB-POL-1', name: 'Testshire Police', sector: 'public', type: 'police' } as never);
    const el = await mount(feed);
    expect(options(el, '#filter-type')).to.include('Police (1)');
    await choose(el, '#filter-sector', 'voluntary');
    expect(options(el, '#filter-type')).to.deep.equal(['All types (3)', 'Charity (1)', 'Community group (2)']);
    await choose(el, '#filter-type', 'charity');
    expect(options(el, '#filter-sector')).to.deep.equal(['All sectors (1)', 'Third sector (1)']);
  });

  it('the search narrows both', async () => {
    const el = await mount(sampleFeed());
    await search(el, 'testshire');
    expect(options(el, '#filter-sector')).to.deep.equal(['All sectors (2)', 'Public sector (1)', 'Third sector (1)']);
    expect(options(el, '#filter-type')).to.deep.equal(['All types (2)', 'Community group (1)', 'Local authority (1)']);
  });

  it('the choice made stays on offer even when the others leave it nothing (so the select shows what is chosen)', async () => {
    const el = await mount(sampleFeed(), 'sector="public" type="charity"');
    expect($<HTMLSelectElement>(el, '#filter-sector').value).to.equal('public');
    expect($<HTMLSelectElement>(el, '#filter-type').value).to.equal('charity');
    expect(options(el, '#filter-sector')).to.deep.equal(['All sectors (1)', 'Public sector (0)', 'Third sector (1)']);
    expect(options(el, '#filter-type')).to.deep.equal(['All types (1)', 'Charity (0)', 'Local authority (1)']);
    await expect(el).to.be.accessible();
  });

  it('every option offered, in any combination, leads to at least one organisation', async () => {
    const el = await mount(feedWith(manySignatories(120)), 'page-size="500"');
    for (const query of ['', 'troon', 'shed', '0004']) {
      await search(el, query);
      for (const sector of ['', 'public', 'voluntary']) {
        const offeredSectors = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#filter-sector option')].map((o) => o.value);
        if (!offeredSectors.includes(sector)) continue;
        await choose(el, '#filter-sector', sector);
        for (const type of [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#filter-type option')].map((o) => o.value)) {
          await choose(el, '#filter-type', type);
          const label = `${query}/${sector}/${type}`;
          expect(results(el), label).to.be.above(0);
          const count = Number(/\((\d+)\)\s*$/.exec($<HTMLSelectElement>(el, '#filter-type').selectedOptions[0]!.textContent!)![1]);
          expect(count, `${label}: the count is what it gives`).to.equal(results(el));
        }
        await choose(el, '#filter-type', '');
      }
      await choose(el, '#filter-sector', '');
    }
  });
});
