import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/pledge-badge/define.js';
import { ERROR_SRC, LOADING_SRC, SAVED_SRC, primeSavedCopy } from './support.js';
import southend from '../demo/feeds/southend.json' with { type: 'json' };
import wales from '../demo/feeds/bilingual-wales.json' with { type: 'json' };

interface Args {
  lang: 'en-GB' | 'cy' | 'gd';
  signatory?: string;
  variant: 'inline' | 'card';
}

const meta: Meta<Args> = {
  title: 'Elements/compact-pledge-badge',
  component: 'compact-pledge-badge',
  args: { lang: 'en-GB', signatory: 'GB-CHC-1190417', variant: 'inline' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en-GB', 'cy', 'gd'] },
    signatory: { control: 'text' },
    variant: { control: 'inline-radio', options: ['inline', 'card'] },
  },
};
export default meta;
type Story = StoryObj<Args>;

const badge = (args: Args, source: { feed?: unknown; src?: string }) =>
  html`<p lang=${args.lang}>
    <compact-pledge-badge
      .feed=${source.feed}
      src=${ifDefined(source.src)}
      signatory=${ifDefined(args.signatory)}
      variant=${args.variant}
    ></compact-pledge-badge>
  </p>`;
const withFeed = (feed: unknown) => (args: Args) => badge(args, { feed });

/** One line: the tick, the compact's name (linked) and since when. */
export const Inline: Story = { render: withFeed(southend) };
export const InlineWelsh: Story = { args: { lang: 'cy', signatory: 'ty-r-gymuned-tregaron' }, render: withFeed(wales) };

/** Inside a sentence of the charity's own page. */
export const InASentence: Story = {
  render: (args) => html`<p lang=${args.lang}>
    We are proud to have signed our local compact:
    <compact-pledge-badge .feed=${southend} signatory=${ifDefined(args.signatory)}></compact-pledge-badge>
  </p>`,
};

/** A card with the organisation's name as the compact lists it, and its own pledge. */
export const Card: Story = { args: { variant: 'card' }, render: withFeed(southend) };
export const CardWelsh: Story = { args: { variant: 'card', lang: 'cy', signatory: 'GB-CHC-1192283' }, render: withFeed(wales) };

/** A card for an organisation with no pledge of its own. */
export const CardWithoutPledge: Story = { args: { variant: 'card', signatory: 'GB-CHC-1168842' }, render: withFeed(southend) };

/** Themed with custom properties for a dark footer. */
export const Themed: Story = {
  render: (args) => html`<style>
      .dark-footer {
        padding: 1rem;
        background: #28324e;
        color: #fff;
        --compact-text-colour: #fff;
        --compact-link-colour: #fff;
        --compact-link-visited-colour: #fff;
        --compact-secondary-text-colour: #e8e8f0;
        --compact-badge-background: #28324e;
        --compact-badge-mark-colour: #8fd694;
      }
    </style>
    <div lang=${args.lang} class="dark-footer">
      <compact-pledge-badge .feed=${southend} signatory=${ifDefined(args.signatory)} variant=${args.variant}></compact-pledge-badge>
    </div>`,
};

/** The compact does not list this id: said plainly, no badge. */
export const NotListed: Story = { args: { signatory: 'GB-CHC-9999999' }, render: withFeed(southend) };
export const NotListedWelsh: Story = { args: { signatory: 'GB-CHC-9999999', lang: 'cy' }, render: withFeed(wales) };

/** The embed code forgot `signatory`: a message for the webmaster. */
export const MissingSignatory: Story = { args: { signatory: undefined }, render: withFeed(southend) };
export const MissingSignatoryWelsh: Story = { args: { signatory: undefined, lang: 'cy' }, render: withFeed(wales) };

export const Loading: Story = { render: (args) => badge(args, { src: LOADING_SRC }) };
export const LoadingWelsh: Story = { ...Loading, args: { lang: 'cy' } };

export const ErrorState: Story = { name: 'Error', render: (args) => badge(args, { src: ERROR_SRC }) };

/** The feed could not be loaded this time: the last good copy on this device, marked as saved, with “Try again”. */
export const SavedCopy: Story = {
  args: { signatory: 'GB-CHC-1234567', variant: 'card' },
  loaders: [primeSavedCopy],
  render: (args) => badge(args, { src: SAVED_SRC }),
};
export const ErrorWelsh: Story = { ...ErrorState, name: 'Error (Welsh)', args: { lang: 'cy' } };
