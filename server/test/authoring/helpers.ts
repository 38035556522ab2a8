/** Authoring tests: signed-in editors, the forms as a browser would post them back, multipart uploads. */
import assert from 'node:assert/strict';
import type { Page as Tab } from 'playwright-core';
import { AdminClient, makeUser, type Page } from '../admin/helpers.js';
import type { TestServer } from '../helpers/server.js';

export { AdminClient, makeUser };

export async function editor(t: TestServer, email: string, compactId: string, role: 'editor' | 'admin' | 'moderator' = 'editor'): Promise<AdminClient> {
  await makeUser(t, email, role, compactId === '*' ? undefined : compactId);
  const client = new AdminClient(t.url);
  assert.equal((await client.signIn(email)).status, 303);
  return client;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : undefined;
};

/** The fields the form posting to `action` would send as it stands (checked boxes only, selected options). */
export function formValues(html: string, action: string): Record<string, string[]> {
  const start = html.indexOf(`action="${action}"`);
  assert.ok(start >= 0, `no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const values: Record<string, string[]> = {};
  const add = (name: string | undefined, value: string) => {
    if (name) (values[name] ??= []).push(value);
  };
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const type = attr(tag, 'type') ?? 'text';
    if (type === 'file' || type === 'submit') continue;
    if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(tag)) continue;
    add(attr(tag, 'name'), attr(tag, 'value') ?? '');
  }
  for (const [, tag, body] of form.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g)) add(attr(tag, 'name'), decode(body.replace(/^\n/, '')));
  for (const [, tag, body] of form.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const selected = /<option\b[^>]*\sselected\b[^>]*>/.exec(body)?.[0] ?? /<option\b[^>]*>/.exec(body)?.[0] ?? '';
    add(attr(tag, 'name'), attr(selected, 'value') ?? '');
  }
  return values;
}

/** Posts a form (repeated names as repeated fields), keeping the client's cookies and CSRF token. */
export async function postForm(client: AdminClient, path: string, values: Record<string, string | string[]>): Promise<Page> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) body.append(k, one);
  if (!body.has('_csrf')) body.set('_csrf', client.csrf);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(new URL(path, baseOf(client)), { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' });
  return { status: response.status, text: await response.text(), headers: response.headers, location: response.headers.get('location') };
}

/** Reads a form, changes some fields, posts it: what a person does in the browser. */
export async function editForm(client: AdminClient, path: string, changes: Record<string, string | string[]>, action = path): Promise<Page> {
  const form = await client.get(path);
  assert.equal(form.status, 200, `GET ${path}`);
  return postForm(client, action, { ...formValues(form.text, action), ...changes });
}

function baseOf(client: AdminClient): string {
  return (client as unknown as { base: string }).base;
}

/** Uploads a file the way the upload page's form does (multipart/form-data). */
export async function upload(client: AdminClient, compactId: string, sheet: string, fileName: string, data: Buffer | string, csrf = client.csrf): Promise<Page> {
  const form = new FormData();
  form.set('_csrf', csrf);
  form.set('sheet', sheet);
  form.set('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)]), fileName);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(new URL(`/admin/compacts/${compactId}/upload`, baseOf(client)), { method: 'POST', headers: { cookie }, body: form, redirect: 'manual' });
  return { status: response.status, text: await response.text(), headers: response.headers, location: response.headers.get('location') };
}

export async function feedOf(t: TestServer, compactId: string): Promise<any> {
  const response = await fetch(`${t.url}/feeds/${compactId}.json`);
  assert.equal(response.status, 200);
  return response.json();
}

/** The text of a page without its tags (for "the page says …" checks). */
export function textOf(html: string): string {
  return decode(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

/** In Chromium: a new consultation of four weeks, its length checked (so the form asks why it is short). */
export async function shortConsultation(tab: Tab, base: string): Promise<void> {
  await tab.goto(`${base}/admin/compacts/southend/consultations/new`);
  await tab.getByLabel('Title').fill('Short one');
  await tab.getByLabel('Opens').fill('2027-01-04');
  await tab.getByLabel('Closes').fill('2027-01-31');
  await tab.getByRole('button', { name: 'Check the length' }).click();
  await tab.getByText('shorter than the compact’s standard of 12 weeks').first().waitFor();
}
