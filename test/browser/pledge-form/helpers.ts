/** Shared helpers for the pledge form's tests. */
import { fixture } from '@open-wc/testing';
import '../../../src/pledge-form/define.js';
import type { CompactPledgeForm } from '../../../src/pledge-form/pledge-form.js';
import { STORAGE_PREFIX } from '../../../src/pledge-form/endpoint.js';
import { $, settled } from '../../helpers/dom.js';
import { sampleFeed } from '../../helpers/feeds.js';

/** The test server's pledge endpoint (the port differs per run), answering as `query` says. */
export function pledgeUrl(query: Record<string, string | number> = {}): string {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return `${location.origin}/test-pledge${params.size ? `?${params}` : ''}`;
}

export function pledgeFeed(query: Record<string, string | number> = {}, endpoint = pledgeUrl(query)) {
  const feed = sampleFeed() as ReturnType<typeof sampleFeed> & { pledge?: unknown };
  feed.pledge = { endpoint, privacyNotice: 'https://example.org/privacy' };
  return feed;
}

export interface Logged {
  key: string;
  method: string;
  path: string;
  contentType: string;
  body: string;
  status: number;
}

export async function pledgeLog(): Promise<Logged[]> {
  return (await (await fetch('/test-pledge/log')).json()) as Logged[];
}

export async function resetPledges(): Promise<void> {
  await fetch('/test-pledge/reset');
  for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
}

/**
 * The form on the page with `feed`, once it shows something. Not mountWithFeed (test/helpers/dom.ts),
 * which writes only the element's attributes: a form's markup may hold slotted children too.
 */
export async function form(feed: unknown, markup = '<compact-pledge-form></compact-pledge-form>', minFillMs = 0) {
  const container = await fixture<HTMLElement>(`<div>${markup}</div>`);
  const el = container.querySelector('compact-pledge-form') as CompactPledgeForm;
  el.minFillMs = minFillMs;
  el.feed = feed;
  await el.updateComplete;
  await settled(el, () => $(el, 'form, .panel, .outbox, .notice'), 'the form, a panel or a notice');
  return el;
}

/** Types into a field as a person would: input events, then change. */
export async function type(el: CompactPledgeForm, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

export async function choose(el: CompactPledgeForm, id: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.click(); // fires input and change, as a real click does
  await el.updateComplete;
}

/** A complete, valid form. */
export async function fillValid(el: CompactPledgeForm, name = 'Testshire Food Bank'): Promise<void> {
  await type(el, 'orgName', name);
  await choose(el, 'registered-chc');
  await type(el, 'regNumber', '1098765');
  await choose(el, 'sector-voluntary');
  await choose(el, 'type-charity');
  await type(el, 'website', 'www.foodbank.example.org');
  await type(el, 'contactName', 'Siân Evans');
  await type(el, 'contactEmail', 'sian@example.org');
  await type(el, 'contactRole', 'Chair');
  await choose(el, 'consentPublish');
}

export async function submit(el: CompactPledgeForm): Promise<void> {
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await el.updateComplete;
}
