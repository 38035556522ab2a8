/**
 * What the public pages show, worked out from the normalised feed in the page's language: the
 * templates only lay it out. Feed text carries its own language where it falls back to another
 * (`Text.lang`), so a Welsh page showing an English-only name says so to screen readers.
 * Only what the feed publishes is here: never anything about the people who sent a pledge.
 */
import { COMMITMENT_PARTIES, safeHttpUrl, startOfDayInZone } from 'compact-widgets/feed';
import { LOCALES, toLocale, type Locale } from '../../i18n/locale.js';
import { compactLanguages } from '../authoring/languages.js';
import type { CompactDocument } from '../compacts.js';
import { t, formatDate, formatDateTime, type PublicMessageId } from '../../i18n/public-messages.js';
import { localText, partyText, type CompactFeed, type Text } from './feed-view.js';
import { anchorId, compactPagePath, signatoryPagePath } from './json-feed.js';

/** The widgets that have a page of their own (and an oEmbed), by their embed.html name. */
export const WIDGET_PAGES = ['signatory-list', 'action-plan', 'consultation-countdown', 'pledge-form'] as const;
export type WidgetPage = (typeof WIDGET_PAGES)[number];

const WIDGET_TITLES: Record<WidgetPage | 'pledge-badge', PublicMessageId> = {
  'signatory-list': 'widgetSignatoryList',
  'action-plan': 'widgetActionPlan',
  'consultation-countdown': 'widgetConsultations',
  'pledge-form': 'widgetPledgeForm',
  'pledge-badge': 'widgetBadge',
};

export function isWidgetPage(value: string): value is WidgetPage {
  return (WIDGET_PAGES as readonly string[]).includes(value);
}

/**
 * The page languages a compact is published in: those of its texts that the pages have words for
 * (a Welsh and English compact: English and Welsh). The switcher and the hreflang alternates offer
 * only these, as GOV.UK links only to translations that exist; the page in another of the three
 * still answers (the words around the compact's text in that language), for whoever asks for it.
 */
export function publishedLocales(feed: CompactFeed): Locale[] {
  // A language the pages have no words for reads as English (toLocale), as its pages do.
  const published = new Set(compactLanguages(feed as unknown as CompactDocument).map(toLocale));
  return LOCALES.filter((locale) => published.has(locale));
}

/** "Organisations that have signed A Compact for Southend-on-Sea": a widget's page heading and iframe title. */
export function widgetTitle(widget: WidgetPage | 'pledge-badge', feed: CompactFeed, locale: Locale, org?: string): string {
  return t(locale, WIDGET_TITLES[widget], { name: localText(feed.compact.name, locale, feed).text, org: org ?? '' });
}

export interface SignatoryRow {
  id: string;
  name: Text;
  href: string;
  sector: Text;
  type?: string;
  signed?: string;
  signedIso?: string;
}

function sectorText(feed: CompactFeed, sector: 'public' | 'voluntary', locale: Locale): Text {
  const own = feed.compact.sectors?.[sector];
  return own !== undefined ? localText(own, locale, feed) : { text: t(locale, `sector.${sector}`) };
}

/** The spec's suggested types, in words (the widgets' words); any other type tidied ("housing-association" → "Housing association"). */
const SUGGESTED_TYPES = new Set(['local-authority', 'health', 'police', 'fire-rescue', 'other-public', 'charity', 'community-group', 'faith-group', 'bme-organisation', 'social-enterprise', 'infrastructure', 'other-voluntary']);

function typeText(type: string | undefined, locale: Locale): string | undefined {
  if (!type) return undefined;
  if (SUGGESTED_TYPES.has(type)) return t(locale, `type.${type}` as PublicMessageId);
  const words = type.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function signatoryRows(feed: CompactFeed, locale: Locale): SignatoryRow[] {
  return feed.signatories.map((s) => ({
    id: s.id,
    name: localText(s.name, locale, feed),
    href: signatoryPagePath(feed.compact.id, s.id, locale),
    sector: sectorText(feed, s.sector, locale),
    ...(typeText(s.type, locale) ? { type: typeText(s.type, locale)! } : {}),
    ...(s.signed ? { signed: formatDate(s.signed, locale), signedIso: s.signed } : {}),
  }));
}

export function actionPlanModel(feed: CompactFeed, locale: Locale) {
  const plan = feed.actionPlan;
  if (!plan) return undefined;
  return {
    title: plan.title !== undefined ? localText(plan.title, locale, feed) : { text: t(locale, 'actionPlan') },
    aims: plan.aims.map((aim) => ({
      title: localText(aim.title, locale, feed),
      actions: aim.actions.map((action) => {
        const latest = action.updates.at(-1);
        return {
          anchor: anchorId('action', action.id),
          title: localText(action.title, locale, feed),
          status: t(locale, 'actionStatus', { status: t(locale, `status.${action.status}`) }),
          ...(action.due ? { due: t(locale, 'actionDue', { date: formatDate(action.due, locale) }) } : {}),
          ...(action.progress !== undefined ? { progress: action.progress } : {}),
          ...(latest ? { latestLabel: t(locale, 'latestUpdate', { date: formatDate(latest.date, locale) }), latestText: localText(latest.text, locale, feed) } : {}),
          leads: action.lead.map((lead) => partyText(lead, locale, feed)),
        };
      }),
    })),
  };
}

export function consultationsModel(feed: CompactFeed, locale: Locale) {
  const zone = feed.compact.timeZone;
  return [...feed.consultations]
    .sort((a, b) => b.closesAt - a.closesAt)
    .map((c) => {
      const title = localText(c.title, locale, feed);
      return {
        anchor: anchorId('consultation', c.id),
        title,
        ...(c.summary !== undefined ? { summary: localText(c.summary, locale, feed) } : {}),
        ...(c.owner ? { owner: partyText(c.owner, locale, feed) } : {}),
        dates: t(locale, 'consultationDates', { opens: formatDateTime(c.opensAt, zone, locale), closes: formatDateTime(c.closesAt, zone, locale) }),
        ...(safeHttpUrl(c.url) ? { url: safeHttpUrl(c.url)!, respond: t(locale, 'consultationRespond', { title: title.text }) } : {}),
        ...(c.shorterBecause !== undefined
          ? { shorter: t(locale, 'consultationShorter', { weeks: feed.compact.consultationWeeks, reason: localText(c.shorterBecause, locale, feed).text }) }
          : {}),
      };
    });
}

export function compactPageModel(feed: CompactFeed, locale: Locale) {
  const c = feed.compact;
  const groups = COMMITMENT_PARTIES
    .map((by) => ({
      heading: by === 'joint' ? { text: t(locale, 'commitmentsJoint') } : sectorText(feed, by, locale),
      items: c.commitments.filter((item) => item.by === by).map((item) => localText(item.text, locale, feed)),
    }))
    .filter((group) => group.items.length > 0);
  const contactUrl = safeHttpUrl(c.contact?.url);
  return {
    compactId: c.id,
    name: localText(c.name, locale, feed),
    ...(c.area !== undefined ? { area: t(locale, 'area', { area: localText(c.area, locale, feed).text }) } : {}),
    ...(c.summary !== undefined ? { summary: localText(c.summary, locale, feed) } : {}),
    ...(c.adopted ? { adopted: t(locale, 'adopted', { date: formatDate(c.adopted, locale) }) } : {}),
    ...(c.reviewDue ? { reviewDue: t(locale, 'reviewDue', { date: formatDate(c.reviewDue, locale) }) } : {}),
    ...(safeHttpUrl(c.url) ? { url: safeHttpUrl(c.url)! } : {}),
    ...(safeHttpUrl(c.document) ? { document: safeHttpUrl(c.document)! } : {}),
    principles: c.principles.map((p) => ({ title: localText(p.title, locale, feed), ...(p.text !== undefined ? { text: localText(p.text, locale, feed) } : {}) })),
    commitments: groups,
    signatories: signatoryRows(feed, locale),
    actionPlan: actionPlanModel(feed, locale),
    consultations: consultationsModel(feed, locale),
    pledge: feed.pledge !== undefined,
    ...(c.contact?.email || contactUrl ? { contactHref: c.contact?.email ? `mailto:${c.contact.email}` : contactUrl! } : {}),
    paths: {
      page: compactPagePath(c.id, locale),
      feed: `/feeds/${encodeURIComponent(c.id)}.json`,
      calendar: `/feeds/${encodeURIComponent(c.id)}/consultations.ics`,
      updates: `/feeds/${encodeURIComponent(c.id)}/updates.json`,
    },
    widgetPages: WIDGET_PAGES.filter((w) => w !== 'pledge-form' || feed.pledge).map((widget) => ({
      widget,
      href: `${compactPagePath(c.id, locale)}/widgets/${widget}`,
      text: widgetTitle(widget, feed, locale),
    })),
  };
}

/** The badge check: a current, published signatory (the feed lists no other), or undefined. */
export function signatoryPageModel(feed: CompactFeed, signatoryId: string, locale: Locale) {
  const s = feed.signatories.find((candidate) => candidate.id === signatoryId);
  if (!s) return undefined;
  const name = localText(s.name, locale, feed);
  const compactName = localText(feed.compact.name, locale, feed);
  return {
    id: s.id,
    name,
    compactName,
    heading: t(locale, 'verifyConfirmed', { org: name.text, name: compactName.text }),
    sector: sectorText(feed, s.sector, locale),
    ...(typeText(s.type, locale) ? { type: typeText(s.type, locale)! } : {}),
    ...(s.signed ? { signed: formatDate(s.signed, locale), signedIso: s.signed, signedAt: startOfDayInZone(s.signed, feed.compact.timeZone) } : {}),
    ...(safeHttpUrl(s.url) ? { url: safeHttpUrl(s.url)! } : {}),
    ...(safeHttpUrl(s.logo) ? { logo: safeHttpUrl(s.logo)! } : {}),
    ...(s.pledge !== undefined ? { pledge: localText(s.pledge, locale, feed) } : {}),
    // The champion is what the organisation agreed to publish (name and role), as the feed has it.
    ...(s.champion ? { champion: s.champion.role ? t(locale, 'verifyChampionRole', { name: s.champion.name, role: s.champion.role }) : s.champion.name } : {}),
  };
}
