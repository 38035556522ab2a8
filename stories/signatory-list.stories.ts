import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/signatory-list/define.js';
import { ERROR_SRC, LOADING_SRC, SAVED_SRC, primeSavedCopy, sampleFeed } from './support.js';
import southend from '../demo/feeds/southend.json' with { type: 'json' };
import southAyrshire from '../demo/feeds/south-ayrshire.json' with { type: 'json' };
import wales from '../demo/feeds/bilingual-wales.json' with { type: 'json' };

interface Args {
  lang: 'en-GB' | 'cy' | 'gd';
  sector?: string;
  type?: string;
  sort: 'name' | 'signed' | 'signed-desc';
  groupBy: 'none' | 'sector';
  pageSize: number;
  noSearch: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/compact-signatory-list',
  component: 'compact-signatory-list',
  args: { lang: 'en-GB', sort: 'name', groupBy: 'none', pageSize: 50, noSearch: false },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en-GB', 'cy', 'gd'] },
    sector: { control: 'select', options: [undefined, 'public', 'voluntary'] },
    type: { control: 'text' },
    sort: { control: 'inline-radio', options: ['name', 'signed', 'signed-desc'] },
    groupBy: { control: 'inline-radio', options: ['none', 'sector'], name: 'group-by' },
    pageSize: { control: { type: 'number', min: 1 }, name: 'page-size' },
    noSearch: { control: 'boolean', name: 'no-search' },
  },
};
export default meta;
type Story = StoryObj<Args>;

const list = (args: Args, source: { feed?: unknown; src?: string }) =>
  html`<div lang=${args.lang}>
    <compact-signatory-list
      .feed=${source.feed}
      src=${ifDefined(source.src)}
      sector=${ifDefined(args.sector || undefined)}
      type=${ifDefined(args.type || undefined)}
      sort=${args.sort}
      group-by=${args.groupBy}
      page-size=${args.pageSize}
      ?no-search=${args.noSearch}
    ></compact-signatory-list>
  </div>`;
const withFeed = (feed: unknown) => (args: Args) => list(args, { feed });

/** Made-up organisations with Welsh accents and apostrophes, for the large-compact story. */
function manySignatories(count: number) {
  const first = ['St John’s', 'Côr Meibion', 'Tŷ Hafan', 'Riverside', 'Menter Iaith', 'Carers’ Centre', 'Ŵyl Gerdd', 'Foodbank'];
  const place = ['Ayr', 'Troon', 'Southend', 'Leigh-on-Sea', 'Aberystwyth', 'Tregaron', 'Hamilton'];
  const types = ['charity', 'community-group', 'faith-group', 'social-enterprise', 'other-voluntary'];
  return Array.from({ length: count }, (_, i) => ({
    id: i % 25 === 0 ? `GB-LAS-${i}` : `GB-CHC-${1000000 + i}`,
    name: `${first[i % first.length]} ${place[(i * 3) % place.length]} Community Trust ${i}`,
    sector: i % 25 === 0 ? 'public' : 'voluntary',
    type: i % 25 === 0 ? 'other-public' : types[i % types.length],
    signed: `${2008 + (i % 18)}-${String(1 + (i % 12)).padStart(2, '0')}-15`,
  }));
}

/** Southend-on-Sea's 25 signatories, with its own sector names ("Statutory organisations"). */
export const Full: Story = { render: withFeed(southend) };

/** The same, in Welsh: the interface is Welsh, the feed's English text stays as published. */
export const FullWelsh: Story = { ...Full, args: { lang: 'cy' } };

/** The bilingual Ceredigion feed in Welsh: Welsh names, sector names and dates. */
export const Welsh: Story = { args: { lang: 'cy' }, render: withFeed(wales) };

/** Gaelic interface on South Ayrshire's feed. */
export const Gaelic: Story = { args: { lang: 'gd' }, render: withFeed(southAyrshire) };

/** A heading per sector: the compact's own names ("Third sector"). */
export const GroupedBySector: Story = { args: { groupBy: 'sector' }, render: withFeed(southAyrshire) };
export const GroupedBySectorWelsh: Story = { args: { groupBy: 'sector', lang: 'cy' }, render: withFeed(wales) };

/** Filtered by attributes, newest first; people can still change the filters. */
export const FilteredByAttributes: Story = {
  args: { sector: 'voluntary', type: 'bme-organisation', sort: 'signed-desc' },
  render: withFeed(southend),
};
export const FilteredByAttributesWelsh: Story = { ...FilteredByAttributes, args: { ...FilteredByAttributes.args, lang: 'cy' } };

/** A plain list for a simple embed: no search, filter or sort controls. */
export const PlainList: Story = { args: { noSearch: true, sector: 'public' }, render: withFeed(southend) };
export const PlainListWelsh: Story = { args: { noSearch: true, sector: 'public', lang: 'cy' }, render: withFeed(wales) };

/** Pages: 5 a page, with Previous / Next and page numbers. */
export const Paged: Story = { args: { pageSize: 5 }, render: withFeed(southend) };
export const PagedWelsh: Story = { args: { pageSize: 5, lang: 'cy' }, render: withFeed(wales) };

/** 10,000 signatories: try typing. Only one page is ever in the DOM. */
export const LargeCompact: Story = {
  render: withFeed({ ...sampleFeed, signatories: manySignatories(10_000) }),
};
export const LargeCompactWelsh: Story = { ...LargeCompact, args: { lang: 'cy' } };

/** Nothing matches the filters: says so, with a way to clear them. */
export const NoResults: Story = { args: { type: 'police', sector: 'voluntary' }, render: withFeed(southend) };
export const NoResultsWelsh: Story = { ...NoResults, args: { ...NoResults.args, lang: 'cy' } };

/** A compact nobody has signed yet. */
export const Empty: Story = { render: withFeed({ ...sampleFeed, signatories: [] }) };
export const EmptyWelsh: Story = { ...Empty, args: { lang: 'cy' } };

export const Loading: Story = { render: (args) => list(args, { src: LOADING_SRC }) };
export const LoadingWelsh: Story = { ...Loading, args: { lang: 'cy' } };

export const ErrorState: Story = { name: 'Error', render: (args) => list(args, { src: ERROR_SRC }) };

/** The feed could not be loaded this time: the last good copy on this device, marked as saved, with “Try again”. */
export const SavedCopy: Story = { loaders: [primeSavedCopy], render: (args) => list(args, { src: SAVED_SRC }) };
export const SavedCopyWelsh: Story = { ...SavedCopy, name: 'Saved copy (Welsh)', args: { lang: 'cy' } };
export const ErrorWelsh: Story = { ...ErrorState, name: 'Error (Welsh)', args: { lang: 'cy' } };
