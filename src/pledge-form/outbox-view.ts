/** What the form shows while a sign-up waits on this device to be sent, and what it says meanwhile. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { MINUTE_MS, SECOND_MS } from '../feed/time.js';
import { formatDuration } from '../i18n/dates.js';
import type { WaitReason } from './pledge-events.js';
import type { SenderState } from './pledge-sender.js';

export function renderOutbox(state: SenderState, heading: (content: unknown) => TemplateResult, onRetry: () => void): TemplateResult {
  const waiting = state.phase === 'waiting' ? state : undefined;
  return html`<div class="notice outbox" id="outbox" part="outbox" tabindex="-1">
    ${heading(
      waiting
        ? msg('Your sign-up has not been sent yet', { id: 'pledge-form.outbox.title' })
        : msg('Sending your saved sign-up…', { id: 'pledge-form.outbox.sending' }),
    )}
    ${waiting ? html`<p>${waitingText(waiting.reason, waiting.retryInMs)}</p>` : nothing}
    <p>${msg('If you close this page, we will send it the next time you open it on this device.', { id: 'pledge-form.outbox.keep' })}</p>
    <button class="button secondary" type="button" aria-disabled=${waiting ? 'false' : 'true'} @click=${onRetry}>
      ${msg('Try again now', { id: 'pledge-form.outbox.retry' })}
    </button>
  </div>`;
}

/** Why the sign-up is waiting, and what happens next. */
export function waitingText(reason: WaitReason, retryInMs: number): string {
  const texts: Record<WaitReason, () => string> = {
    offline: () => msg('Saved on this device. We’ll send it when you’re back online.', { id: 'pledge-form.waiting.offline' }),
    unavailable: () =>
      msg('Saved on this device. The sign-up service is not answering at the moment, so we’ll keep trying.', {
        id: 'pledge-form.waiting.unavailable',
      }),
    busy: () => {
      const wait = durationText(retryInMs);
      return msg(str`Saved on this device. The sign-up service is busy, so we’ll try again in ${wait}.`, { id: 'pledge-form.waiting.busy' });
    },
    misdirected: () =>
      msg(
        'Saved on this device, but not sent: the sign-up service’s address on this website is set up wrongly. Please tell the compact officer. We’ll keep trying.',
        { id: 'pledge-form.waiting.misdirected' },
      ),
    unconfirmed: () =>
      msg(
        'Saved on this device, but not sent: the sign-up service did not confirm that it received your sign-up. If you use a Wi-Fi network that asks you to sign in, sign in first. We’ll keep trying.',
        { id: 'pledge-form.waiting.unconfirmed' },
      ),
  };
  return texts[reason]();
}

/** Whole seconds (at least one), or minutes from a minute up. */
function durationText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / SECOND_MS));
  return seconds * SECOND_MS >= MINUTE_MS ? formatDuration(Math.round(seconds / 60), 'minute') : formatDuration(seconds, 'second');
}
