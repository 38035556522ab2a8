/**
 * The pledge form's event details (see src/events.ts for the event names). Types only: importing
 * them costs nothing at run time.
 */
import type { PledgeBody } from './values.js';

export type PledgeStatus = 'pending' | 'accepted' | 'duplicate';

/** One error as the endpoint reports it: a dotted path into the body, and a message. */
export interface PledgeFieldError {
  field: string;
  message: string;
}

/**
 * Why a pledge is waiting: no network, the endpoint failing or silent, or it asked us to slow down;
 * `misdirected`: it answered with a redirect (a configuration problem: a pledge is never re-sent to
 * another address); `unconfirmed`: it answered, but not as the contract says a receipt looks (a
 * 200 sign-in or Wi-Fi login page, a body of the wrong shape), so the pledge is not counted as sent.
 */
export type WaitReason = 'offline' | 'unavailable' | 'busy' | 'misdirected' | 'unconfirmed';

/** `compact-pledge-received` (and the deprecated `compact-pledge-submit`). */
export interface PledgeReceivedDetail {
  /** The endpoint's id for the pledge (absent if it gave none). */
  id?: string;
  status: PledgeStatus;
  body: PledgeBody;
}

/** @deprecated Since 0.2.0: the detail of `compact-pledge-received`, under its old name. */
export type PledgeSubmitDetail = PledgeReceivedDetail;

/** `compact-pledge-retrying`: the pledge is kept on the device and sent again by itself. */
export interface PledgeRetryingDetail {
  /** When the next attempt is made, in ms from now. */
  retryInMs: number;
  /** Why it is waiting (`misdirected` and `unconfirmed` are for the webmaster to fix). */
  reason: WaitReason;
}

/** `compact-pledge-error`. */
export interface PledgeErrorDetail {
  /** `retrying` is deprecated since 0.2.0 (listen for `compact-pledge-retrying`); gone in 0.3.0. */
  kind: 'validation' | 'rejected' | 'retrying' | 'config';
  errors?: PledgeFieldError[];
  /** For `retrying` (deprecated): when the next attempt is made. */
  retryInMs?: number;
  /** For `retrying` (deprecated): why it is waiting. */
  reason?: WaitReason;
  /** For `rejected`: the HTTP status. */
  status?: number;
}
