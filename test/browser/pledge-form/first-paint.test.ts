/**
 * What the form downloads before anyone interacts: only the questions. Checking, sending, the
 * outbox and the other views come with a dynamic import on the first focus, keystroke or submit,
 * or at once when something is saved on this device for this endpoint (nothing saved is lost).
 * `CompactPledgeForm.loadInteractive` is the one place that import happens: wrapped here to count
 * loads, to hold one back (a slow network) or to make one fail.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { STORAGE_PREFIX } from '../../../src/pledge-form/endpoint.js';
import { CompactPledgeForm } from '../../../src/pledge-form/pledge-form.js';
import { $, settled, shadowText } from '../../helpers/dom.js';
import { fillValid, form, pledgeFeed, pledgeLog, resetPledges, submit, type } from './helpers.js';

type Load = typeof CompactPledgeForm.loadInteractive;
const realLoad: Load = CompactPledgeForm.loadInteractive;

/** Source modules of the lazy part, as the test server names them. */
const LAZY_MODULES = /\/src\/pledge-form\/(pledge-interactive|form-session|pledge-sender|validators|error-summary|outbox-view|confirmation-view|signed-lookup)\.ts/;
const lazyRequests = () => performance.getEntriesByType('resource').filter((e) => LAZY_MODULES.test(e.name));

/** Counts loads; `hold` keeps each one back until `release()` (or fails it, with `fail`). */
function watchLoads({ hold = false, fail = false } = {}) {
  let calls = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  CompactPledgeForm.loadInteractive = async () => {
    calls++;
    if (hold) await held;
    if (fail) throw new TypeError('Failed to fetch dynamically imported module');
    return realLoad();
  };
  return { calls: () => calls, release };
}

function storageBase(feed: ReturnType<typeof pledgeFeed>) {
  return `${STORAGE_PREFIX}${feed.compact.id}:${(feed.pledge as { endpoint: string }).endpoint}:`;
}

describe('<compact-pledge-form>: first paint', () => {
  beforeEach(resetPledges);
  afterEach(() => {
    CompactPledgeForm.loadInteractive = realLoad;
  });

  // First in this file: no other test of this page has imported the lazy modules yet.
  it('renders the whole form without loading the sending code; the first focus loads it, once', async () => {
    const loads = watchLoads();
    const el = await form(pledgeFeed());
    await el.updateComplete;
    expect($(el, '#orgName'), 'the questions are all there').to.exist;
    expect($(el, '#consentContact')).to.exist;
    expect(shadowText(el)).to.contain('You have 500 characters remaining');
    expect(loads.calls(), 'nothing loaded at first paint').to.equal(0);
    expect(lazyRequests().map((e) => e.name), 'no lazy module requested').to.deep.equal([]);
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#orgName')!.focus();
    expect(loads.calls(), 'focus starts the load').to.equal(1);
    await el.updateComplete;
    await waitUntil(() => lazyRequests().length > 0, 'the lazy modules were not requested');
    await type(el, 'orgName', 'Testshire Food Bank');
    await type(el, 'contactName', 'Siân Evans');
    expect(loads.calls(), 'loaded once').to.equal(1);
  });

  it('a sign-up saved on this device is sent on page load, with no one touching the form', async () => {
    const loads = watchLoads();
    const feed = pledgeFeed({ status: 202 });
    const body = {
      compactId: feed.compact.id,
      organisation: { name: 'Saved Before Reload', sector: 'voluntary' },
      contact: { name: 'A', email: 'a@example.org' },
      consent: { publish: true, contact: false },
      locale: 'en-GB',
    };
    localStorage.setItem(`${storageBase(feed)}outbox:key-saved-1`, JSON.stringify({ key: 'key-saved-1', body, createdAt: 1, attempts: 1 }));
    const el = await form(feed);
    expect(loads.calls(), 'loaded because something is saved').to.equal(1);
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation of the saved sign-up');
    const log = await pledgeLog();
    expect(log.map((l) => l.key)).to.deep.equal(['key-saved-1']);
    expect(JSON.parse(log[0].body).organisation.name).to.equal('Saved Before Reload');
    expect(document.activeElement, 'focus stays where it was').to.equal(document.body);
  });

  it('a draft saved on this device comes back on page load, with no one touching the form', async () => {
    const loads = watchLoads();
    const feed = pledgeFeed();
    localStorage.setItem(`${storageBase(feed)}draft:closed-tab.1`, JSON.stringify({ savedAt: 1, values: { orgName: 'Typed Last Week' } }));
    const el = await form(feed);
    expect(loads.calls()).to.equal(1);
    await settled(el, () => $<HTMLInputElement>(el, '#orgName')!.value === 'Typed Last Week', 'the restored draft');
  });

  it('a submit before the code has arrived waits for it and is sent; what was typed meanwhile is kept', async () => {
    const loads = watchLoads({ hold: true });
    const el = await form(pledgeFeed({ status: 202 }));
    // Typed and submitted while the code is on its way (updateComplete would wait for it: not awaited).
    const input = (id: string, value: string) => {
      const box = $<HTMLInputElement>(el, `#${id}`)!;
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    };
    input('orgName', 'Slow Network Food Bank');
    $<HTMLInputElement>(el, '#registered-none')!.click();
    $<HTMLInputElement>(el, '#sector-voluntary')!.click();
    await waitUntil(() => $(el, '#type-charity'), 'the type question did not appear');
    $<HTMLInputElement>(el, '#type-charity')!.click();
    input('contactName', 'Siân Evans');
    input('contactEmail', 'sian@example.org');
    $<HTMLButtonElement>(el, '[part=submit]')!.click();
    expect(loads.calls(), 'one load, however many events').to.equal(1);
    expect($(el, '[part=confirmation]'), 'nothing can be sent yet').to.equal(null);
    expect($<HTMLInputElement>(el, '#orgName')!.value).to.equal('Slow Network Food Bank');
    expect(await pledgeLog()).to.have.length(0);
    loads.release();
    await el.updateComplete;
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation of the early submit');
    expect(loads.calls()).to.equal(1);
    const log = await pledgeLog();
    expect(log).to.have.length(1);
    expect(JSON.parse(log[0].body).organisation).to.include({ name: 'Slow Network Food Bank', type: 'charity' });
  });

  it('the code failing to load: a submit says so clearly and keeps every answer; the next submit tries again', async () => {
    let loads = watchLoads({ fail: true });
    const el = await form(pledgeFeed({ status: 202 }));
    await fillValid(el);
    $<HTMLButtonElement>(el, '[part=submit]')!.focus();
    await submit(el);
    const alert = $(el, '[role=alert]');
    expect(alert?.textContent).to.contain('Your sign-up could not be sent: part of this form did not load.');
    expect($<HTMLInputElement>(el, '#orgName')!.value).to.equal('Testshire Food Bank');
    expect($<HTMLInputElement>(el, '#contactEmail')!.value).to.equal('sian@example.org');
    await expect(el).to.be.accessible();
    expect(loads.calls()).to.be.greaterThan(0);
    loads = watchLoads();
    await submit(el);
    await settled(el, () => $(el, '[part=confirmation]'), 'the confirmation once the code loaded');
    expect($(el, '[role=alert]')).to.equal(null);
    expect(loads.calls()).to.equal(1);
    expect(await pledgeLog()).to.have.length(1);
  });

  it('the failure message is in Welsh on a Welsh page', async () => {
    watchLoads({ fail: true });
    const el = await form(pledgeFeed(), '<compact-pledge-form lang="cy"></compact-pledge-form>');
    await settled(el, () => shadowText(el).includes('Cofrestru') || shadowText(el).includes('ffurflen'), 'Welsh');
    await submit(el);
    expect($(el, '[role=alert]')?.textContent).to.contain('ni wnaeth rhan o’r ffurflen hon lwytho');
  });
});
