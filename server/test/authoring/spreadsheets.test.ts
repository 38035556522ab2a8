/**
 * The spreadsheet round trip: CSV and .xlsx downloads safe against formula injection; an upload is
 * previewed (added, changed, removed, every problem with its row and column) and nothing is applied
 * until it has no problem and the editor confirms; the pending upload belongs to its session and to
 * the revision it was previewed against; removed signatories are withdrawn with their history.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { checkFeed } from 'compact-widgets/feed';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { editSignatory } from '../../src/domain/moderation.js';
import { findCompact } from '../../src/db/compacts.js';
import { findSignatory, signatoryHistory } from '../../src/db/signatory-edits.js';
import { readAudit } from '../../src/domain/audit.js';
import { parseMultipart, MultipartError } from '../../src/http/routes/admin/authoring/multipart.js';
import { readUpload, SheetError, unpackedSize } from '../../src/domain/authoring/sheets.js';
import { editor, editForm, feedOf, postForm, textOf, upload, type AdminClient } from './helpers.js';
import { pagePatterns } from '../admin/helpers.js';

const NOW = new Date('2026-12-01T10:00:00Z');

async function download(client: AdminClient, path: string): Promise<{ status: number; type: string; body: Buffer; disposition: string }> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(new URL(path, (client as any).base), { headers: { cookie } });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()), disposition: response.headers.get('content-disposition') ?? '' };
}

const csvRows = (bytes: Buffer) => parse(bytes, { bom: true }) as string[][];
const toCsvText = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

describe('the spreadsheet round trip', () => {
  let t: TestServer;
  let client: AdminClient;
  before(async () => {
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], clock: () => NOW, env: { SIGNIN_RATE_LIMIT: '100000' } });
    client = await editor(t, 'editor@southend.example', 'southend');
    await client.get('/admin/compacts/southend');
  });
  after(() => t.stop());

  it('downloads CSV and .xlsx with cells that would be formulas prefixed with an apostrophe', async () => {
    await editSignatory(t.server.database.db, 'southend', 'GB-NHS-QH8', { languages: ['en'], name: '=HYPERLINK("https://evil.example","Click")', published: true }, { id: 'test', label: 'test' }, () => NOW);
    const csv = await download(client, '/admin/compacts/southend/signatories.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.type, /^text\/csv; charset=utf-8/);
    assert.match(csv.disposition, /attachment; filename="southend-signatories-2026-12-01\.csv"/);
    assert.equal(csv.body.subarray(0, 3).toString('hex'), 'efbbbf', 'a BOM so that Excel reads UTF-8');
    const rows = csvRows(csv.body);
    assert.deepEqual(rows[0], ['id', 'name', 'sector', 'type', 'signed', 'url']);
    const risky = rows.find((r) => r[0] === 'GB-NHS-QH8')!;
    assert.equal(risky[1], `'=HYPERLINK("https://evil.example","Click")`);
    for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `cell ${cell}`);

    const xlsx = await download(client, '/admin/compacts/southend/signatories.xlsx');
    assert.equal(xlsx.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as any);
    const sheet = workbook.worksheets[0];
    let found = false;
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        assert.equal(typeof cell.value === 'object' && cell.value !== null && 'formula' in cell.value, false, 'no formula cells');
        if (String(cell.value).includes('HYPERLINK')) {
          assert.equal(cell.value, `'=HYPERLINK("https://evil.example","Click")`);
          found = true;
        }
      });
    });
    assert.ok(found);
  });

  it('uploads the downloaded files unchanged as "changes nothing" (the apostrophes come off again)', async () => {
    for (const [file, sheet] of [
      ['signatories.csv', 'signatories'],
      ['signatories.xlsx', 'signatories'],
      ['action-plan.csv', 'action-plan'],
      ['action-plan.xlsx', 'action-plan'],
    ]) {
      const bytes = (await download(client, `/admin/compacts/southend/${file}`)).body;
      const answer = await upload(client, 'southend', sheet, file, bytes);
      assert.equal(answer.status, 303, `${file}: ${textOf(answer.text).slice(0, 300)}`);
      const preview = await client.get(answer.location!);
      assert.equal(preview.status, 200);
      const text = textOf(preview.text);
      assert.match(text, /The sheet changes nothing/, `${file}: ${text.slice(0, 800)}`);
      assert.match(text, /Added \(0\).*Changed \(0\).*Removed \(0\)/);
    }
  });

  it('shows one bad row with its row and column, applies nothing, then applies the corrected file', async () => {
    const db = t.server.database.db;
    const rows = csvRows((await download(client, '/admin/compacts/southend/signatories.csv')).body);
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    const savs = rows.findIndex((r) => r[0] === 'savs-southend');
    const removed = rows.findIndex((r) => r[0] === 'GB-NHS-RAJ');
    const edited = rows.map((r) => r.slice());
    edited[savs][col('url')] = 'https://www.savs-southend.org/';
    const bad = ['GB-CHC-1234567', 'Leigh Community Larder', 'charity', 'community-group', '2026-11-20', ''];
    const rowsWithBad = [...edited.filter((_, i) => i !== removed), bad];
    const badRowNumber = rowsWithBad.length; // the header is row 1

    const revision = (await findCompact(db, 'southend'))!.revision;
    const first = await upload(client, 'southend', 'signatories', 'signatories.csv', toCsvText(rowsWithBad));
    assert.equal(first.status, 303);
    const preview = await client.get(first.location!);
    const text = textOf(preview.text);
    assert.match(text, /The sheet has 1 problem: nothing will be changed until it is corrected/);
    assert.match(text, new RegExp(`Problems Row Column Problem ${badRowNumber} sector The sector must be “public” or “voluntary”`));
    assert.doesNotMatch(preview.text, /Apply and publish/, 'no way to apply a sheet with problems');
    assert.deepEqual(pagePatterns('preview with a problem', preview.text), [], 'a page with errors says so in its title');
    // Posting the apply form anyway changes nothing.
    const forced = await postForm(client, first.location!, { confirm: 'yes' });
    assert.equal(forced.status, 422);
    assert.match(textOf(forced.text), /Nothing has been changed: the sheet has problems/);
    assert.deepEqual(pagePatterns('apply refused', forced.text), []);
    assert.equal((await findCompact(db, 'southend'))!.revision, revision);
    assert.equal((await findSignatory(db, 'southend', 'GB-NHS-RAJ'))!.status, 'active');

    const fixed = rowsWithBad.map((r) => r.slice());
    fixed[fixed.length - 1][col('sector')] = 'voluntary';
    const second = await upload(client, 'southend', 'signatories', 'signatories-fixed.csv', toCsvText(fixed));
    const good = await client.get(second.location!);
    const goodText = textOf(good.text);
    assert.doesNotMatch(goodText, /problem/i);
    assert.match(goodText, /Added \(1\) Rows that would be added Row Name What changes \d+ Leigh Community Larder \(GB-CHC-1234567\)/);
    assert.match(goodText, /Changed \(1\).*url: \(empty\) → https:\/\/www\.savs-southend\.org\//);
    assert.match(goodText, /Removed \(1\).*Mid and South Essex NHS Foundation Trust \(GB-NHS-RAJ\) withdrawn: leaves the feed, kept with its history/);
    // Not applied without the box ticked.
    const unconfirmed = await postForm(client, second.location!, {});
    assert.equal(unconfirmed.status, 422);
    assert.match(unconfirmed.text, /href="#confirm"/);
    assert.equal((await findCompact(db, 'southend'))!.revision, revision);

    const applied = await postForm(client, second.location!, { confirm: 'yes' });
    assert.equal(applied.status, 303, textOf(applied.text).slice(0, 500));
    const feed = await feedOf(t, 'southend');
    assert.equal(checkFeed(feed).valid, true);
    const ids = feed.signatories.map((s: any) => s.id);
    assert.ok(ids.includes('GB-CHC-1234567'));
    assert.ok(!ids.includes('GB-NHS-RAJ'));
    assert.equal(feed.signatories.find((s: any) => s.id === 'savs-southend').url, 'https://www.savs-southend.org/');
    const withdrawn = (await findSignatory(db, 'southend', 'GB-NHS-RAJ'))!;
    assert.equal(withdrawn.status, 'withdrawn', 'withdrawn, not deleted');
    assert.equal(withdrawn.withdrawn_at, NOW.toISOString());
    const history = await signatoryHistory(db, 'southend', 'GB-NHS-RAJ');
    // The import and the upload both happened at the frozen NOW: read back in the order written.
    assert.deepEqual(
      history.map((h) => [h.at, h.before && JSON.parse(h.before).status, JSON.parse(h.after).status]),
      [
        [NOW.toISOString(), null, 'active'],
        [NOW.toISOString(), 'active', 'withdrawn'],
      ],
    );
    const actions = (await readAudit(db, {})).filter((e) => e.compact_id === 'southend' && e.at === NOW.toISOString()).map((e) => e.action);
    for (const a of ['signatory.add', 'signatory.edit', 'signatory.withdraw']) assert.ok(actions.includes(a), a);
    // Applied once: the pending upload is gone.
    assert.equal((await client.get(second.location!)).status, 404);
  });

  it('round-trips the action plan through Excel: a status changed, an update added, an action added', async () => {
    const bytes = (await download(client, '/admin/compacts/southend/action-plan.xlsx')).body;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as any);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const c = (name: string) => header.indexOf(name) + 1;
    let target = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(c('action_id')).value === 'codes-consultation') target = n;
    });
    sheet.getRow(target).getCell(c('status')).value = 'complete';
    sheet.getRow(target).getCell(c('progress')).value = 100;
    sheet.getRow(target).getCell(c('new_update')).value = 'Consultation code adopted.';
    // Excel turns a typed date into a date cell: it reads back as the same calendar date.
    sheet.getRow(target).getCell(c('due')).value = new Date(Date.UTC(2027, 0, 31));
    const added = sheet.addRow([]);
    added.getCell(c('aim_id')).value = 'codes';
    added.getCell(c('title')).value = 'Agree a code on volunteering';
    added.getCell(c('status')).value = 'not-started';
    added.getCell(c('lead')).value = 'GB-LAE-SOS; savs-southend';
    const changed = Buffer.from(await workbook.xlsx.writeBuffer());

    const answer = await upload(client, 'southend', 'action-plan', 'plan.xlsx', changed);
    const preview = await client.get(answer.location!);
    const text = textOf(preview.text);
    assert.match(text, /Added \(1\).*Agree a code on volunteering \(agree-a-code-on-volunteering\)/);
    assert.match(text, /status: (delayed|in-progress) → complete/);
    assert.match(text, /new update: Consultation code adopted\./);
    assert.match(text, /due: [\d-]+ → 2027-01-31/);
    assert.match(text, /Removed \(0\)/);
    const applied = await postForm(client, answer.location!, { confirm: 'yes' });
    assert.equal(applied.status, 303, textOf(applied.text).slice(0, 400));
    const feed = await feedOf(t, 'southend');
    const aim = feed.actionPlan.aims.find((a: any) => a.id === 'codes');
    const action = aim.actions.find((a: any) => a.id === 'codes-consultation');
    assert.equal(action.status, 'complete');
    assert.equal(action.due, '2027-01-31');
    assert.deepEqual(action.updates.at(-1), { date: '2026-12-01', text: 'Consultation code adopted.' });
    assert.deepEqual(aim.actions.at(-1), { id: 'agree-a-code-on-volunteering', title: 'Agree a code on volunteering', status: 'not-started', lead: ['GB-LAE-SOS', 'savs-southend'] });
    assert.ok((await readAudit(t.server.database.db, {})).some((e) => e.action === 'action-plan.upload'));
  });

  it('gives a bilingual compact a column per language, and reads each back into its language', async () => {
    const wales = await editor(t, 'editor@ceredigion.example', 'ceredigion');
    const rows = csvRows((await download(wales, '/admin/compacts/ceredigion/action-plan.csv')).body);
    const header = rows[0];
    for (const column of ['aim_title_en', 'aim_title_cy', 'title_en', 'title_cy', 'new_update_en', 'new_update_cy']) assert.ok(header.includes(column), column);
    const row = rows.findIndex((r) => r[header.indexOf('action_id')] === 'comm-1');
    const oldWelsh = rows[row][header.indexOf('title_cy')];
    rows[row][header.indexOf('title_cy')] = 'Cyhoeddi’r compact yn ddwyieithog';
    rows[row][header.indexOf('new_update_cy')] = 'Wedi’i gyhoeddi ar bob gwefan.';
    const answer = await upload(wales, 'ceredigion', 'action-plan', 'cynllun.csv', toCsvText(rows));
    const preview = textOf((await wales.get(answer.location!)).text);
    assert.ok(preview.includes(`title_cy: ${oldWelsh} → Cyhoeddi’r compact yn ddwyieithog`), preview.slice(0, 1500));
    assert.equal((await postForm(wales, answer.location!, { confirm: 'yes' })).status, 303);
    const action = (await feedOf(t, 'ceredigion')).actionPlan.aims.flatMap((a: any) => a.actions).find((a: any) => a.id === 'comm-1');
    assert.equal(action.title.cy, 'Cyhoeddi’r compact yn ddwyieithog');
    assert.ok(action.title.en, 'the English title is kept');
    assert.deepEqual(action.updates.at(-1), { date: '2026-12-01', text: { cy: 'Wedi’i gyhoeddi ar bob gwefan.' } });
  });

  it('refuses a formula in an uploaded workbook, and a file that is not a sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('x');
    sheet.addRow(['id', 'name', 'sector']);
    sheet.addRow(['a', { formula: 'CONCAT("a","b")', result: 'ab' }, 'public']);
    const answer = await upload(client, 'southend', 'signatories', 'f.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    assert.equal(answer.status, 422);
    assert.match(textOf(answer.text), /Cell B2 holds a formula: type its value instead/);
    const notZip = await upload(client, 'southend', 'signatories', 'f.xlsx', 'not a workbook');
    assert.equal(notZip.status, 422);
    assert.match(textOf(notZip.text), /not an Excel \(\.xlsx\) workbook/);
    const missing = await upload(client, 'southend', 'signatories', 'f.csv', 'name,sector\r\nA,public\r\n');
    const preview = await client.get(missing.location!);
    assert.match(textOf(preview.text), /1 id The column “id” is missing/);
  });

  it('reads control characters in cells as spaces: a NUL in an id or a name applies, and nothing stored has one (PostgreSQL refuses a NUL)', async () => {
    const db = t.server.database.db;
    const rows = csvRows((await download(client, '/admin/compacts/southend/signatories.csv')).body);
    assert.deepEqual(rows[0], ['id', 'name', 'sector', 'type', 'signed', 'url']);
    rows.push(['GB-CHC-7654321\u0000', 'Leigh\u0000Bell\u0007Ringers\u000bGuild', 'voluntary', 'charity', '2026-11-20', '']);
    const answer = await upload(client, 'southend', 'signatories', 'nul.csv', toCsvText(rows));
    assert.equal(answer.status, 303);
    const preview = await client.get(answer.location!);
    assert.doesNotMatch(preview.text, /[\u0000\u0007\u000b]/);
    assert.match(textOf(preview.text), /Added \(1\).*Leigh Bell Ringers Guild \(GB-CHC-7654321\).*Changed \(0\) Removed \(0\)/);
    const applied = await postForm(client, answer.location!, { confirm: 'yes' });
    assert.equal(applied.status, 303, textOf(applied.text).slice(0, 500));
    const row = (await findSignatory(db, 'southend', 'GB-CHC-7654321'))!;
    assert.equal(JSON.parse(row.data).name, 'Leigh Bell Ringers Guild');
    const feed = await feedOf(t, 'southend');
    assert.equal(checkFeed(feed).valid, true);
    assert.ok(feed.signatories.some((s: any) => s.id === 'GB-CHC-7654321' && s.name === 'Leigh Bell Ringers Guild'));
  });

  it('refuses a CSV file that is not UTF-8 (Excel’s plain “CSV” is Windows-1252) at the file box, rather than store “Ynys M�n”', async () => {
    const latin1 = Buffer.from('id,name,sector\r\nynys-mon,Ynys M\xf4n Voluntary Action,voluntary\r\n', 'latin1');
    const answer = await upload(client, 'southend', 'signatories', 'latin1.csv', latin1);
    assert.equal(answer.status, 422);
    assert.match(answer.text, /<a href="#file">The file is not saved as UTF-8/);
    assert.deepEqual(pagePatterns('upload refused', answer.text), []);
    // UTF-8 with or without its byte-order mark, and UTF-16 with its mark, are read as they are.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name,sector\r\nynys-mon,Ynys Môn,voluntary\r\n', 'utf16le')]);
    for (const bytes of [Buffer.from('id,name,sector\r\nynys-mon,Ynys Môn,voluntary\r\n'), Buffer.from('\uFEFFid,name,sector\r\nynys-mon,Ynys Môn,voluntary\r\n'), utf16]) {
      assert.equal((await readUpload('s.csv', bytes)).rows[0].cells.name, 'Ynys Môn');
    }
  });

  it('keeps a pending upload to its session and to the revision it was previewed against', async () => {
    const bytes = (await download(client, '/admin/compacts/southend/signatories.csv')).body;
    const rows = csvRows(bytes);
    rows[1][1] = `${rows[1][1]} (renamed)`;
    const answer = await upload(client, 'southend', 'signatories', 's.csv', toCsvText(rows));
    const other = await editor(t, 'other@southend.example', 'southend');
    assert.equal((await other.get(answer.location!)).status, 404, 'another session cannot see it');
    assert.equal((await postForm(other, answer.location!, { confirm: 'yes', _csrf: other.csrf })).status, 404);
    // Someone changes the compact between the preview and "Apply".
    await client.get(answer.location!);
    assert.equal((await editForm(other, '/admin/compacts/southend/actions/codes-funding', { progress: '97' })).status, 303);
    const stale = await client.get(answer.location!);
    assert.match(textOf(stale.text), /The compact has changed since this file was uploaded/);
    assert.doesNotMatch(stale.text, /Apply and publish/);
    const applied = await postForm(client, answer.location!, { confirm: 'yes' });
    assert.equal(applied.status, 409);
    assert.match(textOf(applied.text), /Nothing has been changed: the compact changed after this file was uploaded/);
    const feed = await feedOf(t, 'southend');
    assert.ok(!feed.signatories.some((s: any) => /renamed/.test(s.name)));
  });

  it('asks for the file and the sheet, and refuses a file over 2 MB with words, not a crash', async () => {
    const noFile = await postForm(client, '/admin/compacts/southend/upload', { sheet: 'signatories' });
    assert.equal(noFile.status, 422);
    assert.match(noFile.text, /href="#file"/);
    const big = await upload(client, 'southend', 'signatories', 'big.csv', Buffer.alloc(2 * 1024 * 1024 + 10, 'a'));
    assert.equal(big.status, 422);
    assert.match(textOf(big.text), /The file must be smaller than 2 MB/);
  });

  it('a file far over 2 MB (more than the server reads of a request) gets a page in words too, not JSON', async () => {
    const huge = await upload(client, 'southend', 'signatories', 'huge.csv', Buffer.alloc(3 * 1024 * 1024, 'a'));
    assert.equal(huge.status, 413);
    assert.match(huge.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(textOf(huge.text), /The file must be smaller than 2 MB/);
    assert.match(huge.text, /href="\/admin\/compacts\/southend\/upload"/);
    const long = await postForm(client, '/admin/compacts/southend/upload', { sheet: 'signatories', note: 'a'.repeat(100 * 1024) });
    assert.equal(long.status, 413);
    assert.match(textOf(long.text), /The form is too long Nothing has been changed/);
    // Answered before the session is read: nothing of the compact, not even its name.
    for (const page of [huge, long]) assert.doesNotMatch(textOf(page.text), /Southend/);
  });
});

describe('the multipart reader and the sheet reader', () => {
  const body = (parts: string[], boundary = 'XyZ') => Buffer.from(`${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\n`);

  it('reads fields and a file', () => {
    const parsed = parseMultipart(
      body(['Content-Disposition: form-data; name="_csrf"\r\n\r\nabc', 'Content-Disposition: form-data; name="file"; filename="C:\\Users\\me\\s.csv"\r\nContent-Type: text/csv\r\n\r\nid,name\r\n1,A']),
      'multipart/form-data; boundary=XyZ',
    );
    assert.equal(parsed._csrf, 'abc');
    assert.deepEqual(parsed.file, { fileName: 's.csv', data: Buffer.from('id,name\r\n1,A') });
  });

  it('is bounded: parts, field length, a boundary required; __proto__ finds nothing', () => {
    assert.throws(() => parseMultipart(body(Array.from({ length: 9 }, (_, i) => `Content-Disposition: form-data; name="f${i}"\r\n\r\nx`)), 'multipart/form-data; boundary=XyZ'), MultipartError);
    assert.throws(() => parseMultipart(body([`Content-Disposition: form-data; name="a"\r\n\r\n${'x'.repeat(5000)}`]), 'multipart/form-data; boundary=XyZ'), MultipartError);
    assert.throws(() => parseMultipart(body(['Content-Disposition: form-data; name="a"\r\n\r\nx']), 'multipart/form-data'), MultipartError);
    const parsed = parseMultipart(body(['Content-Disposition: form-data; name="__proto__"\r\n\r\nx']), 'multipart/form-data; boundary=XyZ');
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.equal(Object.keys(parsed).length, 0);
  });

  it('refuses a workbook that says it unpacks to more than 40 MB before unpacking it', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['id']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const size = unpackedSize(bytes)!;
    assert.ok(size > 0 && size < 100_000);
    // Claim a huge size for the first entry of the central directory.
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const directory = bytes.readUInt32LE(end + 16);
    bytes.writeUInt32LE(50 * 1024 * 1024, directory + 24);
    await assert.rejects(readUpload('x.xlsx', bytes), (e: unknown) => e instanceof SheetError && /too large once unpacked/.test((e as Error).message));
  });
});
