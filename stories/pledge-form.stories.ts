import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { CompactPledgeForm } from '../src/pledge-form/define.js';
import { STORAGE_PREFIX } from '../src/pledge-form/endpoint.js';
import type { PledgeValues } from '../src/pledge-form/values.js';
import { ERROR_SRC, LOADING_SRC, SAVED_SRC, primeSavedCopy, sampleFeed } from './support.js';
import southend from '../demo/feeds/southend.json' with { type: 'json' };
import southAyrshire from '../demo/feeds/south-ayrshire.json' with { type: 'json' };
import southLanarkshire from '../demo/feeds/south-lanarkshire.json' with { type: 'json' };
import wales from '../demo/feeds/bilingual-wales.json' with { type: 'json' };

/**
 * Storybook has no pledge endpoint, so these stories answer a few reserved URLs in the story frame,
 * one per way the endpoint can answer. Nothing else is intercepted.
 */
type Answer = 'pending' | 'accepted' | 'never' | 'offline';
const PLEDGE_PATH = '/__story__/pledge/';
const realFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
  if (!url.pathname.startsWith(PLEDGE_PATH)) return realFetch(input, init);
  const answer = url.pathname.slice(PLEDGE_PATH.length) as Answer;
  const reply = (status: number, body: unknown) =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  if (answer === 'pending') return reply(202, { id: 'SOS-2026-0042', status: 'pending' });
  if (answer === 'accepted') return reply(201, { id: 'SOS-2026-0042', status: 'accepted' });
  if (answer === 'offline') return Promise.reject(new TypeError('Failed to fetch'));
  return new Promise<Response>(() => {}); // never answers
};

/** What these helpers need of a sample feed. */
interface Feed {
  compact: { id: string };
  pledge?: { endpoint: string; privacyNotice: string };
}
const endpointFor = (answer: Answer) => new URL(`${PLEDGE_PATH}${answer}`, location.href).href;

/** A copy of a feed whose pledges go to one of the reserved URLs above. */
function answering<T extends Feed>(feed: T, answer: Answer): T {
  const copy = structuredClone(feed);
  copy.pledge = { ...copy.pledge!, endpoint: endpointFor(answer) };
  return copy;
}

/** What a person has typed so far, as the form saves it on the device. */
const typed: PledgeValues = {
  orgName: 'Leigh-on-Sea Community Larder',
  registered: 'chc',
  regNumber: '1187654',
  sector: 'voluntary',
  type: 'community-group',
  website: 'www.leighlarder.example.org',
  contactName: 'Siân Evans',
  contactEmail: 'sian@example.org',
  contactRole: 'Chair',
  championName: '',
  championRole: '',
  pledge: 'We will share what we learn with other food projects.',
  consentPublish: true,
  consentContact: true,
};

/** Puts a draft on the device before the story renders, and removes it afterwards. */
function withDraft(feed: Feed, values: Partial<PledgeValues>) {
  return () => {
    const key = `${STORAGE_PREFIX}${feed.compact.id}:${feed.pledge!.endpoint}:draft`;
    localStorage.setItem(key, JSON.stringify({ ...typed, ...values }));
    return () => {
      for (const k of Object.keys(localStorage)) if (k.startsWith(STORAGE_PREFIX)) localStorage.removeItem(k);
    };
  };
}

/** Clicks "Sign up" as a person would (the minimum time to fill in is waived in stories). */
async function clickSignUp({ canvasElement }: { canvasElement: HTMLElement }) {
  const el = canvasElement.querySelector('compact-pledge-form')!;
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')?.click();
}

interface Args {
  lang: 'en-GB' | 'cy' | 'gd';
  headingLevel: number;
}

const meta: Meta<Args> = {
  title: 'Elements/compact-pledge-form',
  component: 'compact-pledge-form',
  args: { lang: 'en-GB', headingLevel: 2 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en-GB', 'cy', 'gd'] },
    headingLevel: { control: { type: 'number', min: 2, max: 6, step: 1 }, name: 'heading-level' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'An organisation signs up to the compact. Answers are kept on the device until the endpoint confirms them. ' +
          'In these stories the endpoint is simulated in the browser.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

const show = (feed: unknown) => (args: Args) =>
  html`<div lang=${args.lang}>
    <compact-pledge-form .feed=${feed} .minFillMs=${0} heading-level=${args.headingLevel}></compact-pledge-form>
  </div>`;

const southendPending = answering(southend, 'pending');

export const Loading: Story = {
  render: (args) => html`<div lang=${args.lang}><compact-pledge-form src=${LOADING_SRC} heading-level=${args.headingLevel}></compact-pledge-form></div>`,
};

/** The feed could not be loaded this time: the last good copy on this device, marked as saved; the form still works. */
export const SavedCopy: Story = {
  loaders: [primeSavedCopy],
  render: (args) => html`<div lang=${args.lang}><compact-pledge-form src=${SAVED_SRC} heading-level=${args.headingLevel}></compact-pledge-form></div>`,
};

export const Error: Story = {
  render: (args) => html`<div lang=${args.lang}><compact-pledge-form src=${ERROR_SRC} heading-level=${args.headingLevel}></compact-pledge-form></div>`,
};

/** The feed has no `pledge` settings (South Lanarkshire). */
export const Empty: Story = { render: show(southLanarkshire) };

/** Southend: the feed's own pledge statement. Sending answers "pending". */
export const Full: Story = { render: show(southendPending) };

/** South Ayrshire sets no statement, so the third sector's commitments are listed. */
export const CommitmentsInsteadOfStatement: Story = { render: show(answering(southAyrshire, 'pending')) };

/** "Sign up" pressed with nothing filled in: the error summary takes focus. */
export const WithErrors: Story = { render: show(southendPending), play: clickSignUp };

const southendNever = answering(southend, 'never');
/** Sent, waiting for the endpoint's answer (after 15 seconds it would be kept and retried). */
export const Submitting: Story = {
  render: show(southendNever),
  beforeEach: withDraft(southendNever, {}),
  play: clickSignUp,
};

const southendOffline = answering(southend, 'offline');
/** The browser is offline: the sign-up is saved on the device and sent when the connection returns. */
export const QueuedWhileOffline: Story = {
  render: show(southendOffline),
  beforeEach: () => {
    const cleanDraft = withDraft(southendOffline, {})();
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    return () => {
      cleanDraft();
      delete (navigator as { onLine?: boolean }).onLine;
    };
  },
  play: clickSignUp,
};

/** The endpoint answered 202 pending: awaiting the compact officer's check. */
export const Pending: Story = {
  render: show(southendPending),
  beforeEach: withDraft(southendPending, {}),
  play: clickSignUp,
};

const southendAccepted = answering(southend, 'accepted');
/** The endpoint answered 201 accepted; the organisation chose not to be listed. */
export const Accepted: Story = {
  render: show(southendAccepted),
  beforeEach: withDraft(southendAccepted, { consentPublish: false }),
  play: clickSignUp,
};

/**
 * The part of the form that checks and sends (loaded on first use) could not be downloaded, as on a
 * connection that dropped: on "Sign up" the form says so (and would keep every answer typed).
 */
export const PartFailedToLoad: Story = {
  render: show(southendPending),
  beforeEach: () => {
    const load = CompactPledgeForm.loadInteractive;
    CompactPledgeForm.loadInteractive = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    return () => {
      CompactPledgeForm.loadInteractive = load;
    };
  },
  play: clickSignUp,
};

/** The name typed matches an organisation that has already signed. */
export const AlreadySigned: Story = {
  render: show(southendPending),
  beforeEach: withDraft(southendPending, { orgName: 'SAVS (Southend Association of Voluntary Services)', registered: '' }),
};

/** The feed's endpoint is plain http on a public host: the form refuses to send. */
export const ConfigurationError: Story = {
  render: show({ ...sampleFeed, pledge: { ...sampleFeed.pledge, endpoint: 'http://pledges.example.org/api' } }),
};

/** Heading and introduction replaced through slots. */
export const OwnHeadingAndIntro: Story = {
  render: (args) => html`<div lang=${args.lang}>
    <compact-pledge-form .feed=${southendPending} .minFillMs=${0} heading-level=${args.headingLevel}>
      <span slot="heading">Join A Compact for Southend-on-Sea</span>
      <p slot="intro">Any voluntary or community group in Southend can sign. It takes about five minutes.</p>
    </compact-pledge-form>
  </div>`,
};

/** Under an `<h3>` of the page: the form's heading is an `<h4>`, the headings inside it `<h5>`. */
export const HeadingLevel4: Story = {
  args: { headingLevel: 4 },
  render: show(southendPending),
};

/** Compact Ceredigion, in Welsh: interface and feed text. */
export const Welsh: Story = {
  args: { lang: 'cy' },
  render: show(answering(wales, 'pending')),
};

/** Welsh, with errors. */
export const WelshWithErrors: Story = {
  args: { lang: 'cy' },
  render: show(answering(wales, 'pending')),
  play: clickSignUp,
};
