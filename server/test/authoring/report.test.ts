/**
 * The annual review: joined and left in the period (the period's days in the compact's zone), actions
 * by status with their latest update, overdue as the widgets count it, and every consultation of the
 * period against the standard, per consulting body.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, sampleFeed, type TestServer } from '../helpers/server.js';
import { importFeed } from '../../src/domain/compacts.js';
import { SYSTEM } from '../../src/domain/audit.js';
import { withdrawSignatory } from '../../src/domain/moderation.js';
import { annualReport, readPeriod, PeriodError } from '../../src/domain/authoring/report.js';
import { editor, textOf, type AdminClient } from './helpers.js';

const NOW = new Date('2026-12-01T10:00:00Z');
const PERIOD = { from: '2026-04-01', to: '2027-03-31' };

describe('the annual review report', () => {
  let t: TestServer;
  let client: AdminClient;
  before(async () => {
    t = await startTestServer({ feeds: ['southend'], clock: () => NOW, env: { SIGNIN_RATE_LIMIT: '100000' } });
    const db = t.server.database.db;
    // One consultation shorter than 12 weeks with no reason, by a body that has not signed.
    const feed = JSON.parse(sampleFeed('southend'));
    feed.consultations.push({ id: 'parking-charges', title: 'Parking charges', owner: 'Southend Business Partnership', opens: '2026-10-01', closes: '2026-10-31' });
    assert.equal((await importFeed(db, JSON.stringify(feed), { replace: true, clock: () => NOW, actor: SYSTEM })).ok, true);
    const who = { id: 'test', label: 'test' };
    // 23:30 on 31 March UTC is 00:30 on 1 April in London (BST): inside the period.
    await withdrawSignatory(db, 'southend', 'essex-police', who, () => new Date('2026-03-31T23:30:00Z'));
    // 22:30 on 31 March UTC is 23:30 on 31 March in London: before it.
    await withdrawSignatory(db, 'southend', 'essex-county-fire-rescue', who, () => new Date('2026-03-31T22:30:00Z'));
    await withdrawSignatory(db, 'southend', 'GB-CHC-1201774', who, () => new Date('2026-11-15T12:00:00Z'));
    client = await editor(t, 'editor@southend.example', 'southend');
  });
  after(() => t.stop());

  it('works out the period from the query, or the twelve months to today', () => {
    assert.deepEqual(readPeriod({}, '2026-12-01'), { from: '2025-12-02', to: '2026-12-01' });
    assert.deepEqual(readPeriod(PERIOD, '2026-12-01'), PERIOD);
    assert.throws(() => readPeriod({ from: '2026-02-30', to: '2026-03-01' }, '2026-12-01'), PeriodError);
    assert.throws(() => readPeriod({ from: '2026-04-01', to: '2026-03-01' }, '2026-12-01'), (e: unknown) => e instanceof PeriodError && e.field === 'to');
  });

  it('lists who joined and who left, by the days of the compact’s zone', async () => {
    const report = (await annualReport(t.server.database.db, 'southend', PERIOD, { publicUrl: t.url }, NOW))!;
    assert.deepEqual(
      report.left.map((l) => [l.id, l.on]),
      [
        ['essex-police', '2026-04-01'],
        ['GB-CHC-1201774', '2026-11-15'],
      ],
    );
    assert.deepEqual(
      report.joined.map((j) => [j.id, j.signed, j.left]),
      [['GB-CHC-1201774', '2026-10-22', true]],
    );
  });

  it('counts overdue actions as the widgets do, and groups actions by status with their latest update', async () => {
    const report = (await annualReport(t.server.database.db, 'southend', PERIOD, { publicUrl: t.url }, NOW))!;
    assert.equal(report.today, '2026-12-01');
    assert.deepEqual(report.overdue.map((a) => a.id).sort(), ['codes-consultation', 'mediators', 'publish-review-2026']);
    const complete = report.byStatus.find((g) => g.status === 'complete')!;
    assert.deepEqual(complete.actions.map((a) => a.id), ['codes-funding', 'annual-review-2026']);
    const funding = complete.actions[0];
    assert.equal(funding.latest?.date, '2026-03-05');
    assert.equal(funding.latest?.inPeriod, false);
    assert.deepEqual(
      funding.leads.map((l) => l.text),
      ['Southend-on-Sea City Council', 'SAVS (Southend Association of Voluntary Services)'],
    );
    assert.equal(report.byStatus.reduce((n, g) => n + g.actions.length, 0), 11);
  });

  it('checks every consultation of the period against the standard, per consulting body', async () => {
    const report = (await annualReport(t.server.database.db, 'southend', PERIOD, { publicUrl: t.url }, NOW))!;
    const bodies = Object.fromEntries(report.bodies.map((b) => [b.name.text, { met: b.met, items: b.consultations.map((c) => [c.id, c.outcome, c.length]) }]));
    assert.deepEqual(bodies, {
      'NHS Mid and South Essex Integrated Care Board': { met: 1, items: [['winter-urgent-care-shoeburyness', 'reason', '4 weeks']] },
      'Southend Business Partnership': { met: 0, items: [['parking-charges', 'short', '4 weeks and 2 days']] },
      'Southend-on-Sea City Council': {
        met: 3,
        items: [
          ['library-service-review', 'met', '12 weeks'],
          ['community-grants-2027-2030', 'met', '12 weeks'],
          ['community-safety-plan-2027', 'met', '12 weeks'],
        ],
      },
    });
    // A shorter period leaves out what was not open in it.
    const autumn = (await annualReport(t.server.database.db, 'southend', { from: '2026-12-01', to: '2026-12-31' }, { publicUrl: t.url }, NOW))!;
    assert.deepEqual(autumn.bodies.flatMap((b) => b.consultations.map((c) => c.id)), ['winter-urgent-care-shoeburyness']);
  });

  it('serves the report page with its print stylesheet, and refuses a bad period with a field error', async () => {
    const page = await client.get(`/admin/compacts/southend/report?from=${PERIOD.from}&to=${PERIOD.to}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<link rel="stylesheet" href="\/admin\/authoring\/report.css">/);
    const text = textOf(page.text);
    assert.match(text, /Annual review A Compact for Southend-on-Sea: 1 April 2026 to 31 March 2027/);
    assert.match(text, /Parking charges 1 October 2026 to 31 October 2026 4 weeks and 2 days Not met : shorter, and no reason given/);
    assert.match(text, /Overdue actions \(3\)/);
    const css = await client.get('/admin/authoring/report.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(css.text, /@page \{\s*size: A4;/);
    const bad = await client.get('/admin/compacts/southend/report?from=2026-02-30&to=2026-03-01');
    assert.equal(bad.status, 422);
    assert.match(bad.text, /href="#from"/);
    assert.match(bad.text, /The start of the period must be a real date/);
  });
});
