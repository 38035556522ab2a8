/**
 * A long action plan (more than COLLAPSE_OVER actions): aims start collapsed as real disclosures,
 * with every heading and count present; actions are built when an aim opens; Expand all / Collapse
 * all; the aim attribute and the URL fragment open an aim; print builds and opens everything.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/action-plan/define.js';
import { COLLAPSE_OVER } from '../../../src/action-plan/action-plan.js';
import { $, $$, foldText, settled } from '../../helpers/dom.js';
import { sampleFeed } from '../../helpers/feeds.js';
import { expectGovukFocus } from '../../helpers/focus.js';
import { mountPlan } from './mount.js';

const AIMS = 8;
const PER_AIM = 15;

/** 8 aims of 15 actions: 120, past the threshold. Every third action has an earlier update. */
function longPlan() {
  const feed = sampleFeed();
  (feed as Record<string, unknown>).actionPlan = {
    title: 'Long plan',
    aims: Array.from({ length: AIMS }, (_, a) => ({
      id: `aim-${a + 1}`,
      title: `Aim ${a + 1}`,
      actions: Array.from({ length: PER_AIM }, (_, i) => ({
        id: `a-${a}-${i}`,
        title: `Action ${a + 1}.${i + 1}`,
        lead: 'GB-LAE-TST',
        status: i === 0 ? 'complete' : 'in-progress',
        progress: 50,
        due: '2020-01-31',
        updates:
          i % 3 === 0
            ? [
                { date: '2026-01-01', text: 'First.' },
                { date: '2026-02-01', text: 'Second.' },
              ]
            : [],
      })),
    })),
  };
  return feed;
}

const mount = (feed: unknown, attrs = 'charts="none"') => mountPlan(feed, attrs);

const toggles = (el: Element) => $$<HTMLButtonElement>(el, '.aim-title > button.aim-toggle');
const actionsIn = (section: Element) => section.querySelectorAll('.action').length;

describe('<compact-action-plan>: a long plan', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('is longer than the threshold in these tests', () => {
    expect(AIMS * PER_AIM).to.be.above(COLLAPSE_OVER);
  });

  it('starts with every aim collapsed: a heading with a disclosure button and the aim’s counts, no actions built', async () => {
    const el = await mount(longPlan());
    const sections = $$(el, 'section.aim');
    expect(sections).to.have.length(AIMS);
    expect($$(el, '.action')).to.have.length(0);
    for (const [i, section] of sections.entries()) {
      const headingEl = section.querySelector('.aim-title')!;
      expect(headingEl.localName).to.equal('h3');
      const button = headingEl.querySelector('button')!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      const region = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!);
      expect(region, 'aria-controls names an element that is there').to.not.equal(null);
      expect(section.contains(region)).to.equal(true);
      expect(foldText(button)).to.equal(`Aim ${i + 1}`);
      expect(foldText(section.querySelector('.aim-summary'))).to.equal('15 actions. In progress: 14, Complete: 1. Overdue: 14. Progress: 53%.');
      // In the accessibility tree: nothing skipped by content-visibility.
      expect(getComputedStyle(section).contentVisibility).to.equal('visible');
      expect(headingEl.checkVisibility({ contentVisibilityAuto: true })).to.equal(true);
    }
    expect(foldText($(el, '.results'))).to.equal('Showing 120 of 120 actions');
    await expect(el).to.be.accessible();
  });

  it('opens an aim from the keyboard, building its actions, and closes it again', async () => {
    const el = await mount(longPlan());
    const button = toggles(el)[2]!;
    await expectGovukFocus(button);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const section = $$(el, 'section.aim')[2]!;
    expect(toggles(el)[2]!.getAttribute('aria-expanded')).to.equal('true');
    expect(actionsIn(section)).to.equal(PER_AIM);
    expect($$(el, '.action')).to.have.length(PER_AIM);
    expect(el.shadowRoot!.activeElement, 'focus stays on the button').to.equal(toggles(el)[2]);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggles(el)[2]!.getAttribute('aria-expanded')).to.equal('false');
    expect(actionsIn(section)).to.equal(0);
  });

  it('Expand all aims builds every action; Collapse all aims closes them; the button says which', async () => {
    const el = await mount(longPlan());
    const all = $<HTMLButtonElement>(el, 'button.expand-all')!;
    expect(foldText(all)).to.equal('Expand all aims');
    expect(all.getAttribute('aria-expanded')).to.equal('false');
    all.click();
    await el.updateComplete;
    expect($$(el, '.action')).to.have.length(AIMS * PER_AIM);
    // Opened, every action is in the accessibility tree (nothing skipped by content-visibility).
    for (const title of $$(el, '.action-title')) expect(title.checkVisibility({ contentVisibilityAuto: true }), foldText(title)).to.equal(true);
    expect(toggles(el).every((b) => b.getAttribute('aria-expanded') === 'true')).to.equal(true);
    expect(foldText(all)).to.equal('Collapse all aims');
    expect(all.getAttribute('aria-expanded')).to.equal('true');
    // One aim closed by hand: the button offers to expand all again.
    toggles(el)[0]!.click();
    await el.updateComplete;
    expect(foldText(all)).to.equal('Expand all aims');
    all.click();
    await el.updateComplete;
    all.click();
    await el.updateComplete;
    expect($$(el, '.action')).to.have.length(0);
    expect(foldText(all)).to.equal('Expand all aims');
  });

  it('lays out an action’s facts as flowing lines: dt/dd pairs with no grid or flex box inside an action (the cost measured in bench/)', async () => {
    const el = await mount(longPlan());
    toggles(el)[0]!.click();
    await el.updateComplete;
    const action = $(el, '.action')!;
    const facts = action.querySelector('dl.facts')!;
    expect([...facts.children].map((c) => c.localName)).to.deep.equal(['dt', 'dd', 'dt', 'dd', 'dt', 'dd', 'dt', 'dd']);
    const boxes = [action, ...action.querySelectorAll('*')].map((n) => getComputedStyle(n).display).filter((d) => /grid|flex/.test(d));
    expect(boxes).to.deep.equal([]);
  });

  it('speaks Welsh: the Expand all button and the aim’s counts', async () => {
    const wrapper = await fixture<HTMLElement>('<div lang="cy"><compact-action-plan charts="none"></compact-action-plan></div>');
    const el = wrapper.querySelector('compact-action-plan')!;
    el.feed = longPlan();
    await settled(el, () => foldText($(el, 'button.expand-all')) === 'Agor pob nod');
    $<HTMLButtonElement>(el, 'button.expand-all')!.click();
    await el.updateComplete;
    expect(foldText($(el, 'button.expand-all'))).to.equal('Cau pob nod');
  });

  it('find in page reaches a collapsed aim’s action titles (hidden until found, out of the accessibility tree) and opens the aim', async () => {
    const el = await mount(longPlan());
    const index = $$(el, 'section.aim')[4]!.querySelector<HTMLElement>('.find-index')!;
    expect(index.getAttribute('hidden')).to.equal('until-found');
    expect(foldText(index)).to.contain('Action 5.1 · Action 5.2');
    // Chromium's hidden=until-found: its content skipped (not drawn, not read) until a match reveals it.
    expect(getComputedStyle(index).contentVisibility, 'not shown nor read until found').to.equal('hidden');
    expect(index.getBoundingClientRect().height).to.equal(0);
    // What the browser fires on the element when find in page (or a text fragment) matches in it.
    index.dispatchEvent(new Event('beforematch'));
    await el.updateComplete;
    expect(toggles(el)[4]!.getAttribute('aria-expanded')).to.equal('true');
    expect(actionsIn($$(el, 'section.aim')[4]!)).to.equal(PER_AIM);
  });

  it('opens the aim the URL fragment names, at load and when the fragment changes', async () => {
    history.replaceState(null, '', '#aim-3');
    const el = await mount(longPlan());
    const open = () => toggles(el).map((b) => b.getAttribute('aria-expanded') === 'true');
    expect(open()).to.deep.equal([false, false, true, false, false, false, false, false]);
    expect(actionsIn($$(el, 'section.aim')[2]!)).to.equal(PER_AIM);
    location.hash = '#aim-6';
    await waitUntil(() => open()[5], 'the aim named by the new fragment did not open');
    expect(actionsIn($$(el, 'section.aim')[5]!)).to.equal(PER_AIM);
  });

  it('opens the one aim the aim attribute shows, however long it is', async () => {
    const feed = longPlan();
    const aims = (feed as unknown as { actionPlan: { aims: { actions: unknown[] }[] } }).actionPlan.aims;
    aims[1]!.actions = aims.flatMap((aim) => aim.actions).map((a, i) => ({ ...(a as object), id: `x-${i}` }));
    const el = await mount(feed, 'charts="none" aim="aim-2"');
    expect($$(el, '.action')).to.have.length(AIMS * PER_AIM);
    expect(toggles(el)[0]!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('opens the aims by itself when the filters leave few actions, and says how many each aim shows', async () => {
    const el = await mount(longPlan());
    const select = $<HTMLSelectElement>(el, '[name="status"]')!;
    select.value = 'complete';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($$(el, '.action:not([hidden])')).to.have.length(AIMS);
    expect(toggles(el).every((b) => b.getAttribute('aria-expanded') === 'true')).to.equal(true);
    expect(foldText($$(el, '.aim-summary')[0])).to.contain('Showing 1 of 15 actions.');
    await expect(el).to.be.accessible();
  });

  it('builds and opens every aim and history for printing (beforeprint), and collapses them again after', async () => {
    const el = await mount(longPlan());
    window.dispatchEvent(new Event('beforeprint'));
    // Synchronously: the browser lays out the printout as soon as beforeprint returns.
    expect($$(el, '.action')).to.have.length(AIMS * PER_AIM);
    const histories = $$<HTMLDetailsElement>(el, 'details.history');
    expect(histories.length).to.be.above(0);
    expect(histories.every((d) => d.open)).to.equal(true);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect($$(el, '.action')).to.have.length(0);
  });

  it('prints every aim and action under print media, without the disclosure controls', async () => {
    const el = await mount(longPlan());
    await emulateMedia({ media: 'print' });
    try {
      await waitUntil(() => $$(el, '.action').length === AIMS * PER_AIM, 'print media did not build every aim');
      expect($(el, '.expand-all'), 'nothing to expand on paper').to.equal(null);
      for (const heading of $$(el, '.aim-title')) expect(heading.querySelector('button'), 'a plain heading on paper').to.equal(null);
      for (const action of $$(el, '.action')) expect(getComputedStyle(action).display).to.not.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    await waitUntil(() => $$(el, '.action').length === 0, 'the aims did not collapse again after print media');
  });
});
