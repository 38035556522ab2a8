import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/consultation-countdown/define.js';
import { todayInZone } from '../src/feed/time.js';
import { ERROR_SRC, LOADING_SRC, SAVED_SRC, primeSavedCopy, sampleFeed } from './support.js';
import southend from '../demo/feeds/southend.json' with { type: 'json' };
import southAyrshire from '../demo/feeds/south-ayrshire.json' with { type: 'json' };
import wales from '../demo/feeds/bilingual-wales.json' with { type: 'json' };

interface Args {
  consultation?: string;
  limit: number;
  showClosed: boolean;
  headingLevel: number;
  seconds: boolean;
  timeZoneLabel?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/compact-consultation-countdown',
  component: 'compact-consultation-countdown',
  args: { limit: 3, showClosed: false, headingLevel: 3, seconds: false },
  argTypes: {
    consultation: { control: 'text' },
    limit: { control: { type: 'number', min: 1, max: 10 } },
    showClosed: { control: 'boolean', name: 'show-closed' },
    headingLevel: { control: { type: 'number', min: 2, max: 6 }, name: 'heading-level' },
    seconds: { control: 'boolean' },
    timeZoneLabel: { control: 'text', name: 'time-zone-label' },
  },
};
export default meta;
type Story = StoryObj<Args>;

// Feeds built around the moment the story is opened, so every state stays live and true.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (offset: number) => new Date(Date.now() + offset).toISOString();
/** A feed Date (YYYY-MM-DD, London) `days` from today. */
const date = (days: number) => todayInZone(Date.now() + days * DAY, 'Europe/London');

const item = (id: string, title: string | Record<string, string>, opens: string, closes: string, extra: object = {}) => ({
  id,
  title,
  summary: {
    en: 'We want to hear from residents, community groups and charities before we decide.',
    cy: "Rydym am glywed gan drigolion, grwpiau cymunedol ac elusennau cyn i ni benderfynu.",
  },
  owner: 'GB-LAE-TST',
  url: `https://example.org/consult/${id}`,
  opens,
  closes,
  ...extra,
});

const consultations = [
  item('upcoming', { en: 'Parks and open spaces strategy', cy: 'Strategaeth parciau a mannau agored' }, date(5), date(5 + 84)),
  item('open', { en: 'Library services review', cy: 'Adolygiad o wasanaethau llyfrgell' }, date(-30), date(54)),
  item('soon', { en: 'Community transport', cy: 'Trafnidiaeth gymunedol' }, date(-80), date(4)),
  item('hours', { en: 'Youth services', cy: 'Gwasanaethau ieuenctid' }, date(-84), at(5 * HOUR + 20 * MINUTE)),
  item('last-hour', { en: 'Street lighting', cy: 'Goleuadau stryd' }, date(-84), at(40 * MINUTE)),
  item('closed', { en: 'Allotments', cy: 'Rhandiroedd' }, date(-100), date(-3)),
  item('short', { en: 'Winter grants', cy: 'Grantiau gaeaf' }, date(-20), date(22), {
    shorterBecause: {
      en: 'The grants must be paid before the winter peak.',
      cy: "Rhaid talu'r grantiau cyn prysurdeb y gaeaf.",
    },
  }),
  item('short-no-reason', 'Markets review', date(-10), date(25)),
  { ...item('other-owner', 'Health transport', date(-10), date(76)), owner: 'Testshire Health Board' },
];
const liveFeed = { ...sampleFeed, consultations };

const render = (feed: unknown) => (args: Args) =>
  html`<compact-consultation-countdown
    .feed=${feed}
    consultation=${ifDefined(args.consultation || undefined)}
    limit=${args.limit}
    ?show-closed=${args.showClosed}
    heading-level=${args.headingLevel}
    ?seconds=${args.seconds}
    time-zone-label=${ifDefined(args.timeZoneLabel)}
  ></compact-consultation-countdown>`;

const one = (consultation: string, extra: Partial<Args> = {}): Story => ({
  args: { consultation, ...extra },
  render: render(liveFeed),
});

/** Open consultations soonest-closing first, then upcoming ones (the default list of 3). */
export const List: Story = { render: render(liveFeed) };
/** Every consultation, closed ones included (`show-closed`, `limit="10"`). */
export const ListWithClosed: Story = { args: { showClosed: true, limit: 10 }, render: render(liveFeed) };
/** Not open yet: "Opens in 5 days, on …". */
export const Upcoming = one('upcoming');
/** Open: "Closes in 54 days, at 11:59pm on …". */
export const Open = one('open');
/** Fewer than 7 days left: the "Closing soon" tag and a bar beside the sentence. */
export const ClosingSoon = one('soon');
/** The last 48 hours, in hours and minutes ("Closes in 5 hours 20 minutes, at … today"). */
export const LastHours = one('hours');
/** The last hour: a "Show seconds" button; here pressed (`seconds`). */
export const LastHourWithSeconds = one('last-hour', { seconds: true });
/** Closed: shown only when named (or with `show-closed`). */
export const Closed = one('closed');
/** Shorter than the compact's 12 weeks, with the reason given. */
export const ShorterWithReason = one('short');
/** Shorter than the standard, with no reason in the feed. */
export const ShorterWithoutReason = one('short-no-reason');
/** An owner that is not a signatory id is shown as written. */
export const PlainOwner = one('other-owner');
/** The zone named after every time, whatever the visitor's zone (`time-zone-label="UK time"`). */
export const ZoneLabel = one('open', { timeZoneLabel: 'UK time' });

/** Loading: the light-DOM fallback shows until the feed arrives. */
export const Loading: Story = {
  render: () => html`<compact-consultation-countdown src=${LOADING_SRC} consultation="open">
    <p>Closes on 15 January 2027. <a href="https://example.org/consult/open">Respond online</a></p>
  </compact-consultation-countdown>`,
};
/** Error: the fallback stays, with the error and "Try again". */
export const SavedCopy: Story = {
  loaders: [primeSavedCopy],
  render: () => html`<compact-consultation-countdown src=${SAVED_SRC} show-closed></compact-consultation-countdown>`,
};

export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<compact-consultation-countdown src=${ERROR_SRC} consultation="open">
    <p>Closes on 15 January 2027. <a href="https://example.org/consult/open">Respond online</a></p>
  </compact-consultation-countdown>`,
};
/** Nothing open or upcoming. */
export const Empty: Story = {
  render: render({ ...sampleFeed, consultations: consultations.filter((c) => c.id === 'closed') }),
};
/** A `consultation` id that is not in the feed. */
export const NotFound = one('no-such-consultation');

const everyState = ['upcoming', 'open', 'soon', 'hours', 'last-hour', 'closed', 'short'];
const allStates = (lang: string) => () =>
  html`<div lang=${lang}>
    ${everyState.map(
      (id) =>
        html`<compact-consultation-countdown .feed=${liveFeed} consultation=${id}></compact-consultation-countdown>
          <hr />`,
    )}
    <compact-consultation-countdown
      .feed=${{ ...sampleFeed, consultations: [] }}
    ></compact-consultation-countdown>
  </div>`;

/** Every state in Welsh (`lang="cy"`), feed text in Welsh where the feed has it. */
export const Welsh: Story = { render: allStates('cy') };
/** Every state in Scottish Gaelic (`lang="gd"`); the feed has no Gaelic text, so English stands in. */
export const Gaelic: Story = { render: allStates('gd') };
/** The sample Southend feed (dates around November 2026). */
export const Southend: Story = { render: render(southend) };
/** The sample South Ayrshire feed in Gaelic. */
export const SouthAyrshireGaelic: Story = {
  render: (args) => html`<div lang="gd">${render(southAyrshire)(args)}</div>`,
};
/** The bilingual Ceredigion feed in Welsh. */
export const CeredigionWelsh: Story = {
  args: { showClosed: true, limit: 5 },
  render: (args) => html`<div lang="cy">${render(wales)(args)}</div>`,
};
