/** The confirmation panel, as GOV.UK's: what happened to the sign-up, and its reference. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { PledgeStatus } from './pledge-events.js';
import type { PledgeBody } from './values.js';

export interface Confirmation {
  /** What the endpoint said; absent when nothing was sent (the honeypot): said as `pending`. */
  status?: PledgeStatus;
  id?: string;
  body?: PledgeBody;
  /** The compact's name, as markup in its own language. */
  compactName: unknown;
  heading(content: unknown): TemplateResult;
  onAnother(): void;
}

export function renderConfirmation({ status = 'pending', id, body, compactName, heading, onAnother }: Confirmation): TemplateResult {
  const title = {
    pending: () => msg('Sign-up received', { id: 'pledge-form.done.pending.title' }),
    accepted: () => msg('Your organisation has signed', { id: 'pledge-form.done.accepted.title' }),
    duplicate: () => msg('We already have this sign-up', { id: 'pledge-form.done.duplicate.title' }),
  }[status]();
  const text = {
    pending: () =>
      msg('Thank you. The compact officer will check your sign-up before your organisation is added to the list of signatories.', {
        id: 'pledge-form.done.pending.text',
      }),
    accepted: () => msg(html`Thank you. Your organisation is now a signatory of ${compactName}.`, { id: 'pledge-form.done.accepted.text' }),
    duplicate: () =>
      msg('Your organisation’s sign-up had already reached us. You do not need to send it again.', {
        id: 'pledge-form.done.duplicate.text',
      }),
  }[status]();
  return html`<div class="panel" id="confirmation" part="confirmation" tabindex="-1">
      ${heading(title)}
      ${id ? html`<p>${msg('Your reference', { id: 'pledge-form.done.reference' })}<br /><span class="reference">${id}</span></p>` : nothing}
    </div>
    <p>${text}</p>
    ${body?.consent?.publish === false
      ? html`<p>
          ${msg('As you asked, your organisation’s name will not be published in the list of signatories.', {
            id: 'pledge-form.done.unpublished',
          })}
        </p>`
      : nothing}
    <button class="button secondary" type="button" @click=${onAnother}>
      ${msg('Sign up another organisation', { id: 'pledge-form.done.another' })}
    </button>`;
}
