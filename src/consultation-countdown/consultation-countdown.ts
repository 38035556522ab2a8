import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { CompactElement } from '../core/compact-element.js';
import { heading, headingLevel } from '../core/heading.js';
import type { CompactFeed, Consultation } from '../feed/types.js';
import { signatoryById } from '../feed/lookup.js';
import { FeedText, withoutBidiControls } from '../i18n/feed-text.js';
import { safeHttpUrl } from '../feed/url.js';
import { todayInZone } from '../feed/time.js';
import { calendarDateAt, formatCalendarDate, formatDateTime, formatDuration, formatTime } from '../i18n/dates.js';
import { dateTimeFormat } from '../i18n/formatters.js';
import {
  MILESTONES,
  countdown,
  isShorterThanStandard,
  isStartOfDay,
  isoInZone,
  periodDays,
  selectConsultations,
  type Countdown,
  type Milestone,
  type Phase,
} from './countdown.js';
import { schedule, unschedule, type TickerSubscriber } from './ticker.js';
import { countdownStyles } from './consultation-countdown.styles.js';
import { emit } from '../events.js';

export interface ConsultationChangeDetail {
  id: string;
  state: 'open' | 'closed';
  previous: 'upcoming' | 'open';
}

declare global {
  interface HTMLElementTagNameMap {
    'compact-consultation-countdown': CompactConsultationCountdown;
  }
}

/** What one render shows, worked out once in willUpdate (announcements and events come from it). */
interface Model {
  feed: CompactFeed;
  /** In the order shown. */
  shown: Consultation[];
  countdowns: Map<string, Countdown>;
  /** True when a named `consultation` is not in the feed. */
  missing: boolean;
}

/** The visitor's own time zone. */
function visitorTimeZone(): string {
  return dateTimeFormat(undefined).resolvedOptions().timeZone;
}

/**
 * How long is left to have a say in a consultation, in plain GOV.UK wording: "Closes in 12 days,
 * at 11:59pm on Monday 14 June 2027", "Closes in 5 hours 20 minutes, at 5pm today". With
 * `consultation` it shows that one (even once closed); without it, the open consultations
 * soonest-closing first, then upcoming ones. It flags consultations shorter than the compact's
 * standard period, with the reason given.
 *
 * The figure changes at most once a minute (once a second in the last hour only if the person
 * asks), all countdowns on a page share one timer that wakes only when some text will change, and
 * screen readers hear only milestones: opened, a day left, an hour left, closed.
 *
 * Light-DOM children are a fallback: shown until the feed has loaded and in the error state,
 * hidden once the live countdown renders.
 *
 * @attr consultation - The id of one consultation to show, whatever its state. Without it: a list.
 * @attr {number} [limit=3] - How many consultations the list shows at most.
 * @attr {boolean} show-closed - Also list closed consultations, after the open and upcoming ones, the most
 *   recently closed first.
 * @attr {number} [heading-level=3] - The heading level of each consultation's title, 2–6. Choose one level below
 *   the heading above the element on your page. Values above 6 count as `6`; below 2 as `2`; not a whole
 *   number, as `3`.
 * @attr {boolean} seconds - Count down in seconds during the last hour (otherwise minutes). Visitors can also
 *   turn this on and off with the "Show seconds" button, shown in the last hour.
 * @attr [time-zone-label=automatic] - The zone's name shown after times to every visitor, e.g. "UK time".
 *   Without the attribute the compact's zone is named only to visitors whose own time zone differs;
 *   `time-zone-label=""` never names it.
 * @fires compact-consultation-change - A consultation opened or closed while the page was open. With
 *   `consultation`, only that one counts. In a list, every consultation in the feed counts, including those not
 *   shown because of `limit`. A consultation that is already open or closed when the page loads does not fire
 *   the event. If the page was in a background tab, the event fires when the visitor comes back.
 *   `detail`: `{id, state: 'open' | 'closed', previous: 'upcoming' | 'open'}`.
 * @csspart notice - The loading, error, saved-copy, empty and not-found messages.
 * @csspart consultation - One consultation's block; it has the class `upcoming`, `open`, `soon` or `closed`.
 * @csspart title - Its title (a heading).
 * @csspart tag - The status tag ("Open", "Closing soon", "Not open yet", "Closed").
 * @csspart countdown - The countdown sentence.
 * @csspart summary - The consultation's summary.
 * @csspart owner - The body consulting ("Run by …").
 * @csspart standard - The notice that the period is shorter than the compact's standard.
 * @csspart respond - The "Respond to this consultation" link.
 * @csspart seconds-toggle - The "Show seconds" button (last hour only).
 * @csspart fallback - The wrapper of the light-DOM fallback content.
 * @cssprop [--compact-countdown-soon-colour=#6e3619] - Text of the "Closing soon" tag and the bar beside the sentence.
 * @cssprop [--compact-countdown-soon-background=#fcd6c3] - Background of the "Closing soon" tag.
 * @cssprop [--compact-countdown-tag-colour=#0c2d4a] - Text of the "Open" and "Not open yet" tags.
 * @cssprop [--compact-countdown-tag-background=#bbd4ea] - Background of those tags.
 * @slot - Fallback content, shown while loading and on error (e.g. `<p>Closes 14 June 2027</p>`).
 */
export class CompactConsultationCountdown extends CompactElement {
  static override styles = [...CompactElement.styles, countdownStyles];

  @property() consultation?: string;
  @property({ type: Number }) limit = 3;
  @property({ type: Boolean, attribute: 'show-closed' }) showClosed = false;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  @property({ type: Boolean, reflect: true }) seconds = false;
  @property({ attribute: 'time-zone-label' }) timeZoneLabel?: string | null;

  private model?: Model;
  /** The milestone each consultation was last seen at, for this feed: announce and fire on change only. */
  private seen = new Map<string, Milestone>();
  private seenFeed?: CompactFeed;
  private shownBefore = new Set<string>();
  private pendingEvents: ConsultationChangeDetail[] = [];
  private readonly subscriber: TickerSubscriber = { tick: () => this.requestUpdate() };
  /** The consultation whose control had focus as this update began. */
  private focusedIn?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate(); // re-read the clock after being moved or re-attached
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unschedule(this.subscriber);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.model = this.buildModel();
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    this.focusedIn = focused?.closest<HTMLElement>('[data-consultation]')?.dataset['consultation'];
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The control that had focus went with this render (the consultation closed, or its last hour
    // passed): focus stays with the consultation, or with the widget when the list no
    // longer shows it, instead of falling back to the top of the page.
    const root = this.renderRoot as ShadowRoot;
    if (this.focusedIn !== undefined && !root.activeElement) {
      const sentence = root.querySelector<HTMLElement>(`[data-consultation="${CSS.escape(this.focusedIn)}"] .countdown`);
      if (sentence) sentence.focus();
      else this.focusWidget();
    }
    for (const detail of this.pendingEvents.splice(0)) {
      emit(this, 'compact-consultation-change', detail);
    }
    const next = this.model ? nextChange(this.model) : undefined;
    if (next !== undefined && this.isConnected) schedule(this.subscriber, next);
    else unschedule(this.subscriber);
  }

  /** Where everything stands now; notes milestones reached since the last render. */
  private buildModel(): Model | undefined {
    const feed = this.currentFeed;
    if (!feed) return undefined;
    if (feed !== this.seenFeed) {
      // A new feed (or the first): what it says now is the starting point, not news.
      this.seen.clear();
      this.shownBefore.clear();
      this.seenFeed = feed;
    }
    const now = Date.now();
    const zone = feed.compact.timeZone;
    const scope = this.consultation
      ? feed.consultations.filter((c) => c.id === this.consultation)
      : feed.consultations;
    const shown = this.consultation
      ? scope
      : selectConsultations(scope, now, { limit: this.listLimit, showClosed: this.showClosed });
    const shownIds = new Set(shown.map((c) => c.id));
    const countdowns = new Map<string, Countdown>();
    const news: string[] = [];
    for (const c of scope) {
      // Seconds matter only for what is on screen; the rest need only their opening and closing.
      const cd = countdown(c, now, zone, this.seconds && shownIds.has(c.id));
      if (!shownIds.has(c.id) && cd.next !== undefined) {
        cd.next = cd.phase === 'upcoming' ? c.opensAt : c.closesAt;
      }
      countdowns.set(c.id, cd);
      const before = this.seen.get(c.id);
      this.seen.set(c.id, cd.milestone);
      // Only forwards: a clock set back is not news.
      if (before === undefined || MILESTONES.indexOf(cd.milestone) <= MILESTONES.indexOf(before)) continue;
      const previous = phaseOf(before);
      if (cd.phase !== previous && cd.phase !== 'upcoming') {
        this.pendingEvents.push({ id: c.id, state: cd.phase, previous: previous as 'upcoming' | 'open' });
      }
      if (shownIds.has(c.id) || this.shownBefore.has(c.id)) news.push(this.milestoneMessage(c, cd.milestone, feed));
    }
    this.shownBefore = shownIds;
    if (news.length > 0) this.announcement = news.join(' ');
    return { feed, shown, countdowns, missing: !!this.consultation && scope.length === 0 };
  }

  private get listLimit(): number {
    const n = Math.floor(this.limit);
    return Number.isFinite(n) && n >= 1 ? n : 3;
  }

  private milestoneMessage(c: Consultation, milestone: Milestone, feed: CompactFeed): string {
    return this.inLocale(() => {
      // Spoken, not shown: bidi controls removed, no isolation needed.
      const title = withoutBidiControls(this.text(c.title, feed));
      switch (milestone) {
        case 'open':
          return msg(str`${title}: this consultation is now open.`, { id: 'consultation-countdown.announce.opened' });
        case 'day':
          return msg(str`${title}: less than a day left to respond.`, { id: 'consultation-countdown.announce.day' });
        case 'hour':
          return msg(str`${title}: less than an hour left to respond.`, { id: 'consultation-countdown.announce.hour' });
        default:
          return msg(str`${title}: this consultation has now closed.`, {
            id: 'consultation-countdown.announce.closed',
          });
      }
    });
  }

  protected override isEmpty(_feed: CompactFeed): boolean {
    return !this.model || this.model.shown.length === 0;
  }

  protected override renderEmpty(_feed: CompactFeed): TemplateResult {
    const id = this.consultation ?? '';
    return html`<p class="notice" part="notice">
      ${this.model?.missing
        ? msg(str`There is no consultation with the id "${id}" in this feed.`, {
            id: 'consultation-countdown.notFound',
          })
        : msg('There are no open consultations at the moment.', { id: 'consultation-countdown.empty' })}
    </p>`;
  }

  /** The light-DOM fallback shows until the live countdown can render (loading, error, no feed). */
  protected override renderFallback(): TemplateResult {
    return html`<div class="fallback" part="fallback"><slot></slot></div>`;
  }

  protected renderFeed(feed: CompactFeed): TemplateResult {
    const model = this.model!;
    if (this.consultation) return this.renderConsultation(model.shown[0]!, feed);
    return html`<ul class="list" role="list">
      ${model.shown.map((c) => html`<li>${this.renderConsultation(c, feed)}</li>`)}
    </ul>`;
  }

  private renderConsultation(c: Consultation, feed: CompactFeed): TemplateResult {
    const cd = this.model!.countdowns.get(c.id)!;
    const zone = feed.compact.timeZone;
    const words = this.words(feed);
    const title = words.markup(c.title);
    const summary = words.markup(c.summary);
    const url = cd.phase === 'open' ? safeHttpUrl(c.url) : undefined;
    const state = cd.phase === 'open' && cd.closingSoon ? 'soon' : cd.phase;
    return html`<div class="consultation ${state}" part="consultation" data-consultation=${c.id}>
      ${this.heading(title)}
      <p><strong class="tag ${state}" part="tag">${tagText(cd)}</strong></p>
      <p class="countdown" part="countdown" tabindex="-1">${this.sentence(c, cd, zone)}</p>
      ${cd.phase === 'open' && cd.lastHour ? this.secondsToggle() : nothing}
      ${summary !== nothing ? html`<p class="summary" part="summary">${summary}</p>` : nothing}
      ${c.owner ? this.renderOwner(words.markup(signatoryById(feed, c.owner)?.name ?? c.owner)) : nothing}
      ${isShorterThanStandard(c, feed.compact.consultationWeeks, zone) ? this.renderStandard(c, feed) : nothing}
      ${url
        ? html`<p>
            <a class="button" part="respond" href=${url}
              >${msg('Respond to this consultation', { id: 'consultation-countdown.respond' })}<span
                class="visually-hidden"
                >: ${title}</span
              ></a
            >
          </p>`
        : nothing}
    </div>`;
  }

  /** Feed text for this render: isolated, in its own language when that differs from the widget's. */
  private words(feed: CompactFeed): FeedText {
    return new FeedText(feed, this.language);
  }

  /** `heading-level` chooses the level (core/heading.ts). */
  private heading(title: unknown): TemplateResult {
    return heading(headingLevel(this.headingLevel, 3), { class: 'title', part: 'title' }, title);
  }

  private renderOwner(owner: unknown): TemplateResult {
    return html`<p class="owner secondary-text" part="owner">
      ${msg(html`Run by ${owner}`, { id: 'consultation-countdown.owner' })}
    </p>`;
  }

  private renderStandard(c: Consultation, feed: CompactFeed): TemplateResult {
    const period = formatPeriod(periodDays(c, feed.compact.timeZone));
    const standard = formatDuration(feed.compact.consultationWeeks, 'week');
    const reason = this.words(feed).markup(c.shorterBecause);
    return html`<div class="standard" part="standard">
      <p>
        ${msg(str`This consultation runs for ${period}, shorter than the ${standard} the compact expects.`, {
          id: 'consultation-countdown.standard.shorter',
        })}
      </p>
      <p>
        ${reason !== nothing
          ? msg(html`Reason given: ${reason}`, { id: 'consultation-countdown.standard.reason' })
          : msg('No reason has been given.', { id: 'consultation-countdown.standard.noReason' })}
      </p>
    </div>`;
  }

  private secondsToggle(): TemplateResult {
    return html`<p>
      <button
        class="button secondary toggle"
        part="seconds-toggle"
        type="button"
        aria-pressed=${this.seconds ? 'true' : 'false'}
        @click=${() => (this.seconds = !this.seconds)}
      >
        ${msg('Show seconds', { id: 'consultation-countdown.secondsToggle' })}
      </button>
    </p>`;
  }

  /** The countdown sentence, with every date in a `<time>` element and the zone named if needed. */
  private sentence(c: Consultation, cd: Countdown, zone: string): TemplateResult {
    const dateTime = (instant: number) =>
      html`<time datetime=${isoInZone(instant, zone)}>${formatDateTime(instant, zone)}</time>`;
    const time = (instant: number) => html`<time datetime=${isoInZone(instant, zone)}>${formatTime(instant, zone)}</time>`;
    const zoneNote = () => {
      const label = this.zoneLabel(zone);
      return label ? html` (${label})` : nothing;
    };

    if (cd.phase === 'upcoming') {
      const dateOnly = isStartOfDay(c.opensAt, zone);
      const date = html`<time datetime=${todayInZone(c.opensAt, zone)}
        >${formatCalendarDate(calendarDateAt(c.opensAt, zone), { weekday: true })}</time
      >`;
      const when = dateOnly ? date : dateTime(c.opensAt);
      let text: TemplateResult;
      if (cd.days === 0) {
        text = msg(html`Opens today at ${time(c.opensAt)}`, { id: 'consultation-countdown.opens.today' });
      } else if (cd.days === 1) {
        text = dateOnly
          ? msg(html`Opens tomorrow, on ${when}`, { id: 'consultation-countdown.opens.tomorrowOn' })
          : msg(html`Opens tomorrow, at ${when}`, { id: 'consultation-countdown.opens.tomorrowAt' });
      } else {
        const days = formatDuration(cd.days, 'day');
        text = dateOnly
          ? msg(html`Opens in ${days}, on ${when}`, { id: 'consultation-countdown.opens.inOn' })
          : msg(html`Opens in ${days}, at ${when}`, { id: 'consultation-countdown.opens.inAt' });
      }
      return html`${text}${dateOnly ? nothing : zoneNote()}`;
    }

    if (cd.phase === 'closed') {
      return html`${msg(html`This consultation closed at ${dateTime(c.closesAt)}`, {
        id: 'consultation-countdown.closed',
      })}${zoneNote()}`;
    }

    // Fewer than 48 hours: hours and minutes, "today" or "tomorrow". Before that: calendar days.
    if (!cd.lastHours && cd.days === 1) {
      return html`${msg(html`Closes tomorrow, at ${dateTime(c.closesAt)}`, {
        id: 'consultation-countdown.closes.tomorrow',
      })}${zoneNote()}`;
    }
    const left = cd.lastHours ? this.timeLeft(cd) : formatDuration(cd.days, 'day');
    let text: TemplateResult;
    if (cd.lastHours && cd.days === 0) {
      text = msg(html`Closes in ${left}, at ${time(c.closesAt)} today`, {
        id: 'consultation-countdown.closes.inAtToday',
      });
    } else if (cd.lastHours && cd.days === 1) {
      text = msg(html`Closes in ${left}, at ${time(c.closesAt)} tomorrow`, {
        id: 'consultation-countdown.closes.inAtTomorrow',
      });
    } else {
      text = msg(html`Closes in ${left}, at ${dateTime(c.closesAt)}`, { id: 'consultation-countdown.closes.inAt' });
    }
    return html`${text}${zoneNote()}`;
  }

  /** "5 hours 20 minutes", "12 minutes 30 seconds", "less than a minute". */
  private timeLeft(cd: Countdown): string {
    if (this.seconds && cd.lastHour) {
      const m = Math.floor(cd.seconds / 60);
      const s = cd.seconds % 60;
      return joinUnits(m > 0 ? formatDuration(m, 'minute') : '', s > 0 || m === 0 ? formatDuration(s, 'second') : '');
    }
    if (cd.minutes === 0) return msg('less than a minute', { id: 'consultation-countdown.lessThanMinute' });
    const h = Math.floor(cd.minutes / 60);
    const m = cd.minutes % 60;
    return joinUnits(h > 0 ? formatDuration(h, 'hour') : '', m > 0 ? formatDuration(m, 'minute') : '');
  }

  /** The zone's name after a time, when the visitor's clock may read differently (or as the page says). */
  private zoneLabel(zone: string): string {
    if (this.timeZoneLabel !== undefined && this.timeZoneLabel !== null) return this.timeZoneLabel;
    if (visitorTimeZone() === zone) return '';
    if (zone === 'Europe/London') return msg('UK time', { id: 'consultation-countdown.zone.uk' });
    const city = zone.split('/').pop()!.replace(/_/g, ' ');
    return msg(str`${city} time`, { id: 'consultation-countdown.zone.city' });
  }
}

function phaseOf(milestone: Milestone): Phase {
  return milestone === 'day' || milestone === 'hour' ? 'open' : milestone;
}

/** The earliest instant at which anything this element shows will change. */
function nextChange(model: Model): number | undefined {
  let next: number | undefined;
  for (const cd of model.countdowns.values()) {
    if (cd.next !== undefined && (next === undefined || cd.next < next)) next = cd.next;
  }
  return next;
}

function tagText(cd: Countdown): string {
  switch (cd.phase) {
    case 'upcoming':
      return msg('Not open yet', { id: 'consultation-countdown.tag.upcoming' });
    case 'closed':
      return msg('Closed', { id: 'consultation-countdown.tag.closed' });
    default:
      return cd.closingSoon
        ? msg('Closing soon', { id: 'consultation-countdown.tag.closingSoon' })
        : msg('Open', { id: 'consultation-countdown.tag.open' });
  }
}

/**
 * Two amounts side by side ("5 hours 20 minutes"). Not a message: lit-localize merges placeholders
 * separated only by a space, so translators could not change it anyway; Welsh and Gaelic write
 * such durations side by side too.
 */
function joinUnits(a: string, b: string): string {
  return [a, b].filter(Boolean).join(' ');
}

/** "6 weeks", "10 days", "8 weeks and 1 day". */
function formatPeriod(days: number): string {
  if (days % 7 === 0) return formatDuration(days / 7, 'week');
  if (days < 14) return formatDuration(days, 'day');
  const weeks = formatDuration(Math.floor(days / 7), 'week');
  const rest = formatDuration(days % 7, 'day');
  return msg(str`${weeks} and ${rest}`, { id: 'consultation-countdown.weeksAndDays' });
}
