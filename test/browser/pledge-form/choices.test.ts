/** GOV.UK's large radios and checkboxes, the conditional reveal, and the shared focus indicator. */
import { expect } from '@open-wc/testing';
import { $, $$, settled } from '../../helpers/dom.js';
import { expectGovukFocus, keyboardFocus } from '../../helpers/focus.js';
import { choose, fillValid, form, pledgeFeed, resetPledges, submit } from './helpers.js';

describe('<compact-pledge-form>: choices', () => {
  beforeEach(resetPledges);

  it('the number box appears right under the register chosen, which controls it (aria-controls; no aria-expanded, which ARIA forbids on radios)', async () => {
    const el = await form(pledgeFeed());
    const registers = $$<HTMLInputElement>(el, 'input[name=registered]');
    for (const radio of registers.filter((r) => r.value !== 'none')) {
      const target = el.shadowRoot!.getElementById(radio.getAttribute('aria-controls')!);
      expect(target, `${radio.id} controls something that exists`).to.exist;
      expect(radio.hasAttribute('aria-expanded')).to.equal(false);
      expect(getComputedStyle(target!).display).to.equal('none');
    }
    expect($(el, '#registered-none')!.hasAttribute('aria-controls'), 'nothing to reveal under "not registered"').to.equal(false);
    for (const kind of ['chc', 'sc', 'nic', 'coh']) {
      await choose(el, `registered-${kind}`);
      const radio = $<HTMLInputElement>(el, `#registered-${kind}`)!;
      const reveal = el.shadowRoot!.getElementById(radio.getAttribute('aria-controls')!)!;
      expect(reveal.querySelector('#regNumber'), `${kind}: the number box is in its own reveal`).to.exist;
      expect(reveal.previousElementSibling!.contains(radio), `${kind}: right under its radio`).to.equal(true);
      expect(getComputedStyle(reveal).display).to.equal('block');
      // Visually too: the box is below the chosen radio and above the next one.
      const box = $(el, '#regNumber')!.getBoundingClientRect();
      const next = registers[registers.indexOf(radio) + 1]!.getBoundingClientRect();
      expect(box.top).to.be.above(radio.getBoundingClientRect().bottom);
      expect(box.bottom).to.be.below(next.top);
      expect(registers.filter((r) => r !== radio && r.getAttribute('aria-controls')).map((r) => getComputedStyle(el.shadowRoot!.getElementById(r.getAttribute('aria-controls')!)!).display)).to.deep.equal(['none', 'none', 'none']);
      expect($$(el, '#regNumber')).to.have.length(1);
    }
    await choose(el, 'registered-none');
    expect($(el, '#regNumber')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('the number typed survives choosing another register, and the form still sends', async () => {
    const el = await form(pledgeFeed({ status: 201 }));
    await fillValid(el);
    await choose(el, 'registered-sc');
    await choose(el, 'registered-chc');
    expect($<HTMLInputElement>(el, '#regNumber')!.value).to.equal('1098765');
    await submit(el);
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation');
  });

  it('radios and checkboxes are GOV.UK’s large ones: a 44 px target, a 40 px box, a yellow ring on focus', async () => {
    const el = await form(pledgeFeed());
    for (const id of ['registered-chc', 'sector-voluntary', 'consentPublish']) {
      const input = $<HTMLInputElement>(el, `#${id}`)!;
      const label = $(el, `label[for="${id}"]`)!;
      const rect = input.getBoundingClientRect();
      expect([rect.width, rect.height], `${id} target`).to.deep.equal([44, 44]);
      const box = getComputedStyle(label, '::before');
      expect([box.width, box.height, box.borderTopWidth]).to.deep.equal(['40px', '40px', '2px']);
      expect(box.borderTopColor).to.equal('rgb(11, 12, 12)');
      await keyboardFocus(input);
      const focused = getComputedStyle(label, '::before');
      expect(focused.borderTopWidth, `${id} focused`).to.equal('4px');
      expect(focused.boxShadow).to.match(/^rgb\(255, 221, 0\) 0px 0px 0px [34]px$/);
    }
    await choose(el, 'consentPublish');
    expect(getComputedStyle($(el, 'label[for="consentPublish"]')!, '::after').opacity, 'the tick shows').to.equal('1');
    await choose(el, 'sector-public');
    expect(getComputedStyle($(el, 'label[for="sector-public"]')!, '::after').opacity).to.equal('1');
    expect(getComputedStyle($(el, 'label[for="sector-voluntary"]')!, '::after').opacity).to.equal('0');
  });

  it('its secondary buttons have the shared focus indicator', async () => {
    const el = await form(pledgeFeed({ status: 503 }));
    await fillValid(el);
    await submit(el);
    await settled(el, () => $(el, '[part=outbox]'), 'the outbox');
    const retry = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent!.includes('Try again now'))!;
    await expectGovukFocus(retry);
  });
});
