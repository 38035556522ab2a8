import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { approvePledge } from '../../src/index.js';
import type { TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { get, NOW, reimportSouthend, startPublicServer } from './helpers.js';

describe('GET /feeds/{id}/updates.json', () => {
  let t: TestServer;
  let now = NOW.getTime();
  const clock = () => new Date(now);
  const updates = async (id = 'southend', headers: Record<string, string> = {}) => {
    const answer = await get(`${t.url}/feeds/${id}/updates.json`, headers);
    return { ...answer, json: answer.text ? JSON.parse(answer.text) : undefined };
  };
  before(async () => {
    t = await startPublicServer({ clock });
  });
  after(() => t.stop());

  it('is a JSON Feed 1.1 in the compact’s language, newest first, with unique ids', async () => {
    const { status, headers, json } = await updates();
    assert.equal(status, 200);
    assert.equal(headers.get('content-type'), 'application/feed+json; charset=utf-8');
    assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(json.title, 'A Compact for Southend-on-Sea: updates');
    assert.equal(json.language, 'en');
    assert.equal(json.home_page_url, `${t.url}/c/southend`);
    assert.equal(json.feed_url, `${t.url}/feeds/southend/updates.json`);
    const ids = json.items.map((item: { id: string }) => item.id);
    assert.equal(new Set(ids).size, ids.length);
    const dates = json.items.map((item: { date_published: string }) => Date.parse(item.date_published));
    assert.deepEqual(dates, [...dates].sort((a, b) => b - a));
    assert.ok(dates.every((d: number) => d <= now), 'nothing from the future');
    for (const item of json.items) {
      assert.equal(typeof item.title, 'string');
      assert.equal(typeof item.content_text, 'string');
      assert.match(item.url, /^http:\/\/127\.0\.0\.1:\d+\/c\/southend/);
    }
  });

  it('has signatories on their signed date, action updates and consultations that have opened or closed', async () => {
    const { json } = await updates();
    const byId = new Map(json.items.map((item: { id: string }) => [item.id, item]));
    const council = byId.get(`${t.url}/c/southend/signatories/GB-LAE-SOS`) as any;
    assert.equal(council.title, 'Southend-on-Sea City Council has signed the compact');
    // Midnight in London on 12 May 2004, which was British Summer Time.
    assert.equal(council.date_published, '2004-05-11T23:00:00.000Z');
    const update = byId.get(`${t.url}/c/southend#action-codes-funding/update/2026-03-05`) as any;
    assert.equal(update.title, 'Progress: Agree a code of good practice on funding');
    assert.equal(update.content_text, 'Funding code adopted by the council’s Cabinet and the SAVS board.');
    assert.ok(byId.has(`${t.url}/c/southend#consultation-community-grants-2027-2030/opened`));
    assert.ok(byId.has(`${t.url}/c/southend#consultation-community-grants-2027-2030/closed`));
    assert.ok(byId.has(`${t.url}/c/southend#consultation-winter-urgent-care-shoeburyness/opened`));
    assert.ok(!byId.has(`${t.url}/c/southend#consultation-winter-urgent-care-shoeburyness/closed`), 'it closes on 7 December');
    assert.ok(![...byId.keys()].some((id) => String(id).includes('community-safety-plan-2027')), 'it opens in 2027');
  });

  it('adds an approved organisation at the top, with nothing of its contact', async () => {
    const pledge = await postPledge(t.url, validPledge({ organisation: { name: 'Westcliff Tenants Forum', sector: 'voluntary', id: 'GB-CHC-1234567' }, contact: { name: 'Rosa Contactname', email: 'rosa@forum.example', role: 'Secretary' } }));
    await approvePledge(t.server.database.db, pledge.json.id, { by: 'test', clock });
    const { json, text } = await updates();
    assert.equal(json.items[0].id, `${t.url}/c/southend/signatories/GB-CHC-1234567`);
    assert.equal(json.items[0].title, 'Westcliff Tenants Forum has signed the compact');
    assert.doesNotMatch(text, /Rosa Contactname|rosa@forum|Secretary/);
  });

  it('keeps item ids when the feed changes elsewhere, and changes its ETag', async () => {
    const first = await updates();
    await reimportSouthend(t, (feed) => {
      feed.actionPlan.aims[0].actions[0].updates.push({ date: '2026-11-20', text: 'Reviewed after six months.' });
    });
    const second = await updates();
    assert.notEqual(second.headers.get('etag'), first.headers.get('etag'));
    const before = new Set(first.json.items.map((item: { id: string }) => item.id));
    const kept = second.json.items.filter((item: { id: string }) => before.has(item.id));
    assert.equal(kept.length, before.size, 'every item keeps its id (signatories from pledges stay through a re-import)');
    assert.equal(second.json.items.length, before.size + 1);
    assert.ok(second.json.items.some((item: { id: string }) => item.id === `${t.url}/c/southend#action-codes-funding/update/2026-11-20`));
  });

  it('caches like the feed, and changes by itself when a consultation closes', async () => {
    const first = await updates();
    const etag = first.headers.get('etag')!;
    assert.equal(first.headers.get('access-control-allow-origin'), '*');
    assert.equal(first.headers.get('cache-control'), 'public, max-age=60');
    assert.equal((await updates('southend', { 'if-none-match': etag })).status, 304);
    now = Date.parse('2026-12-08T00:00:00Z');
    const later = await updates('southend', { 'if-none-match': etag });
    assert.equal(later.status, 200);
    assert.equal(later.json.items[0].id, `${t.url}/c/southend#consultation-winter-urgent-care-shoeburyness/closed`);
    assert.equal(later.json.items[0].date_published, '2026-12-07T23:59:59.000Z');
    assert.equal((await updates('nowhere')).status, 404);
  });
});
