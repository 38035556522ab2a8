/**
 * A pledge's text is published in its own language: the one the organisation used the form in,
 * unless the moderator says otherwise. A Welsh pledge on an English compact's feed is marked Welsh,
 * so that the widgets and screen readers read it as Welsh.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { buildFeed } from '../../src/index.js';
import { AdminClient, makeUser } from '../admin/helpers.js';

const WELSH = 'Byddwn yn rhannu’r hyn a glywn gan deuluoedd â’r cyngor.';

describe('the language of a pledge’s text', () => {
  let t: TestServer;
  let moderator: AdminClient;
  const published = async (compactId: string, name: string) =>
    ((await buildFeed(t.server.database.db, compactId, { publicUrl: t.url }))!.feed.signatories as { name: unknown; pledge?: unknown }[]).find((s) => s.name === name);
  const pledge = async (compactId: string, locale: string, name: string, text: string) => {
    const sent = await postPledge(t.url, validPledge({ compactId, locale, organisation: { name, sector: 'voluntary' }, pledge: text, contact: { name: 'Ann', email: `${name.length}@${locale}.example.org` } }), { compactId });
    assert.equal(sent.status, 202);
    return sent.json.id as string;
  };

  before(async () => {
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], env: { SIGNIN_RATE_LIMIT: '1000' } });
    await makeUser(t, 'mod@council.example', 'moderator');
    moderator = new AdminClient(t.url);
    assert.equal((await moderator.signIn('mod@council.example')).status, 303);
  });
  after(() => t.stop());

  it('a pledge made in Welsh on an English compact is shown and published as Welsh', async () => {
    const id = await pledge('southend', 'cy', 'Cyfeillion y Pier', WELSH);
    const page = await moderator.get(`/admin/pledges/${id}`);
    assert.match(page.text, /<dd[^>]*lang="cy"[^>]*>Byddwn yn rhannu/, 'the pledge as received is marked Welsh');
    assert.match(page.text, /<textarea[^>]*lang="cy"[^>]*>Byddwn yn rhannu|<textarea[^>]*name="pledgeText"[^>]*lang="cy"/);
    assert.match(page.text, /<legend[^>]*>\s*The pledge text is in\s*<\/legend>/);
    assert.match(page.text, /value="cy" checked/);
    assert.match(page.text, /used the form in Welsh \(cy\)/);
    assert.equal((await moderator.post(`/admin/pledges/${id}/approve`, { publicName: 'Cyfeillion y Pier', pledgeText: WELSH, pledgeLanguage: 'cy' })).status, 303);
    assert.deepEqual((await published('southend', 'Cyfeillion y Pier'))?.pledge, { cy: WELSH });
  });

  it('a pledge in the compact’s default language stays a plain string, and the moderator can correct the language', async () => {
    const english = await pledge('southend', 'en', 'Pier Friends', 'We will listen.');
    const englishPage = await moderator.get(`/admin/pledges/${english}`);
    assert.doesNotMatch(englishPage.text, /name="pledgeLanguage"/, 'nothing to choose on a one-language compact');
    assert.equal((await moderator.post(`/admin/pledges/${english}/approve`, { publicName: 'Pier Friends', pledgeText: 'We will listen.', pledgeLanguage: 'en' })).status, 303);
    assert.equal((await published('southend', 'Pier Friends'))?.pledge, 'We will listen.');

    // Written in English through the Welsh form: the moderator says so.
    const mixed = await pledge('southend', 'cy', 'Bay Friends', 'We will help.');
    assert.equal((await moderator.post(`/admin/pledges/${mixed}/approve`, { publicName: 'Bay Friends', pledgeText: 'We will help.', pledgeLanguage: 'en' })).status, 303);
    assert.equal((await published('southend', 'Bay Friends'))?.pledge, 'We will help.');
  });

  it('refuses a language the page did not offer, at its own radios, keeping what was typed', async () => {
    const id = await pledge('southend', 'gd', 'Caraidean a’ Chidhe', 'Cuidichidh sinn.');
    await moderator.get(`/admin/pledges/${id}`);
    const refused = await moderator.post(`/admin/pledges/${id}/approve`, { publicName: 'Caraidean a’ Chidhe', pledgeText: 'Cuidichidh sinn gu mòr.', pledgeLanguage: 'fr' });
    assert.equal(refused.status, 422);
    assert.match(refused.text, /href="#pledgeLanguage">Choose the language the pledge text is in/);
    assert.match(refused.text, /Cuidichidh sinn gu mòr\./);
    assert.equal(await published('southend', 'Caraidean a’ Chidhe'), undefined);
    // Without a choice (the CLI, or a page without the radios), the form's language is used.
    assert.equal((await moderator.post(`/admin/pledges/${id}/approve`, { publicName: 'Caraidean a’ Chidhe', pledgeText: 'Cuidichidh sinn.' })).status, 303);
    assert.deepEqual((await published('southend', 'Caraidean a’ Chidhe'))?.pledge, { gd: 'Cuidichidh sinn.' });
  });

  it('on a bilingual compact a Welsh pledge is published under the compact’s own Welsh tag', async () => {
    const id = await pledge('ceredigion', 'cy', 'Cymdeithas y Castell', WELSH);
    const page = await moderator.get(`/admin/pledges/${id}`);
    assert.match(page.text, /value="en"/);
    assert.match(page.text, /value="cy" checked/);
    assert.doesNotMatch(page.text, /value="gd"/, 'only the compact’s languages and the form’s');
    assert.equal((await moderator.post(`/admin/pledges/${id}/approve`, { publicName: 'Cymdeithas y Castell', pledgeText: WELSH, pledgeLanguage: 'cy' })).status, 303);
    assert.deepEqual((await published('ceredigion', 'Cymdeithas y Castell'))?.pledge, { cy: WELSH });
  });
});
