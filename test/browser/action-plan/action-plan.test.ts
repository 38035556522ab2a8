import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import { Chart } from 'chart.js';
import '../../../src/action-plan/define.js';
import { CompactActionPlan } from '../../../src/action-plan/action-plan.js';
import { ChartsController } from '../../../src/action-plan/charts-controller.js';
import { $, $$, foldText, settled, shadowText } from '../../helpers/dom.js';
import { feedElementSuite } from '../../helpers/feed-element-suite.js';
import { sampleFeed } from '../../helpers/feeds.js';
import { forcedColours } from '../../helpers/forced-colours.js';
import { intersectionReported, mountPlan, watchChartsWait } from './mount.js';

feedElementSuite({
  tag: 'compact-action-plan',
  readyText: 'Publish the compact online',
  emptyFeed: { ...sampleFeed(), actionPlan: undefined },
  emptyText: 'This compact has not published an action plan yet.',
});

type Feed = ReturnType<typeof sampleFeed>;
type RawAction = Record<string, unknown>;

/** The sample feed with its action plan replaced. */
function feedWith(aims: { id: string; title: unknown; actions: RawAction[] }[], plan: Record<string, unknown> = {}): Feed {
  const feed = sampleFeed();
  (feed as Record<string, unknown>).actionPlan = { title: 'Test plan', ...plan, aims };
  return feed;
}

const mount = mountPlan;

/** The titles of the actions shown (filtered-out actions stay in the DOM, hidden). */
const actionTitles = (el: Element) =>
  $$(el, '.action:not([hidden]) .action-title')
    .filter((h) => !h.closest('section')!.hidden)
    .map(foldText);
const actionByTitle = (el: Element, title: string) =>
  $$(el, '.action').find((li) => foldText(li.querySelector('.action-title')) === title)!;
/** The value of the fact `term` (the <dd> after its <dt>). */
const fact = (li: Element, term: string) =>
  foldText([...li.querySelectorAll('.facts > dt')].find((dt) => foldText(dt) === term)?.nextElementSibling);

async function choose(el: CompactActionPlan, name: string, value: string | boolean): Promise<void> {
  const control = $<HTMLInputElement | HTMLSelectElement>(el, `[name="${name}"]`)!;
  if (control instanceof HTMLInputElement) control.checked = value as boolean;
  else control.value = value as string;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

function hasPixels(canvas: HTMLCanvasElement): boolean {
  if (canvas.width === 0 || canvas.height === 0) return false;
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
  return false;
}

const realLoader = CompactActionPlan.loadCharts;

describe('<compact-action-plan>', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    CompactActionPlan.loadCharts = realLoader;
  });
  const freeze = (iso: string) => {
    clock = sinon.useFakeTimers({ now: Date.parse(iso), toFake: ['Date'] });
  };

  describe('content', () => {
    beforeEach(() => freeze('2026-11-22T10:00:00Z'));

    it('shows the aims in order, each with its actions in order', async () => {
      const el = await mount(
        feedWith([
          { id: 'b', title: 'Second aim first', actions: [{ id: 'b1', title: 'B one', status: 'complete' }, { id: 'b2', title: 'B two', status: 'in-progress' }] },
          { id: 'a', title: 'Then this aim', actions: [{ id: 'a1', title: 'A one', status: 'not-started' }] },
        ]),
        'charts="none"',
      );
      expect($$(el, '.aim-title').map(foldText)).to.deep.equal(['Second aim first', 'Then this aim']);
      const sections = $$(el, 'section.aim');
      expect([...sections[0].querySelectorAll('.action-title')].map(foldText)).to.deep.equal(['B one', 'B two']);
      expect([...sections[1].querySelectorAll('.action-title')].map(foldText)).to.deep.equal(['A one']);
      expect($(el, '.plan-title')!.textContent).to.contain('Test plan');
      await expect(el).to.be.accessible();
    });

    it('shows leads as names: ids resolved, plain names kept, several joined with "and", joint leads marked', async () => {
      const el = await mount(
        feedWith([
          {
            id: 'a',
            title: 'Aim',
            actions: [
              { id: '1', title: 'By id', status: 'in-progress', lead: 'GB-LAE-TST' },
              { id: '2', title: 'By name', status: 'in-progress', lead: 'Testshire CVS' },
              { id: '3', title: 'Joint', status: 'in-progress', lead: ['GB-LAE-TST', 'GB-CHC-1234567'] },
              { id: '4', title: 'Three', status: 'in-progress', lead: ['GB-SC-SC012345', 'Testshire CVS', 'GB-CHC-1234567'] },
            ],
          },
        ]),
        'charts="none"',
      );
      expect(fact(actionByTitle(el, 'By id'), 'Led by')).to.equal('Testshire Council');
      expect(fact(actionByTitle(el, 'By name'), 'Led by')).to.equal('Testshire CVS');
      const joint = actionByTitle(el, 'Joint');
      expect(fact(joint, 'Led by')).to.contain("Testshire Council and St John's Community Trust");
      // The fixture calls the voluntary sector "Third sector".
      expect(foldText(joint.querySelector('.joint'))).to.equal('Joint lead: Public sector and Third sector');
      const three = actionByTitle(el, 'Three');
      expect(fact(three, 'Led by')).to.equal("Côr Meibion Testshire, Testshire CVS and St John's Community Trust");
      expect(three.querySelector('.joint')).to.equal(null);
    });

    it('shows timescale and due date, status in words with a shape, progress as a <progress> with its number', async () => {
      const el = await mount(sampleFeed(), 'charts="none"');
      const a2 = actionByTitle(el, 'Run awareness sessions');
      expect(fact(a2, 'Timescale')).to.equal('by March 2026 (due 31 March 2026)');
      expect(fact(a2, 'Status')).to.contain('In progress');
      expect(a2.querySelector('.status svg[aria-hidden="true"]')).to.exist;
      const progress = a2.querySelector('progress')!;
      expect(progress.max).to.equal(100);
      expect(progress.value).to.equal(60);
      expect(progress.getAttribute('aria-label')).to.equal('Progress');
      expect(fact(a2, 'Progress')).to.equal('60%');
      expect(fact(actionByTitle(el, 'Get every local group to sign'), 'Timescale')).to.equal('ongoing');
      expect(fact(actionByTitle(el, 'Publish the compact online'), 'Timescale')).to.equal('Due 31 March 2025');
      // Each status has its own shape: the icons differ.
      const shapes = new Set($$(el, '.data-table .status svg').map((svg) => svg.innerHTML.replace(/<!--.*?-->/g, '')));
      expect(shapes.size).to.equal(5);
    });

    it('shows the latest update and the earlier ones, newest first, in a <details>', async () => {
      const el = await mount(
        feedWith([
          {
            id: 'a',
            title: 'Aim',
            actions: [
              {
                id: '1',
                title: 'Updated',
                status: 'in-progress',
                updates: [
                  { date: '2026-01-10', text: 'First.' },
                  { date: '2026-09-01', text: 'Newest.' },
                  { date: '2026-05-02', text: 'Second.' },
                ],
              },
              { id: '2', title: 'Once', status: 'in-progress', updates: [{ date: '2026-02-01', text: 'Only.' }] },
            ],
          },
        ]),
        'charts="none"',
      );
      const updated = actionByTitle(el, 'Updated');
      expect(foldText(updated.querySelector('.latest'))).to.equal('Latest update 1 September 2026 Newest.');
      const details = updated.querySelector('details')!;
      expect(foldText(details.querySelector('summary'))).to.equal('2 earlier updates');
      expect([...details.querySelectorAll('li')].map(foldText)).to.deep.equal(['2 May 2026 Second.', '10 January 2026 First.']);
      expect(actionByTitle(el, 'Once').querySelector('details')).to.equal(null);
      details.open = true;
      await expect(el).to.be.accessible();
    });

    it('says when it was last updated, in the compact’s zone and relative to now', async () => {
      const el = await mount(sampleFeed(), 'charts="none"');
      // actionPlan.updated is 2026-10-15T12:00:00+01:00: noon in London (BST).
      expect(foldText($(el, '.updated'))).to.equal('Last updated midday on Thursday 15 October 2026 (1 month ago)');
      const feed = sampleFeed();
      delete (feed.actionPlan as Record<string, unknown>).updated;
      const fallback = await mount(feed, 'charts="none"');
      expect(foldText($(fallback, '.updated'))).to.equal('Last updated 9:30am on Sunday 1 November 2026 (3 weeks ago)');
    });

    it('shows an empty state without an action plan, or with no actions', async () => {
      const none = await mount({ ...sampleFeed(), actionPlan: undefined });
      expect(shadowText(none)).to.contain('This compact has not published an action plan yet');
      await expect(none).to.be.accessible();
      const empty = await mount(feedWith([{ id: 'a', title: 'Aim', actions: [] }]));
      expect(shadowText(empty)).to.contain('This compact has not published an action plan yet');
      const missing = await mount(sampleFeed(), 'aim="no-such-aim"');
      expect(shadowText(missing)).to.contain('This action plan has no aim with the id "no-such-aim".');
    });

    it('speaks Welsh inside lang="cy", with Welsh feed text, counts and "a"/"ac"', async () => {
      const feed = feedWith([
        {
          id: 'a',
          title: { en: 'Communication', cy: 'Cyfathrebu' },
          actions: [
            { id: '1', title: { en: 'One', cy: 'Un' }, status: 'in-progress', due: '2026-01-01', lead: ['GB-LAE-TST', 'GB-CHC-1234567'] },
            { id: '2', title: { en: 'Two', cy: 'Dau' }, status: 'delayed', due: '2026-02-01', lead: ['GB-CHC-1234567', 'GB-LAE-TST'] },
            { id: '3', title: { en: 'Three', cy: 'Tri' }, status: 'delayed', due: '2026-03-01', lead: ['GB-LAE-TST', 'Ysgol Gynradd'] },
          ],
        },
      ]);
      const el = await mount(feed, 'charts="none"', 'cy');
      await settled(el, () => shadowText(el).includes('Ar y gweill'));
      expect($$(el, '.aim-title').map(foldText)).to.deep.equal(['Cyfathrebu']);
      expect(actionTitles(el)).to.deep.equal(['Un', 'Dau', 'Tri']);
      expect(foldText($(el, '.overdue-summary'))).to.contain('Mae 3 cham gweithredu yn hwyr.');
      // "ac" before a vowel (Y is one in Welsh), "a" otherwise.
      expect(fact(actionByTitle(el, 'Un'), 'Dan arweiniad')).to.contain('Testshire Council ac Ymddiriedolaeth Gymunedol Sant Ioan');
      expect(fact(actionByTitle(el, 'Dau'), 'Dan arweiniad')).to.contain('Ymddiriedolaeth Gymunedol Sant Ioan a Testshire Council');
      expect(foldText(actionByTitle(el, 'Un').querySelector('.joint'))).to.equal('Arwain ar y cyd: Public sector a Trydydd sector');
      expect(fact(actionByTitle(el, 'Tri'), 'Dan arweiniad')).to.equal('Testshire Council ac Ysgol Gynradd');
      expect(foldText($(el, '.results'))).to.equal('Yn dangos 3 o’r 3 cham gweithredu');
      await expect(el).to.be.accessible();
    });

    it('renders under a malformed inherited lang such as "en_GB", sorting the leads in English', async () => {
      const el = await mount(sampleFeed(), 'charts="none"', 'en_GB');
      expect(el.shadowRoot!.querySelector('.plan')).to.exist;
      expect(foldText($(el, '.plan-title'))).to.equal('Compact action plan');
      expect(foldText($(el, '.results'))).to.equal('Showing 3 of 3 actions');
      expect(actionTitles(el)).to.have.length(3);
      const leadOptions = $$<HTMLOptionElement>(el, '[name="lead"] option').map((o) => o.textContent!.trim());
      expect(leadOptions).to.deep.equal(['Any lead', "St John's Community Trust", 'Testshire Council', 'Testshire CVS']);
    });

    describe('heading-level', () => {
      const levels = (el: Element) => ({
        plan: $(el, '.plan-title')!.localName,
        overview: $(el, '.overview-title')!.localName,
        filters: $(el, '.filters-title')!.localName,
        aim: $(el, '.aim-title')!.localName,
        action: $(el, '.action-title')!.localName,
      });

      it('uses h2, then h3 for the overview, filters and aims, and h4 for actions by default', async () => {
        const el = await mount(sampleFeed(), 'charts="none"');
        expect(levels(el)).to.deep.equal({ plan: 'h2', overview: 'h3', filters: 'h3', aim: 'h3', action: 'h4' });
        expect($(el, '.plan-title')!.getAttribute('part')).to.equal('title');
        expect($(el, '.aim-title')!.id).to.equal('aim-0');
      });

      it('starts from heading-level, sub-headings one and two below, capped at h6', async () => {
        const three = await mount(sampleFeed(), 'charts="none" heading-level="3"');
        expect(levels(three)).to.deep.equal({ plan: 'h3', overview: 'h4', filters: 'h4', aim: 'h4', action: 'h5' });
        await expect(three).to.be.accessible();
        const five = await mount(sampleFeed(), 'charts="none" heading-level="5"');
        expect(levels(five)).to.deep.equal({ plan: 'h5', overview: 'h6', filters: 'h6', aim: 'h6', action: 'h6' });
        const six = await mount(sampleFeed(), 'charts="none" heading-level="6"');
        expect(levels(six)).to.deep.equal({ plan: 'h6', overview: 'h6', filters: 'h6', aim: 'h6', action: 'h6' });
        // The sections keep their names whatever the level.
        expect($(six, 'section.overview')!.getAttribute('aria-labelledby')).to.equal('overview-title');
        expect($(six, '#overview-title')!.localName).to.equal('h6');
      });

      it('falls back to 2 for values out of range or not whole numbers, and follows changes', async () => {
        for (const value of ['1', '9', 'x', '2.5']) {
          const el = await mount(sampleFeed(), `charts="none" heading-level="${value}"`);
          const expected = value === '9' ? 'h6' : 'h2';
          expect($(el, '.plan-title')!.localName, value).to.equal(expected);
        }
        const el = await mount(sampleFeed(), 'charts="none"');
        el.setAttribute('heading-level', '4');
        await el.updateComplete;
        expect(levels(el)).to.deep.equal({ plan: 'h4', overview: 'h5', filters: 'h5', aim: 'h5', action: 'h6' });
      });
    });
  });

  describe('overdue, with a frozen clock', () => {
    const plan = () =>
      feedWith([
        {
          id: 'a',
          title: 'Aim',
          actions: [
            { id: '1', title: 'Due yesterday', status: 'in-progress', due: '2026-11-21' },
            { id: '2', title: 'Due today', status: 'in-progress', due: '2026-11-22' },
            { id: '3', title: 'Done late', status: 'complete', due: '2026-01-01' },
            { id: '4', title: 'Dropped', status: 'cancelled', due: '2026-01-01' },
            { id: '5', title: 'Summer', status: 'not-started', due: '2026-06-30' },
          ],
        },
      ]);

    it('flags actions past their due date in the compact’s zone, counts them and filters to them', async () => {
      freeze('2026-11-22T00:30:00+00:00');
      const el = await mount(plan(), 'charts="none"');
      const flagged = $$(el, '.action.is-overdue').map((li) => foldText(li.querySelector('.action-title')));
      expect(flagged).to.deep.equal(['Due yesterday', 'Summer']);
      expect(foldText(actionByTitle(el, 'Due yesterday').querySelector('.overdue-flag'))).to.equal('Overdue');
      expect(actionByTitle(el, 'Due today').querySelector('.overdue-flag')).to.equal(null);
      expect(foldText($(el, '.overdue-summary'))).to.contain('2 actions are overdue.');
      $<HTMLButtonElement>(el, '.overdue-summary button')!.click();
      await el.updateComplete;
      expect(actionTitles(el)).to.deep.equal(['Due yesterday', 'Summer']);
      expect($<HTMLInputElement>(el, '[name="overdue"]')!.checked).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.results'));
      await expect(el).to.be.accessible();
    });

    it('judges "today" by the London date in BST, not the UTC date', async () => {
      // 23:30 UTC on 30 June 2026 is already 1 July in London.
      freeze('2026-06-30T23:30:00Z');
      const el = await mount(plan(), 'charts="none"');
      expect($$(el, '.action.is-overdue').map((li) => foldText(li.querySelector('.action-title')))).to.deep.equal(['Summer']);
      clock!.restore();
      freeze('2026-06-30T22:59:00Z'); // 23:59 BST on 30 June: due today, not overdue
      const before = await mount(plan(), 'charts="none"');
      expect($$(before, '.action.is-overdue')).to.have.length(0);
      expect(foldText($(before, '.overdue-summary'))).to.equal('No actions are overdue.');
    });
  });

  describe('overview and filters', () => {
    beforeEach(() => freeze('2026-11-22T10:00:00Z'));

    it('counts actions by status overall and per aim, and shows overall progress', async () => {
      const el = await mount(sampleFeed(), 'charts="none"');
      const rows = $$(el, '.figure-status tbody tr').map((tr) => foldText(tr));
      expect(rows).to.deep.equal(['Not started 1', 'In progress 1', 'Delayed 0', 'Complete 1', 'Cancelled 0']);
      expect(foldText($(el, '.figure-status tfoot'))).to.equal('Total 3');
      // (100 + 60 + 0) / 3 = 53.3
      expect($<HTMLProgressElement>(el, '.overall progress')!.value).to.equal(53);
      expect(foldText($(el, '.overall-value'))).to.equal('53%');
      const aimRows = $$(el, '.figure-aims tbody tr').map((tr) => foldText(tr));
      expect(aimRows).to.deep.equal(['Communication 2 1 1 80%', 'Sign-up 1 0 0 0%']);
      expect($$(el, '.aim-summary').map(foldText)).to.deep.equal([
        '2 actions. In progress: 1, Complete: 1. Overdue: 1. Progress: 80%.',
        '1 action. Not started: 1. Progress: 0%.',
      ]);
      expect(foldText($(el, '.results'))).to.equal('Showing 3 of 3 actions');
    });

    it('filters by status, lead and aim, and announces the count politely', async () => {
      const el = await mount(sampleFeed(), 'charts="none"');
      const live = $(el, '[role="status"][aria-live="polite"]')!;
      await choose(el, 'status', 'in-progress');
      expect(actionTitles(el)).to.deep.equal(['Run awareness sessions']);
      expect(foldText($(el, '.results'))).to.equal('Showing 1 of 3 actions');
      expect(foldText(live)).to.equal('Showing 1 of 3 actions');
      await choose(el, 'status', '');
      await choose(el, 'lead', 'GB-LAE-TST');
      expect(actionTitles(el)).to.deep.equal(['Publish the compact online', 'Run awareness sessions']);
      const leadOptions = $$<HTMLOptionElement>(el, '[name="lead"] option').map((o) => o.textContent!.trim());
      expect(leadOptions).to.deep.equal(['Any lead', "St John's Community Trust", 'Testshire Council', 'Testshire CVS']);
      await choose(el, 'lead', '');
      await choose(el, 'aim', 'aim-2');
      expect(actionTitles(el)).to.deep.equal(['Get every local group to sign']);
      await choose(el, 'hideComplete', true);
      await choose(el, 'aim', '');
      expect(actionTitles(el)).to.deep.equal(['Run awareness sessions', 'Get every local group to sign']);
      await choose(el, 'status', 'cancelled');
      expect(foldText($(el, '.notice'))).to.equal('No actions match these filters.');
      expect(actionTitles(el)).to.deep.equal([]);
      expect($$(el, 'section.aim').every((section) => section.hidden)).to.equal(true);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, 'button.clear')!.click();
      await el.updateComplete;
      expect(actionTitles(el)).to.have.length(3);
      expect($<HTMLSelectElement>(el, '[name="status"]')!.value).to.equal('');
      expect($<HTMLInputElement>(el, '[name="hideComplete"]')!.checked).to.equal(false);
      // The button went with the filters: focus is on the count, which is read as it takes focus,
      // so the live region does not say it a second time.
      expect(el.shadowRoot!.activeElement === $(el, '.results'), 'focus on the count').to.equal(true);
      expect(foldText($(el, '.results'))).to.equal('Showing 3 of 3 actions');
      expect(foldText(live)).to.equal('');
    });

    it('"Show only overdue actions" moves focus to the count, and announces nothing besides', async () => {
      const el = await mount(sampleFeed(), 'charts="none"');
      const live = $(el, '[role="status"][aria-live="polite"]')!;
      $<HTMLButtonElement>(el, '.overdue-summary .link-button')!.click();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '[name="overdue"]')!.checked).to.equal(true);
      expect(el.shadowRoot!.activeElement === $(el, '.results'), 'focus on the count').to.equal(true);
      expect(foldText(live)).to.equal('');
    });

    it('follows a later change of the status attribute', async () => {
      const el = await mount(sampleFeed(), 'charts="none"');
      el.setAttribute('status', 'complete');
      await el.updateComplete;
      expect(actionTitles(el)).to.deep.equal(['Publish the compact online']);
      el.removeAttribute('status');
      await el.updateComplete;
      expect(actionTitles(el)).to.have.length(3);
    });

    it('presets filters from the status and hide-complete attributes, and shows one aim with aim', async () => {
      const byStatus = await mount(sampleFeed(), 'charts="none" status="not-started"');
      expect(actionTitles(byStatus)).to.deep.equal(['Get every local group to sign']);
      expect($<HTMLSelectElement>(byStatus, '[name="status"]')!.value).to.equal('not-started');
      const overdue = await mount(sampleFeed(), 'charts="none" status="overdue"');
      expect(actionTitles(overdue)).to.deep.equal(['Run awareness sessions']);
      const hide = await mount(sampleFeed(), 'charts="none" hide-complete');
      expect(actionTitles(hide)).to.deep.equal(['Run awareness sessions', 'Get every local group to sign']);
      expect($<HTMLInputElement>(hide, '[name="hideComplete"]')!.checked).to.equal(true);
      const one = await mount(sampleFeed(), 'charts="none" aim="aim-2"');
      expect($$(one, '.aim-title').map(foldText)).to.deep.equal(['Sign-up']);
      expect($(one, '[name="aim"]')).to.equal(null);
      expect(foldText($(one, '.results'))).to.equal('Showing 1 of 1 action');
      await expect(one).to.be.accessible();
    });

    it('opens every history for printing and closes them again, and prints tables, not charts or filters', async () => {
      const el = await mount(
        feedWith([
          {
            id: 'a',
            title: 'Aim',
            actions: [{ id: '1', title: 'T', status: 'in-progress', updates: [{ date: '2026-01-01', text: 'a' }, { date: '2026-02-01', text: 'b' }] }],
          },
        ]),
      );
      const details = $<HTMLDetailsElement>(el, 'details')!;
      window.dispatchEvent(new Event('beforeprint'));
      expect(details.open).to.equal(true);
      window.dispatchEvent(new Event('afterprint'));
      expect(details.open).to.equal(false);
      await waitUntil(() => $(el, 'canvas'), 'the chart was not drawn');
      await emulateMedia({ media: 'print' });
      try {
        expect(getComputedStyle($(el, '.filters')!).display).to.equal('none');
        expect(getComputedStyle($(el, '.chart-view')!).display).to.equal('none');
        expect(getComputedStyle($(el, '.figure-status .table-view')!).display).to.equal('block');
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    });
  });

  describe('charts', () => {
    beforeEach(() => freeze('2026-11-22T10:00:00Z'));

    it('loads chart.js when shown, draws both charts with text alternatives, and switches to tables', async () => {
      const el = await mount(sampleFeed());
      await waitUntil(() => $$(el, 'canvas').length === 2, 'the charts were not drawn');
      const canvas = $<HTMLCanvasElement>(el, '.figure-status canvas')!;
      expect(canvas.getAttribute('role')).to.equal('img');
      expect(canvas.getAttribute('aria-label')).to.equal(
        'Status of 3 actions: Not started: 1; In progress: 1; Complete: 1.',
      );
      expect($(el, '.figure-aims canvas')!.getAttribute('aria-label')).to.equal(
        'Progress by aim, out of 100%: Communication, 80%; Sign-up, 0%.',
      );
      await waitUntil(() => hasPixels(canvas), 'the doughnut was not painted');
      expect(Chart.getChart(canvas)).to.exist;
      // The loader fetched chart.js as a module of its own.
      const resources = performance.getEntriesByType('resource').map((r) => r.name);
      expect(resources.some((url) => /chart\.js/.test(url))).to.equal(true);
      await expect(el).to.be.accessible();

      const [chartButton, tableButton] = $$<HTMLButtonElement>(el, '.figure-status .view-switch button');
      expect(chartButton.getAttribute('aria-pressed')).to.equal('true');
      tableButton.click();
      await el.updateComplete;
      expect(tableButton.getAttribute('aria-pressed')).to.equal('true');
      expect(chartButton.getAttribute('aria-pressed')).to.equal('false');
      expect($(el, '.figure-status canvas')).to.equal(null);
      expect(getComputedStyle($(el, '.figure-status table')!).display).to.equal('table');
      expect(Chart.getChart(canvas)).to.equal(undefined); // destroyed with its canvas
      await expect(el).to.be.accessible();

      chartButton.click();
      await el.updateComplete;
      const again = $<HTMLCanvasElement>(el, '.figure-status canvas')!;
      expect(again).to.exist;
      await waitUntil(() => hasPixels(again), 'the doughnut was not painted again');
      expect(getComputedStyle($(el, '.figure-status .table-view')!).display).to.equal('none');
    });

    it('takes chart colours from the --compact-status-* custom properties at draw time', async () => {
      const el = await mount(sampleFeed());
      el.style.setProperty('--compact-status-complete', 'rgb(255, 0, 255)');
      await waitUntil(() => $(el, '.figure-status canvas') && Chart.getChart($<HTMLCanvasElement>(el, '.figure-status canvas')!));
      const chart = Chart.getChart($<HTMLCanvasElement>(el, '.figure-status canvas')!)!;
      const colours = chart.data.datasets[0].backgroundColor as string[];
      expect(colours[chart.data.labels!.indexOf('Complete')]).to.equal('rgb(255, 0, 255)');
      expect(colours[chart.data.labels!.indexOf('In progress')]).to.equal('#1d70b8');
    });

    it('turns animation off when the reader prefers reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await mount(sampleFeed());
        await waitUntil(() => $(el, '.figure-status canvas') && Chart.getChart($<HTMLCanvasElement>(el, '.figure-status canvas')!));
        expect(Chart.getChart($<HTMLCanvasElement>(el, '.figure-status canvas')!)!.options.animation).to.equal(false);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('destroys its charts when removed, and draws them again when put back', async () => {
      const el = await mount(sampleFeed());
      await waitUntil(() => $$(el, 'canvas').length === 2);
      const canvases = $$<HTMLCanvasElement>(el, 'canvas');
      await waitUntil(() => canvases.every((c) => Chart.getChart(c)));
      const parent = el.parentElement!;
      el.remove();
      expect(canvases.map((c) => Chart.getChart(c))).to.deep.equal([undefined, undefined]);
      parent.append(el);
      await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').every((c) => Chart.getChart(c)));
    });

    it('draws no chart when chart.js arrives after the element was removed, and draws once put back', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const loader = sinon.spy(async () => {
        await gate;
        return realLoader();
      });
      CompactActionPlan.loadCharts = loader;
      const el = await mount(sampleFeed());
      await waitUntil(() => loader.called, 'chart.js was not requested');
      const parent = el.parentElement!;
      el.remove();
      release();
      // The module arrives, and the element renders its canvases while out of the page.
      await waitUntil(() => $$(el, 'canvas').length === 2, 'the element did not take the chart module');
      // The charts are drawn (or not) in the update that renders the canvases.
      await el.updateComplete;
      const ours = () => Object.values(Chart.instances).filter((c) => el.shadowRoot!.contains(c.canvas));
      expect(ours()).to.deep.equal([]);
      expect($$<HTMLCanvasElement>(el, 'canvas').map((c) => Chart.getChart(c))).to.deep.equal([undefined, undefined]);
      parent.append(el);
      await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').every((c) => Chart.getChart(c)), 'not drawn when put back');
      expect(ours()).to.have.length(2);
    });

    it('draws no chart for an update still pending when the element is removed', async () => {
      const el = await mount(sampleFeed());
      await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').length === 2);
      await waitUntil(() => $$<HTMLCanvasElement>(el, 'canvas').every((c) => Chart.getChart(c)));
      // Switch the doughnut to its table and back, then remove before that update runs.
      const [chartButton, tableButton] = $$<HTMLButtonElement>(el, '.figure-status .view-switch button');
      tableButton.click();
      await el.updateComplete;
      chartButton.click();
      el.remove();
      // That update is where a chart would be drawn.
      await el.updateComplete;
      expect($$(el, 'canvas')).to.have.length(2);
      expect(Object.values(Chart.instances).filter((c) => el.shadowRoot!.contains(c.canvas))).to.deep.equal([]);
    });

    it('waits until the charts near the viewport before loading chart.js', async () => {
      const loader = sinon.spy(realLoader);
      CompactActionPlan.loadCharts = loader;
      const wrapper = await fixture<HTMLElement>(html`<div>
        <div style="height: 5000px"></div>
        <compact-action-plan></compact-action-plan>
      </div>`);
      const el = wrapper.querySelector('compact-action-plan')!;
      const wait = watchChartsWait();
      el.feed = sampleFeed();
      await settled(el, () => !!$(el, '.plan'));
      await intersectionReported($(el, '.figures')!);
      expect(wait.began(), 'began waiting to load chart.js').to.equal(false);
      wait.restore();
      expect(loader.callCount).to.equal(0);
      expect($(el, 'canvas')).to.equal(null);
      expect($(el, '.figure-status table')).to.exist; // the table stands in meanwhile
      $(el, '.figures')!.scrollIntoView();
      await waitUntil(() => loader.callCount === 1 && $(el, 'canvas'), 'chart.js was not loaded on scrolling');
      window.scrollTo(0, 0);
    });

    it('does not load chart.js for a moment near the view: other widgets loading above push the plan down', async () => {
      const loader = sinon.spy(realLoader);
      CompactActionPlan.loadCharts = loader;
      const wrapper = await fixture<HTMLElement>(html`<div><div class="above" style="height: 5000px"></div><compact-action-plan></compact-action-plan></div>`);
      const el = wrapper.querySelector('compact-action-plan')!;
      const above = wrapper.querySelector<HTMLElement>('.above')!;
      el.feed = sampleFeed();
      await settled(el, () => !!$(el, '.plan'));
      await intersectionReported($(el, '.figures')!); // far below the fold: nothing to wait for
      // The charts' frozen date, now with timers too.
      const now = Date.now();
      clock?.restore();
      const timers = sinon.useFakeTimers({ now, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
      clock = timers;
      // The element's own observer reports in a rendering step: watch for its timer frame by frame.
      const waiting = async (pending: boolean) => {
        for (let i = 0; i < 120 && timers.countTimers() > 0 !== pending; i++) await new Promise(requestAnimationFrame);
        expect(timers.countTimers() > 0, pending ? 'the wait began' : 'the wait was called off').to.equal(pending);
      };
      try {
        // The widgets above have not rendered yet: the plan is near the view, and the wait begins.
        above.style.height = '0';
        await waiting(true);
        timers.tick(ChartsController.NEAR_VIEW_MS - 1);
        // They render, and the plan goes far below the fold before the wait is over.
        above.style.height = '5000px';
        await waiting(false);
        timers.tick(10 * ChartsController.NEAR_VIEW_MS);
        expect(loader.callCount).to.equal(0);
        // Scrolled to, it stays near: chart.js comes once the wait is over.
        $(el, '.figures')!.scrollIntoView();
        await waiting(true);
        timers.tick(ChartsController.NEAR_VIEW_MS - 1);
        expect(loader.callCount).to.equal(0);
        timers.tick(1);
        expect(loader.callCount).to.equal(1);
      } finally {
        window.scrollTo(0, 0);
      }
    });

    it('keeps the tables, without a switch, when chart.js cannot be loaded', async () => {
      const warn = sinon.stub(console, 'warn');
      const failing = sinon.stub().rejects(new TypeError('Failed to fetch dynamically imported module'));
      CompactActionPlan.loadCharts = failing;
      try {
        const el = await mount(sampleFeed());
        await waitUntil(() => warn.calledWithMatch('charts could not be loaded'), 'the failure was not noticed');
        await el.updateComplete;
        expect($(el, 'canvas')).to.equal(null);
        expect($(el, '.view-switch')).to.equal(null);
        expect($(el, '.figure-status table')).to.exist;
        expect(warn.calledWithMatch('charts could not be loaded')).to.equal(true);
        await expect(el).to.be.accessible();
      } finally {
        warn.restore();
      }
    });

    it('shows tables in forced-colours mode, and charts again when it ends', async () => {
      // Chromium's own forced colours: the element hears the media query change as it would on Windows.
      await forcedColours(true);
      const loader = sinon.spy(realLoader);
      CompactActionPlan.loadCharts = loader;
      const wait = watchChartsWait();
      try {
        const el = await mount(sampleFeed());
        await intersectionReported($(el, '.figures')!);
        expect(wait.began(), 'began waiting to load chart.js').to.equal(false);
        expect(loader.callCount).to.equal(0);
        expect($(el, 'canvas')).to.equal(null);
        expect($(el, '.view-switch')).to.equal(null);
        await expect(el).to.be.accessible();
        await forcedColours(false);
        await waitUntil(() => $(el, '.figure-status canvas'), 'charts did not come back');
        await forcedColours(true);
        await waitUntil(() => !$(el, 'canvas'), 'charts stayed in forced colours');
        await el.updateComplete;
        expect($(el, 'canvas')).to.equal(null);
        // Moved in the page in forced colours, with chart.js loaded: it reads the mode again, draws nothing.
        const parent = el.parentElement!;
        el.remove();
        parent.append(el);
        await el.updateComplete;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expect($(el, 'canvas'), 'no chart after a move in forced colours').to.equal(null);
      } finally {
        wait.restore();
      }
    });
  });

  it('fires compact-feed-load once for a .feed', async () => {
    const wrapper = await fixture<HTMLElement>('<div><compact-action-plan charts="none"></compact-action-plan></div>');
    const el = wrapper.querySelector('compact-action-plan')!;
    const loaded = oneEvent(el, 'compact-feed-load');
    el.feed = sampleFeed();
    expect((await loaded).detail.feed.compact.id).to.equal('test-compact');
  });
});
