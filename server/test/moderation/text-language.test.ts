/**
 * A pledge's text is published in its own language: the one the organisation used the form in,
 * unless the moderator says otherwise. A Welsh pledge on an English compact's feed is marked Welsh,
 * so that the widgets and screen readers read it as Welsh. On a compact in several languages the
 * approval has a box per language, as the signatory's page does, so that a translation is
 * published with it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { approvePledge, buildFeed, DecisionError, pledgeDetails } from '../../src/index.js';
import { auditAbout } from '../../src/db/audit.js';
import { AdminClient, makeUser, pagePatterns } from '../admin/helpers.js';
import { getFeed } from '../helpers/http.js';

const WELSH = 'Byddwn yn rhannu’r hyn a glywn gan deuluoedd â’r cyngor.';

describe('the language of a pledge’s text', () => {
  let t: TestServer;
  let moderator: AdminClient;
  // A signatory by its name in any language.
  const named = (name: string) => (s: { name: unknown }) => s.name === name || (typeof s.name === 'object' && Object.values(s.name as object).includes(name));
  const published = async (compactId: string, name: string) =>
    ((await buildFeed(t.server.database.db, compactId, { publicUrl: t.url }))!.feed.signatories as { name: unknown; pledge?: unknown }[]).find(named(name));
  /** The signatory as the public feed serves it, byte for byte what a widget reads. */
  const served = async (compactId: string, name: string) => {
    const feed = await getFeed(t.url, compactId);
    assert.equal(feed.status, 200);
    return (feed.json.signatories as { id: string; name: unknown; pledge?: unknown }[]).find(named(name));
  };
  /** The text of a box (`name-cy`, `pledge-en`) as a page shows it, and the language it is marked with. */
  const box = (html: string, id: string) => {
    const tag = new RegExp(`<(input|textarea)[^>]*\\bname="${id}"[^>]*>`).exec(html);
    assert.ok(tag, `no box ${id}`);
    const lang = /\blang="([^"]*)"/.exec(tag[0])?.[1];
    const text = tag[1] === 'input' ? (/\bvalue="([^"]*)"/.exec(tag[0])?.[1] ?? '') : html.slice(tag.index + tag[0].length, html.indexOf('</textarea>', tag.index));
    return { lang, text: text.replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&') };
  };
  const boxes = (texts: Record<string, string>) => ({ 'name-en': '', 'name-cy': '', 'pledge-en': '', 'pledge-cy': '', ...texts });
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

  it('on a bilingual compact a Welsh pledge is published under the compact’s own Welsh tag, from its Welsh box', async () => {
    const id = await pledge('ceredigion', 'cy', 'Cymdeithas y Castell', WELSH);
    const page = await moderator.get(`/admin/pledges/${id}`);
    // A box per language of the compact, each marked with its language: the radio has nothing left to say.
    assert.deepEqual(box(page.text, 'pledge-cy'), { lang: 'cy', text: WELSH });
    assert.deepEqual(box(page.text, 'pledge-en'), { lang: 'en', text: '' });
    // The name in the default language's box, where every signatory has one (as before the boxes).
    assert.deepEqual(box(page.text, 'name-en'), { lang: 'en', text: 'Cymdeithas y Castell' });
    assert.deepEqual(box(page.text, 'name-cy'), { lang: 'cy', text: '' });
    assert.doesNotMatch(page.text, /name="(pledgeLanguage|publicName|pledgeText)"/);
    assert.doesNotMatch(page.text, /name="(name|pledge)-gd"/, 'only the compact’s languages and the form’s');
    assert.match(page.text, /The name the organisation gave is in the English \(en\) box/);
    assert.equal((await moderator.post(`/admin/pledges/${id}/approve`, boxes({ 'name-en': 'Cymdeithas y Castell', 'pledge-cy': WELSH }))).status, 303);
    assert.deepEqual(await served('ceredigion', 'Cymdeithas y Castell').then((s) => s && { name: s.name, pledge: s.pledge }), { name: 'Cymdeithas y Castell', pledge: { cy: WELSH } });
  });

  it('publishes a Welsh pledge with the English translation the moderator adds, as the feed and the signatory’s page then show it', async () => {
    const id = await pledge('ceredigion', 'cy', 'Cyfeillion yr Harbwr', WELSH);
    await moderator.get(`/admin/pledges/${id}`);
    const english = 'We will share what we hear from families with the council.';
    const approved = await moderator.post(`/admin/pledges/${id}/approve`, boxes({ 'name-en': ' Friends of the  Harbour ', 'name-cy': 'Cyfeillion yr Harbwr', 'pledge-en': english, 'pledge-cy': WELSH }));
    assert.equal(approved.status, 303);
    const signatory = await served('ceredigion', 'Cyfeillion yr Harbwr');
    assert.ok(signatory);
    // The compact's order of languages, cleaned as every published name is.
    assert.equal(JSON.stringify(signatory.name), JSON.stringify({ en: 'Friends of the Harbour', cy: 'Cyfeillion yr Harbwr' }));
    assert.equal(JSON.stringify(signatory.pledge), JSON.stringify({ en: english, cy: WELSH }));
    const page = (await moderator.get(`/admin/signatories/ceredigion/${encodeURIComponent(signatory.id)}`)).text;
    assert.deepEqual(box(page, 'name-en'), { lang: 'en', text: 'Friends of the Harbour' });
    assert.deepEqual(box(page, 'name-cy'), { lang: 'cy', text: 'Cyfeillion yr Harbwr' });
    assert.deepEqual(box(page, 'pledge-en'), { lang: 'en', text: english });
    assert.deepEqual(box(page, 'pledge-cy'), { lang: 'cy', text: WELSH });
    // The audit entry records what was published, in its languages.
    const entry = (await auditAbout(t.server.database.db, 'pledge', id)).find((e) => e.action === 'pledge.approve')!;
    const after = JSON.parse(entry.after!);
    assert.deepEqual({ name: after.name, pledge: after.pledge }, { name: signatory.name, pledge: signatory.pledge });
  });

  it('an English approval on a bilingual compact publishes plain strings, as before the boxes', async () => {
    const id = await pledge('ceredigion', 'en', 'Harbour Walkers', 'We will walk with you.');
    const page = (await moderator.get(`/admin/pledges/${id}`)).text;
    assert.deepEqual(box(page, 'name-en'), { lang: 'en', text: 'Harbour Walkers' });
    assert.deepEqual(box(page, 'name-cy'), { lang: 'cy', text: '' });
    assert.deepEqual(box(page, 'pledge-cy'), { lang: 'cy', text: '' });
    assert.equal((await moderator.post(`/admin/pledges/${id}/approve`, boxes({ 'name-en': 'Harbour Walkers', 'pledge-en': 'We will walk with you.' }))).status, 303);
    const signatory = await served('ceredigion', 'Harbour Walkers');
    assert.equal(signatory?.name, 'Harbour Walkers');
    assert.equal(signatory?.pledge, 'We will walk with you.');
    const entry = (await auditAbout(t.server.database.db, 'pledge', id)).find((e) => e.action === 'pledge.approve')!;
    assert.deepEqual(JSON.parse(entry.after!).pledge, 'We will walk with you.');
    // Every box of the pledge text left empty: no pledge text, and the name is still a plain string.
    const quiet = await pledge('ceredigion', 'en', 'Quiet Harbour Club', 'Something we would rather not publish.');
    await moderator.get(`/admin/pledges/${quiet}`);
    assert.equal((await moderator.post(`/admin/pledges/${quiet}/approve`, boxes({ 'name-en': 'Quiet Harbour Club' }))).status, 303);
    const listed = await served('ceredigion', 'Quiet Harbour Club');
    assert.equal(listed?.name, 'Quiet Harbour Club');
    assert.equal('pledge' in listed!, false);
  });

  it('refuses an approval without a name in the default language, or a box too long, at the box, keeping what was typed', async () => {
    const id = await pledge('ceredigion', 'cy', 'Clwb y Prom', WELSH);
    await moderator.get(`/admin/pledges/${id}`);
    const nameless = await moderator.post(`/admin/pledges/${id}/approve`, boxes({ 'name-en': '  ', 'pledge-cy': 'Byddwn yn helpu.' }));
    assert.equal(nameless.status, 422);
    assert.match(nameless.text, /href="#name-en">Enter the organisation’s name in English \(en\)/);
    assert.match(nameless.text, /id="name-en-error"/);
    assert.deepEqual(box(nameless.text, 'pledge-cy'), { lang: 'cy', text: 'Byddwn yn helpu.' });
    assert.deepEqual(pagePatterns('no name', nameless.text), []);
    // A name only in Welsh: the signatory's page and a spreadsheet could not save it again.
    const welshOnly = await moderator.post(`/admin/pledges/${id}/approve`, boxes({ 'name-cy': 'Clwb y Prom', 'pledge-cy': 'Byddwn yn helpu.' }));
    assert.equal(welshOnly.status, 422);
    assert.match(welshOnly.text, /href="#name-en">Enter the organisation’s name in English \(en\)/);
    assert.deepEqual(box(welshOnly.text, 'name-cy'), { lang: 'cy', text: 'Clwb y Prom' });
    assert.equal(await served('ceredigion', 'Clwb y Prom'), undefined);

    const longName = await moderator.post(`/admin/pledges/${id}/approve`, boxes({ 'name-cy': 'Clwb y Prom', 'name-en': 'N'.repeat(201) }));
    assert.equal(longName.status, 422);
    assert.match(longName.text, /href="#name-en">The name in English \(en\) must be 200 characters or fewer/);
    assert.deepEqual(pagePatterns('long name', longName.text), []);
    const longPledge = await moderator.post(`/admin/pledges/${id}/approve`, boxes({ 'name-en': 'Prom Club', 'name-cy': 'Clwb y Prom', 'pledge-en': 'We will help.', 'pledge-cy': 'b'.repeat(501) }));
    assert.equal(longPledge.status, 422);
    assert.match(longPledge.text, /href="#pledge-cy">The pledge text in Welsh \(cy\) must be 500 characters or fewer/);
    assert.deepEqual(box(longPledge.text, 'pledge-en'), { lang: 'en', text: 'We will help.' });
    assert.deepEqual(pagePatterns('long pledge', longPledge.text), []);
    // 200 and 500 characters (not UTF-16 units) are allowed, as on the signatory's page.
    assert.equal((await moderator.post(`/admin/pledges/${id}/approve`, boxes({ 'name-en': 'w'.repeat(200), 'name-cy': 'ŵ'.repeat(200), 'pledge-cy': '😀'.repeat(500) }))).status, 303);
    assert.equal((await pledgeDetails(t.server.database.db, id))?.status, 'approved');
  });

  it('publishes nothing in a language the page has no box for', async () => {
    const id = await pledge('ceredigion', 'cy', 'Côr y Bae', WELSH);
    await moderator.get(`/admin/pledges/${id}`);
    const approved = await moderator.post(`/admin/pledges/${id}/approve`, { ...boxes({ 'name-en': 'Côr y Bae', 'pledge-cy': WELSH }), 'name-fr': 'Chœur de la Baie', 'pledge-fr': 'Nous aiderons.', 'pledge-gd': 'Cuidichidh sinn.', 'name-__proto__': 'x' });
    assert.equal(approved.status, 303);
    const signatory = await served('ceredigion', 'Côr y Bae');
    assert.deepEqual({ name: signatory?.name, pledge: signatory?.pledge }, { name: 'Côr y Bae', pledge: { cy: WELSH } });
    // Only boxes of other languages: a form without the page's boxes, approved as the organisation sent it.
    const other = await pledge('ceredigion', 'cy', 'Côr y Dref', WELSH);
    await moderator.get(`/admin/pledges/${other}`);
    assert.equal((await moderator.post(`/admin/pledges/${other}/approve`, { 'name-fr': 'Chœur', 'pledge-fr': 'Nous aiderons.' })).status, 303);
    const plain = await served('ceredigion', 'Côr y Dref');
    assert.equal(plain?.name, 'Côr y Dref');
    assert.doesNotMatch(JSON.stringify(plain), /Chœur|Nous/);
    // The service refuses one outright.
    const third = await pledge('ceredigion', 'cy', 'Côr y Castell', WELSH);
    await assert.rejects(approvePledge(t.server.database.db, third, { by: 'test', clock: () => new Date(), inLanguages: { name: { cy: 'Côr y Castell', fr: 'Chœur du Château' }, pledge: {} } }), (error: unknown) => error instanceof DecisionError && /not one of the languages/.test(error.message));
    assert.equal((await pledgeDetails(t.server.database.db, third))?.status, 'unconfirmed');
  });

  it('a compact in one language keeps its one box and the choice of language', async () => {
    const id = await pledge('southend', 'cy', 'Cyfeillion y Prom', WELSH);
    const page = (await moderator.get(`/admin/pledges/${id}`)).text;
    assert.match(page, /name="publicName"/);
    assert.match(page, /name="pledgeText"/);
    assert.match(page, /name="pledgeLanguage"/);
    assert.doesNotMatch(page, /name="(name|pledge)-(en|cy)"/);
  });

  it('a compact in one language refuses an emptied name box at the box, as a bilingual one does, and changes nothing', async () => {
    const id = await pledge('southend', 'en', 'Prom Gardeners', 'We will dig.');
    await moderator.get(`/admin/pledges/${id}`);
    for (const emptied of ['', ' \t ']) {
      const refused = await moderator.post(`/admin/pledges/${id}/approve`, { publicName: emptied, pledgeText: 'We will dig.', pledgeLanguage: 'en' });
      assert.equal(refused.status, 422, JSON.stringify(emptied));
      assert.match(refused.text, /<a href="#publicName">Enter the organisation’s name<\/a>/);
      assert.match(refused.text, /<p id="publicName-error" class="govuk-error-message">[\s\S]*?Enter the organisation’s name/);
      assert.match(refused.text, /We will dig\./, 'what was typed is kept');
      assert.deepEqual(pagePatterns('emptied name', refused.text), []);
    }
    assert.equal((await pledgeDetails(t.server.database.db, id))?.status, 'unconfirmed');
    assert.equal(await published('southend', 'Prom Gardeners'), undefined);
    assert.deepEqual((await auditAbout(t.server.database.db, 'pledge', id)).filter((e) => e.action === 'pledge.approve'), []);
    // A form without the box (as the command line approves): the name as the organisation sent it.
    assert.equal((await moderator.post(`/admin/pledges/${id}/approve`, { pledgeText: 'We will dig.' })).status, 303);
    assert.ok(await published('southend', 'Prom Gardeners'));
  });
});
