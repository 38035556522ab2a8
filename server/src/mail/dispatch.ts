/**
 * Sends what the services queued in email_messages, after their transactions committed: at once when
 * kicked, and on a short poll (for messages queued by the command line, or while SMTP was down).
 * A message that cannot be sent is retried with back-off over several hours (a mail relay's
 * maintenance should not lose a morning's confirmations), then marked failed (shown in the admin).
 * Messages with a link get a fresh secret when they are written; only its hash is stored, and only
 * once the message has gone: a try that fails leaves the link the person already has working.
 */
import type { Db } from '../db/transaction.js';
import { claimEmail, markFailed, markSent, queuedEmails, recordContent, type EmailRow } from '../db/emails.js';
import { findContact, findPledge, movePledge } from '../db/pledges.js';
import type { PledgeStatus } from '../db/tables.js';
import { toLocale, type Locale } from '../i18n/locale.js';
import { REJECT_REASON_CODES, type RejectReason } from '../i18n/mail-messages.js';
import type { Clock } from '../domain/clock.js';
import { compactName } from '../domain/moderation.js';
import { hashSecret, newSecret } from '../domain/secrets.js';
import { approvedMessage, badgeSnippet, confirmMessage, infoMessage, rejectedMessage, type Rendered } from './messages.js';
import type { MailTransport } from './transport.js';

export interface DispatchSettings {
  publicUrl: string;
  from: string;
  confirmDays: number;
}

/** How long to wait after each failed try: 1 min, 5 min, 30 min, 2 h, then 6 h before the last. */
const RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** A message, and what becomes true once it has gone: the pledge's link is the one it carries. */
interface Outgoing extends Rendered {
  link?: { status: PledgeStatus; fields: { link_hash: string; confirm_by?: string } };
}

/**
 * The link on a pledge's emails: the confirmation page, which also takes answers to questions. It
 * names the pledge's language, for the page that says the link no longer works (the token then
 * finds no pledge to take the language from).
 */
export function pledgeLink(publicUrl: string, token: string, locale: Locale): string {
  return `${publicUrl}/confirm?token=${token}&lang=${locale}`;
}

export class MailDispatcher {
  private running: Promise<number> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private notBefore = new Map<string, number>();

  constructor(
    private db: Db,
    private transport: MailTransport,
    private settings: DispatchSettings,
    private clock: Clock,
    /** One message not sent: which and why, its addresses masked. */
    private onError: (message: string) => void = () => {},
    /** A run that failed as a whole (the database, say), for `logUnexpected`: its message may quote values. */
    private onFailure: (error: unknown) => void = () => {},
  ) {}

  /** Sends what is queued now (coalescing: a kick during a run makes one more run). */
  kick(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let sent = 0;
      try {
        do {
          this.again = false;
          sent += await this.drainOnce();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
      return sent;
    })();
    return this.running;
  }

  /** Sends what is queued, without waiting for it: after a change that queued a message. */
  nudge(): void {
    void this.kick().catch(this.onFailure);
  }

  start(pollMs: number): void {
    this.timer = setInterval(() => this.nudge(), pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => {});
    this.transport.close();
  }

  private async drainOnce(): Promise<number> {
    let sent = 0;
    const now = Date.now();
    for (const row of await queuedEmails(this.db, 50)) {
      if ((this.notBefore.get(row.id) ?? 0) > now) continue;
      if (!(await claimEmail(this.db, row.id, row.attempts))) continue;
      try {
        const rendered = await this.render(row);
        if (!rendered) {
          await markFailed(this.db, row.id);
          continue;
        }
        await recordContent(this.db, row.id, rendered.subject);
        const { link, ...message } = rendered;
        const file = await this.transport.send({ id: row.id, from: this.settings.from, to: row.to_address, locale: row.locale, ...message });
        // Not if the pledge moved on meanwhile (confirmed through its old link, say): that link did its work.
        if (link) await movePledge(this.db, row.pledge_id!, [link.status], link.fields);
        // Its record deleted while it was on its way: the outbox copy goes the same way.
        if (!(await markSent(this.db, row.id, this.clock().toISOString(), file)) && file) this.transport.discard(file);
        this.notBefore.delete(row.id);
        sent++;
      } catch (error) {
        // Never the address or the text: only which message and why.
        // (SMTP answers often quote the recipient: "550 <ann@example.org>: no such user".)
        const reason = String((error as Error).message).replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '[address]').slice(0, 300);
        this.onError(`email ${row.id} (${row.kind}) not sent: ${reason}`);
        if (row.attempts + 1 >= MAX_ATTEMPTS) {
          await markFailed(this.db, row.id);
          this.notBefore.delete(row.id);
        } else {
          this.notBefore.set(row.id, Date.now() + RETRY_DELAYS_MS[row.attempts]!);
        }
      }
    }
    return sent;
  }

  /** The message's text now, or undefined when there is nothing to send any more (purged, moved on). */
  private async render(row: EmailRow): Promise<Outgoing | undefined> {
    if (!row.pledge_id) return undefined;
    const pledge = await findPledge(this.db, row.pledge_id);
    const contact = await findContact(this.db, row.pledge_id);
    if (!pledge || !contact) return undefined;
    const locale = toLocale(row.locale);
    const context = {
      locale,
      contactName: contact.name,
      organisation: (JSON.parse(pledge.organisation) as { name: string }).name,
      compact: await compactName(this.db, pledge.compact_id, locale),
    };
    const now = this.clock();
    switch (row.kind) {
      case 'confirm': {
        if (pledge.status !== 'unconfirmed') return undefined;
        const token = newSecret();
        const until = new Date(now.getTime() + this.settings.confirmDays * 86_400_000).toISOString();
        const link = { status: 'unconfirmed' as const, fields: { link_hash: hashSecret(token), confirm_by: until } };
        return { ...confirmMessage(context, pledgeLink(this.settings.publicUrl, token, locale), until), link };
      }
      case 'info': {
        if (pledge.status !== 'info_requested' || !pledge.info_question) return undefined;
        const token = newSecret();
        const link = { status: 'info_requested' as const, fields: { link_hash: hashSecret(token) } };
        return { ...infoMessage(context, pledge.info_question, pledgeLink(this.settings.publicUrl, token, locale)), link };
      }
      case 'approved': {
        if (pledge.status !== 'approved' || !pledge.signatory_id) return undefined;
        const organisation = (JSON.parse(pledge.organisation) as { name: string }).name;
        return approvedMessage({ ...context, organisation }, badgeSnippet(this.settings.publicUrl, pledge.compact_id, pledge.signatory_id), pledge.consent_publish === 1);
      }
      case 'rejected': {
        if (pledge.status !== 'rejected') return undefined;
        const code = (REJECT_REASON_CODES as string[]).includes(pledge.reason_code ?? '') ? (pledge.reason_code as RejectReason) : 'other';
        return rejectedMessage(context, code, pledge.reason);
      }
      default:
        return undefined;
    }
  }
}
