/** Signatories edited and withdrawn from the admin, with history; mail without SMTP_URL in the outbox. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { buildFeed } from '../../src/index.js';
import { AdminClient, makeUser } from './helpers.js';

describe('signatories and the outbox in the admin', () => {
  let t: TestServer;
  const db = () => t.server.database.db;
  const listed = async (id: string) => ((await buildFeed(db(), 'southend', { publicUrl: t.url }))!.feed.signatories as { id: string; name: string; url?: string; champion?: unknown }[]).find((s) => s.id === id);
  before(async () => {
    t = await startTestServer({ feeds: ['southend'], env: { SIGNIN_RATE_LIMIT: '1000' } });
    await makeUser(t, 'editor@southend.example', 'editor', 'southend');
    await makeUser(t, 'admin@council.example', 'admin');
  });
  after(() => t.stop());

  it('an editor edits what is published, withdraws and reinstates, and every change has its history', async () => {
    const editor = new AdminClient(t.url);
    await editor.signIn('editor@southend.example');
    assert.equal((await editor.get('/admin/pledges')).status, 403, 'editors do not see pledges (personal data)');
    const list = await editor.get('/admin/signatories');
    assert.match(list.text, /href="\/admin\/signatories\/southend\/GB-CHC-1183305"/);
    const before = await listed('GB-CHC-1183305');
    assert.ok(before);
    await editor.get('/admin/signatories/southend/GB-CHC-1183305');
    const bad = await editor.post('/admin/signatories/southend/GB-CHC-1183305', { 'name-en': before!.name, url: 'javascript:alert(1)', published: 'yes' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /starting with https:\/\//);
    const saved = await editor.post('/admin/signatories/southend/GB-CHC-1183305', { 'name-en': 'Renamed Trust', url: 'https://renamed.example.org/', 'pledge-en': '', championName: '', championRole: '', published: 'yes' });
    assert.equal(saved.status, 303);
    const after = await listed('GB-CHC-1183305');
    assert.equal(after?.name, 'Renamed Trust');
    assert.equal(after?.url, 'https://renamed.example.org/');
    assert.equal(after?.champion, undefined);

    await editor.get('/admin/signatories/southend/GB-CHC-1183305');
    assert.equal((await editor.post('/admin/signatories/southend/GB-CHC-1183305/withdraw', {})).status, 303);
    assert.equal(await listed('GB-CHC-1183305'), undefined, 'a withdrawn signatory leaves the feed');
    const page = await editor.get('/admin/signatories/southend/GB-CHC-1183305');
    assert.match(page.text, /Withdrawn/);
    assert.equal((await editor.post('/admin/signatories/southend/GB-CHC-1183305/withdraw', {})).status, 422);
    assert.equal((await editor.post('/admin/signatories/southend/GB-CHC-1183305/reinstate', {})).status, 303);
    assert.ok(await listed('GB-CHC-1183305'));

    const history = await db().selectFrom('signatory_history').selectAll().where('signatory_id', '=', 'GB-CHC-1183305').orderBy('seq').execute();
    // The first entry is the import that added it (the test server's, by compact-server itself).
    assert.equal(history.length, 4);
    assert.deepEqual([history[0].by, history[0].before], ['compact-server', null]);
    assert.ok(history.slice(1).every((h) => h.by === 'editor@southend.example'));
    assert.equal(JSON.parse(history[1].before!).data.name, before!.name);
    assert.equal(JSON.parse(history[1].after).data.name, 'Renamed Trust');
    const audited = (await db().selectFrom('audit_log').select('action').where('subject_id', '=', 'GB-CHC-1183305').orderBy('seq').execute()).map((r) => r.action);
    assert.deepEqual(audited, ['signatory.add', 'signatory.edit', 'signatory.withdraw', 'signatory.reinstate']);
  });

  it('without SMTP_URL, writes each message as an .eml file under DATA_DIR/outbox and lists it in the admin', async () => {
    await postPledge(t.url, validPledge({ locale: 'gd', organisation: { name: 'Buidheann Offline', sector: 'voluntary' }, contact: { name: 'Mòrag', email: 'morag@offline.example.org' } }));
    await t.server.app.mail.kick();
    const row = await db().selectFrom('email_messages').selectAll().where('to_address', '=', 'morag@offline.example.org').executeTakeFirstOrThrow();
    assert.equal(row.status, 'sent');
    assert.equal(row.text_body, null, 'the body (with its link) is not kept once written');
    const file = join(t.config.dataDir, 'outbox', row.file!);
    assert.ok(existsSync(file));
    const eml = readFileSync(file, 'utf8');
    assert.match(eml, /Content-Language: gd/);
    assert.match(eml, /multipart\/alternative/);
    assert.match(eml, /text\/html/);
    const admin = new AdminClient(t.url);
    await admin.signIn('admin@council.example');
    const outbox = await admin.get('/admin/outbox');
    assert.match(outbox.text, /Dearbhaich do ghealladh/);
    assert.match(outbox.text, new RegExp(`/admin/outbox/${row.id}`));
    const download = await admin.get(`/admin/outbox/${row.id}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'message/rfc822');
    assert.equal(download.text, eml);
  });
});

describe('a signatory of a bilingual compact in the admin', () => {
  let t: TestServer;
  const listed = async (id: string) => ((await buildFeed(t.server.database.db, 'ceredigion', { publicUrl: t.url }))!.feed.signatories as { id: string; name: unknown; url?: string; pledge?: unknown }[]).find((s) => s.id === id);
  before(async () => {
    t = await startTestServer({ feeds: ['bilingual-wales'], env: { SIGNIN_RATE_LIMIT: '1000' } });
    await makeUser(t, 'golygydd@ceredigion.example', 'editor', 'ceredigion');
  });
  after(() => t.stop());

  it('shows the name and pledge in a box for each language, each with its lang, and an edit keeps what it does not change', async () => {
    const editor = new AdminClient(t.url);
    await editor.signIn('golygydd@ceredigion.example');
    // A pledge written only in Welsh, in a compact whose default language is English.
    const page = await editor.get('/admin/signatories/ceredigion/menter-iaith-glannau-teifi');
    assert.match(page.text, /<textarea[^>]*id="pledge-cy"[^>]*lang="cy"[^>]*>Byddwn yn helpu partneriaid/);
    assert.match(page.text, /<textarea[^>]*id="pledge-en"[^>]*>\s*<\/textarea>/);
    assert.match(page.text, /<input[^>]*id="name-en"[^>]*value="Menter Iaith Glannau Teifi"/);
    const welsh = (await listed('menter-iaith-glannau-teifi'))!.pledge;
    const saved = await editor.post('/admin/signatories/ceredigion/menter-iaith-glannau-teifi', {
      'name-en': 'Menter Iaith Glannau Teifi',
      'name-cy': '',
      url: 'https://example.org/menter-iaith',
      'pledge-en': '',
      'pledge-cy': (welsh as Record<string, string>).cy,
      championName: 'Elin Dafydd',
      championRole: 'Prif Swyddog',
      published: 'yes',
    });
    assert.equal(saved.status, 303);
    const after = await listed('menter-iaith-glannau-teifi');
    assert.equal(after?.url, 'https://example.org/menter-iaith');
    assert.deepEqual(after?.pledge, welsh, 'the Welsh pledge is kept, and still marked as Welsh');
    assert.deepEqual(after?.name, { en: 'Menter Iaith Glannau Teifi' });
  });

  it('edits a name in both languages, and asks for the default language’s at its own box', async () => {
    const editor = new AdminClient(t.url);
    await editor.signIn('golygydd@ceredigion.example');
    const page = await editor.get('/admin/signatories/ceredigion/ty-r-gymuned-tregaron');
    assert.match(page.text, /<input[^>]*id="name-cy"[^>]*value="Tŷ&#39;r Gymuned, Tregaron"[^>]*lang="cy"|<input[^>]*id="name-cy"[^>]*lang="cy"[^>]*value="Tŷ&#39;r Gymuned, Tregaron"/);
    const form = { 'name-en': '', 'name-cy': 'Tŷ’r Gymuned', url: '', 'pledge-en': '', 'pledge-cy': 'Byddwn yn gwrando.', championName: '', championRole: '', published: 'yes' };
    const refused = await editor.post('/admin/signatories/ceredigion/ty-r-gymuned-tregaron', form);
    assert.equal(refused.status, 422);
    assert.match(refused.text, /href="#name-en">Enter the organisation’s name in English \(en\)/);
    assert.match(refused.text, /id="name-cy"[^>]*value="Tŷ’r Gymuned"|value="Tŷ’r Gymuned"[^>]*id="name-cy"/, 'what was typed comes back');
    const saved = await editor.post('/admin/signatories/ceredigion/ty-r-gymuned-tregaron', { ...form, 'name-en': 'Tregaron  Community\tHouse' });
    assert.equal(saved.status, 303);
    const after = await listed('ty-r-gymuned-tregaron');
    assert.deepEqual(after?.name, { en: 'Tregaron Community House', cy: 'Tŷ’r Gymuned' });
    assert.deepEqual(after?.pledge, { cy: 'Byddwn yn gwrando.' });
  });
});
