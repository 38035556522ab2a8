/**
 * `/feeds/{id}/updates.json`, a JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of what happened
 * under a compact: organisations signing (on their signed date), action plan progress notes, and
 * consultations opening and closing (once they have). Newest first. Derived from the normalised feed
 * only; every item id is built from ids in the feed, so an item keeps its id when anything else changes.
 *
 * Consultations open and close with time, not with edits: the answer says when it next changes
 * (`nextChange`) so a cache can rebuild it then, and its ETag follows its bytes.
 */
import { startOfDayInZone, safeHttpUrl } from 'compact-widgets/feed';
import { t, formatDateTime } from '../../i18n/public-messages.js';
import { compactLocale, defaultText, type CompactFeed } from './feed-view.js';
import type { OutputSettings } from './ics.js';

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_text: string;
  date_published: string;
  external_url?: string;
  tags?: string[];
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: JsonFeedItem[];
}

export interface BuiltJsonFeed {
  feed: JsonFeed;
  /** The instant (ms) of the newest item, or undefined with none. */
  newest?: number;
  /** The next instant (ms) at which the answer changes without the feed changing (Infinity: never). */
  nextChange: number;
}

/** The public page of a compact in a language (English has no prefix). */
export function compactPagePath(compactId: string, locale: string = 'en'): string {
  return `${locale === 'en' ? '' : `/${locale}`}/c/${encodeURIComponent(compactId)}`;
}

export function signatoryPagePath(compactId: string, signatoryId: string, locale: string = 'en'): string {
  return `${compactPagePath(compactId, locale)}/signatories/${encodeURIComponent(signatoryId)}`;
}

/** The id an element gets on the public page, for links to it (`#action-…`, `#consultation-…`). */
export function anchorId(kind: 'action' | 'consultation', id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;
}

export function updatesFeed(feed: CompactFeed, settings: OutputSettings, now: number): BuiltJsonFeed {
  const locale = compactLocale(feed);
  const zone = feed.compact.timeZone;
  const compactId = feed.compact.id;
  const name = defaultText(feed.compact.name, feed);
  const page = `${settings.publicUrl}${compactPagePath(compactId, locale)}`;
  const dated: { at: number; item: JsonFeedItem }[] = [];
  const add = (at: number, item: JsonFeedItem) => {
    if (Number.isFinite(at)) dated.push({ at, item: { ...item, date_published: new Date(at).toISOString() } });
  };

  for (const signatory of feed.signatories) {
    if (!signatory.signed) continue; // no date: nothing to place in a timeline
    const url = `${settings.publicUrl}${signatoryPagePath(compactId, signatory.id, locale)}`;
    const org = defaultText(signatory.name, feed);
    add(startOfDayInZone(signatory.signed, zone), {
      id: url,
      url,
      title: t(locale, 'itemSigned', { org }),
      content_text: signatory.pledge ? defaultText(signatory.pledge, feed) : t(locale, 'itemSigned', { org }),
      ...(safeHttpUrl(signatory.url) ? { external_url: safeHttpUrl(signatory.url)! } : {}),
      tags: ['signatory'],
      date_published: '',
    });
  }

  for (const aim of feed.actionPlan?.aims ?? []) {
    for (const action of aim.actions) {
      const url = `${page}#${anchorId('action', action.id)}`;
      const onDay = new Map<string, number>();
      for (const update of action.updates) {
        // The nth note of a day: ids stay put when notes are added after it or removed elsewhere.
        const n = (onDay.get(update.date) ?? 0) + 1;
        onDay.set(update.date, n);
        add(startOfDayInZone(update.date, zone), {
          id: `${url}/update/${update.date}${n > 1 ? `-${n}` : ''}`,
          url,
          title: t(locale, 'itemActionUpdate', { action: defaultText(action.title, feed) }),
          content_text: defaultText(update.text, feed),
          tags: ['action-plan', action.status],
          date_published: '',
        });
      }
    }
  }

  let nextChange = Infinity;
  for (const consultation of feed.consultations) {
    const url = `${page}#${anchorId('consultation', consultation.id)}`;
    const title = defaultText(consultation.title, feed);
    const closes = formatDateTime(consultation.closesAt, zone, locale);
    const external = safeHttpUrl(consultation.url);
    for (const [kind, at] of [['opened', consultation.opensAt], ['closed', consultation.closesAt]] as const) {
      if (at > now) {
        nextChange = Math.min(nextChange, at);
        continue;
      }
      add(at, {
        id: `${url}/${kind}`,
        url,
        title: t(locale, kind === 'opened' ? 'itemConsultationOpened' : 'itemConsultationClosed', { title }),
        content_text: [defaultText(consultation.summary, feed), t(locale, kind === 'opened' ? 'itemConsultationOpenedText' : 'itemConsultationClosedText', { closes })].filter(Boolean).join(' '),
        ...(external ? { external_url: external } : {}),
        tags: ['consultation', kind],
        date_published: '',
      });
    }
  }

  // Newest first; the same instant in a fixed order, so the bytes (and the ETag) are stable.
  dated.sort((a, b) => b.at - a.at || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
  return {
    feed: {
      version: 'https://jsonfeed.org/version/1.1',
      title: t(locale, 'updatesTitle', { name }),
      home_page_url: page,
      feed_url: `${settings.publicUrl}/feeds/${encodeURIComponent(compactId)}/updates.json`,
      description: t(locale, 'updatesDescription', { name }),
      language: feed.compact.defaultLanguage,
      items: dated.map((d) => d.item),
    },
    newest: dated[0]?.at,
    nextChange,
  };
}
