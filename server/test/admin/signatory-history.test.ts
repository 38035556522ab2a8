/**
 * A signatory's history comes back in the order it was written, even when every entry has the same
 * instant (a frozen clock here; an import followed at once by an edit on a real one).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { editSignatory, withdrawSignatory } from '../../src/domain/moderation.js';
import { signatoryHistory } from '../../src/db/signatory-edits.js';
import { AdminClient, makeUser } from './helpers.js';

const NOW = new Date('2026-12-01T10:00:00Z');
const ID = 'GB-CHC-1183305';
const EDITOR = { id: 'test', label: 'test' };
// With ids drawn at random, 7 entries in one instant read back in the order written 1 time in 5040.
const NAMES = ['First rename', 'Second rename', 'Third rename', 'Fourth rename', 'Fifth rename'];

const unescapeHtml = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Each row of the page's history table: its "Before" and "After" cells, as the JSON they show. */
function historyTable(html: string): { before: any; after: any }[] {
  const body = /<tbody class="govuk-table__body">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map(([, row]) => {
    const [before, after] = [...row!.matchAll(/<pre class="compact-json">([\s\S]*?)<\/pre>/g)].map(([, json]) => unescapeHtml(json!));
    return { before: before ? JSON.parse(before) : null, after: JSON.parse(after!) };
  });
}

describe('signatory history in the order written', () => {
  let t: TestServer;
  before(async () => {
    // The import that adds the signatory happens at NOW too.
    t = await startTestServer({ feeds: ['southend'], clock: () => NOW, env: { SIGNIN_RATE_LIMIT: '1000' } });
    await makeUser(t, 'editor@southend.example', 'editor', 'southend');
    const db = t.server.database.db;
    for (const name of NAMES) await editSignatory(db, 'southend', ID, { languages: ['en'], name, published: true }, EDITOR, () => NOW);
    await withdrawSignatory(db, 'southend', ID, EDITOR, () => NOW);
  });
  after(() => t.stop());

  const expected = [
    { before: null, after: 'Thorpe Bay Befriending Service' },
    { before: 'Thorpe Bay Befriending Service', after: NAMES[0] },
    ...NAMES.slice(1).map((name, i) => ({ before: NAMES[i], after: name })),
    { before: NAMES.at(-1), after: NAMES.at(-1) },
  ];

  it('reads every entry of one instant back in the order written, from the data layer', async () => {
    const history = await signatoryHistory(t.server.database.db, 'southend', ID);
    assert.ok(history.every((h) => h.at === NOW.toISOString()), 'all in one instant');
    assert.deepEqual(
      history.map((h) => ({ before: h.before && JSON.parse(h.before).data.name, after: JSON.parse(h.after).data.name })),
      expected,
    );
    assert.deepEqual(history.map((h) => JSON.parse(h.after).status).slice(-2), ['active', 'withdrawn']);
    const seqs = history.map((h) => Number(h.seq));
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'numbered in the order written');
    assert.equal(new Set(seqs).size, seqs.length);
  });

  it('shows them in that order on the signatory’s page in the admin', async () => {
    const editor = new AdminClient(t.url);
    await editor.signIn('editor@southend.example');
    const page = await editor.get(`/admin/signatories/southend/${ID}`);
    assert.equal(page.status, 200);
    const rows = historyTable(page.text);
    assert.deepEqual(
      rows.map((r) => ({ before: r.before && r.before.data.name, after: r.after.data.name })),
      expected,
    );
    assert.deepEqual([rows.at(-1)!.before.status, rows.at(-1)!.after.status], ['active', 'withdrawn']);
  });
});
