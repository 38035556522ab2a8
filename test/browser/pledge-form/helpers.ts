/** Shared helpers for the pledge form's tests. */
import { fixture, waitUntil } from '@open-wc/testing';
import '../../../src/pledge-form/define.js';
import type { CompactPledgeForm } from '../../../src/pledge-form/pledge-form.js';
import { STORAGE_PREFIX } from '../../../src/pledge-form/endpoint.js';
import { sampleFeed, shadowText } from '../../helpers/feed-element-suite.js';

export { shadowText };

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

export async function form(feed: unknown, markup = '<compact-pledge-form></compact-pledge-form>', minFillMs = 0) {
  const container = await fixture<HTMLElement>(`<div>${markup}</div>`);
  const el = container.querySelector('compact-pledge-form') as CompactPledgeForm;
  el.minFillMs = minFillMs;
  el.feed = feed;
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot!.querySelector('form, .panel, .outbox, .notice'), 'form did not render');
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

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

/** Waits for a state; on failure says what the element shows by then (not before waiting). */
export async function until(el: CompactPledgeForm, test: () => unknown, message = 'state not reached', timeout = 4000): Promise<void> {
  try {
    await waitUntil(test, message, { timeout });
  } catch {
    throw new Error(`${message}; the element shows: "${shadowText(el).slice(0, 400)}"`);
  }
  await el.updateComplete;
}
