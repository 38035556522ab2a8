/**
 * Editing a compact in the admin: every change validated (own field checks, then the strict feed check
 * on what buildFeed would publish), saved in one transaction that bumps the revision (the feed shows it
 * at once), audit-logged with before and after, and never silently overwriting another editor's save.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFeed } from 'compact-widgets/feed';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { readAudit } from '../../src/domain/audit.js';
import { saveDocument, loadCompact, FeedRefused } from '../../src/domain/authoring/document.js';
import { findCompact } from '../../src/db/compacts.js';
import { withdrawSignatory } from '../../src/domain/moderation.js';
import { editor, editForm, feedOf, formValues, postForm, textOf, type AdminClient } from './helpers.js';

const NOW = new Date('2026-12-01T10:00:00Z');

describe('editing a compact in the admin', () => {
  let t: TestServer;
  let southend: AdminClient;
  let wales: AdminClient;
  before(async () => {
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], clock: () => NOW, env: { SIGNIN_RATE_LIMIT: '100000' } });
    southend = await editor(t, 'editor@southend.example', 'southend');
    wales = await editor(t, 'editor@ceredigion.example', 'ceredigion');
  });
  after(() => t.stop());

  it('updates an action: status, progress, due date, leads chosen and typed, and a new update appended', async () => {
    const path = '/admin/compacts/southend/actions/codes-consultation';
    const beforeFeed = await feedOf(t, 'southend');
    const old = beforeFeed.actionPlan.aims[0].actions.find((a: any) => a.id === 'codes-consultation');
    const answer = await editForm(southend, path, {
      status: 'in-progress',
      progress: '85',
      due: '2027-06-30',
      lead: ['GB-LAE-SOS'],
      leadOther: 'Compact Development Group',
      'update-en': 'Draft code agreed by the Compact Development Group.',
    });
    assert.equal(answer.status, 303, textOf(answer.text).slice(0, 400));
    assert.equal(answer.location, '/admin/compacts/southend/actions?done=action');
    const feed = await feedOf(t, 'southend');
    assert.equal(checkFeed(feed).valid, true);
    const action = feed.actionPlan.aims[0].actions.find((a: any) => a.id === 'codes-consultation');
    assert.equal(action.status, 'in-progress');
    assert.equal(action.progress, 85);
    assert.equal(action.due, '2027-06-30');
    assert.deepEqual(action.lead, ['GB-LAE-SOS', 'Compact Development Group']);
    assert.equal(action.updates.length, old.updates.length + 1);
    assert.deepEqual(action.updates.slice(0, -1), old.updates, 'the history is kept as it was');
    assert.deepEqual(action.updates.at(-1), { date: '2026-12-01', text: 'Draft code agreed by the Compact Development Group.' });
    assert.equal(feed.actionPlan.updated, '2026-12-01T10:00:00Z');

    const entry = (await readAudit(t.server.database.db, {})).find((e) => e.action === 'action.edit');
    assert.ok(entry, 'audit entry written');
    assert.equal(entry.actor_label, 'editor@southend.example');
    assert.equal(JSON.parse(entry.before!).progress, old.progress);
    assert.equal(JSON.parse(entry.after!).progress, 85);
  });

  it('refuses a bad action with a GOV.UK error summary and field errors, and saves nothing', async () => {
    const before = await findCompact(t.server.database.db, 'southend');
    const answer = await editForm(southend, '/admin/compacts/southend/actions/codes-consultation', { progress: '150', due: '2027-02-30', status: 'finished', 'update-en': 'x', updateDate: '2027-01-01' });
    assert.equal(answer.status, 422);
    assert.match(answer.text, /<title>Error: /);
    assert.match(answer.text, /govuk-error-summary/);
    for (const id of ['progress', 'due', 'status', 'updateDate']) assert.match(answer.text, new RegExp(`href="#${id}"`), id);
    assert.match(answer.text, /Progress must be a number from 0 to 100/);
    assert.match(answer.text, /id="progress-error"/);
    assert.match(answer.text, /value="150"/, 'what was typed is kept');
    const after = await findCompact(t.server.database.db, 'southend');
    assert.equal(after!.revision, before!.revision);
    assert.equal(after!.document, before!.document);
  });

  it('shows a bilingual compact’s text side by side, one box per language with its lang, and keeps both', async () => {
    const path = '/admin/compacts/ceredigion/text';
    const form = await wales.get(path);
    assert.equal(form.status, 200);
    assert.match(form.text, /<input[^>]*id="name-en"[^>]*lang="en"|<input[^>]*lang="en"[^>]*id="name-en"/);
    assert.match(form.text, /id="name-cy"/);
    assert.match(form.text, /Welsh \(cy\)/);
    assert.match(form.text, /govuk-grid-column-one-half/);
    const answer = await editForm(wales, path, { 'summary-cy': 'Crynodeb newydd.', 'principle-0-title-cy': 'Annibyniaeth', 'commitment-0-by': 'joint' });
    assert.equal(answer.status, 303, textOf(answer.text).slice(0, 500));
    const feed = await feedOf(t, 'ceredigion');
    assert.equal(feed.compact.summary.cy, 'Crynodeb newydd.');
    assert.ok(feed.compact.summary.en, 'the English is kept');
    assert.equal(feed.compact.principles[0].title.cy, 'Annibyniaeth');
    assert.equal(feed.compact.commitments[0].by, 'joint');
    assert.equal(checkFeed(feed).valid, true);
  });

  it('asks for the default language when a bilingual text has only the other', async () => {
    const answer = await editForm(wales, '/admin/compacts/ceredigion/text', { 'name-en': '' });
    assert.equal(answer.status, 422);
    assert.match(answer.text, /href="#name-en"/);
    assert.match(answer.text, /Enter the compact’s name in English \(en\)/);
  });

  it('adds and removes principles and commitments', async () => {
    const path = '/admin/compacts/southend/text';
    const form = await southend.get(path);
    const values = formValues(form.text, path);
    const n = Number(values.principles[0]) - 1;
    const answer = await postForm(southend, path, { ...values, [`principle-${n}-title-en`]: 'Openness', [`principle-${n}-text-en`]: 'We share what we know.', 'principle-0-remove': 'yes' });
    assert.equal(answer.status, 303, textOf(answer.text).slice(0, 500));
    const feed = await feedOf(t, 'southend');
    assert.equal(feed.compact.principles.length, n);
    assert.deepEqual(feed.compact.principles.at(-1), { id: 'openness', title: 'Openness', text: 'We share what we know.' });
  });

  it('refuses, and rolls back, any change whose feed the strict check refuses', async () => {
    const db = t.server.database.db;
    const settings = { publicUrl: t.url };
    const loaded = (await loadCompact(db, 'southend', settings))!;
    await assert.rejects(
      saveDocument(db, 'southend', loaded.base, (d) => ({ ...d, compact: { ...d.compact, timeZone: 'Mars/Olympus_Mons' } }), {
        settings,
        actor: { id: 'test', label: 'test' },
        clock: () => NOW,
        action: 'compact.edit',
        subject: { type: 'compact', id: 'southend' },
        part: (d) => d.compact,
      }),
      (error: unknown) => error instanceof FeedRefused && error.problems.some((p) => p.path === '$.compact.timeZone'),
    );
    const after = await findCompact(db, 'southend');
    assert.equal(after!.revision, loaded.base.revision, 'revision not bumped');
    assert.equal(JSON.parse(after!.document).compact.timeZone, 'Europe/London');
  });

  it('never lets two editors silently overwrite each other', async () => {
    const second = await editor(t, 'second@southend.example', 'southend');
    const path = '/admin/compacts/southend/actions/codes-funding';
    const first = await southend.get(path);
    const theirs = await second.get(path);
    const saved = await postForm(southend, path, { ...formValues(first.text, path), progress: '99', status: 'in-progress' });
    assert.equal(saved.status, 303);
    const stale = await postForm(second, path, { ...formValues(theirs.text, path), progress: '10', status: 'delayed' });
    assert.equal(stale.status, 409);
    assert.match(textOf(stale.text), /Someone else saved changes to this compact after you opened this page\. Your changes have not been saved/);
    assert.match(stale.text, /href="#stale"/);
    const action = (await feedOf(t, 'southend')).actionPlan.aims[0].actions.find((a: any) => a.id === 'codes-funding');
    assert.equal(action.progress, 99, 'the first save stands');
    // Pressing Save again on the same (stale) page is still refused: it keeps the revision first read.
    const again = await postForm(second, path, formValues(stale.text, path));
    assert.equal(again.status, 409);
  });

  it('lets exactly one of ten saves racing from the same page through', async () => {
    const path = '/admin/compacts/southend/actions/annual-review-2026';
    const clients = [southend, ...(await Promise.all([1, 2].map((n) => editor(t, `racer${n}@southend.example`, 'southend'))))];
    const forms = await Promise.all(clients.map((c) => c.get(path)));
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => postForm(clients[i % 3], path, { ...formValues(forms[i % 3].text, path), progress: String(90 + (i % 10)), status: 'in-progress' })));
    const statuses = answers.map((a) => a.status).sort();
    assert.deepEqual(statuses, [303, ...Array(9).fill(409)]);
    const winner = answers.findIndex((a) => a.status === 303);
    const action = (await feedOf(t, 'southend')).actionPlan.aims.flatMap((a: any) => a.actions).find((a: any) => a.id === 'annual-review-2026');
    assert.equal(action.progress, 90 + winner);
    const edits = (await readAudit(t.server.database.db, {})).filter((e) => e.action === 'action.edit' && e.subject_id === 'annual-review-2026');
    assert.equal(edits.length, 1, 'one audit entry: the one save that happened');
  });

  it('is no conflict when only the signatories changed since the page was read', async () => {
    const path = '/admin/compacts/southend/actions/codes-funding';
    const form = await southend.get(path);
    await withdrawSignatory(t.server.database.db, 'southend', 'essex-police', { id: 'test', label: 'test' }, () => NOW);
    const saved = await postForm(southend, path, { ...formValues(form.text, path), progress: '98' });
    assert.equal(saved.status, 303);
  });

  it('checks a consultation against the compact’s 12 weeks while editing and asks for the reason when shorter', async () => {
    const path = '/admin/compacts/southend/consultations/new';
    const base = { 'title-en': 'Libraries opening hours', owner: 'GB-LAE-SOS', opens: '2027-01-04', closes: '2027-02-28' };
    // "Check the length" answers with the length for the dates typed, and saves nothing.
    const checked = await editForm(southend, path, { ...base, intent: 'check' });
    assert.equal(checked.status, 200);
    assert.match(textOf(checked.text), /7 weeks and 6 days : shorter than the compact’s standard of 12 weeks/);
    const refused = await postForm(southend, path, { ...formValues(checked.text, path), intent: 'save' });
    assert.equal(refused.status, 422);
    assert.match(refused.text, /href="#shorterBecause-en"/);
    assert.match(textOf(refused.text), /This consultation runs for 7 weeks and 6 days, shorter than the compact’s standard of 12 weeks: give the reason/);
    const saved = await postForm(southend, path, { ...formValues(refused.text, path), 'shorterBecause-en': 'The budget must be set by March.', intent: 'save' });
    assert.equal(saved.status, 303, textOf(saved.text).slice(0, 500));
    const feed = await feedOf(t, 'southend');
    const c = feed.consultations.find((x: any) => x.id === 'libraries-opening-hours');
    assert.deepEqual(
      { owner: c.owner, opens: c.opens, closes: c.closes, shorterBecause: c.shorterBecause },
      { owner: 'GB-LAE-SOS', opens: '2027-01-04', closes: '2027-02-28', shorterBecause: 'The budget must be set by March.' },
    );
    // Lengthened to the standard (4 January to 29 March is 84 days), the reason goes: it would be untrue.
    const longer = await editForm(southend, '/admin/compacts/southend/consultations/libraries-opening-hours', { closes: '2027-03-29', intent: 'save' });
    assert.equal(longer.status, 303);
    const again = (await feedOf(t, 'southend')).consultations.find((x: any) => x.id === 'libraries-opening-hours');
    assert.equal(again.shorterBecause, undefined);
    const entries = (await readAudit(t.server.database.db, {})).filter((e) => e.action.startsWith('consultation.'));
    assert.deepEqual(entries.map((e) => e.action).sort(), ['consultation.add', 'consultation.edit']);
  });

  it('refuses a closing date before the opening date', async () => {
    const answer = await editForm(southend, '/admin/compacts/southend/consultations/new', { 'title-en': 'Backwards', opens: '2027-03-01', closes: '2027-02-01', intent: 'save' });
    assert.equal(answer.status, 422);
    assert.match(answer.text, /The closing date must be after the opening date/);
  });

  it('keeps no control character an editor pastes: a NUL or a BEL is a space, newlines stay (PostgreSQL refuses a NUL)', async () => {
    const text = await editForm(southend, '/admin/compacts/southend/text', { 'summary-en': 'First\u0000part.\r\nSecond\u0007part.' });
    assert.equal(text.status, 303, textOf(text.text).slice(0, 400));
    const action = await editForm(southend, '/admin/compacts/southend/actions/codes-consultation', { 'update-en': 'Agreed\u0000by\u000bthe group.' });
    assert.equal(action.status, 303, textOf(action.text).slice(0, 400));
    const stored = (await findCompact(t.server.database.db, 'southend'))!.document;
    assert.doesNotMatch(stored, /\\u00(0|1)[0-9a-f]/i, 'no control character in the stored document');
    const feed = await feedOf(t, 'southend');
    assert.equal(feed.compact.summary, 'First part.\nSecond part.');
    const updated = feed.actionPlan.aims[0].actions.find((a: any) => a.id === 'codes-consultation');
    assert.equal(updated.updates.at(-1).text, 'Agreed by the group.');
  });
});

describe('a compact’s languages', () => {
  it('are its default language, then every language its texts are in, and nothing that only looks like one', async () => {
    const { compactLanguages } = await import('../../src/domain/authoring/languages.js');
    assert.deepEqual(compactLanguages({ compact: { id: 'x', name: 'X', contact: { url: 'https://x.example' } } }), ['en']);
    assert.deepEqual(compactLanguages({ compact: { id: 'x', name: 'X', commitments: [{ id: 'c', by: 'joint', text: 'T' }] } }), ['en']);
    assert.deepEqual(
      compactLanguages({ compact: { id: 'x', defaultLanguage: 'cy', name: { cy: 'Compact', en: 'Compact' } }, actionPlan: { aims: [{ id: 'a', title: { gd: 'Amas' }, actions: [] }] } }),
      ['cy', 'en', 'gd'],
    );
  });
});
