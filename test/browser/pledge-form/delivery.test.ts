/**
 * Nothing sent is ever reported as received when it was not: through the real test server, the
 * answers that are not receipts (redirects, HTML pages, bodies of the wrong shape), errors naming
 * fields the form does not know, and two forms sharing one localStorage as two tabs do.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { STORAGE_PREFIX } from '../../../src/pledge-form/endpoint.js';
import type { CompactPledgeForm } from '../../../src/pledge-form/pledge-form.js';
import type { PledgeSubmitDetail } from '../../../src/pledge-form/pledge-events.js';
import { $, settled, shadowText } from '../../helpers/dom.js';
import { fillValid, form, pledgeFeed, pledgeLog, pledgeUrl, resetPledges, submit, type } from './helpers.js';

const outbox = () =>
  Object.keys(localStorage)
    .filter((k) => k.startsWith(STORAGE_PREFIX) && k.includes(':outbox:'))
    .map((k) => JSON.parse(localStorage.getItem(k)!));

function submitted(el: HTMLElement) {
  const list: PledgeSubmitDetail[] = [];
  el.addEventListener('compact-pledge-submit', (e) => list.push(e.detail));
  return list;
}

describe('<compact-pledge-form>: only a receipt counts as received', () => {
  let warn: typeof console.warn;
  let warnings: string[];
  beforeEach(async () => {
    await resetPledges();
    warn = console.warn;
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  // Same origin and another origin (127.0.0.1 is another origin than localhost to the browser).
  const targets = () => [pledgeUrl({ status: 201 }), pledgeUrl({ status: 201 }).replace('//localhost', '//127.0.0.1')];
  for (const status of [301, 302, 303, 307, 308]) {
    it(`a ${status} redirect is never followed: the pledge is kept, the form says so, the webmaster is told`, async () => {
      for (const to of targets()) {
        await resetPledges();
        const endpoint = `${location.origin}/test-pledge/redirect?${new URLSearchParams({ status: String(status), to })}`;
        const el = await form(pledgeFeed({}, endpoint));
        const received = submitted(el);
        await fillValid(el);
        await submit(el);
        await settled(el, () => shadowText(el).includes('set up wrongly'), `the configuration message for a ${status} to ${to}`);
        const log = await pledgeLog();
        expect(log.map((l) => [l.method, l.path]), 'nothing reached the address redirected to').to.deep.equal([['POST', '/test-pledge/redirect']]);
        expect(received).to.deep.equal([]);
        expect($(el, '[part=confirmation]')).to.equal(null);
        expect(shadowText(el)).to.contain('Saved on this device, but not sent');
        expect(outbox()).to.have.length(1);
        expect(outbox()[0].body.organisation.name).to.equal('Testshire Food Bank');
        expect(warnings.some((w) => w.includes('redirect') && w.includes(endpoint))).to.equal(true);
        await expect(el).to.be.accessible();
        el.remove();
      }
    });
  }

  const notReceipts: [string, Record<string, string | number>][] = [
    ['200 HTML (a sign-in page)', { status: 200, body: 'html' }],
    ['201 HTML', { status: 201, body: 'html' }],
    ['200 with a receipt', { status: 200 }],
    ['201 not JSON', { status: 201, reply: 'OK' }],
    ['201 {}', { status: 201, reply: '{}' }],
    ['202 another status', { status: 202, reply: '{"id":"p-1","status":"stored"}' }],
    ['202 an array', { status: 202, reply: '[{"id":"p-1","status":"pending"}]' }],
    ['204', { status: 204, reply: '' }],
  ];
  for (const [label, query] of notReceipts) {
    it(`${label}: not "received"; kept on the device and said plainly`, async () => {
      const el = await form(pledgeFeed(query));
      const received = submitted(el);
      await fillValid(el);
      await submit(el);
      await settled(el, () => $(el, '[part=outbox]'), 'the outbox (kept on the device)');
      expect(shadowText(el)).to.contain('did not confirm that it received your sign-up');
      expect(shadowText(el)).not.to.contain('Sign-up received');
      expect(received).to.deep.equal([]);
      expect(outbox()).to.have.length(1);
      expect(warnings.some((w) => w.includes('without a receipt'))).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  it('a 422 naming fields the form does not know (constructor, __proto__, …) still lists every error in the summary', async () => {
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf', '', 'organisation', 'contact.email.x'];
    const reply = JSON.stringify({ errors: names.map((field, i) => ({ field, message: `Problem ${i} with “${field}”` })) });
    const el = await form(pledgeFeed({ status: 422, reply }));
    await fillValid(el);
    await submit(el);
    await settled(el, () => $(el, '[part=error-summary]'), 'the error summary');
    const summary = $(el, '[part=error-summary]')!.textContent!;
    names.forEach((field, i) => expect(summary, field).to.contain(`Problem ${i} with “${field}”`));
    expect(el.shadowRoot!.querySelectorAll('.field-error')).to.have.length(0);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    await expect(el).to.be.accessible();
  });
});

describe('<compact-pledge-form>: two forms on one localStorage, as two tabs', () => {
  beforeEach(resetPledges);

  it('neither overwrites nor removes the other’s sign-up or typing', async () => {
    // Both forms send to the same endpoint; it fails until `status` is changed below.
    let status = 503;
    const real = window.fetch;
    window.fetch = (input, init) => {
      const url = new URL(String(input), location.href);
      if (url.pathname === '/test-pledge') url.searchParams.set('status', String(status));
      return real(url.href, init);
    };
    try {
      const container = await fixture<HTMLElement>(
        '<div><compact-pledge-form id="a"></compact-pledge-form><compact-pledge-form id="b"></compact-pledge-form><compact-pledge-form id="c"></compact-pledge-form></div>',
      );
      const [a, b, c] = [...container.querySelectorAll<CompactPledgeForm>('compact-pledge-form')];
      for (const el of [a, b, c]) {
        el.minFillMs = 0;
        el.feed = pledgeFeed();
      }
      await waitUntil(() => [a, b, c].every((el) => $(el, 'form')), 'forms not shown');
      await fillValid(a, 'First Food Bank');
      await submit(a);
      await settled(a, () => $(a, '[part=outbox]'), 'the outbox');
      await fillValid(b, 'Second Larder');
      await submit(b);
      await settled(b, () => $(b, '[part=outbox]'), 'the outbox');
      await type(c, 'orgName', 'Still typing in C');
      await waitUntil(() => Object.keys(localStorage).some((k) => k.includes(':draft:') && localStorage.getItem(k)!.includes('Still typing in C')));
      expect(outbox().map((e) => e.body.organisation.name).sort()).to.deep.equal(['First Food Bank', 'Second Larder']);
      status = 201;
      [...a.shadowRoot!.querySelectorAll('button')].find((x) => x.textContent!.includes('Try again now'))!.click();
      await settled(a, () => $(a, '[part=confirmation]'), 'the confirmation');
      expect(outbox().map((e) => e.body.organisation.name), 'B’s sign-up is still on the device').to.deep.equal(['Second Larder']);
      expect($(b, '[part=outbox]'), 'B still shows its own').to.exist;
      expect(
        Object.keys(localStorage).some((k) => k.includes(':draft:') && localStorage.getItem(k)!.includes('Still typing in C')),
        'C’s typing is still saved',
      ).to.equal(true);
      [...b.shadowRoot!.querySelectorAll('button')].find((x) => x.textContent!.includes('Try again now'))!.click();
      await settled(b, () => $(b, '[part=confirmation]'), 'the confirmation');
      expect(outbox()).to.deep.equal([]);
      const log = await pledgeLog();
      expect(new Set(log.map((l) => JSON.parse(l.body).organisation.name))).to.deep.equal(new Set(['First Food Bank', 'Second Larder']));
    } finally {
      window.fetch = real;
    }
  });
});
