import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/action-plan/define.js';
import { ERROR_SRC, LOADING_SRC, SAVED_SRC, primeSavedCopy, sampleFeed } from './support.js';
import southAyrshire from '../demo/feeds/south-ayrshire.json' with { type: 'json' };
import wales from '../demo/feeds/bilingual-wales.json' with { type: 'json' };

interface Args {
  charts: 'auto' | 'none';
  aim?: string;
  status?: string;
  hideComplete: boolean;
  headingLevel: number;
}

const meta: Meta<Args> = {
  title: 'Elements/compact-action-plan',
  component: 'compact-action-plan',
  args: { charts: 'auto', hideComplete: false, headingLevel: 2 },
  argTypes: {
    charts: { control: 'inline-radio', options: ['auto', 'none'] },
    aim: { control: 'text' },
    status: {
      control: 'select',
      options: [undefined, 'not-started', 'in-progress', 'delayed', 'complete', 'cancelled', 'overdue'],
    },
    hideComplete: { control: 'boolean', name: 'hide-complete' },
    headingLevel: { control: { type: 'number', min: 2, max: 6, step: 1 }, name: 'heading-level' },
  },
};
export default meta;
type Story = StoryObj<Args>;

const withFeed = (feed: unknown) => (args: Args) =>
  html`<compact-action-plan
    .feed=${feed}
    charts=${args.charts}
    aim=${ifDefined(args.aim || undefined)}
    status=${ifDefined(args.status || undefined)}
    ?hide-complete=${args.hideComplete}
    heading-level=${args.headingLevel}
  ></compact-action-plan>`;

/** South Ayrshire's eight strategic aims and 27 actions (leads, dates and progress illustrative). */
export const SouthAyrshire: Story = { render: withFeed(southAyrshire) };

/** The same plan with `charts="none"`: tables only, and chart.js is never loaded. */
export const TablesOnly: Story = { args: { charts: 'none' }, render: withFeed(southAyrshire) };

/** One aim, with completed actions hidden. */
export const OneAimHideComplete: Story = { args: { aim: 'aim-5', hideComplete: true }, render: withFeed(southAyrshire) };

/** Overdue actions: due dates in the past, not complete. Starts filtered to them. */
const overdueFeed = {
  ...sampleFeed,
  actionPlan: {
    title: 'Action plan with overdue actions',
    updated: '2026-11-01T09:00:00Z',
    aims: [
      {
        id: 'late',
        title: 'Communication',
        actions: [
          { id: 'o1', title: 'Publish the annual report', lead: 'GB-LAE-TST', due: '2024-06-30', status: 'delayed', progress: 70, updates: [{ date: '2024-07-15', text: 'Waiting for the finance figures.' }] },
          { id: 'o2', title: 'Agree the consultation protocol', lead: ['GB-LAE-TST', 'GB-CHC-1234567'], timescale: 'by spring 2025', due: '2025-04-30', status: 'in-progress', progress: 30 },
          { id: 'o3', title: 'Train every partner’s staff', lead: 'Testshire CVS', due: '2025-01-31', status: 'not-started' },
          { id: 'o4', title: 'Launch the compact website', lead: 'GB-LAE-TST', due: '2024-03-31', status: 'complete', progress: 100 },
        ],
      },
    ],
  },
};
export const WithOverdueActions: Story = { args: { status: 'overdue' }, render: withFeed(overdueFeed) };

/**
 * A long plan: 8 aims of 30 actions (240, past the 100 at which aims start collapsed). Each aim's
 * heading is a button with its counts below; "Expand all aims" opens every one; `#long-3` in the
 * page's address, or find in page, opens that aim.
 */
const statuses = ['not-started', 'in-progress', 'delayed', 'complete', 'cancelled'] as const;
const longFeed = {
  ...sampleFeed,
  actionPlan: {
    title: 'A long action plan',
    updated: '2026-11-01T09:00:00Z',
    aims: Array.from({ length: 8 }, (_, a) => ({
      id: `long-${a + 1}`,
      title: `Aim ${a + 1}: work together on local services`,
      actions: Array.from({ length: 30 }, (_, i) => ({
        id: `long-${a + 1}-${i + 1}`,
        title: `Action ${a + 1}.${i + 1}: agree a joint protocol`,
        lead: i % 2 ? 'GB-LAE-TST' : ['GB-LAE-TST', 'GB-CHC-1234567'],
        due: `202${5 + (i % 3)}-0${(i % 9) + 1}-28`,
        status: statuses[i % statuses.length],
        progress: (i * 7) % 100,
      })),
    })),
  },
};
export const LongPlan: Story = { args: { charts: 'none' }, render: withFeed(longFeed) };

/** A feed without an action plan. */
export const Empty: Story = { render: withFeed({ ...sampleFeed, actionPlan: undefined }) };

/** The bilingual Ceredigion feed inside `lang="cy"`: Welsh interface and Welsh feed text. */
export const Welsh: Story = {
  render: (args) => html`<div lang="cy">${withFeed(wales)(args)}</div>`,
};

export const Loading: Story = { render: () => html`<compact-action-plan src=${LOADING_SRC}></compact-action-plan>` };

export const ErrorState: Story = { name: 'Error', render: () => html`<compact-action-plan src=${ERROR_SRC}></compact-action-plan>` };

/** The feed could not be loaded this time: the last good copy on this device, marked as saved, with “Try again”. */
export const SavedCopy: Story = {
  loaders: [primeSavedCopy],
  render: () => html`<compact-action-plan src=${SAVED_SRC}></compact-action-plan>`,
};
