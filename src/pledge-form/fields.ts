/**
 * The form's questions, as GOV.UK's text input, radios (with a conditional reveal) and checkboxes:
 * pure templates of the values and the errors they are given. Behaviour is elsewhere: events in the
 * element, checks in its session (form-session.ts, validators.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { TYPES_BY_SECTOR, type CompactFeed, type Sector } from '../feed/types.js';
import { safeHttpUrl } from '../feed/url.js';
import type { FeedText } from '../i18n/feed-text.js';
import { sectorText, typeName } from '../i18n/labels.js';
import { renderCharacterCount } from './character-count.js';
import { REGISTER_KINDS, type FieldName, type PledgeValues, type RegisterKind } from './values.js';

/** Something said right after a field (the "already signed" notice), and its id for aria-describedby. */
export interface Aside {
  id: string;
  content: TemplateResult;
}

export interface FieldContext {
  values: PledgeValues;
  /** The field's error message, in the page's language, if it has one. */
  error(field: FieldName): string | undefined;
  /** What follows the field, if anything. */
  aside(field: FieldName): Aside | undefined;
  feed: CompactFeed;
  words: FeedText;
  /** A heading one level below the form's own. */
  subheading(content: unknown): TemplateResult;
}

type TextFieldName = 'orgName' | 'regNumber' | 'website' | 'contactName' | 'contactEmail' | 'contactRole' | 'championName' | 'championRole';

interface TextSpec {
  label: string;
  hint?: string;
  /** The id of the hint of the section the field is in, read with the field's own. */
  sectionHint?: string;
  autocomplete: string;
  type?: 'text' | 'email' | 'url';
  /** Names and numbers are not words: no red underlines. */
  names?: boolean;
  narrow?: boolean;
}

/** The id a link to the field moves focus to: the field, or a group's first choice. */
export function targetId(field: FieldName, values: PledgeValues): string {
  switch (field) {
    case 'registered':
      return 'registered-chc';
    case 'sector':
      return 'sector-voluntary';
    case 'type':
      return `type-${(TYPES_BY_SECTOR[values.sector as Sector] ?? TYPES_BY_SECTOR.voluntary)[0]}`;
    default:
      return field;
  }
}

/** Every question, from "Your organisation" to the consent boxes. */
export function renderFields(ctx: FieldContext): TemplateResult {
  const privacy = safeHttpUrl(ctx.feed.pledge?.privacyNotice);
  return html`${ctx.subheading(msg('Your organisation', { id: 'pledge-form.section.organisation' }))}
    ${textField(ctx, 'orgName', { label: msg('Name of your organisation', { id: 'pledge-form.orgName.label' }), autocomplete: 'organization' })}
    ${renderRegistered(ctx)} ${renderSector(ctx)}
    ${textField(ctx, 'website', {
      label: msg('Website (optional)', { id: 'pledge-form.website.label' }),
      hint: msg('For example, www.example.org', { id: 'pledge-form.website.hint' }),
      autocomplete: 'url',
      type: 'url',
    })}
    ${ctx.subheading(msg('Your details', { id: 'pledge-form.section.contact' }))}
    ${textField(ctx, 'contactName', { label: msg('Full name', { id: 'pledge-form.contactName.label' }), autocomplete: 'name', names: true })}
    ${textField(ctx, 'contactEmail', {
      label: msg('Email address', { id: 'pledge-form.contactEmail.label' }),
      autocomplete: 'email',
      type: 'email',
      names: true,
    })}
    ${textField(ctx, 'contactRole', {
      label: msg('Your role in the organisation (optional)', { id: 'pledge-form.contactRole.label' }),
      hint: msg('For example, chair or volunteer coordinator', { id: 'pledge-form.contactRole.hint' }),
      autocomplete: 'organization-title',
    })}
    ${ctx.subheading(msg('Compact Champion (optional)', { id: 'pledge-form.section.champion' }))}
    <p class="hint" id="champion-hint">
      ${msg('A named person who promotes the compact in your organisation. You can add one later.', { id: 'pledge-form.champion.hint' })}
    </p>
    ${textField(ctx, 'championName', {
      label: msg('Champion’s full name', { id: 'pledge-form.championName.label' }),
      autocomplete: 'off',
      names: true,
      sectionHint: 'champion-hint',
    })}
    ${textField(ctx, 'championRole', { label: msg('Champion’s role', { id: 'pledge-form.championRole.label' }), autocomplete: 'off', sectionHint: 'champion-hint' })}
    ${renderCharacterCount({
      id: 'pledge',
      label: msg('Your pledge, in your own words (optional)', { id: 'pledge-form.pledge.label' }),
      hint: msg('What will your organisation do to support the compact? We may show this with your organisation’s name.', {
        id: 'pledge-form.pledge.hint',
      }),
      value: ctx.values.pledge,
      error: fieldError(ctx, 'pledge'),
    })}
    <div class="field">
      <fieldset aria-describedby="consent-hint">
        <legend>${msg('Publishing and contact', { id: 'pledge-form.consent.legend' })}</legend>
        <div class="hint" id="consent-hint">
          ${msg('Both are optional.', { id: 'pledge-form.consent.hint' })}
          ${privacy
            ? html`<a href=${privacy} target="_blank" rel="noopener noreferrer"
                >${msg('Read the privacy notice (opens in new tab)', { id: 'pledge-form.consent.privacy' })}</a
              >`
            : nothing}
        </div>
        <div class="choices">
          ${checkbox(
            ctx,
            'consentPublish',
            msg('Publish our organisation’s name in the list of signatories', { id: 'pledge-form.consentPublish.label' }),
            msg('If you leave this unticked, your organisation still signs up, but its name is not shown in the public list.', {
              id: 'pledge-form.consentPublish.hint',
            }),
          )}
          ${checkbox(
            ctx,
            'consentContact',
            msg('You may contact us about the compact', { id: 'pledge-form.consentContact.label' }),
            msg('If you leave this unticked, we will only contact you about this sign-up.', { id: 'pledge-form.consentContact.hint' }),
          )}
        </div>
      </fieldset>
    </div>`;
}

function fieldError(ctx: FieldContext, field: FieldName): TemplateResult | undefined {
  const text = ctx.error(field);
  if (text === undefined) return undefined;
  return html`<p class="error-message" id="${field}-error">
    <span class="visually-hidden">${msg('Error:', { id: 'pledge-form.error.prefix' })}</span> ${text}
  </p>`;
}

const describedBy = (...ids: (string | false | undefined)[]): string | undefined => ids.filter(Boolean).join(' ') || undefined;

function textField(ctx: FieldContext, name: TextFieldName, spec: TextSpec): TemplateResult {
  const { label, hint, sectionHint, autocomplete, type = 'text', names, narrow } = spec;
  const error = fieldError(ctx, name);
  const aside = ctx.aside(name);
  return html`<div class="field ${error ? 'field-error' : ''}">
    <label class="label" for=${name}>${label}</label>
    ${hint ? html`<div class="hint" id="${name}-hint">${hint}</div>` : nothing} ${error ?? nothing}
    <input
      class="input ${narrow ? 'narrow' : ''}"
      id=${name}
      name=${name}
      type=${type}
      autocomplete=${autocomplete}
      spellcheck=${ifDefined(names ? 'false' : undefined)}
      aria-describedby=${ifDefined(describedBy(sectionHint, hint && `${name}-hint`, !!error && `${name}-error`, aside?.id))}
      aria-invalid=${ifDefined(error ? 'true' : undefined)}
      .value=${live(String(ctx.values[name]))}
    />
    ${aside?.content ?? nothing}
  </div>`;
}

function checkbox(ctx: FieldContext, name: 'consentPublish' | 'consentContact', label: string, hint: string): TemplateResult {
  return html`<div class="choice">
    <input type="checkbox" id=${name} name=${name} aria-describedby="${name}-hint" .checked=${live(ctx.values[name])} />
    <label for=${name}>${label}</label>
    <div class="hint" id="${name}-hint">${hint}</div>
  </div>`;
}

function renderRegistered(ctx: FieldContext): TemplateResult {
  const labels: Record<RegisterKind | 'none', string> = {
    chc: msg('Registered charity in England and Wales', { id: 'pledge-form.registered.chc' }),
    sc: msg('Scottish charity (registered with OSCR)', { id: 'pledge-form.registered.sc' }),
    nic: msg('Charity in Northern Ireland', { id: 'pledge-form.registered.nic' }),
    coh: msg('Company registered with Companies House', { id: 'pledge-form.registered.coh' }),
    none: msg('Not registered (for example, a community group)', { id: 'pledge-form.registered.none' }),
  };
  const kind = ctx.values.registered;
  // Each register reveals the number box under itself (GOV.UK's conditional reveal); only the
  // chosen one holds it, so there is one "regNumber" field whichever is chosen.
  return radioGroup(ctx, 'registered', {
    legend: msg('Is your organisation registered?', { id: 'pledge-form.registered.legend' }),
    hint: msg('This helps us to avoid listing the same organisation twice.', { id: 'pledge-form.registered.hint' }),
    options: [
      ...REGISTER_KINDS.map((value) => ({
        value,
        label: labels[value],
        reveals: (kind === value ? renderNumber(ctx, value) : nothing) as TemplateResult | typeof nothing,
      })),
      { value: 'none', label: labels.none },
    ],
  });
}

function renderNumber(ctx: FieldContext, kind: RegisterKind): TemplateResult {
  const hints: Record<RegisterKind, string> = {
    chc: msg('For example, 1234567', { id: 'pledge-form.regNumber.hint.chc' }),
    sc: msg('For example, SC012345', { id: 'pledge-form.regNumber.hint.sc' }),
    nic: msg('For example, 100001', { id: 'pledge-form.regNumber.hint.nic' }),
    coh: msg('For example, 01234567 or SC123456', { id: 'pledge-form.regNumber.hint.coh' }),
  };
  const label =
    kind === 'coh' ? msg('Company number', { id: 'pledge-form.regNumber.company' }) : msg('Charity number', { id: 'pledge-form.regNumber.charity' });
  return textField(ctx, 'regNumber', { label, hint: hints[kind], autocomplete: 'off', names: true, narrow: true });
}

function renderSector(ctx: FieldContext): TemplateResult {
  const sector = ctx.values.sector;
  return html`${radioGroup(ctx, 'sector', {
    legend: msg('Which sector is your organisation part of?', { id: 'pledge-form.sector.legend' }),
    options: (['voluntary', 'public'] as const).map((value) => ({ value, label: sectorText(ctx.feed, value, ctx.words) })),
  })}
  ${sector
    ? radioGroup(ctx, 'type', {
        legend: msg('What type of organisation is it?', { id: 'pledge-form.type.legend' }),
        options: (TYPES_BY_SECTOR[sector] ?? []).map((value) => ({ value, label: typeName(value) })),
      })
    : nothing}`;
}

function radioGroup(
  ctx: FieldContext,
  name: 'registered' | 'sector' | 'type',
  group: {
    legend: string;
    hint?: string;
    /** `reveals`: what choosing this option brings (present, even when empty, so aria-controls has a target). */
    options: { value: string; label: unknown; reveals?: TemplateResult | typeof nothing }[];
  },
): TemplateResult {
  const error = fieldError(ctx, name);
  const current = ctx.values[name];
  return html`<div class="field ${error ? 'field-error' : ''}">
    <fieldset aria-describedby=${ifDefined(describedBy(group.hint && `${name}-hint`, !!error && `${name}-error`))}>
      <legend>${group.legend}</legend>
      ${group.hint ? html`<div class="hint" id="${name}-hint">${group.hint}</div>` : nothing} ${error ?? nothing}
      <div class="choices">
        ${group.options.map(({ value, label, reveals }) => {
          const id = `${name}-${value}`;
          const chosen = current === value;
          // aria-controls as GOV.UK sets it; not aria-expanded, which ARIA does not allow on a radio
          // (axe: aria-allowed-attr): being checked already says the question below is open.
          const revealId = reveals === undefined ? undefined : `${id}-conditional`;
          return html`<div class="choice">
              <input type="radio" id=${id} name=${name} value=${value} aria-controls=${ifDefined(revealId)} .checked=${live(chosen)} />
              <label for=${id}>${label}</label>
            </div>
            ${revealId
              ? html`<div class="conditional ${chosen ? '' : 'conditional-hidden'}" id=${revealId}>${chosen ? reveals : nothing}</div>`
              : nothing}`;
        })}
      </div>
    </fieldset>
  </div>`;
}
