import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  endOfDayInZone,
  isIsoDate,
  isIsoDateTime,
  isValidTimeZone,
  parseDateTime,
  startOfDayInZone,
  todayInZone,
  zonedDateTimeToInstant,
  zonedParts,
} from '../../../src/feed/time.js';

const at = (iso: string) => Date.parse(iso);
const LONDON = 'Europe/London';

describe('isIsoDate', () => {
  it('accepts real calendar dates written YYYY-MM-DD', () => {
    for (const d of ['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '2026-04-30', '1999-09-09', '0001-01-01']) {
      expect(isIsoDate(d), d).to.equal(true);
    }
  });

  it('refuses impossible dates and other shapes', () => {
    for (const d of [
      '2026-02-30', '2026-02-29', '1900-02-29', '2100-02-29', '2026-04-31', '2026-06-31', '2026-13-01',
      '2026-00-01', '2026-01-00', '2026-01-32', '2026-1-01', '2026-01-1', '26-01-01', '+02026-01-01',
      '2026/01/01', '01-01-2026', '2026-01-01T00:00:00Z', ' 2026-01-01', '2026-01-01\n', '', '２０２６-01-01',
    ]) {
      expect(isIsoDate(d), JSON.stringify(d)).to.equal(false);
    }
    for (const v of [20260101, null, undefined, {}, new Date()]) expect(isIsoDate(v)).to.equal(false);
  });
});

describe('isIsoDateTime', () => {
  it('accepts RFC 3339 with Z or ±hh:mm, fractions, lower-case t and z', () => {
    for (const s of [
      '2027-01-12T23:59:00+00:00', '2027-01-12T23:59:00Z', '2027-01-12T23:59:00-00:00', '2027-01-12T23:59:00.5Z',
      '2027-01-12T23:59:00.123456789+01:00', '2027-01-12T00:00:00-05:30', '2027-01-12t23:59:00z', '2024-02-29T12:00:00+13:45',
    ]) {
      expect(isIsoDateTime(s), s).to.equal(true);
    }
  });

  it('refuses a date-time without an offset, and other mistakes', () => {
    for (const s of [
      '2027-01-12T23:59:00', '2027-01-12T23:59:00.000', '2027-01-12 23:59:00Z', '2027-01-12T23:59Z', '2027-01-12T24:00:00Z',
      '2027-01-12T23:60:00Z', '2027-01-12T23:59:60Z', '2027-02-29T12:00:00Z', '2027-01-12T23:59:00+0100', '2027-01-12T23:59:00+01',
      '2027-01-12T23:59:00+24:00', '2027-01-12T23:59:00+01:60', '2027-01-12T23:59:00.Z', '2027-01-12', 'Tue, 12 Jan 2027 23:59:00 GMT', '',
    ]) {
      expect(isIsoDateTime(s), s).to.equal(false);
    }
    expect(isIsoDateTime(Date.now())).to.equal(false);
  });
});

describe('parseDateTime', () => {
  it('gives the instant, honouring the offset', () => {
    expect(parseDateTime('2027-01-12T23:59:00Z')).to.equal(at('2027-01-12T23:59:00Z'));
    expect(parseDateTime('2027-01-12T23:59:00+00:00')).to.equal(at('2027-01-12T23:59:00Z'));
    expect(parseDateTime('2026-07-01T09:00:00+01:00')).to.equal(at('2026-07-01T08:00:00Z'));
    expect(parseDateTime('2026-07-01T09:00:00-05:30')).to.equal(at('2026-07-01T14:30:00Z'));
    expect(parseDateTime('2026-07-01T09:00:00.250Z')).to.equal(at('2026-07-01T09:00:00.250Z'));
    expect(parseDateTime('2026-07-01T09:00:00.2509Z')).to.equal(at('2026-07-01T09:00:00.250Z'));
    expect(parseDateTime('2026-07-01t09:00:00z')).to.equal(at('2026-07-01T09:00:00Z'));
    expect(parseDateTime('2027-01-01T00:30:00+01:00')).to.equal(at('2026-12-31T23:30:00Z'));
  });

  it('reads years below 100 as themselves (not 19xx)', () => {
    expect(new Date(parseDateTime('0050-06-01T00:00:00Z')!).getUTCFullYear()).to.equal(50);
  });

  it('agrees with Date.parse on random valid date-times', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (date, offset) => {
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const s = date.toISOString().replace('Z', off);
          expect(parseDateTime(s)).to.equal(Date.parse(s));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is null for anything else', () => {
    for (const v of ['2027-01-12T23:59:00', '2027-01-12', 'now', '', null, 5, undefined]) {
      expect(parseDateTime(v)).to.equal(null);
    }
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones', () => {
    for (const tz of ['Europe/London', 'Europe/Dublin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC', 'Etc/GMT+1']) {
      expect(isValidTimeZone(tz), tz).to.equal(true);
    }
  });

  it('refuses unknown names, offsets and non-strings', () => {
    for (const tz of ['Europe/Londres', 'Mars/Base', 'London', '+01:00', '-05:00', '', ' Europe/London', 5, null, undefined, {}]) {
      expect(isValidTimeZone(tz), String(tz)).to.equal(false);
    }
  });
});

describe('zonedParts', () => {
  it('reads the wall clock in GMT and BST', () => {
    expect(zonedParts(at('2026-01-15T12:34:56Z'), LONDON)).to.deep.equal({
      year: 2026, month: 1, day: 15, hour: 12, minute: 34, second: 56, weekday: 4,
    });
    expect(zonedParts(at('2026-07-01T23:30:00Z'), LONDON)).to.deep.equal({
      year: 2026, month: 7, day: 2, hour: 0, minute: 30, second: 0, weekday: 4,
    });
  });

  it('gives weekday 0 for Sunday and hour 0 (not 24) at midnight', () => {
    const p = zonedParts(at('2026-03-29T00:00:00Z'), LONDON);
    expect(p.weekday).to.equal(0);
    expect(p.hour).to.equal(0);
  });

  it('works in other zones', () => {
    expect(zonedParts(at('2026-01-01T00:00:00Z'), 'Asia/Kolkata')).to.include({ day: 1, hour: 5, minute: 30 });
    expect(zonedParts(at('2026-01-01T00:00:00Z'), 'America/New_York')).to.include({ year: 2025, month: 12, day: 31, hour: 19, weekday: 3 });
    expect(zonedParts(at('2026-01-01T00:00:00Z'), 'Pacific/Chatham')).to.include({ hour: 13, minute: 45 });
  });

  it('reads early years correctly', () => {
    expect(zonedParts(at('0050-06-01T12:00:00Z'), 'UTC')).to.include({ year: 50, month: 6, day: 1 });
  });

  it('throws a RangeError for an invalid zone', () => {
    expect(() => zonedParts(0, 'Mars/Base')).to.throw(RangeError);
  });
});

describe('zonedDateTimeToInstant', () => {
  it('reads London winter (GMT) and summer (BST) times', () => {
    expect(zonedDateTimeToInstant(2026, 1, 15, 9, 0, 0, LONDON)).to.equal(at('2026-01-15T09:00:00Z'));
    expect(zonedDateTimeToInstant(2026, 7, 15, 9, 0, 0, LONDON)).to.equal(at('2026-07-15T08:00:00Z'));
  });

  it('clocks go forward in London, 2026-03-29 01:00 GMT → 02:00 BST', () => {
    expect(zonedDateTimeToInstant(2026, 3, 29, 0, 59, 59, LONDON)).to.equal(at('2026-03-29T00:59:59Z'));
    // 01:00–01:59 does not exist that day: moved forward by the gap (Temporal's "compatible").
    expect(zonedDateTimeToInstant(2026, 3, 29, 1, 0, 0, LONDON)).to.equal(at('2026-03-29T01:00:00Z'));
    expect(zonedDateTimeToInstant(2026, 3, 29, 1, 30, 0, LONDON)).to.equal(at('2026-03-29T01:30:00Z'));
    expect(zonedDateTimeToInstant(2026, 3, 29, 2, 0, 0, LONDON)).to.equal(at('2026-03-29T01:00:00Z'));
    expect(zonedDateTimeToInstant(2026, 3, 29, 2, 30, 0, LONDON)).to.equal(at('2026-03-29T01:30:00Z'));
    expect(zonedDateTimeToInstant(2026, 3, 29, 23, 59, 59, LONDON)).to.equal(at('2026-03-29T22:59:59Z'));
    expect(zonedDateTimeToInstant(2026, 3, 28, 23, 59, 59, LONDON)).to.equal(at('2026-03-28T23:59:59Z'));
  });

  it('clocks go back in London, 2026-10-25 02:00 BST → 01:00 GMT', () => {
    expect(zonedDateTimeToInstant(2026, 10, 25, 0, 30, 0, LONDON)).to.equal(at('2026-10-24T23:30:00Z'));
    // 01:00–01:59 happens twice: the earlier (BST) one.
    expect(zonedDateTimeToInstant(2026, 10, 25, 1, 0, 0, LONDON)).to.equal(at('2026-10-25T00:00:00Z'));
    expect(zonedDateTimeToInstant(2026, 10, 25, 1, 30, 0, LONDON)).to.equal(at('2026-10-25T00:30:00Z'));
    expect(zonedDateTimeToInstant(2026, 10, 25, 1, 59, 59, LONDON)).to.equal(at('2026-10-25T00:59:59Z'));
    expect(zonedDateTimeToInstant(2026, 10, 25, 2, 0, 0, LONDON)).to.equal(at('2026-10-25T02:00:00Z'));
    expect(zonedDateTimeToInstant(2026, 10, 25, 23, 59, 59, LONDON)).to.equal(at('2026-10-25T23:59:59Z'));
  });

  it('handles other zones and hemispheres', () => {
    // New York: forward 2026-03-08 02:00, back 2026-11-01 02:00.
    expect(zonedDateTimeToInstant(2026, 3, 8, 2, 30, 0, 'America/New_York')).to.equal(at('2026-03-08T07:30:00Z'));
    expect(zonedDateTimeToInstant(2026, 11, 1, 1, 30, 0, 'America/New_York')).to.equal(at('2026-11-01T05:30:00Z'));
    // Sydney: back 2026-04-05 03:00 → 02:00, forward 2026-10-04 02:00 → 03:00.
    expect(zonedDateTimeToInstant(2026, 4, 5, 2, 30, 0, 'Australia/Sydney')).to.equal(at('2026-04-04T15:30:00Z'));
    expect(zonedDateTimeToInstant(2026, 10, 4, 2, 30, 0, 'Australia/Sydney')).to.equal(at('2026-10-03T16:30:00Z'));
    expect(zonedDateTimeToInstant(2026, 1, 1, 0, 0, 0, 'Asia/Kolkata')).to.equal(at('2025-12-31T18:30:00Z'));
    expect(zonedDateTimeToInstant(2026, 1, 1, 0, 0, 0, 'Pacific/Chatham')).to.equal(at('2025-12-31T10:15:00Z'));
    expect(zonedDateTimeToInstant(2026, 6, 1, 12, 0, 0, 'UTC')).to.equal(at('2026-06-01T12:00:00Z'));
  });

  it('round-trips every London wall time (earlier instant in the repeated hour)', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('1990-01-01T00:00:00Z') / 1000, max: at('2040-01-01T00:00:00Z') / 1000 }), (sec) => {
        const t = sec * 1000;
        const p = zonedParts(t, LONDON);
        const back = zonedDateTimeToInstant(p.year, p.month, p.day, p.hour, p.minute, p.second, LONDON);
        expect([t, t - 3_600_000]).to.include(back);
        if (back !== t) expect(zonedParts(t - 3_600_000, LONDON)).to.deep.equal(p);
      }),
      { numRuns: 500 },
    );
  });
});

describe('startOfDayInZone / endOfDayInZone', () => {
  it('an ordinary day in GMT and in BST', () => {
    expect(startOfDayInZone('2026-01-15', LONDON)).to.equal(at('2026-01-15T00:00:00Z'));
    expect(endOfDayInZone('2026-01-15', LONDON)).to.equal(at('2026-01-15T23:59:59Z'));
    expect(startOfDayInZone('2026-07-01', LONDON)).to.equal(at('2026-06-30T23:00:00Z'));
    expect(endOfDayInZone('2026-07-01', LONDON)).to.equal(at('2026-07-01T22:59:59Z'));
  });

  it('the 23-hour day (clocks forward) and the 25-hour day (clocks back)', () => {
    expect(startOfDayInZone('2026-03-29', LONDON)).to.equal(at('2026-03-29T00:00:00Z'));
    expect(endOfDayInZone('2026-03-29', LONDON)).to.equal(at('2026-03-29T22:59:59Z'));
    expect(startOfDayInZone('2026-10-25', LONDON)).to.equal(at('2026-10-24T23:00:00Z'));
    expect(endOfDayInZone('2026-10-25', LONDON)).to.equal(at('2026-10-25T23:59:59Z'));
    expect(endOfDayInZone('2026-10-25', LONDON) - startOfDayInZone('2026-10-25', LONDON)).to.equal(25 * 3600_000 - 1000);
    expect(endOfDayInZone('2026-03-29', LONDON) - startOfDayInZone('2026-03-29', LONDON)).to.equal(23 * 3600_000 - 1000);
  });

  it('a date-only close is 23:59:59 local time', () => {
    const close = endOfDayInZone('2026-06-14', LONDON);
    expect(zonedParts(close, LONDON)).to.include({ year: 2026, month: 6, day: 14, hour: 23, minute: 59, second: 59 });
    expect(zonedParts(close + 1000, LONDON)).to.include({ day: 15, hour: 0, minute: 0, second: 0 });
  });

  it('where midnight does not exist the day starts at the first instant after it', () => {
    // Chile moves its clocks from 00:00 to 01:00 on 2026-09-06.
    const start = startOfDayInZone('2026-09-06', 'America/Santiago');
    expect(zonedParts(start, 'America/Santiago')).to.include({ day: 6, hour: 1, minute: 0 });
    expect(zonedParts(start - 1000, 'America/Santiago')).to.include({ day: 5, hour: 23, minute: 59, second: 59 });
  });

  it('other zones', () => {
    expect(startOfDayInZone('2026-07-01', 'America/New_York')).to.equal(at('2026-07-01T04:00:00Z'));
    expect(endOfDayInZone('2026-07-01', 'Australia/Sydney')).to.equal(at('2026-07-01T13:59:59Z'));
    expect(startOfDayInZone('2026-07-01', 'UTC')).to.equal(at('2026-07-01T00:00:00Z'));
  });

  it('NaN for an invalid date', () => {
    expect(startOfDayInZone('2026-02-30', LONDON)).to.be.NaN;
    expect(endOfDayInZone('yesterday', LONDON)).to.be.NaN;
  });
});

describe('todayInZone', () => {
  it('the local calendar date at an instant', () => {
    const t = at('2026-07-01T23:30:00Z');
    expect(todayInZone(t, LONDON)).to.equal('2026-07-02');
    expect(todayInZone(t, 'UTC')).to.equal('2026-07-01');
    expect(todayInZone(t, 'America/Los_Angeles')).to.equal('2026-07-01');
    expect(todayInZone(at('2026-01-01T23:30:00Z'), LONDON)).to.equal('2026-01-01');
    expect(todayInZone(at('2026-01-01T12:00:00Z'), 'Pacific/Kiritimati')).to.equal('2026-01-02');
    expect(todayInZone(at('0050-06-01T12:00:00Z'), 'UTC')).to.equal('0050-06-01');
  });

  it('agrees with startOfDayInZone and endOfDayInZone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z') }),
        fc.constantFrom(LONDON, 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'),
        (t, tz) => {
          const day = todayInZone(t, tz);
          expect(startOfDayInZone(day, tz)).to.be.at.most(t);
          expect(endOfDayInZone(day, tz) + 1000).to.be.greaterThan(t);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('time zone arithmetic on a page that has added to Object.prototype', () => {
  it('reads the same clock whatever the page has put there (Intl reads inherited options)', () => {
    // A zone no other test has used, so its formatter is made here, with the page's additions in place.
    const zone = 'Asia/Kathmandu';
    const instant = at('2026-12-01T10:00:00Z');
    const proto = Object.prototype as Record<string, unknown>;
    Object.assign(proto, { hour12: true, calendar: 'islamic', numberingSystem: 'arab', era: 'long' });
    let polluted: unknown;
    try {
      polluted = [zonedParts(instant, zone), startOfDayInZone('2026-12-01', zone), todayInZone(instant, zone)];
    } finally {
      for (const key of ['hour12', 'calendar', 'numberingSystem', 'era']) delete proto[key];
    }
    // Kathmandu is 5 hours 45 minutes ahead of UTC.
    expect(JSON.stringify(polluted)).to.equal(
      JSON.stringify([zonedParts(instant, zone), startOfDayInZone('2026-12-01', zone), todayInZone(instant, zone)]),
    );
    expect((polluted as unknown[])[2]).to.equal('2026-12-01');
    expect((polluted as [{ hour: number; minute: number }])[0]).to.include({ hour: 15, minute: 45 });
  });
});
