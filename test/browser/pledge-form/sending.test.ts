/**
 * Every answer of the pledge endpoint's contract, through the real test server (/test-pledge), and
 * the outbox: reloads, being offline, double clicks.
 */
import { expect } from '@open-wc/testing';
import type { PledgeErrorDetail, PledgeReceivedDetail, PledgeRetryingDetail, PledgeSubmitDetail } from '../../../src/pledge-form/pledge-events.js';
import { STORAGE_PREFIX } from '../../../src/pledge-form/endpoint.js';
import type { CompactPledgeForm } from '../../../src/pledge-form/pledge-form.js';
import { $, liveText, settled, shadowText } from '../../helpers/dom.js';
import { fillValid, form, pledgeFeed, pledgeLog, resetPledges, submit, type } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const outboxKeys = () => Object.keys(localStorage).filter((k) => k.startsWith(STORAGE_PREFIX) && /:outbox(:|$)/.test(k));
const storedKeys = () => Object.keys(localStorage).filter((k) => k.startsWith(STORAGE_PREFIX));

/** Collects the element's pledge events. */
function events(el: HTMLElement) {
  const submitted: PledgeSubmitDetail[] = [];
  const errors: PledgeErrorDetail[] = [];
  el.addEventListener('compact-pledge-submit', (e) => submitted.push(e.detail));
  el.addEventListener('compact-pledge-error', (e) => errors.push(e.detail));
  return { submitted, errors };
}

type Real = typeof window.fetch;
type Answer = (url: string, init: RequestInit | undefined, real: Real) => Promise<Response>;

/**
 * Replaces window.fetch for pledge requests: `answers` are used in turn (one may rewrite the
 * test-server URL, or fail like a network); after them, requests go through unchanged.
 */
function stubPledgeFetch(answers: Answer[]) {
  const real = window.fetch;
  const calls: { url: string; key: string | null; at: number }[] = [];
  window.fetch = (input, init) => {
    const url = String(input);
    if (!new URL(url, location.href).pathname.endsWith('/test-pledge')) return real(input, init);
    calls.push({ url, key: new Headers(init?.headers).get('Idempotency-Key'), at: performance.now() });
    const answer = answers.shift();
    return answer ? answer(url, init, real) : real(input, init);
  };
  return { calls, restore: () => (window.fetch = real) };
}
const networkFailure: Answer = () => Promise.reject(new TypeError('Failed to fetch'));
/** Sends the request on to the test server with other instructions (e.g. `status=503`). */
const via =
  (query: string): Answer =>
  (url, init, real) => {
    const to = new URL(url);
    for (const [k, v] of new URLSearchParams(query)) to.searchParams.set(k, v);
    return real(to.href, init);
  };

function setOnline(online: boolean | undefined) {
  if (online === undefined) delete (navigator as { onLine?: boolean }).onLine;
  else Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}

/** Undone after the current test, passed or failed. */
let teardowns: (() => void)[] = [];
const onTeardown = (fn: () => void) => void teardowns.push(fn);

describe('<compact-pledge-form>: sending', () => {
  beforeEach(resetPledges);
  afterEach(() => {
    setOnline(undefined);
    for (const fn of teardowns.splice(0)) fn();
  });

  it('202 pending: POSTs exactly the spec’s body as JSON with an Idempotency-Key, then confirms with focus', async () => {
    const el = await form(pledgeFeed({ status: 202 }));
    const { submitted } = events(el);
    await fillValid(el);
    await type(el, 'championName', 'Ann Jones');
    await type(el, 'championRole', 'Trustee');
    await type(el, 'pledge', '  We will share what we learn.  ');
    await submit(el);
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation');
    expect(focused(el)?.id).to.equal('confirmation');
    expect(shadowText(el)).to.contain('Sign-up received');
    expect(shadowText(el)).to.contain('The compact officer will check your sign-up');
    expect(shadowText(el)).to.contain('p-1');
    const log = await pledgeLog();
    expect(log).to.have.length(1);
    expect(log[0].contentType).to.equal('application/json');
    expect(log[0].key).to.match(UUID);
    expect(JSON.parse(log[0].body)).to.deep.equal({
      compactId: 'test-compact',
      organisation: {
        name: 'Testshire Food Bank',
        id: 'GB-CHC-1098765',
        sector: 'voluntary',
        type: 'charity',
        url: 'https://www.foodbank.example.org/',
      },
      contact: { name: 'Siân Evans', email: 'sian@example.org', role: 'Chair' },
      champion: { name: 'Ann Jones', role: 'Trustee' },
      pledge: 'We will share what we learn.',
      consent: { publish: true, contact: false },
      locale: 'en-GB',
    });
    expect(submitted).to.have.length(1);
    expect(submitted[0].status).to.equal('pending');
    expect(submitted[0].id).to.equal('p-1');
    expect(submitted[0].body.organisation.name).to.equal('Testshire Food Bank');
    expect(storedKeys()).to.deep.equal([], 'draft and outbox cleared after confirmation');
    await expect(el).to.be.accessible();
  });

  it('fires compact-pledge-received once the endpoint confirms, then the deprecated compact-pledge-submit; retrying likewise', async () => {
    const stub = stubPledgeFetch([via('status=503')]);
    const fired: { type: string; detail: unknown }[] = [];
    const types = ['compact-pledge-received', 'compact-pledge-submit', 'compact-pledge-retrying', 'compact-pledge-error'] as const;
    const listener = (e: CustomEvent) => fired.push({ type: e.type, detail: e.detail });
    // On document: the events bubble out of the shadow root, typed through GlobalEventHandlersEventMap.
    for (const type of types) document.addEventListener(type, listener);
    try {
      const el = await form(pledgeFeed({ status: 202 }));
      await fillValid(el);
      await submit(el);
      await settled(el, () => fired.length >= 2, 'two retrying events');
      const [retrying, legacyRetrying] = fired;
      expect(retrying.type).to.equal('compact-pledge-retrying');
      const { retryInMs, reason } = retrying.detail as PledgeRetryingDetail;
      expect(reason).to.equal('unavailable');
      expect(retrying.detail).to.deep.equal({ retryInMs, reason: 'unavailable' });
      expect(legacyRetrying).to.deep.equal({ type: 'compact-pledge-error', detail: { kind: 'retrying', retryInMs, reason: 'unavailable' } });
      $<HTMLButtonElement>(el, '[part=outbox] button')!.click();
      await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation');
      expect(fired.slice(2).map((f) => f.type)).to.deep.equal(['compact-pledge-received', 'compact-pledge-submit']);
      const received = fired[2].detail as PledgeReceivedDetail;
      expect(received).to.include({ id: 'p-1', status: 'pending' });
      expect(received.body.organisation.name).to.equal('Testshire Food Bank');
      expect(fired[3].detail, 'the old name carries the same detail').to.equal(received);
      expect(stub.calls).to.have.length(2);
    } finally {
      for (const type of types) document.removeEventListener(type, listener);
      stub.restore();
    }
  });

  it('201 accepted: says the organisation has signed; unticked publishing is acknowledged', async () => {
    const el = await form(pledgeFeed({ status: 201, pledgeStatus: 'accepted' }));
    const { submitted } = events(el);
    await fillValid(el);
    await type(el, 'orgName', 'Shoebury Youth Band');
    $<HTMLInputElement>(el, '#consentPublish')!.click(); // untick
    await submit(el);
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation');
    expect(shadowText(el)).to.contain('Your organisation has signed');
    expect(shadowText(el)).to.contain('Your organisation is now a signatory of The Test Compact.');
    expect(shadowText(el)).to.contain('will not be published');
    expect(submitted[0].status).to.equal('accepted');
    expect(JSON.parse((await pledgeLog())[0].body).consent).to.deep.equal({ publish: false, contact: false });
    await expect(el).to.be.accessible();
    // And another organisation can sign next.
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Sign up another'))!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('orgName');
    expect($<HTMLInputElement>(el, '#orgName')!.value).to.equal('');
  });

  it('409: already received is a success, not a failure', async () => {
    const el = await form(pledgeFeed({ status: 409, reply: JSON.stringify({ id: 'p-earlier' }) }));
    const { submitted, errors } = events(el);
    await fillValid(el);
    await submit(el);
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation');
    expect(shadowText(el)).to.contain('We already have this sign-up');
    expect(shadowText(el)).to.contain('p-earlier');
    expect(submitted.map((d) => [d.status, d.id])).to.deep.equal([['duplicate', 'p-earlier']]);
    expect(errors).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  for (const status of [422, 400]) {
    it(`${status}: puts each error at its field by dotted path, unknown ones in the summary only`, async () => {
      const reply = JSON.stringify({
        errors: [
          { field: 'contact.email', message: 'This address bounced last time' },
          { field: 'organisation.id', message: 'Not on the register' },
          { field: 'compactId', message: 'This compact is closed to new signatories' },
        ],
      });
      const el = await form(pledgeFeed({ status, reply }));
      const { errors } = events(el);
      await fillValid(el);
      await submit(el);
      await settled(el, () => $(el, '[part=error-summary]'), 'the error summary');
      expect(focused(el)?.id).to.equal('summary');
      expect($(el, '#contactEmail-error')!.textContent).to.contain('This address bounced last time');
      expect($(el, '#contactEmail')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#regNumber-error')!.textContent).to.contain('Not on the register');
      const summary = $(el, '[part=error-summary]')!;
      expect([...summary.querySelectorAll('a')].map((a) => a.textContent!.trim())).to.deep.equal([
        'Not on the register',
        'This address bounced last time',
      ]);
      expect(summary.textContent).to.contain('This compact is closed to new signatories');
      expect(errors.map((e) => e.kind)).to.deep.equal(['rejected']);
      expect(errors[0].errors).to.have.length(3);
      expect(outboxKeys()).to.deep.equal([]);
      await expect(el).to.be.accessible();
      // Fixing the field and changing it clears its error.
      await type(el, 'contactEmail', 'chair@example.org');
      expect($(el, '#contactEmail-error')).to.equal(null);
    });
  }

  it('a refusal without an error list (e.g. 403) says so in the summary; the next try has a new key', async () => {
    const el = await form(pledgeFeed({ status: 403, reply: 'Forbidden' }));
    await fillValid(el);
    await submit(el);
    await settled(el, () => $(el, '[part=error-summary]'), 'the error summary');
    expect($(el, '[part=error-summary]')!.textContent).to.contain('the server answered 403');
    await submit(el);
    await settled(el, async () => (await pledgeLog()).length === 2, 'two requests in the log');
    const [first, second] = await pledgeLog();
    expect(first.key).not.to.equal(second.key);
  });

  it('429: waits for Retry-After, says so politely, then retries with the same key', async () => {
    const stub = stubPledgeFetch([via('status=429&retryAfter=1')]);
    try {
      const el = await form(pledgeFeed({ status: 202 }));
      const { errors } = events(el);
      await fillValid(el);
      $<HTMLButtonElement>(el, '[part=submit]')!.focus();
      await submit(el);
      await settled(el, () => $(el, '[part=outbox]'), 'the outbox (waiting)');
      // Retry-After: 1, but never sooner than the back-off (1–2 s, with jitter, for the first retry).
      expect(shadowText(el)).to.match(/The sign-up service is busy, so we’ll try again in (1 second|2 seconds)\./);
      expect(focused(el)?.id).to.equal('outbox');
      // The outbox is read as it takes focus; the live region no longer says it is sending.
      expect(liveText(el)).to.equal('');
      expect(errors.map((e) => e.kind)).to.deep.equal(['retrying']);
      expect(errors[0].retryInMs).to.be.within(1000, 2000);
      await expect(el).to.be.accessible();
      await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation after Retry-After', 3000);
      expect(stub.calls).to.have.length(2);
      expect(stub.calls[0].key).to.equal(stub.calls[1].key);
    } finally {
      stub.restore();
    }
  });

  it('5xx: keeps the sign-up, offers "Try again now", and retries with the same key', async () => {
    const stub = stubPledgeFetch([via('status=503')]);
    try {
      const el = await form(pledgeFeed({ status: 202 }));
      const { errors } = events(el);
      await fillValid(el);
      await submit(el);
      await settled(el, () => $(el, '[part=outbox]'), 'the outbox');
      expect(shadowText(el)).to.contain('Saved on this device. The sign-up service is not answering at the moment');
      expect(errors[0].kind).to.equal('retrying');
      expect(errors[0].retryInMs).to.be.within(1000, 2000);
      expect(outboxKeys()).to.have.length(1);
      await expect(el).to.be.accessible();
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Try again now'))!.click();
      await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation');
      expect(stub.calls.map((c) => c.key)).to.deep.equal([stub.calls[0].key, stub.calls[0].key]);
      expect(outboxKeys()).to.deep.equal([]);
    } finally {
      stub.restore();
    }
  });

  it('offline: "Saved on this device", then sends as soon as the browser is back online', async () => {
    setOnline(false);
    const stub = stubPledgeFetch([networkFailure]);
    try {
      const el = await form(pledgeFeed({ status: 202 }));
      await fillValid(el);
      $<HTMLButtonElement>(el, '[part=submit]')!.focus();
      await submit(el);
      await settled(el, () => $(el, '[part=outbox]'), 'the outbox');
      expect(shadowText(el)).to.contain('Saved on this device. We’ll send it when you’re back online.');
      expect(focused(el)?.id).to.equal('outbox');
      const saved = JSON.parse(localStorage.getItem(outboxKeys()[0])!);
      expect(saved.key).to.equal(stub.calls[0].key);
      expect(saved.body.organisation.name).to.equal('Testshire Food Bank');
      await expect(el).to.be.accessible();
      setOnline(true);
      window.dispatchEvent(new Event('online'));
      await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation after "online"', 1500);
      expect(stub.calls).to.have.length(2);
      expect(stub.calls[1].key).to.equal(stub.calls[0].key);
      const log = await pledgeLog();
      expect(log.map((l) => l.key)).to.deep.equal([stub.calls[0].key]);
    } finally {
      stub.restore();
    }
  });

  it('a sent-but-unconfirmed sign-up survives a reload: the new page sends it again with its key', async () => {
    // The first page's request never gets an answer (the tab is closed while it is on its way).
    const stub = stubPledgeFetch([() => new Promise<Response>(() => {})]);
    let key: string | null;
    try {
      const first = await form(pledgeFeed({ status: 202, delay: 300 }));
      await fillValid(first);
      await submit(first);
      await settled(first, () => stub.calls.length === 1, 'one send');
      key = stub.calls[0].key;
      first.remove();
    } finally {
      stub.restore();
    }
    expect(outboxKeys()).to.have.length(1);
    const second = await form(pledgeFeed({ status: 202, delay: 300 }));
    const { submitted } = events(second);
    await settled(second, () => shadowText(second).includes('Sending your saved sign-up'), '"Sending your saved sign-up"');
    expect(focused(second)).to.equal(null, 'a page load does not move focus into the widget');
    await expect(second).to.be.accessible();
    await settled(second, () => $(second, '[part=confirmation]'), 'the confirmation');
    const log = await pledgeLog();
    expect(log.map((l) => l.key)).to.deep.equal([key!]);
    expect(submitted[0].body.organisation.name).to.equal('Testshire Food Bank');
    expect(storedKeys()).to.deep.equal([]);
  });

  it('a corrupt saved sign-up is dropped, not sent: the form shows, and nothing breaks', async () => {
    const feed = pledgeFeed({ status: 202 });
    const key = `${STORAGE_PREFIX}${feed.compact.id}:${(feed.pledge as { endpoint: string }).endpoint}:outbox`;
    localStorage.setItem(key, JSON.stringify({ key: 'k-corrupt', body: { organisation: { name: 'Org' }, consent: 'yes' } }));
    const el = await form(feed);
    // Found on load (something is saved for this endpoint), read, found corrupt and removed.
    await settled(el, () => outboxKeys().length === 0, 'the corrupt entry removed');
    expect(await pledgeLog()).to.have.length(0);
    expect($(el, 'form')).to.exist;
    expect($(el, '[part=outbox]')).to.equal(null);
    expect(outboxKeys()).to.deep.equal([]);
    await fillValid(el);
    await submit(el);
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation');
    expect(await pledgeLog()).to.have.length(1);
  });

  it('a double click (or Enter twice) sends once, and says it is sending', async () => {
    const stub = stubPledgeFetch([]);
    onTeardown(stub.restore);
    const el = await form(pledgeFeed({ status: 202, delay: 400 }));
    await fillValid(el);
    const button = $<HTMLButtonElement>(el, '[part=submit]')!;
    button.click();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Sending…');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Sending your sign-up');
    await expect(el).to.be.accessible();
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation');
    // Any second request would have been made by the clicks, before the first was answered.
    expect(stub.calls).to.have.length(1);
    expect(await pledgeLog()).to.have.length(1);
  });

  it('holds a too-fast submission until the minimum time to fill in has passed, and then sends it', async () => {
    const stub = stubPledgeFetch([]);
    onTeardown(stub.restore);
    const el: CompactPledgeForm = await form(pledgeFeed({ status: 202 }), undefined, 700);
    const started = performance.now();
    await fillValid(el);
    await submit(el);
    expect(stub.calls).to.have.length(0, 'held');
    expect(outboxKeys()).to.have.length(1, 'kept in the outbox meanwhile');
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation after the minimum time');
    expect(stub.calls).to.have.length(1);
    expect(stub.calls[0].at - started, 'the request itself waited for the minimum time').to.be.greaterThan(650);
    expect(await pledgeLog()).to.have.length(1);
  });
});
