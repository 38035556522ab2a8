/**
 * Every event the elements fire, in one place: its name, its `detail`, and one typed `emit`.
 *
 * All of them bubble and cross shadow roots (`composed`), so a page can listen on `document`.
 * Listeners get typed events through `GlobalEventHandlersEventMap`, e.g.
 * `document.addEventListener('compact-pledge-received', (e) => e.detail.id)`.
 *
 * Only types are imported here, so this module costs nothing at run time beyond `emit`.
 */
import type { FeedErrorDetail, FeedLoadDetail } from './core/feed-controller.js';
import type { ConsultationChangeDetail } from './consultation-countdown/consultation-countdown.js';
import type { PledgeErrorDetail, PledgeReceivedDetail, PledgeRetryingDetail } from './pledge-form/pledge-events.js';

export interface CompactEventMap {
  /** A feed was read, before it is shown. Cancelable: `preventDefault()` refuses it. */
  'compact-feed-load': FeedLoadDetail;
  /** A feed could not be read. */
  'compact-feed-error': FeedErrorDetail;
  /** A consultation opened or closed while the countdown was on screen. */
  'compact-consultation-change': ConsultationChangeDetail;
  /** The pledge endpoint said, in the contract's words, that it has the pledge. */
  'compact-pledge-received': PledgeReceivedDetail;
  /** Sending failed for now; the pledge is kept on the device and sent again by itself. */
  'compact-pledge-retrying': PledgeRetryingDetail;
  /**
   * The pledge cannot be sent as it is (invalid, refused, or the form is misconfigured). Until
   * 0.3.0 also fired with `kind: 'retrying'` after each `compact-pledge-retrying` (deprecated).
   */
  'compact-pledge-error': PledgeErrorDetail;
  /** @deprecated Since 0.2.0: use `compact-pledge-received` (same detail). Still fired, after it, until 0.3.0. */
  'compact-pledge-submit': PledgeReceivedDetail;
}

export type CompactEventName = keyof CompactEventMap;
export type CompactEvent<K extends CompactEventName> = CustomEvent<CompactEventMap[K]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'compact-feed-load': CompactEvent<'compact-feed-load'>;
    'compact-feed-error': CompactEvent<'compact-feed-error'>;
    'compact-consultation-change': CompactEvent<'compact-consultation-change'>;
    'compact-pledge-received': CompactEvent<'compact-pledge-received'>;
    'compact-pledge-retrying': CompactEvent<'compact-pledge-retrying'>;
    'compact-pledge-error': CompactEvent<'compact-pledge-error'>;
    'compact-pledge-submit': CompactEvent<'compact-pledge-submit'>;
  }
}

/**
 * Fires `type` from `target`, bubbling and composed. Returns false when the event was cancelable
 * and a listener cancelled it.
 */
export function emit<K extends CompactEventName>(
  target: EventTarget,
  type: K,
  detail: CompactEventMap[K],
  { cancelable = false }: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
