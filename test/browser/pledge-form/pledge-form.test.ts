import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { feedElementSuite } from '../../helpers/feed-element-suite.js';
import { $, $$, foldText, settled, shadowText } from '../../helpers/dom.js';
import { sampleFeed } from '../../helpers/feeds.js';
import { expectLinkButtonLook } from '../../helpers/focus.js';
import { forcedColours } from '../../helpers/forced-colours.js';
import { systemColour } from '../../../server/test/helpers/layout-core.js';
import type { CompactPledgeForm } from '../../../src/pledge-form/pledge-form.js';
import type { PledgeErrorDetail } from '../../../src/pledge-form/pledge-events.js';
import { STORAGE_PREFIX } from '../../../src/pledge-form/endpoint.js';
import { choose, fillValid, form, pledgeFeed, pledgeLog, resetPledges, submit, type } from './helpers.js';


const withoutPledge = () => {
  const feed = sampleFeed() as Record<string, unknown>;
  delete feed.pledge;
  return feed;
};

feedElementSuite({
  tag: 'compact-pledge-form',
  readyText: 'Name of your organisation',
  emptyFeed: withoutPledge(),
  emptyText: 'This compact is not taking pledges online.',
});

/** The element's shadow root's active element (focus inside the widget). */
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<compact-pledge-form>: the form', () => {
  beforeEach(resetPledges);

  it('labels every field in its own shadow root, with the autocomplete tokens people and browsers expect', async () => {
    const el = await form(pledgeFeed());
    const expected: Record<string, string> = {
      orgName: 'organization',
      website: 'url',
      contactName: 'name',
      contactEmail: 'email',
      contactRole: 'organization-title',
    };
    for (const [id, token] of Object.entries(expected)) {
      const input = $<HTMLInputElement>(el, `#${id}`)!;
      expect(input.getAttribute('autocomplete'), id).to.equal(token);
      expect(input.labels?.length, `${id} has a label`).to.equal(1);
    }
    // Every control, including radios and checkboxes, has a label in the same root.
    for (const input of $$<HTMLInputElement>(el, 'input:not(#hp-extra), textarea')) {
      expect(input.labels?.length, input.id).to.equal(1);
      expect(input.labels![0].getRootNode()).to.equal(el.shadowRoot);
    }
    // Radio groups sit in fieldsets with legends.
    for (const name of ['registered', 'sector']) {
      const radio = $<HTMLInputElement>(el, `input[name=${name}]`)!;
      expect(radio.closest('fieldset')?.querySelector('legend')?.textContent?.trim()).to.have.length.greaterThan(5);
    }
    expect($<HTMLInputElement>(el, '#contactEmail')!.type).to.equal('email');
    expect($<HTMLInputElement>(el, '#contactEmail')!.getAttribute('spellcheck')).to.equal('false');
    expect($(el, 'form')!.hasAttribute('novalidate')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows what signing means: the feed’s statement, else the voluntary and joint commitments', async () => {
    const withStatement = pledgeFeed();
    (withStatement.pledge as Record<string, unknown>).statement = { en: 'Signing means working together.', cy: 'Mae llofnodi yn golygu cydweithio.' };
    const el = await form(withStatement);
    expect($(el, '[part=statement]')!.textContent).to.contain('Signing means working together.');

    const el2 = await form(pledgeFeed());
    const statement = $(el2, '[part=statement]')!.textContent!;
    expect(statement).to.contain('Involve service users in our work.');
    expect(statement).to.contain('Share information openly.');
    expect(statement).not.to.contain('Consult early'); // a public-sector commitment
  });

  it('asks the sector in the compact’s own words, voluntary first, then the types of that sector', async () => {
    const el = await form(pledgeFeed());
    const sectors = $$<HTMLInputElement>(el, 'input[name=sector]').map((r) => r.labels![0].textContent!.trim());
    expect(sectors).to.deep.equal(['Third sector', 'Public sector']);
    expect($(el, 'input[name=type]')).to.equal(null);
    await choose(el, 'sector-voluntary');
    const types = $$<HTMLInputElement>(el, 'input[name=type]').map((r) => r.value);
    expect(types[0]).to.equal('charity');
    expect(types).to.include('other-voluntary');
    expect(types).not.to.include('police');
    await choose(el, 'type-community-group');
    await choose(el, 'sector-public');
    expect($$<HTMLInputElement>(el, 'input[name=type]').map((r) => r.value)).to.include('police');
    expect($$<HTMLInputElement>(el, 'input[name=type]:checked')).to.have.length(0, 'a voluntary type is not kept for a public body');
  });

  it('shows its empty state when the feed takes no pledges', async () => {
    const el = await form(withoutPledge());
    expect(shadowText(el)).to.contain('This compact is not taking pledges online.');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('refuses an endpoint that is not https (except on localhost): a configuration error, never a request', async () => {
    const errors: PledgeErrorDetail[] = [];
    const listener = (e: Event) => errors.push((e as CustomEvent<PledgeErrorDetail>).detail);
    document.addEventListener('compact-pledge-error', listener);
    try {
      const el = await form(pledgeFeed({}, 'http://pledges.example.org/api'));
      expect($(el, 'form')).to.equal(null);
      expect(shadowText(el)).to.contain('Online sign-up is not working at the moment.');
      expect(errors.map((e) => e.kind)).to.deep.equal(['config']);
      await expect(el).to.be.accessible();
    } finally {
      document.removeEventListener('compact-pledge-error', listener);
    }
  });

  it('on submit, shows an error summary that takes focus, inline errors, aria-invalid and aria-describedby; sends nothing', async () => {
    const events: PledgeErrorDetail[] = [];
    const el = await form(pledgeFeed());
    el.addEventListener('compact-pledge-error', (e) => events.push(e.detail));
    $<HTMLInputElement>(el, '#orgName')!.focus();
    await submit(el);
    const summary = $(el, '[part=error-summary]')!;
    expect(summary).to.exist;
    expect(focused(el)).to.equal(summary);
    expect(summary.querySelector('[role=alert] h3')!.textContent!.trim()).to.equal('There is a problem');
    const links = [...summary.querySelectorAll('a')].map((a) => a.textContent!.trim());
    expect(links).to.deep.equal([
      'Enter the name of your organisation',
      'Select whether your organisation is registered',
      'Select the sector your organisation is part of',
      'Enter your full name',
      'Enter your email address',
    ]);
    const name = $<HTMLInputElement>(el, '#orgName')!;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(name.getAttribute('aria-describedby')).to.equal('orgName-error');
    expect(foldText($(el, '#orgName-error'))).to.equal('Error: Enter the name of your organisation');
    expect($(el, '#orgName-error .visually-hidden')!.textContent).to.equal('Error:');
    const role = $<HTMLInputElement>(el, '#contactRole')!;
    expect(role.getAttribute('aria-describedby')).to.equal('contactRole-hint');
    expect(role.hasAttribute('aria-invalid')).to.equal(false);
    // The Champion section's hint ("optional; you can add one later") is read with both its fields.
    for (const id of ['championName', 'championRole']) {
      expect($(el, `#${id}`)!.getAttribute('aria-describedby'), id).to.equal('champion-hint');
    }
    expect($(el, '#champion-hint')).to.exist;
    expect($(el, 'fieldset[aria-describedby~="registered-error"]')).to.exist;
    expect(events).to.have.length(1);
    expect(events[0].kind).to.equal('validation');
    expect(events[0].errors!.map((e) => e.field)).to.deep.equal([
      'organisation.name',
      'organisation.id',
      'organisation.sector',
      'contact.name',
      'contact.email',
    ]);
    expect(await pledgeLog()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('summary links move focus to their field (a text box, or a group’s first choice)', async () => {
    const el = await form(pledgeFeed());
    await submit(el);
    const link = (text: string) => [...$$<HTMLAnchorElement>(el, '[part=error-summary] a')].find((a) => a.textContent!.includes(text))!;
    link('email').click();
    expect(focused(el)?.id).to.equal('contactEmail');
    link('registered').click();
    expect(focused(el)?.id).to.equal('registered-chc');
    // By keyboard: Enter on a focused link.
    link('name of your organisation').focus();
    await sendKeys({ press: 'Enter' });
    expect(focused(el)?.id).to.equal('orgName');
    expect(location.hash).to.equal('', 'the page’s address is not changed');
  });

  it('does not validate while typing; once a field has shown an error it re-validates on change', async () => {
    const el = await form(pledgeFeed());
    const email = $<HTMLInputElement>(el, '#contactEmail')!;
    email.value = 'not-an-email';
    email.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    email.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($(el, '#contactEmail-error')).to.equal(null, 'no error before the first submit');
    await submit(el);
    expect($(el, '#contactEmail-error')!.textContent).to.contain('Enter an email address in the correct format');
    // Typing alone does not change the message; the change event re-validates.
    email.value = 'sian@example.org';
    email.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect($(el, '#contactEmail-error')).to.exist;
    email.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($(el, '#contactEmail-error')).to.equal(null);
    expect(email.hasAttribute('aria-invalid')).to.equal(false);
    expect($(el, '[part=error-summary]')!.textContent).not.to.contain('email');
    // An answer another depends on: choosing "not registered" clears the number's error.
    await choose(el, 'registered-chc');
    await submit(el);
    expect($(el, '#regNumber-error')!.textContent).to.contain('Enter your charity number');
    await choose(el, 'registered-none');
    expect($(el, '#regNumber')).to.equal(null);
    expect($(el, '[part=error-summary]')!.textContent).not.to.contain('charity number');
  });

  it('checks registration numbers for format and sends them as org-ids', async () => {
    const el = await form(pledgeFeed());
    await fillValid(el);
    const cases: [string, string, string | null][] = [
      ['registered-chc', '12345', 'Charity number must be 6 to 8 digits'],
      ['registered-sc', 'SC12345', 'Scottish charity number must be SC followed by 6 digits'],
      ['registered-nic', '099999', 'Northern Ireland charity number must be 6 digits'],
      ['registered-coh', 'ABC12345', 'Company number must be 8 characters'],
      ['registered-sc', 'sc 012345', null],
    ];
    for (const [kind, number, error] of cases) {
      await choose(el, kind);
      await type(el, 'regNumber', number);
      await submit(el);
      if (error) expect($(el, '#regNumber-error')?.textContent, `${kind} ${number}`).to.contain(error);
      else expect($(el, '#regNumber-error'), `${kind} ${number}`).to.equal(null);
    }
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation');
    const [sent] = await pledgeLog();
    expect(JSON.parse(sent.body).organisation.id).to.equal('GB-SC-SC012345');
  });

  it('says inline, politely, when the organisation has already signed (by name or by org-id), with a link', async () => {
    const el = await form(pledgeFeed());
    await type(el, 'orgName', 'st johns community-trust');
    const hint = $(el, '#name-signed')!;
    expect(hint.textContent).to.contain('St John’s Community Trust has already signed this compact'.replace('’', "'"));
    expect(hint.querySelector('a')!.getAttribute('href')).to.equal('https://example.org/stjohns');
    expect($(el, '#orgName')!.getAttribute('aria-describedby')).to.contain('name-signed');
    const live = el.shadowRoot!.querySelector('[role=status]')!;
    expect(live.textContent).to.contain('has already signed');
    await expect(el).to.be.accessible();

    // Accents ignored; no website of its own, so the link is the compact's page.
    await type(el, 'orgName', 'Cor Meibion Testshire');
    expect($(el, '#name-signed a')!.getAttribute('href')).to.equal('https://example.org/compact');

    await type(el, 'orgName', 'A new group');
    expect($(el, '#name-signed')).to.equal(null);
    await choose(el, 'registered-chc');
    await type(el, 'regNumber', '1234567');
    expect($(el, '#id-signed')!.textContent).to.contain('has already signed');
    expect($(el, '#regNumber')!.getAttribute('aria-describedby')).to.contain('id-signed');
  });

  it('counts characters as GOV.UK does: visible at once, spoken after a pause, never cut off', async () => {
    const el = await form(pledgeFeed());
    const count = $(el, '.count')!;
    expect(count.textContent!.trim()).to.equal('You have 500 characters remaining');
    expect(count.getAttribute('aria-hidden')).to.equal('true');
    const textarea = $<HTMLTextAreaElement>(el, '#pledge')!;
    expect(textarea.hasAttribute('maxlength')).to.equal(false);
    expect(textarea.getAttribute('aria-describedby')).to.equal('pledge-hint pledge-limit');
    expect($(el, '#pledge-limit')!.textContent).to.equal('You can enter up to 500 characters');
    await type(el, 'pledge', 'x'.repeat(499));
    expect(count.textContent!.trim()).to.equal('You have 1 character remaining');
    const live = el.shadowRoot!.querySelector('[role=status]')!;
    expect(live.textContent).not.to.contain('remaining', 'not spoken per keystroke');
    await waitUntil(() => live.textContent!.includes('You have 1 character remaining'), 'spoken after a pause', { timeout: 2000 });
    await type(el, 'pledge', 'x'.repeat(503));
    expect(count.textContent!.trim()).to.equal('You have 3 characters too many');
    expect(count.classList.contains('over')).to.equal(true);
    expect(textarea.value.length).to.equal(503);
    await submit(el);
    expect($(el, '#pledge-error')!.textContent).to.contain('Your pledge must be 500 characters or fewer');
  });

  it('a filled honeypot is thanked and nothing is sent; the honeypot is out of reach of people', async () => {
    const el = await form(pledgeFeed());
    const trap = $<HTMLInputElement>(el, '#hp-extra')!;
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.getAttribute('autocomplete')).to.equal('off');
    expect(trap.closest('[aria-hidden=true]')).to.exist;
    await fillValid(el);
    trap.value = 'http://spam.example';
    const fetches: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => (fetches.push(String(input)), realFetch(input, init));
    try {
      await submit(el);
      await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation');
    } finally {
      window.fetch = realFetch;
    }
    // A sign-up that is sent is first kept in the outbox, and its request made at once (minFillMs 0).
    expect(Object.keys(localStorage).filter((k) => k.startsWith(STORAGE_PREFIX) && k.includes(':outbox'))).to.deep.equal([]);
    expect(fetches.filter((url) => url.includes('/test-pledge'))).to.deep.equal([]);
    expect(await pledgeLog()).to.have.length(0);
  });

  it('the honeypot takes no space on screen (the shared visually-hidden class)', async () => {
    const el = await form(pledgeFeed());
    const trap = $<HTMLInputElement>(el, '#hp-extra')!.parentElement!;
    const box = trap.getBoundingClientRect();
    expect(box.width <= 1 && box.height <= 1, `${box.width}×${box.height}`).to.equal(true);
    expect(getComputedStyle(trap).clipPath).to.equal('inset(50%)');
    expect(getComputedStyle(trap).position).to.equal('absolute');
  });

  it('"Clear the form" is the shared link button: a link’s look and keyboard focus, 44px tall, LinkText in forced colours', async () => {
    const el = await form(pledgeFeed());
    const clear = $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.includes('Clear the form'))!;
    expect(clear.classList.contains('link-button')).to.equal(true);
    expect(clear.getBoundingClientRect().height).to.be.at.least(44);
    await expectLinkButtonLook(clear);
    // In Chromium's forced colours, in both palettes: a button takes ButtonText there, which would
    // make it read as a button, not a link. At rest: focused, every control is LinkText there.
    clear.blur();
    for (const palette of ['light', 'dark'] as const) {
      await forcedColours(true, palette);
      await el.updateComplete;
      const style = getComputedStyle(clear);
      expect(style.color, `in forced colours (${palette}), the link colour`).to.equal(systemColour(document, 'LinkText'));
      expect(style.color, `in forced colours (${palette}), not a button's colour`).not.to.equal(systemColour(document, 'ButtonText'));
      expect(style.textDecorationLine, `underlined, as a link, in forced colours (${palette})`).to.equal('underline');
    }
  });

  it('takes its heading and introduction from slots', async () => {
    const el = await form(
      pledgeFeed(),
      '<compact-pledge-form><span slot="heading">Join us</span><p slot="intro">It takes five minutes.</p></compact-pledge-form>',
    );
    const slot = $<HTMLSlotElement>(el, 'h2 slot[name=heading]')!;
    expect(slot.assignedNodes()[0].textContent).to.equal('Join us');
    expect($<HTMLSlotElement>(el, 'slot[name=intro]')!.assignedElements()[0].textContent).to.equal('It takes five minutes.');
  });

  it('keeps what was typed across a reload, and clears it on request', async () => {
    const feed = pledgeFeed();
    const first = await form(feed);
    await type(first, 'orgName', 'Leigh Community Larder');
    await choose(first, 'sector-voluntary');
    await type(first, 'pledge', 'We will share what we learn.');
    await waitUntil(() => Object.keys(localStorage).some((k) => k.startsWith(STORAGE_PREFIX) && k.includes(':draft:')), 'draft saved');
    first.remove();
    const second = await form(pledgeFeed());
    expect($<HTMLInputElement>(second, '#orgName')!.value).to.equal('Leigh Community Larder');
    expect($<HTMLInputElement>(second, '#sector-voluntary')!.checked).to.equal(true);
    expect($<HTMLTextAreaElement>(second, '#pledge')!.value).to.equal('We will share what we learn.');
    [...$$<HTMLButtonElement>(second, 'button')].find((b) => b.textContent!.includes('Clear the form'))!.click();
    await second.updateComplete;
    expect($<HTMLInputElement>(second, '#orgName')!.value).to.equal('');
    expect(Object.keys(localStorage).filter((k) => k.startsWith(STORAGE_PREFIX))).to.deep.equal([]);
  });

  it('a corrupt draft on the device never breaks the form: impossible choices are dropped, the rest kept', async () => {
    const feed = pledgeFeed();
    const key = `${STORAGE_PREFIX}${feed.compact.id}:${(feed.pledge as { endpoint: string }).endpoint}:draft`;
    const corrupt = [
      { orgName: 'Leigh Community Larder', sector: 'joint', type: 'charity', registered: 'xyz', regNumber: '1' },
      { orgName: 'Leigh Community Larder', sector: 'public', type: 'charity', registered: 'none' },
      { orgName: 'Leigh Community Larder', sector: '__proto__', type: 7, consentPublish: 'yes' },
    ];
    for (const draft of corrupt) {
      // Each one alone on the device (the last form's own draft would otherwise come first), in
      // both the earlier single slot and a closed tab's slot.
      for (const k of Object.keys(localStorage)) if (k.startsWith(STORAGE_PREFIX)) localStorage.removeItem(k);
      if (corrupt.indexOf(draft) % 2) localStorage.setItem(key, JSON.stringify(draft));
      else localStorage.setItem(`${key}:closed-tab`, JSON.stringify({ savedAt: 1, values: draft }));
      const el = await form(pledgeFeed());
      expect($<HTMLInputElement>(el, '#orgName')!.value, JSON.stringify(draft)).to.equal('Leigh Community Larder');
      expect($$<HTMLInputElement>(el, 'input[name=type]:checked'), 'no type kept that the sector does not offer').to.have.length(0);
      expect($$<HTMLInputElement>(el, 'input[name=registered]:checked').map((r) => r.value)).to.deep.equal(
        draft.registered === 'none' ? ['none'] : [],
      );
      // Still usable: choosing a sector shows its types, and the form sends.
      await choose(el, 'sector-voluntary');
      expect($(el, '#type-charity')).to.exist;
      el.remove();
    }
    const el = await form(pledgeFeed());
    await fillValid(el);
    await submit(el);
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation');
    const [sent] = await pledgeLog();
    expect(JSON.parse(sent.body).organisation).to.deep.include({ sector: 'voluntary', type: 'charity' });
  });

  it('heading-level sets the heading’s level (2–6, default 2); the headings inside are one below, at most h6', async () => {
    const levels = (el: CompactPledgeForm) => ({
      heading: $(el, '[part=heading]')!.tagName,
      sub: [...new Set($$(el, '.subheading').map((h) => h.tagName))],
    });
    const el = await form(pledgeFeed());
    expect(levels(el)).to.deep.equal({ heading: 'H2', sub: ['H3'] });
    expect($$(el, '.subheading').map((h) => h.textContent!.trim())).to.deep.equal([
      'What signing means',
      'Your organisation',
      'Your details',
      'Compact Champion (optional)',
    ]);
    const subSize = getComputedStyle($(el, '.subheading')!).fontSize;

    const four = await form(pledgeFeed(), '<compact-pledge-form heading-level="4"></compact-pledge-form>');
    expect(four.headingLevel).to.equal(4);
    expect(levels(four)).to.deep.equal({ heading: 'H4', sub: ['H5'] });
    expect($<HTMLSlotElement>(four, 'h4 slot[name=heading]')).to.exist;
    await submit(four);
    expect($(four, '.error-summary-title')!.tagName).to.equal('H5');
    expect(getComputedStyle($(four, '.subheading:not(.error-summary-title)')!).fontSize).to.equal(subSize, 'looks the same at any level');
    await expect(four).to.be.accessible();
    await fillValid(four);
    await submit(four);
    await settled(four, () => $(four, '[part=confirmation]'), 'the confirmation');
    expect($(four, '.panel-title')!.tagName).to.equal('H5');

    for (const [attribute, heading, sub] of [
      ['6', 'H6', 'H6'],
      ['5', 'H5', 'H6'],
      ['9', 'H6', 'H6'],
      ['1', 'H2', 'H3'],
      ['three', 'H2', 'H3'],
      ['3.5', 'H2', 'H3'],
    ]) {
      const other = await form(pledgeFeed(), `<compact-pledge-form heading-level="${attribute}"></compact-pledge-form>`);
      expect(levels(other), attribute).to.deep.equal({ heading, sub: [sub] });
    }

    // The empty state's heading follows it too, and a change re-renders.
    const empty = await form(withoutPledge(), '<compact-pledge-form heading-level="3"></compact-pledge-form>');
    expect($(empty, '[part=heading]')!.tagName).to.equal('H3');
    empty.setAttribute('heading-level', '5');
    await empty.updateComplete;
    expect($(empty, '[part=heading]')!.tagName).to.equal('H5');
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await form(pledgeFeed());
    $<HTMLInputElement>(el, '#orgName')!.focus();
    await sendKeys({ type: 'Leigh Community Larder' });
    await sendKeys({ press: 'Tab' }); // to the first "registered" radio
    expect(focused(el)?.id).to.equal('registered-chc');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // the number, revealed under the choice
    expect(focused(el)?.id).to.equal('regNumber');
    await sendKeys({ type: '1098765' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('sector-voluntary');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('type-charity');
    await sendKeys({ press: 'ArrowDown' }); // arrows move within a radio group and select
    expect(focused(el)?.id).to.equal('type-community-group');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('website');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Siân Evans' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'sian@example.org' });
    for (const id of ['contactRole', 'championName', 'championRole', 'pledge']) {
      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.id).to.equal(id);
    }
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.textContent).to.contain('privacy notice');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('consentPublish');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('consentContact');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('submit', 'the honeypot is skipped');
    await sendKeys({ press: 'Enter' });
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation');
    expect(focused(el)?.id).to.equal('confirmation');
    const [sent] = await pledgeLog();
    const body = JSON.parse(sent.body);
    expect(body.organisation).to.deep.equal({ name: 'Leigh Community Larder', id: 'GB-CHC-1098765', sector: 'voluntary', type: 'community-group' });
    expect(body.contact).to.deep.equal({ name: 'Siân Evans', email: 'sian@example.org' });
    expect(body.consent).to.deep.equal({ publish: true, contact: false });
  });

  it('speaks Welsh inside lang="cy", feed text included', async () => {
    const container = await fixture<HTMLElement>('<div lang="cy"><compact-pledge-form></compact-pledge-form></div>');
    const el = container.firstElementChild as CompactPledgeForm;
    el.feed = pledgeFeed();
    await settled(el, () => shadowText(el).includes('Enw eich sefydliad'), 'Welsh');
    const sectors = $$<HTMLInputElement>(el, 'input[name=sector]').map((r) => r.labels![0].textContent!.trim());
    expect(sectors[0]).to.equal('Trydydd sector');
    await expect(el).to.be.accessible();
  });
});
