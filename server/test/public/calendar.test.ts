import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { endOfDayInZone, parseDateTime, zonedDateTimeToInstant } from 'compact-widgets/feed';
import { vtimezone } from '../../src/domain/outputs/vtimezone.js';
import type { TestServer } from '../helpers/server.js';
import { get, reimportSouthend, startPublicServer } from './helpers.js';

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // The zones come from the file itself, never from ical.js's own data.
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  return { calendar, events };
}

describe('GET /feeds/{id}/consultations.ics', () => {
  let t: TestServer;
  before(async () => {
    t = await startPublicServer();
    // A summer closing Date: 23:59:59 in London is 22:59:59 UTC, which a UTC-only reading gets wrong.
    await reimportSouthend(t, (feed) => {
      feed.consultations.push({ id: 'summer-date', title: 'Summer play schemes', opens: '2027-04-05', closes: '2027-06-30', owner: 'A plain name' });
    });
  });
  after(() => t.stop());

  it('parses back with ical.js: one event per consultation at its closing instant, in the compact’s zone', async () => {
    const { status, headers, text } = await get(`${t.url}/feeds/southend/consultations.ics`);
    assert.equal(status, 200);
    assert.equal(headers.get('content-type'), 'text/calendar; charset=utf-8');
    const { calendar, events } = parse(text);
    assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'A Compact for Southend-on-Sea: consultations');
    assert.equal(events.length, 5);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const host = new URL(t.url).host;

    const library = byUid.get(`consultation-library-service-review.southend@${host}`)!;
    assert.ok(library, 'the UID is the consultation, the compact and this server');
    assert.equal(library.startDate.zone?.tzid, 'Europe/London');
    assert.equal(library.startDate.toJSDate().getTime(), parseDateTime('2026-07-06T17:00:00+01:00'));
    assert.equal(library.summary, 'Consultation closes: Library service review');

    const winter = byUid.get(`consultation-winter-urgent-care-shoeburyness.southend@${host}`)!;
    assert.equal(winter.startDate.toJSDate().getTime(), endOfDayInZone('2026-12-07', 'Europe/London'));
    assert.match(winter.description, /Shorter than the compact’s 12 weeks because: The changes must be in place/);
    assert.match(winter.description, /11:59pm on Monday 7 December 2026/);

    const summer = byUid.get(`consultation-summer-date.southend@${host}`)!;
    assert.equal(summer.startDate.toJSDate().toISOString(), '2027-06-30T22:59:59.000Z');
    assert.equal(summer.startDate.hour, 23, 'written as 23:59:59 London time');
    assert.match(summer.description, /Consulting: A plain name\./);

    const grants = byUid.get(`consultation-community-grants-2027-2030.southend@${host}`)!;
    assert.equal(grants.component.getFirstPropertyValue('url'), 'https://example.org/southend/consultations/community-grants-2027-2030');
    assert.match(grants.description, /Respond: https:\/\/example\.org\//);
  });

  it('reminds a week and a day before, as display alarms, and takes no time in a diary', async () => {
    const { events } = parse((await get(`${t.url}/feeds/southend/consultations.ics`)).text);
    for (const event of events) {
      const alarms = event.component.getAllSubcomponents('valarm');
      assert.deepEqual(alarms.map((a) => a.getFirstPropertyValue('action')), ['DISPLAY', 'DISPLAY']);
      assert.deepEqual(alarms.map((a) => String(a.getFirstPropertyValue('trigger'))), ['-P7D', '-P1D']);
      assert.ok(alarms.every((a) => String(a.getFirstPropertyValue('description')).length > 0));
      assert.equal(event.component.getFirstPropertyValue('transp'), 'TRANSPARENT');
    }
  });

  it('keeps each UID when a consultation is edited, and the file changes its ETag', async () => {
    const first = await get(`${t.url}/feeds/southend/consultations.ics`);
    await reimportSouthend(t, (feed) => {
      feed.consultations.find((c: { id: string }) => c.id === 'community-safety-plan-2027').closes = '2027-04-12';
    });
    const second = await get(`${t.url}/feeds/southend/consultations.ics`);
    assert.notEqual(second.headers.get('etag'), first.headers.get('etag'));
    const before = parse(first.text).events.find((e) => e.uid.startsWith('consultation-community-safety-plan-2027.'))!;
    const after = parse(second.text).events.find((e) => e.uid === before.uid)!;
    assert.ok(after, 'the same UID after the edit');
    assert.equal(after.startDate.toJSDate().getTime(), endOfDayInZone('2027-04-12', 'Europe/London'));
    assert.equal(parse(second.text).events.length, 4, 'the summer consultation went with the re-import; no duplicate');
  });

  it('is the same bytes until the feed changes (DTSTAMP is the feed’s time), with CORS and caching like the feed', async () => {
    const a = await get(`${t.url}/feeds/southend/consultations.ics`);
    const b = await get(`${t.url}/feeds/southend/consultations.ics`);
    assert.equal(a.text, b.text);
    assert.equal(a.headers.get('access-control-allow-origin'), '*');
    assert.equal(a.headers.get('cache-control'), 'public, max-age=60');
    const etag = a.headers.get('etag')!;
    assert.match(etag, /^"[\w-]+"$/);
    assert.equal((await get(`${t.url}/feeds/southend/consultations.ics`, { 'if-none-match': etag })).status, 304);
    assert.equal((await get(`${t.url}/feeds/southend/consultations.ics`, { 'if-modified-since': a.headers.get('last-modified')! })).status, 304);
    assert.equal((await get(`${t.url}/feeds/southend/consultations.ics`, { 'if-none-match': '"other"' })).status, 200);
    assert.match(a.text, /DTSTAMP:\d{8}T\d{6}Z\r\n/, 'DTSTAMP in UTC, as RFC 5545 requires');
  });

  it('speaks the compact’s default language and answers 404 for an unknown compact', async () => {
    const { text } = await get(`${t.url}/feeds/ceredigion/consultations.ics`);
    const { events } = parse(text);
    assert.ok(events.some((e) => e.summary === 'Consultation closes: Draft budget 2027–28: grants to voluntary organisations'));
    assert.equal((await get(`${t.url}/feeds/nowhere/consultations.ics`)).status, 404);
  });
});

describe('vtimezone()', () => {
  // Wall times that ical.js reads with our VTIMEZONE must be the instants Intl says they are.
  for (const zone of ['Europe/London', 'Australia/Sydney', 'America/St_Johns', 'UTC']) {
    it(`${zone}: every local time maps to the right instant, across the year`, () => {
      const block = vtimezone(zone, 2026, 2027);
      const calendar = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n${block}\r\nEND:VCALENDAR`));
      const timezone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 15]) {
          const instant = zonedDateTimeToInstant(2026, month, day, 12, 30, 0, zone);
          const time = new ICAL.Time({ year: 2026, month, day, hour: 12, minute: 30, second: 0, isDate: false }, timezone);
          assert.equal(time.toUnixTime() * 1000, instant, `${zone} 2026-${month}-${day} 12:30`);
        }
      }
      if (zone !== 'Europe/London') return;
      // Either side of the hour the clocks change.
      for (const [month, day, hour, minute] of [[3, 29, 0, 30], [3, 29, 2, 30], [10, 25, 0, 30], [10, 25, 2, 30]] as const) {
        const time = new ICAL.Time({ year: 2026, month, day, hour, minute, second: 0, isDate: false }, timezone);
        assert.equal(time.toUnixTime() * 1000, zonedDateTimeToInstant(2026, month, day, hour, minute, 0, zone), `${month}-${day} ${hour}:${minute}`);
      }
    });
  }
});
