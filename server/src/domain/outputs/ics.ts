/**
 * `/feeds/{id}/consultations.ics`: one event per consultation at its closing time, in the compact's
 * time zone (TZID with a VTIMEZONE), with reminders a week and a day before. Derived from the
 * normalised feed only. The UID is the compact, the consultation and this server's host, so an edited
 * consultation (a new closing date) is the same event to a calendar that subscribed, never a second one.
 * Nothing in it changes unless the feed changes (DTSTAMP is the feed's `updated`), so the file has a
 * stable ETag.
 */
import ical, { ICalAlarmType, ICalEventTransparency, type ICalTZDateStub } from 'ical-generator';
import { safeHttpUrl, zonedParts } from 'compact-widgets/feed';
import { t, formatDay, formatDateTime } from '../../i18n/public-messages.js';
import { compactLocale, defaultText, partyText, type CompactFeed } from './feed-view.js';
import { vtimezone } from './vtimezone.js';

export interface OutputSettings {
  /** This server's public address (no trailing slash). */
  publicUrl: string;
}

/** The UID of a consultation's event: stable across edits of the consultation. */
export function consultationUid(compactId: string, consultationId: string, publicUrl: string): string {
  const host = new URL(publicUrl).host;
  return `consultation-${encodeURIComponent(consultationId)}.${encodeURIComponent(compactId)}@${host}`;
}

/**
 * An instant that ical-generator writes as wall-clock time in `timeZone` (its TZDate interface):
 * with a plain Date it would use the server process's own zone.
 */
class ZonedInstant extends Date implements ICalTZDateStub {
  readonly internal: Date;
  private readonly parts;
  constructor(
    instant: number,
    readonly timeZone: string,
  ) {
    super(instant);
    this.internal = new Date(instant);
    this.parts = zonedParts(instant, timeZone);
  }
  withTimeZone(timeZone?: string | null): ZonedInstant {
    return new ZonedInstant(this.getTime(), timeZone ?? this.timeZone);
  }
  tzComponents() {
    return this.parts;
  }
  override getFullYear() {
    return this.parts.year;
  }
  override getMonth() {
    return this.parts.month - 1;
  }
  override getDate() {
    return this.parts.day;
  }
  override getHours() {
    return this.parts.hour;
  }
  override getMinutes() {
    return this.parts.minute;
  }
  override getSeconds() {
    return this.parts.second;
  }
}

export function consultationsCalendar(feed: CompactFeed, settings: OutputSettings, updated: Date): string {
  const locale = compactLocale(feed);
  const zone = feed.compact.timeZone;
  const name = defaultText(feed.compact.name, feed);
  const pageUrl = `${settings.publicUrl}/${locale === 'en' ? '' : `${locale}/`}c/${encodeURIComponent(feed.compact.id)}`;
  const calendar = ical({
    name: t(locale, 'calendarName', { name }),
    description: t(locale, 'calendarDescription', { name }),
    prodId: { company: 'Compact Widgets', product: 'compact-server', language: locale.toUpperCase() },
    url: pageUrl,
    // Subscribed calendars check again after this long (REFRESH-INTERVAL and X-PUBLISHED-TTL).
    ttl: 60 * 60,
    x: { 'X-WR-TIMEZONE': zone },
  });
  for (const consultation of feed.consultations) {
    const title = defaultText(consultation.title, feed);
    const url = safeHttpUrl(consultation.url);
    const description = [
      defaultText(consultation.summary, feed),
      consultation.owner ? t(locale, 'eventConsultedBy', { owner: partyText(consultation.owner, locale, feed).text }) : '',
      t(locale, 'eventOpened', { date: formatDay(consultation.opensAt, zone, locale) }),
      t(locale, 'eventCloses', { time: formatDateTime(consultation.closesAt, zone, locale) }),
      consultation.shorterBecause ? t(locale, 'consultationShorter', { weeks: feed.compact.consultationWeeks, reason: defaultText(consultation.shorterBecause, feed) }) : '',
      url ? t(locale, 'eventRespond', { url }) : '',
    ].filter(Boolean);
    calendar.createEvent({
      id: consultationUid(feed.compact.id, consultation.id, settings.publicUrl),
      start: new ZonedInstant(consultation.closesAt, zone),
      timezone: zone,
      stamp: updated,
      lastModified: updated,
      summary: t(locale, 'eventSummary', { title }),
      description: description.join('\n\n'),
      url: url ?? null,
      // A deadline takes no time in anyone's diary.
      transparency: ICalEventTransparency.TRANSPARENT,
      alarms: [
        { type: ICalAlarmType.display, trigger: 7 * 24 * 60 * 60, description: t(locale, 'alarmWeek', { title }) },
        { type: ICalAlarmType.display, trigger: 24 * 60 * 60, description: t(locale, 'alarmDay', { title }) },
      ],
    });
  }
  const text = calendar.toString();
  if (feed.consultations.length === 0) return text;
  // The VTIMEZONE its TZIDs refer to, for the years the events are in (and one either side).
  const years = feed.consultations.map((c) => zonedParts(c.closesAt, zone).year);
  const block = vtimezone(zone, Math.min(...years) - 1, Math.max(...years) + 1);
  return text.replace('BEGIN:VEVENT', `${block}\r\nBEGIN:VEVENT`);
}
