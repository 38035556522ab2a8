/**
 * What a moderator can do with a pledge in each state. One rule, read by the decisions themselves
 * (which refuse anything else), by the admin's pledge page (which forms it offers) and by that
 * page's route (where it shows a refusal): so the page never offers what the decision would refuse.
 */
import { UNDECIDED, type PledgeStatus } from '../db/tables.js';

export type Decision = 'approve' | 'reject' | 'ask' | 'resend';

export function decisionsFor(status: PledgeStatus): Record<Decision, boolean> {
  const undecided = UNDECIDED.includes(status);
  return {
    // An unconfirmed pledge too: an officer may have confirmed it another way (by phone).
    approve: undecided,
    reject: undecided,
    // Its question goes to an address nobody has confirmed yet: send the confirmation link instead.
    ask: undecided && status !== 'unconfirmed',
    resend: status === 'unconfirmed',
  };
}

/** The states a question can be asked in (a pledge moves from them to `info_requested`). */
export const ASKABLE: PledgeStatus[] = UNDECIDED.filter((status) => decisionsFor(status).ask);
