import { expect, fixture } from '@open-wc/testing';
import sinon from 'sinon';
import '../../../src/consultation-countdown/define.js';
import type {
  CompactConsultationCountdown,
  ConsultationChangeDetail,
} from '../../../src/consultation-countdown/consultation-countdown.js';
import { MAX_SLEEP, tickerState } from '../../../src/consultation-countdown/ticker.js';
import { loadLocale } from '../../../src/i18n/locale.js';
import { foldText, settled, shadowText } from '../../helpers/dom.js';
import { feedElementSuite } from '../../helpers/feed-element-suite.js';
import { feedUrl, sampleFeed } from '../../helpers/feeds.js';
import { setVisibility } from './helpers.js';

const TAG = 'compact-consultation-countdown';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// The sample feed's c1 runs 2026-10-01 to 2026-12-23; `show-closed` keeps it listed whatever the date.
feedElementSuite({
  tag: TAG,
  attributes: { 'show-closed': '' },
  readyText: 'Library services review',
  emptyFeed: { ...sampleFeed(), consultations: [] },
  emptyText: 'There are no open consultations at the moment.',
});

type Raw = Record<string, unknown>;

function feedWith(consultations: Raw[], compact: Raw = {}) {
  const feed = sampleFeed() as unknown as { compact: Raw; consultations: Raw[] };
  feed.compact = { ...feed.compact, ...compact };
  feed.consultations = consultations;
  return feed;
}

const consultation = (fields: Raw): Raw => ({
  id: 'c',
  title: 'Library services review',
  summary: 'How libraries should open in future.',
  owner: 'GB-LAE-TST',
  url: 'https://example.org/consult/libraries',
  ...fields,
});

/** Mounts the element; by default for consultation "c" and with no zone name, so sentences are exact. */
async function mount(feed: unknown, attrs: Record<string, string> = {}, lang?: string) {
  const container = await fixture<HTMLElement>(`<div${lang ? ` lang="${lang}"` : ''}></div>`);
  const el = document.createElement(TAG) as CompactConsultationCountdown;
  for (const [k, v] of Object.entries({ consultation: 'c', 'time-zone-label': '', ...attrs })) {
    if (v !== null) el.setAttribute(k, v);
  }
  el.feed = feed;
  container.append(el);
  await el.updateComplete;
  return el;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const sentence = (el: Element) => foldText(part(el, 'countdown'));
/** Whether a part is rendered (a boolean, so a failure message never has to print an element). */
const has = (el: Element, name: string) => part(el, name) !== null;
const tag = (el: Element) => foldText(part(el, 'tag'));
const liveRegion = (el: Element) => el.shadowRoot!.querySelector('[role="status"]')!;

describe('<compact-consultation-countdown>', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  const freeze = (iso: string) => {
    clock = sinon.useFakeTimers({ now: Date.parse(iso), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  };
  /** Moves the clock, running the ticker's timers, and lets the element render. */
  const advance = async (el: CompactConsultationCountdown, ms: number) => {
    clock!.tick(ms);
    await el.updateComplete;
  };
  /** axe runs on real timers: the clock is released first, so call this last in a test. */
  const accessible = async (el: Element) => {
    clock?.restore();
    clock = undefined;
    await expect(el).to.be.accessible();
  };
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    setVisibility('visible');
  });

  describe('states and the boundaries between them', () => {
    it('upcoming, date only: days to the opening date, no respond link', async () => {
      freeze('2026-11-26T10:00:00Z');
      const el = await mount(feedWith([consultation({ opens: '2026-12-01', closes: '2027-03-01' })]));
      expect(sentence(el)).to.equal('Opens in 5 days, on Tuesday 1 December 2026');
      expect(tag(el)).to.equal('Not open yet');
      expect(part(el, 'countdown')!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-12-01');
      expect(has(el, 'respond')).to.equal(false);
      expect(shadowText(el)).to.contain('Run by Testshire Council');
      expect(shadowText(el)).to.contain('How libraries should open in future.');
      await accessible(el);
    });

    it('upcoming at a time: "Opens today at 9:30am", "tomorrow", and a date-time', async () => {
      freeze('2026-12-01T08:00:00Z');
      const feed = feedWith([consultation({ opens: '2026-12-01T09:30:00Z', closes: '2027-03-01' })]);
      const el = await mount(feed);
      expect(sentence(el)).to.equal('Opens today at 9:30am');
      expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-12-01T09:30:00+00:00');
      clock!.setSystemTime(Date.parse('2026-11-30T12:00:00Z'));
      el.requestUpdate();
      await el.updateComplete;
      expect(sentence(el)).to.equal('Opens tomorrow, at 9:30am on Tuesday 1 December 2026');
      clock!.setSystemTime(Date.parse('2026-11-20T12:00:00Z'));
      el.requestUpdate();
      await el.updateComplete;
      expect(sentence(el)).to.equal('Opens in 11 days, at 9:30am on Tuesday 1 December 2026');
    });

    it('upcoming → open exactly at opensAt, with an event and one announcement', async () => {
      freeze('2026-11-30T23:59:00Z');
      const el = await mount(feedWith([consultation({ opens: '2026-12-01', closes: '2027-03-01' })]));
      const events: CustomEvent<ConsultationChangeDetail>[] = [];
      document.addEventListener('compact-consultation-change', (e) => events.push(e as CustomEvent<ConsultationChangeDetail>), {
        once: true,
      });
      expect(sentence(el)).to.equal('Opens tomorrow, on Tuesday 1 December 2026');
      await advance(el, MINUTE - 1);
      expect(tag(el)).to.equal('Not open yet');
      expect(liveRegion(el).textContent).to.equal('');
      await advance(el, 1);
      expect(tag(el)).to.equal('Open');
      expect(sentence(el)).to.equal('Closes in 90 days, at 11:59pm on Monday 1 March 2027');
      expect(events).to.have.length(1);
      expect(events[0].detail).to.deep.equal({ id: 'c', state: 'open', previous: 'upcoming' });
      expect(events[0].bubbles && events[0].composed).to.equal(true);
      expect(liveRegion(el).textContent).to.equal('Library services review: this consultation is now open.');
      expect(part(el, 'respond')!.getAttribute('href')).to.equal('https://example.org/consult/libraries');
    });

    it('open, date-only closing: calendar days and 11:59pm in BST, with <time datetime>', async () => {
      freeze('2027-06-02T10:00:00Z');
      const el = await mount(feedWith([consultation({ opens: '2027-03-22', closes: '2027-06-14' })]));
      expect(sentence(el)).to.equal('Closes in 12 days, at 11:59pm on Monday 14 June 2027');
      expect(tag(el)).to.equal('Open');
      expect(part(el, 'countdown')!.querySelector('time')!.getAttribute('datetime')).to.equal(
        '2027-06-14T23:59:59+01:00',
      );
      const link = part(el, 'respond') as HTMLAnchorElement;
      expect(foldText(link)).to.equal('Respond to this consultation: Library services review');
      expect(has(el, 'standard')).to.equal(false);
      // Calendar days: late the same evening it is still 12 days; at midnight (BST) it becomes 11.
      clock!.setSystemTime(Date.parse('2027-06-02T22:59:00Z'));
      el.requestUpdate();
      await el.updateComplete;
      expect(sentence(el)).to.contain('Closes in 12 days');
      await advance(el, MINUTE);
      expect(sentence(el)).to.contain('Closes in 11 days');
      await accessible(el);
    });

    it('open → closing soon when fewer than 7 days are left, tagged and marked', async () => {
      freeze('2026-12-01T17:00:00Z'); // exactly 7 days before 5pm on 8 December
      const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]));
      expect(sentence(el)).to.equal('Closes in 7 days, at 5pm on Tuesday 8 December 2026');
      expect(tag(el)).to.equal('Open');
      expect(tickerState().wakeAt).to.equal(Date.parse('2026-12-01T17:01:00Z'));
      await advance(el, MINUTE - 1);
      expect(tag(el)).to.equal('Open');
      await advance(el, 1);
      expect(tag(el)).to.equal('Closing soon');
      expect(part(el, 'consultation')!.classList.contains('soon')).to.equal(true);
      // A visible change, not news: nothing is announced.
      expect(liveRegion(el).textContent).to.equal('');
      await accessible(el);
    });

    it('→ hours and minutes when fewer than 48 hours are left; "tomorrow" and "today"', async () => {
      freeze('2026-12-06T17:00:00Z');
      const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]));
      expect(sentence(el)).to.equal('Closes in 2 days, at 5pm on Tuesday 8 December 2026');
      await advance(el, MINUTE);
      expect(sentence(el)).to.equal('Closes in 47 hours 59 minutes, at 5pm on Tuesday 8 December 2026');
      clock!.setSystemTime(Date.parse('2026-12-07T19:40:00Z'));
      el.requestUpdate();
      await el.updateComplete;
      expect(sentence(el)).to.equal('Closes in 21 hours 20 minutes, at 5pm tomorrow');
      clock!.setSystemTime(Date.parse('2026-12-08T11:40:00Z'));
      el.requestUpdate();
      await el.updateComplete;
      expect(sentence(el)).to.equal('Closes in 5 hours 20 minutes, at 5pm today');
      expect(tag(el)).to.equal('Closing soon');
      clock!.setSystemTime(Date.parse('2026-12-08T15:00:00Z'));
      el.requestUpdate();
      await el.updateComplete;
      expect(sentence(el)).to.equal('Closes in 2 hours, at 5pm today');
      await accessible(el);
    });

    it('→ closed exactly at closesAt, with an event; the respond link goes', async () => {
      freeze('2026-12-08T16:59:59.999Z');
      const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]));
      const events: ConsultationChangeDetail[] = [];
      el.addEventListener('compact-consultation-change', (e) => events.push(e.detail));
      expect(sentence(el)).to.equal('Closes in 1 minute, at 5pm today');
      expect(has(el, 'respond')).to.equal(true);
      await advance(el, 1);
      expect(sentence(el)).to.equal('This consultation closed at 5pm on Tuesday 8 December 2026');
      expect(tag(el)).to.equal('Closed');
      expect(has(el, 'respond')).to.equal(false);
      expect(events).to.deep.equal([{ id: 'c', state: 'closed', previous: 'open' }]);
      expect(liveRegion(el).textContent).to.equal('Library services review: this consultation has now closed.');
      // Nothing more can change: the element leaves the ticker.
      expect(tickerState()).to.deep.equal({ subscribers: 0, pending: false, wakeAt: undefined });
      await accessible(el);
    });

    it('a date-only closing in its last partial minute: "less than a minute", then closed at 23:59:59', async () => {
      freeze('2026-12-14T23:59:30Z');
      const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-14' })]));
      expect(sentence(el)).to.equal('Closes in less than a minute, at 11:59pm today');
      await advance(el, 28_999);
      expect(tag(el)).to.equal('Closing soon');
      await advance(el, 1);
      expect(tag(el)).to.equal('Closed');
      expect(sentence(el)).to.equal('This consultation closed at 11:59pm on Monday 14 December 2026');
    });

    it('is right across the end of British Summer Time (closes 26 October, date only)', async () => {
      // 1pm BST on Saturday 24 October 2026; the clocks go back at 2am BST on Sunday 25th.
      freeze('2026-10-24T12:00:00Z');
      const el = await mount(feedWith([consultation({ opens: '2026-08-03', closes: '2026-10-26' })]));
      expect(sentence(el)).to.equal('Closes in 2 days, at 11:59pm on Monday 26 October 2026');
      expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-10-26T23:59:59+00:00');
      // Next change: midnight BST (23:00 UTC), not midnight UTC.
      expect(tickerState().wakeAt).to.equal(Date.parse('2026-10-24T13:00:00Z')); // capped at an hour
      await advance(el, 11 * HOUR - 1);
      expect(sentence(el)).to.contain('Closes in 2 days');
      await advance(el, 1);
      // Sunday 00:00 BST: 48 hours 59 minutes are left, because Sunday has 25 hours.
      expect(sentence(el)).to.equal('Closes tomorrow, at 11:59pm on Monday 26 October 2026');
      await advance(el, HOUR);
      expect(sentence(el)).to.equal('Closes in 47 hours 59 minutes, at 11:59pm tomorrow');
      await advance(el, 30 * MINUTE);
      // 01:30 BST: a wall-clock subtraction would say 46 hours 29 minutes; the real time left is 47h 29m.
      expect(sentence(el)).to.equal('Closes in 47 hours 29 minutes, at 11:59pm tomorrow');
      await advance(el, HOUR);
      // 01:30 GMT, the second 01:30 of the night: one real hour later, one hour less.
      expect(sentence(el)).to.equal('Closes in 46 hours 29 minutes, at 11:59pm tomorrow');
    });

    it('counts a date-time closing right across the start of British Summer Time', async () => {
      // 9pm GMT on Saturday 28 March 2027; clocks go forward at 1am GMT on Sunday 28th.
      freeze('2027-03-27T21:00:00Z');
      const el = await mount(feedWith([consultation({ opens: '2027-01-04', closes: '2027-03-28T09:00:00+01:00' })]));
      expect(sentence(el)).to.equal('Closes in 11 hours, at 9am tomorrow');
    });
  });

  describe('the compact’s standard period', () => {
    it('says plainly when a consultation is shorter, with the reason given', async () => {
      freeze('2026-11-22T10:00:00Z');
      const el = await mount(
        feedWith([
          consultation({ opens: '2026-11-02', closes: '2026-12-14', shorterBecause: 'A funding deadline.' }),
        ]),
      );
      expect(foldText(part(el, 'standard'))).to.equal(
        'This consultation runs for 6 weeks, shorter than the 12 weeks the compact expects. Reason given: A funding deadline.',
      );
      await accessible(el);
    });

    it('says when no reason has been given, and counts odd lengths in weeks and days', async () => {
      freeze('2026-11-22T10:00:00Z');
      const el = await mount(feedWith([consultation({ opens: '2026-11-02', closes: '2026-12-15T12:00:00Z' })]));
      expect(foldText(part(el, 'standard'))).to.equal(
        'This consultation runs for 6 weeks and 1 day, shorter than the 12 weeks the compact expects. No reason has been given.',
      );
    });

    it('follows the compact’s own consultationWeeks', async () => {
      freeze('2026-11-22T10:00:00Z');
      const el = await mount(
        feedWith([consultation({ opens: '2026-11-02', closes: '2026-12-14' })], { consultationWeeks: 8 }),
      );
      expect(foldText(part(el, 'standard'))).to.contain('shorter than the 8 weeks');
    });

    it('counts from the opening date to the closing date: 12 weeks is Monday to Monday', async () => {
      freeze('2026-11-22T10:00:00Z');
      // Monday 5 October to Monday 28 December: 84 days; BST ends inside.
      const el = await mount(feedWith([consultation({ opens: '2026-10-05', closes: '2026-12-28' })]));
      expect(has(el, 'standard')).to.equal(false);
      // A date-time closing counts by its date in the compact's zone: 23:30 UTC on 26 July is
      // 00:30 BST on the 27th, 12 weeks after Monday 4 May.
      const late = await mount(feedWith([consultation({ opens: '2026-05-04', closes: '2026-07-26T23:30:00Z' })]));
      expect(has(late, 'standard')).to.equal(false);
      const short = await mount(feedWith([consultation({ opens: '2026-10-05', closes: '2026-12-27' })]));
      expect(foldText(part(short, 'standard'))).to.contain('runs for 11 weeks and 6 days');
    });
  });

  describe('Welsh and Gaelic', () => {
    before(async () => {
      await loadLocale('cy');
      await loadLocale('gd');
    });

    const cases: [string, string, string, string, string][] = [
      // [now, closes, lang, expected sentence, expected tag]
      ['2027-06-02T10:00:00Z', '2027-06-14', 'cy', 'Yn cau ymhen 12 diwrnod, am 11:59yh ddydd Llun 14 Mehefin 2027', 'Ar agor'],
      ['2027-06-12T10:00:00Z', '2027-06-14', 'cy', 'Yn cau ymhen 2 ddiwrnod, am 11:59yh ddydd Llun 14 Mehefin 2027', 'Yn cau cyn bo hir'],
      ['2027-06-14T18:39:00Z', '2027-06-14', 'cy', 'Yn cau ymhen 4 awr 20 munud, am 11:59yh heddiw', 'Yn cau cyn bo hir'],
      ['2027-06-15T10:00:00Z', '2027-06-14', 'cy', 'Caeodd yr ymgynghoriad hwn am 11:59yh ddydd Llun 14 Mehefin 2027', 'Wedi cau'],
      ['2027-06-02T10:00:00Z', '2027-06-14', 'gd', 'Dùinidh i an ceann 12 latha, aig 11:59f DiLuain 14 dhen Ògmhios 2027', 'Fosgailte'],
      ['2027-06-11T10:00:00Z', '2027-06-14', 'gd', 'Dùinidh i an ceann 3 làithean, aig 11:59f DiLuain 14 dhen Ògmhios 2027', 'A’ dùnadh a dh’aithghearr'],
      ['2027-06-13T20:38:00Z', '2027-06-14', 'gd', 'Dùinidh i an ceann 26 uair a thìde 21 mionaid, aig 11:59f a-màireach', 'A’ dùnadh a dh’aithghearr'],
      ['2027-06-15T10:00:00Z', '2027-06-14', 'gd', 'Dhùin a’ cho-chomhairle seo aig 11:59f DiLuain 14 dhen Ògmhios 2027', 'Dùinte'],
    ];
    for (const [now, closes, lang, expected, expectedTag] of cases) {
      it(`${lang}: ${expected}`, async () => {
        freeze(now);
        const el = await mount(feedWith([consultation({ opens: '2027-03-01', closes })]), {}, lang);
        expect(sentence(el)).to.equal(expected);
        expect(tag(el)).to.equal(expectedTag);
      });
    }

    it('cy and gd: seconds in the last hour come from the shared duration words (duration.second.*)', async () => {
      freeze('2026-12-08T16:47:57Z');
      const feed = () => feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]);
      const welsh = await mount(feed(), { seconds: '' }, 'cy');
      expect(sentence(welsh)).to.contain('12 munud 3 eiliad');
      // Gaelic: 3 is "few" (diogan), 12 is "two".
      const gaelic = await mount(feed(), { seconds: '' }, 'gd');
      expect(sentence(gaelic)).to.contain(' 3 diogan');
    });

    it('cy and gd: upcoming, every plural form of days, the standard notice and the link', async () => {
      freeze('2026-11-22T10:00:00Z');
      const days: [string, string, string][] = [
        // opens, Welsh, Gaelic (counts 2 two, 3 few, 6 many, 11 one in Gaelic, 20 other)
        ['2026-11-24', '2 ddiwrnod', '2 latha'],
        ['2026-11-25', '3 diwrnod', '3 làithean'],
        ['2026-11-28', '6 diwrnod', '6 làithean'],
        ['2026-12-03', '11 diwrnod', '11 latha'],
        ['2026-12-12', '20 diwrnod', '20 latha'],
      ];
      for (const [opens, cy, gd] of days) {
        const feed = feedWith([consultation({ opens, closes: '2026-12-31' })]);
        const welsh = await mount(feed, {}, 'cy');
        expect(sentence(welsh)).to.match(new RegExp(`^Yn agor ymhen ${cy}, sef Dydd `));
        const gaelic = await mount(feed, {}, 'gd');
        expect(sentence(gaelic)).to.match(new RegExp(`^Fosglaidh i an ceann ${gd}, Di`));
      }
      const feed = feedWith([consultation({ opens: '2026-11-02', closes: '2026-12-14', title: { en: 'Libraries', cy: 'Llyfrgelloedd' } })]);
      const welsh = await mount(feed, {}, 'cy');
      expect(foldText(part(welsh, 'standard'))).to.equal(
        "Mae'r ymgynghoriad hwn yn para 6 wythnos, sy'n fyrrach na'r 12 wythnos y mae'r compact yn eu disgwyl. Nid oes rheswm wedi'i roi.",
      );
      expect(foldText(part(welsh, 'title'))).to.equal('Llyfrgelloedd');
      expect(foldText(part(welsh, 'respond'))).to.equal("Ymateb i'r ymgynghoriad hwn: Llyfrgelloedd");
      const gaelic = await mount(feed, {}, 'gd');
      expect(foldText(part(gaelic, 'standard'))).to.contain('Mairidh a’ cho-chomhairle seo 6 seachdain');
      await accessible(welsh);
      await accessible(gaelic);
    });

    it('cy: announcements and the empty state speak Welsh', async () => {
      freeze('2026-12-08T16:59:00Z');
      const el = await mount(
        feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z', title: { en: 'Libraries', cy: 'Llyfrgelloedd' } })]),
        {},
        'cy',
      );
      await advance(el, MINUTE);
      expect(liveRegion(el).textContent).to.equal("Llyfrgelloedd: mae'r ymgynghoriad hwn bellach wedi cau.");
      const empty = await mount(feedWith([]), { consultation: null as unknown as string }, 'cy');
      expect(shadowText(empty)).to.contain('Nid oes unrhyw ymgynghoriadau ar agor ar hyn o bryd.');
    });
  });

  describe('one shared ticker', () => {
    it('wakes only for the next visible change, not every second', async () => {
      freeze('2026-11-26T10:00:00Z');
      const el = await mount(feedWith([consultation({ opens: '2026-12-01', closes: '2027-03-01' })]));
      const renders = sinon.spy(el as unknown as { render(): unknown }, 'render');
      // The next change is midnight: 14 hours of capped, silent re-checks first.
      await advance(el, 14 * HOUR - 1);
      expect(renders.callCount).to.equal(0);
      expect(sentence(el)).to.equal('Opens in 5 days, on Tuesday 1 December 2026');
      await advance(el, 1);
      expect(renders.callCount).to.equal(1);
      expect(sentence(el)).to.equal('Opens in 4 days, on Tuesday 1 December 2026');
    });

    it('in the last 48 hours wakes once a minute, on the minute', async () => {
      freeze('2026-12-08T11:40:20Z');
      const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]));
      const renders = sinon.spy(el as unknown as { render(): unknown }, 'render');
      expect(tickerState().wakeAt).to.equal(Date.parse('2026-12-08T11:41:00Z'));
      await advance(el, 39_999);
      expect(renders.callCount).to.equal(0);
      await advance(el, 1);
      expect(renders.callCount).to.equal(1);
      expect(sentence(el)).to.equal('Closes in 5 hours 19 minutes, at 5pm today');
      await advance(el, 10 * MINUTE);
      expect(renders.callCount).to.be.at.most(11);
      expect(sentence(el)).to.equal('Closes in 5 hours 9 minutes, at 5pm today');
    });

    it('shares one timer among many countdowns and leaves none when they are removed', async () => {
      freeze('2026-11-26T10:00:00Z');
      const feed = feedWith([
        consultation({ opens: '2026-12-01', closes: '2027-03-01' }),
        consultation({ id: 'd', opens: '2026-10-01', closes: '2026-11-26T10:30:00Z' }),
      ]);
      const els = [await mount(feed), await mount(feed), await mount(feed, { consultation: 'd' })];
      expect(tickerState()).to.include({ subscribers: 3, pending: true });
      expect(clock!.countTimers()).to.equal(1);
      expect(tickerState().wakeAt).to.equal(Date.parse('2026-11-26T10:01:00Z'));
      expect(tickerState().wakeAt! - Date.now()).to.be.at.most(MAX_SLEEP);
      els.forEach((el) => el.remove());
      expect(tickerState()).to.deep.equal({ subscribers: 0, pending: false, wakeAt: undefined });
      expect(clock!.countTimers()).to.equal(0);
    });

    it('pauses while the page is hidden and catches up when it is shown again', async () => {
      freeze('2026-12-08T11:40:00Z');
      const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]));
      const events: ConsultationChangeDetail[] = [];
      el.addEventListener('compact-consultation-change', (e) => events.push(e.detail));
      const renders = sinon.spy(el as unknown as { render(): unknown }, 'render');
      setVisibility('hidden');
      expect(tickerState()).to.include({ subscribers: 1, pending: false });
      expect(clock!.countTimers()).to.equal(0);
      await advance(el, 6 * HOUR);
      expect(renders.callCount).to.equal(0);
      expect(sentence(el)).to.equal('Closes in 5 hours 20 minutes, at 5pm today');
      setVisibility('visible');
      await el.updateComplete;
      expect(sentence(el)).to.equal('This consultation closed at 5pm on Tuesday 8 December 2026');
      expect(events).to.deep.equal([{ id: 'c', state: 'closed', previous: 'open' }]);
      // Only the latest milestone is spoken, not the hour-left one it slept through.
      expect(liveRegion(el).textContent).to.equal('Library services review: this consultation has now closed.');
    });

    it('re-joins the ticker when moved to another place in the page', async () => {
      freeze('2026-11-26T10:00:00Z');
      const el = await mount(feedWith([consultation({ opens: '2026-12-01', closes: '2027-03-01' })]));
      const parent = el.parentElement!;
      el.remove();
      expect(tickerState().subscribers).to.equal(0);
      parent.append(el);
      await el.updateComplete;
      expect(tickerState()).to.include({ subscribers: 1, pending: true });
    });
  });

  describe('accessibility of the changing figure', () => {
    it('announces only the milestones: a day left, an hour left, closed', async () => {
      freeze('2026-12-07T16:00:00Z'); // 25 hours before 5pm on 8 December
      const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]));
      const spoken: string[] = [];
      const observer = new MutationObserver(() => spoken.push(liveRegion(el).textContent ?? ''));
      observer.observe(liveRegion(el), { childList: true, characterData: true, subtree: true });
      const shown = new Set<string>();
      for (let t = 0; t < 26 * 60; t += 5) {
        await advance(el, 5 * MINUTE);
        shown.add(sentence(el));
      }
      observer.disconnect();
      expect(shown.size).to.be.greaterThan(250); // the figure moved all along…
      expect(spoken.filter(Boolean)).to.deep.equal([
        'Library services review: less than a day left to respond.',
        'Library services review: less than an hour left to respond.',
        'Library services review: this consultation has now closed.',
      ]);
    });

    it('no announcement when the element first renders, however close the closing', async () => {
      freeze('2026-12-08T16:30:00Z');
      const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]));
      expect(liveRegion(el).textContent).to.equal('');
      expect(part(el, 'countdown')!.closest('[aria-live]') === null).to.equal(true);
      expect(part(el, 'seconds-toggle')!.getAttribute('aria-pressed')).to.equal('false');
      await accessible(el);
    });

    it('shows minutes by default; seconds in the last hour only when asked, by attribute or button', async () => {
      freeze('2026-12-08T16:47:30Z');
      const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]));
      expect(sentence(el)).to.equal('Closes in 13 minutes, at 5pm today');
      expect(tickerState().wakeAt).to.equal(Date.parse('2026-12-08T16:48:00Z'));
      const toggle = part(el, 'seconds-toggle') as HTMLButtonElement;
      expect(foldText(toggle)).to.equal('Show seconds');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await el.updateComplete;
      expect(el.hasAttribute('seconds')).to.equal(true);
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(sentence(el)).to.equal('Closes in 12 minutes 30 seconds, at 5pm today');
      expect(tickerState().wakeAt).to.equal(Date.parse('2026-12-08T16:47:31Z'));
      await advance(el, 1000);
      expect(sentence(el)).to.equal('Closes in 12 minutes 29 seconds, at 5pm today');

      const attr = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]), {
        seconds: '',
      });
      expect(sentence(attr)).to.equal('Closes in 12 minutes 29 seconds, at 5pm today');
      await accessible(el);
    });

    for (const control of ['respond', 'seconds-toggle']) {
      it(`keeps keyboard focus in the consultation when ${control} goes as it closes`, async () => {
        freeze('2026-12-08T16:59:30Z');
        const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]));
        (part(el, control) as HTMLElement).focus();
        await advance(el, 31_000);
        expect(has(el, control), 'the control went').to.equal(false);
        expect(el.shadowRoot!.activeElement === part(el, 'countdown'), 'focus on the sentence that says it closed').to.equal(true);
        expect(sentence(el)).to.equal('This consultation closed at 5pm on Tuesday 8 December 2026');
      });
    }

    it('keeps keyboard focus in the widget when the list of open consultations loses its last one', async () => {
      freeze('2026-12-08T16:59:30Z');
      const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]), {
        consultation: null as unknown as string,
      });
      (part(el, 'respond') as HTMLElement).focus();
      await advance(el, 31_000);
      expect(shadowText(el)).to.contain('There are no open consultations at the moment.');
      expect(el.shadowRoot!.activeElement === el.shadowRoot!.querySelector('.base'), 'focus on the widget').to.equal(true);
    });

    it('leaves focus alone when it was elsewhere as the consultation closed', async () => {
      freeze('2026-12-08T16:59:30Z');
      const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]));
      const outside = document.createElement('button');
      el.before(outside);
      outside.focus();
      await advance(el, 31_000);
      expect(document.activeElement === outside).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(null);
    });

    it('offers no seconds button before the last hour, even with the attribute', async () => {
      freeze('2026-12-08T15:00:00Z');
      const el = await mount(feedWith([consultation({ opens: '2026-10-01', closes: '2026-12-08T17:00:00Z' })]), {
        seconds: '',
      });
      expect(has(el, 'seconds-toggle')).to.equal(false);
      expect(sentence(el)).to.equal('Closes in 2 hours, at 5pm today');
    });
  });

  describe('what it lists', () => {
    const five = () =>
      feedWith([
        consultation({ id: 'late-close', title: 'A', opens: '2026-10-01', closes: '2026-12-20' }),
        consultation({ id: 'early-close', title: 'B', opens: '2026-10-01', closes: '2026-12-10' }),
        consultation({ id: 'late-open', title: 'C', opens: '2027-01-15', closes: '2027-04-15' }),
        consultation({ id: 'early-open', title: 'D', opens: '2026-12-05', closes: '2027-03-05' }),
        consultation({ id: 'closed', title: 'E', opens: '2026-06-01', closes: '2026-09-01' }),
      ]);
    const titles = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="title"]')].map(foldText);

    it('open soonest-closing first, then upcoming soonest-opening first, at most 3', async () => {
      freeze('2026-11-22T10:00:00Z');
      const el = await mount(five(), { consultation: null as unknown as string });
      expect(titles(el)).to.deep.equal(['B', 'A', 'D']);
      expect(el.shadowRoot!.querySelectorAll('ul[role="list"] > li')).to.have.length(3);
      await accessible(el);
    });

    it('limit, show-closed and heading-level', async () => {
      freeze('2026-11-22T10:00:00Z');
      const more = await mount(five(), { consultation: null as unknown as string, limit: '10' });
      expect(titles(more)).to.deep.equal(['B', 'A', 'D', 'C']);
      const closed = await mount(five(), { consultation: null as unknown as string, limit: '10', 'show-closed': '' });
      expect(titles(closed)).to.deep.equal(['B', 'A', 'D', 'C', 'E']);
      const h2 = await mount(five(), { consultation: null as unknown as string, 'heading-level': '2' });
      expect(h2.shadowRoot!.querySelectorAll('h2')).to.have.length(3);
      expect(h2.shadowRoot!.querySelectorAll('h3')).to.have.length(0);
      const h3 = await mount(five(), { consultation: null as unknown as string });
      expect(h3.shadowRoot!.querySelectorAll('h3')).to.have.length(3);
    });

    it('a list re-sorts when one closes, and says so', async () => {
      freeze('2026-12-10T23:59:00Z');
      const el = await mount(five(), { consultation: null as unknown as string });
      expect(titles(el)).to.deep.equal(['B', 'A', 'D']);
      await advance(el, MINUTE);
      expect(titles(el)).to.deep.equal(['A', 'D', 'C']);
      expect(liveRegion(el).textContent).to.equal('B: this consultation has now closed.');
    });

    it('shows a closed consultation when it is named', async () => {
      freeze('2026-11-22T10:00:00Z');
      const el = await mount(five(), { consultation: 'closed' });
      expect(sentence(el)).to.equal('This consultation closed at 11:59pm on Tuesday 1 September 2026');
      await accessible(el);
    });

    it('empty: nothing open or upcoming', async () => {
      freeze('2027-06-01T10:00:00Z');
      const el = await mount(feedWith([consultation({ opens: '2026-06-01', closes: '2026-09-01' })]), {
        consultation: null as unknown as string,
      });
      expect(shadowText(el)).to.equal('There are no open consultations at the moment.');
      expect(tickerState().subscribers).to.equal(0);
      await accessible(el);
    });

    it('a named consultation that is not in the feed says so clearly', async () => {
      freeze('2026-11-22T10:00:00Z');
      const el = await mount(five(), { consultation: 'no-such-thing' });
      expect(shadowText(el)).to.contain('There is no consultation with the id "no-such-thing" in this feed.');
      await accessible(el);
    });

    it('shows an owner that is not a signatory as written, and no link for a non-http url', async () => {
      freeze('2026-11-22T10:00:00Z');
      const el = await mount(
        feedWith([
          consultation({ owner: 'Testshire Health Board', url: 'javascript:alert(1)', opens: '2026-10-01', closes: '2026-12-31' }),
        ]),
      );
      expect(foldText(part(el, 'owner'))).to.equal('Run by Testshire Health Board');
      expect(has(el, 'respond')).to.equal(false);
      expect(el.shadowRoot!.querySelector('[href^="javascript"]') === null).to.equal(true);
    });
  });

  describe('time zones', () => {
    const visitor = Intl.DateTimeFormat().resolvedOptions().timeZone;

    it('names the compact’s zone when the visitor’s differs, and not for a date alone', async function () {
      if (visitor === 'Europe/London') this.skip();
      freeze('2027-06-02T10:00:00Z');
      const el = await mount(feedWith([consultation({ opens: '2027-03-22', closes: '2027-06-14' })]), {
        'time-zone-label': null as unknown as string,
      });
      expect(sentence(el)).to.equal('Closes in 12 days, at 11:59pm on Monday 14 June 2027 (UK time)');
      const upcoming = await mount(feedWith([consultation({ opens: '2027-06-10', closes: '2027-09-14' })]), {
        'time-zone-label': null as unknown as string,
      });
      expect(sentence(upcoming)).to.equal('Opens in 8 days, on Thursday 10 June 2027');
    });

    it('does not name it when the visitor is in the same zone', async () => {
      freeze('2027-06-02T10:00:00Z');
      const el = await mount(
        feedWith([consultation({ opens: '2027-03-22', closes: '2027-06-14T17:00:00Z' })], { timeZone: visitor }),
        { 'time-zone-label': null as unknown as string },
      );
      expect(sentence(el)).to.not.contain('(');
    });

    it('uses the page’s own label, and times in the compact’s zone', async () => {
      freeze('2027-06-02T10:00:00Z');
      const el = await mount(
        feedWith([consultation({ opens: '2027-03-22', closes: '2027-06-14T17:00:00Z' })], { timeZone: 'America/New_York' }),
        { 'time-zone-label': 'Eastern time' },
      );
      expect(sentence(el)).to.equal('Closes in 12 days, at 1pm on Monday 14 June 2027 (Eastern time)');
      const auto = await mount(
        feedWith([consultation({ opens: '2027-03-22', closes: '2027-06-14T17:00:00Z' })], { timeZone: 'America/New_York' }),
        { 'time-zone-label': null as unknown as string },
      );
      if (visitor !== 'America/New_York') expect(sentence(auto)).to.contain('(New York time)');
    });
  });

  describe('light-DOM fallback', () => {
    const markup = (src: string) =>
      `<div><${TAG} src="${src}" consultation="c1" show-closed><p id="fb">Closes 23 December 2026</p></${TAG}></div>`;

    it('shows the fallback while loading and hides it once the countdown renders', async () => {
      const container = await fixture<HTMLElement>(markup(feedUrl({ delay: 400 })));
      const el = container.firstElementChild as CompactConsultationCountdown;
      const fallback = container.querySelector('#fb') as HTMLElement;
      expect(el.shadowRoot!.querySelector('slot') !== null).to.equal(true);
      expect(fallback.assignedSlot !== null).to.equal(true);
      expect(fallback.getClientRects().length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
      await settled(el, () => shadowText(el).includes('Library services review'));
      expect(el.shadowRoot!.querySelector('slot') === null).to.equal(true);
      expect(fallback.getClientRects().length).to.equal(0);
    });

    it('shows the fallback in the error state', async () => {
      const container = await fixture<HTMLElement>(markup(feedUrl({ status: 500 })));
      const el = container.firstElementChild as CompactConsultationCountdown;
      await settled(el, () => shadowText(el).includes('Try again'));
      expect((container.querySelector('#fb') as HTMLElement).getClientRects().length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });
  });
});
