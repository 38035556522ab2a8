/**
 * The sending controller on its own, with an injected clock, fetch and storage: time is moved by
 * hand, so timeouts and back-off are checked exactly and quickly.
 */
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import { checkEndpoint } from '../../../src/pledge-form/endpoint.js';
import { newIdempotencyKey } from '../../../src/pledge-form/idempotency-key.js';
import type { PledgeErrorDetail } from '../../../src/pledge-form/pledge-events.js';
import { postPledge, systemClock, type Clock } from '../../../src/pledge-form/pledge-request.js';
import { ABORT_GRACE_MS } from '../../../src/core/feed-loader.js';
import { PledgeSender, type SenderOptions } from '../../../src/pledge-form/pledge-sender.js';
import { backoffMs, retryAfterMs } from '../../../src/pledge-form/retry-policy.js';
import { TabName } from '../../../src/pledge-form/tab-name.js';
import type { PledgeBody } from '../../../src/pledge-form/values.js';

/** A clock that moves only when told to. */
class FakeClock implements Clock {
  time = 1_000_000;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers.delete(id as number);
  };
  /** Runs every timer due within `ms`, in order, letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await aTimeout(0);
      const due = [...this.timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = end;
    await aTimeout(0);
  }
}

class MemoryStorage {
  items = new Map<string, string>();
  writes = 0;
  failing = false;
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => {
    if (this.failing) throw new DOMException('full', 'QuotaExceededError');
    this.writes++;
    this.items.set(k, v);
  };
  removeItem = (k: string) => void this.items.delete(k);
  key = (i: number) => [...this.items.keys()][i] ?? null;
  get length() {
    return this.items.size;
  }
}

/** The smallest host a reactive controller needs. */
class Host extends HTMLElement {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
}
customElements.define('pledge-sender-test-host', Host);

const body: PledgeBody = {
  compactId: 'c',
  organisation: { name: 'Org', sector: 'voluntary' },
  contact: { name: 'A', email: 'a@example.org' },
  consent: { publish: true, contact: true },
  locale: 'en-GB',
};
const json = (status: number, data: unknown = {}, headers: Record<string, string> = {}) =>
  Promise.resolve(new Response(status === 204 ? null : JSON.stringify(data), { status, headers }));
/** A receipt as the contract writes it. */
const receipt = (status = 202, data: unknown = { id: 'p-1', status: 'pending' }) => json(status, data);

interface Call {
  url: string;
  init: RequestInit;
}

function setup(answers: ((call: Call) => Promise<Response>)[], options: SenderOptions = {}) {
  const clock = new FakeClock();
  const storage = new MemoryStorage();
  const calls: Call[] = [];
  const host = document.createElement('pledge-sender-test-host') as Host;
  document.body.append(host);
  const errors: PledgeErrorDetail[] = [];
  host.addEventListener('compact-pledge-error', (e) => errors.push(e.detail));
  const sender = new PledgeSender(host, {
    clock,
    storage,
    random: () => 0.5,
    isOnline: () => true,
    tabId: 'tab-1',
    fetch: (url, init) => {
      const call = { url, init };
      calls.push(call);
      const answer = answers.shift();
      return answer ? answer(call) : new Promise(() => {});
    },
    ...options,
  });
  sender.hostConnected();
  sender.attach({ compactId: 'c', endpoint: 'https://pledges.example.org/api' });
  const keyOf = (call: Call) => new Headers(call.init.headers).get('Idempotency-Key');
  return { clock, storage, calls, host, sender, errors, keyOf, done: () => (sender.hostDisconnected(), host.remove()) };
}

describe('PledgeSender', () => {
  it('times out after 15 s and tries again later, keeping the key', async () => {
    const t = setup([() => new Promise(() => {}), () => json(202, { id: 'x', status: 'pending' })]);
    t.sender.submit(body);
    await t.clock.advance(14_999);
    expect(t.sender.state.phase).to.equal('sending');
    await t.clock.advance(1);
    expect(t.sender.state).to.include({ phase: 'waiting', reason: 'unavailable' });
    expect((t.calls[0].init.signal as AbortSignal).aborted).to.equal(true, 'the request is aborted');
    await t.clock.advance(2_000);
    expect(t.sender.state).to.include({ phase: 'done', status: 'pending', id: 'x' });
    expect(t.keyOf(t.calls[1])).to.equal(t.keyOf(t.calls[0]));
    t.done();
  });

  it('backs off exponentially with jitter, capped, then succeeds; the same key every time', async () => {
    const fail = () => json(503);
    const t = setup([fail, fail, fail, fail, fail, fail, fail, fail, () => json(201, { status: 'accepted' })], {
      random: () => 1, // the top of each jitter range
      backoffMaxMs: 60_000,
    });
    t.sender.submit(body);
    await t.clock.advance(0);
    const delays: number[] = [];
    while (t.sender.state.phase === 'waiting') {
      delays.push(t.sender.state.retryInMs);
      await t.clock.advance(t.sender.state.retryInMs);
    }
    expect(delays).to.deep.equal([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(t.sender.state).to.include({ phase: 'done', status: 'accepted' });
    expect(new Set(t.calls.map(t.keyOf)).size).to.equal(1);
    expect(t.errors.every((e) => e.kind === 'retrying')).to.equal(true);
    t.done();
  });

  it('jitter spreads retries between half and all of the step', () => {
    expect(backoffMs(0, 2_000, 120_000, () => 0)).to.equal(1_000);
    expect(backoffMs(0, 2_000, 120_000, () => 1)).to.equal(2_000);
    expect(backoffMs(3, 2_000, 120_000, () => 0.5)).to.equal(12_000);
    expect(backoffMs(30, 2_000, 120_000, () => 1)).to.equal(120_000);
  });

  it('429: waits what Retry-After says (seconds or an HTTP-date), within a cap', async () => {
    const t = setup([
      () => json(429, {}, { 'Retry-After': new Date(1_000_000 + 90_000).toUTCString() }),
      () => json(429, {}, { 'Retry-After': '999999' }),
      () => receipt(),
    ], { maxRetryAfterMs: 600_000 });
    t.sender.submit(body);
    await t.clock.advance(0);
    expect(t.sender.state).to.include({ phase: 'waiting', reason: 'busy', retryInMs: 90_000 });
    await t.clock.advance(89_999);
    expect(t.calls).to.have.length(1);
    await t.clock.advance(1);
    expect(t.sender.state).to.include({ phase: 'waiting', reason: 'busy', retryInMs: 600_000 });
    await t.clock.advance(600_000);
    expect(t.sender.state.phase).to.equal('done');
    t.done();
  });

  it('429 with Retry-After: 0 or a past date waits at least the back-off, never in a loop', async () => {
    const t = setup(
      [
        () => json(429, {}, { 'Retry-After': '0' }),
        () => json(429, {}, { 'Retry-After': new Date(1_000_000 - 60_000).toUTCString() }),
        () => json(429, {}, { 'Retry-After': '0' }),
        () => receipt(),
      ],
      { random: () => 1 }, // the top of each jitter range: the back-off is 2 s, 4 s, 8 s
    );
    t.sender.submit(body);
    await t.clock.advance(0);
    expect(t.calls).to.have.length(1);
    expect(t.sender.state).to.include({ phase: 'waiting', reason: 'busy', retryInMs: 2_000 });
    await t.clock.advance(1_999);
    expect(t.calls).to.have.length(1, 'the second attempt waits at least the back-off base');
    await t.clock.advance(1);
    expect(t.calls).to.have.length(2);
    expect(t.sender.state).to.include({ phase: 'waiting', reason: 'busy', retryInMs: 4_000 });
    await t.clock.advance(3_999);
    expect(t.calls).to.have.length(2);
    await t.clock.advance(1);
    expect(t.sender.state).to.include({ phase: 'waiting', reason: 'busy', retryInMs: 8_000 });
    await t.clock.advance(8_000);
    expect(t.sender.state.phase).to.equal('done');
    expect(t.calls).to.have.length(4);
    t.done();
  });

  it('429: the back-off floor, with jitter, is never below half the base; a longer Retry-After still wins', async () => {
    const t = setup([() => json(429, {}, { 'Retry-After': '0' }), () => json(429, {}, { 'Retry-After': '30' }), () => receipt()], {
      random: () => 0,
    });
    t.sender.submit(body);
    await t.clock.advance(0);
    expect(t.sender.state).to.include({ phase: 'waiting', retryInMs: 1_000 });
    await t.clock.advance(1_000);
    expect(t.sender.state).to.include({ phase: 'waiting', retryInMs: 30_000 });
    t.done();
  });

  it('reads Retry-After in both forms, and ignores nonsense', () => {
    expect(retryAfterMs('120', 0)).to.equal(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).to.equal(60_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2016-01-01'))).to.equal(0);
    expect(retryAfterMs('soon', 0)).to.equal(undefined);
    expect(retryAfterMs(null, 0)).to.equal(undefined);
  });

  it('offline: waits for the browser’s online event, then sends at once', async () => {
    let online = false;
    const t = setup([() => Promise.reject(new TypeError('Failed to fetch')), () => receipt()], { isOnline: () => online });
    t.sender.submit(body);
    await t.clock.advance(0);
    expect(t.sender.state).to.include({ phase: 'waiting', reason: 'offline' });
    online = true;
    window.dispatchEvent(new Event('online'));
    await t.clock.advance(0);
    expect(t.sender.state.phase).to.equal('done');
    expect(t.calls).to.have.length(2);
    t.done();
  });

  it('moved while sending (disconnected and back within a moment): the request on its way answers, none is sent again', async () => {
    let answer!: (response: Response) => void;
    const t = setup([() => new Promise<Response>((resolve) => (answer = resolve))]);
    t.sender.submit(body);
    await t.clock.advance(0);
    expect(t.sender.state.phase).to.equal('sending');
    t.sender.hostDisconnected();
    t.sender.hostConnected();
    await t.clock.advance(ABORT_GRACE_MS * 2);
    answer(new Response(JSON.stringify({ id: 'p-1', status: 'accepted' }), { status: 201 }));
    await t.clock.advance(0);
    expect(t.calls).to.have.length(1);
    expect(t.sender.state).to.deep.include({ phase: 'done', status: 'accepted', id: 'p-1' });
    t.done();
  });

  it('gone while sending (not back within the moment): sent again, with the same key, when it comes back', async () => {
    const t = setup([() => new Promise<Response>(() => {}), () => receipt()]);
    t.sender.submit(body);
    await t.clock.advance(0);
    t.sender.hostDisconnected();
    await t.clock.advance(ABORT_GRACE_MS);
    expect(t.sender.state.phase).to.equal('idle');
    t.sender.hostConnected();
    await t.clock.advance(0);
    expect(t.calls).to.have.length(2);
    expect(t.keyOf(t.calls[1]!)).to.equal(t.keyOf(t.calls[0]!));
    expect(t.sender.state.phase).to.equal('done');
    t.done();
  });

  it('coming back online does not cut short a wait the endpoint asked for (429, Retry-After)', async () => {
    const t = setup([() => json(429, {}, { 'Retry-After': '600' }), () => receipt()]);
    t.sender.submit(body);
    await t.clock.advance(0);
    expect(t.sender.state).to.include({ phase: 'waiting', reason: 'busy', retryInMs: 600_000 });
    window.dispatchEvent(new Event('online'));
    await t.clock.advance(1000);
    expect(t.calls).to.have.length(1);
    await t.clock.advance(600_000);
    expect(t.sender.state.phase).to.equal('done');
    expect(t.calls).to.have.length(2);
    t.done();
  });

  it('a network failure while the browser says it is online is "unavailable", not "offline"', async () => {
    const t = setup([() => Promise.reject(new TypeError('Failed to fetch'))]);
    t.sender.submit(body);
    await t.clock.advance(0);
    expect(t.sender.state).to.include({ phase: 'waiting', reason: 'unavailable' });
    t.done();
  });

  it('ignores a submit while one is on its way or waiting', async () => {
    const t = setup([() => json(503)]);
    expect(t.sender.submit(body)).to.equal(true);
    expect(t.sender.submit(body)).to.equal(false);
    await t.clock.advance(0);
    expect(t.sender.state.phase).to.equal('waiting');
    expect(t.sender.submit(body)).to.equal(false);
    expect(t.calls).to.have.length(1);
    t.done();
  });

  it('sends JSON with the headers the contract asks for, without cookies', async () => {
    const t = setup([() => receipt()]);
    t.sender.submit(body);
    await t.clock.advance(0);
    const { url, init } = t.calls[0];
    expect(url).to.equal('https://pledges.example.org/api');
    expect(init.method).to.equal('POST');
    expect(init.credentials).to.equal('omit');
    const headers = new Headers(init.headers);
    expect(headers.get('Content-Type')).to.equal('application/json');
    expect(headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(init.body as string)).to.deep.equal(body);
    t.done();
  });

  it('still sends when storage refuses to save (private browsing, full)', async () => {
    const t = setup([() => receipt()]);
    t.storage.failing = true;
    t.sender.submit(body);
    await t.clock.advance(0);
    expect(t.sender.state.phase).to.equal('done');
    t.done();
  });

  it('saves the draft after a pause in typing, and at once when the page is hidden', async () => {
    const t = setup([]);
    t.sender.saveDraft({ orgName: 'O' });
    t.sender.saveDraft({ orgName: 'Or' });
    t.sender.saveDraft({ orgName: 'Org' });
    expect(t.storage.writes).to.equal(0);
    await t.clock.advance(500);
    expect(t.storage.writes).to.equal(1);
    expect(t.sender.readDraft()).to.deep.equal({ orgName: 'Org' });
    t.sender.saveDraft({ orgName: 'Org 2' });
    window.dispatchEvent(new Event('pagehide'));
    expect(t.storage.writes).to.equal(2);
    expect(JSON.parse([...t.storage.items.values()][0]).values).to.deep.equal({ orgName: 'Org 2' });
    t.done();
  });

  it('drops a saved outbox entry of the wrong shape instead of sending it; a well-formed one is sent', async () => {
    const outboxKey = 'compact-widgets:pledge:c:https://pledges.example.org/api:outbox';
    const entry = (changes: Record<string, unknown> = {}, bodyChanges: Record<string, unknown> = {}) =>
      JSON.stringify({ key: 'k-1', createdAt: 1, attempts: 2, ...changes, body: { ...body, ...bodyChanges } });
    const corrupt = [
      entry({ key: '' }),
      entry({ key: 42 }),
      JSON.stringify({ key: 'k-1' }),
      JSON.stringify({ key: 'k-1', body: 'text' }),
      JSON.stringify(null),
      JSON.stringify([1, 2]),
      entry({}, { organisation: { name: 'Org', sector: 'joint' } }),
      entry({}, { organisation: { name: '  ', sector: 'voluntary' } }),
      entry({}, { organisation: null }),
      entry({}, { contact: { name: 'A' } }),
      entry({}, { contact: { name: 'A', email: 7 } }),
      entry({}, { consent: { publish: 'yes', contact: true } }),
      entry({}, { consent: { publish: true } }),
      entry({}, { consent: undefined }),
    ];
    for (const saved of corrupt) {
      const t = setup([() => receipt()]);
      t.storage.items.set(outboxKey, saved);
      t.sender.attach(undefined);
      t.sender.attach({ compactId: 'c', endpoint: 'https://pledges.example.org/api' });
      await t.clock.advance(0);
      expect(t.calls, saved).to.have.length(0);
      expect(t.sender.state.phase, saved).to.equal('idle');
      expect(t.storage.items.has(outboxKey), `${saved} is removed`).to.equal(false);
      t.done();
    }
    const t = setup([() => json(202, { id: 'p-1', status: 'pending' })]);
    t.storage.items.set(outboxKey, entry());
    t.sender.attach(undefined);
    t.sender.attach({ compactId: 'c', endpoint: 'https://pledges.example.org/api' });
    await t.clock.advance(0);
    expect(t.calls).to.have.length(1);
    expect(t.keyOf(t.calls[0])).to.equal('k-1');
    expect(t.sender.state).to.deep.include({ phase: 'done', id: 'p-1', body });
    t.done();
  });

  it('keeps drafts and outboxes apart per compact and endpoint', async () => {
    const t = setup([]);
    t.sender.saveDraft({ orgName: 'For c' });
    t.sender.attach({ compactId: 'other', endpoint: 'https://pledges.example.org/api' });
    expect(t.sender.readDraft()).to.equal(undefined);
    t.sender.attach({ compactId: 'c', endpoint: 'https://pledges.example.org/api' });
    expect(t.sender.readDraft()).to.deep.equal({ orgName: 'For c' });
    expect([...t.storage.items.keys()]).to.deep.equal(['compact-widgets:pledge:c:https://pledges.example.org/api:draft:tab-1']);
    t.done();
  });
});

/** The pledge events in the order they reach the host, with the sender's phase when each fired. */
const PLEDGE_EVENTS = ['compact-pledge-received', 'compact-pledge-submit', 'compact-pledge-retrying', 'compact-pledge-error'] as const;
function record(t: ReturnType<typeof setup>) {
  const fired: { name: string; detail: unknown; phase: string }[] = [];
  for (const name of PLEDGE_EVENTS) {
    t.host.addEventListener(name, (e: Event) => fired.push({ name, detail: (e as CustomEvent).detail, phase: t.sender.state.phase }));
  }
  return fired;
}

describe('PledgeSender: events (0.2.0: received and retrying; the old names still fire, after them)', () => {
  it('compact-pledge-received when the endpoint confirms, then the deprecated compact-pledge-submit with the same detail', async () => {
    const t = setup([() => receipt(201, { id: 'p-7', status: 'accepted' })]);
    const fired = record(t);
    t.sender.submit(body);
    expect(fired, 'nothing on submit: only a receipt is news').to.deep.equal([]);
    await t.clock.advance(0);
    const detail = { id: 'p-7', status: 'accepted', body };
    expect(fired).to.deep.equal([
      { name: 'compact-pledge-received', detail, phase: 'done' },
      { name: 'compact-pledge-submit', detail, phase: 'done' },
    ]);
    t.done();
  });

  it('compact-pledge-retrying ({retryInMs, reason}) each time it will try again, then the deprecated error with kind "retrying"', async () => {
    const t = setup([() => json(503), () => json(429, {}, { 'Retry-After': '30' }), () => receipt()]);
    const fired = record(t);
    t.sender.submit(body);
    await t.clock.advance(0);
    const first = t.sender.state.phase === 'waiting' ? t.sender.state.retryInMs : -1;
    expect(first).to.be.within(1000, 2000);
    expect(fired).to.deep.equal([
      { name: 'compact-pledge-retrying', detail: { retryInMs: first, reason: 'unavailable' }, phase: 'waiting' },
      { name: 'compact-pledge-error', detail: { kind: 'retrying', retryInMs: first, reason: 'unavailable' }, phase: 'waiting' },
    ]);
    fired.length = 0;
    await t.clock.advance(first);
    expect(fired.map((f) => [f.name, f.detail])).to.deep.equal([
      ['compact-pledge-retrying', { retryInMs: 30_000, reason: 'busy' }],
      ['compact-pledge-error', { kind: 'retrying', retryInMs: 30_000, reason: 'busy' }],
    ]);
    fired.length = 0;
    await t.clock.advance(30_000);
    expect(fired.map((f) => f.name)).to.deep.equal(['compact-pledge-received', 'compact-pledge-submit']);
    t.done();
  });

  it('a refusal is compact-pledge-error "rejected" only: neither received nor retrying', async () => {
    const t = setup([() => json(422, { errors: [{ field: 'contact.email', message: 'Enter a real email address' }] })]);
    const fired = record(t);
    t.sender.submit(body);
    await t.clock.advance(0);
    expect(fired.map((f) => [f.name, f.detail])).to.deep.equal([
      ['compact-pledge-error', { kind: 'rejected', errors: [{ field: 'contact.email', message: 'Enter a real email address' }], status: 422 }],
    ]);
    t.done();
  });
});

describe('postPledge on an odd page', () => {
  it('a page that has put fetch’s option names on Object.prototype (`mode`) still has the pledge received', async () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.mode = 'dark';
    try {
      const answer = await postPledge(new URL('/test-pledge', location.href).href, newIdempotencyKey(), body, {
        clock: systemClock,
        timeoutMs: 5000,
      });
      expect(answer.kind).to.equal('received');
    } finally {
      delete proto.mode;
    }
  });
});

describe('checkEndpoint and keys', () => {
  it('accepts https anywhere and http only on this computer', () => {
    expect(checkEndpoint('https://pledges.example.org/api')).to.deep.equal({ ok: true, url: 'https://pledges.example.org/api' });
    expect(checkEndpoint('http://localhost:8080/api/pledges').ok).to.equal(true);
    expect(checkEndpoint('http://127.0.0.1:8080/api/pledges').ok).to.equal(true);
    expect(checkEndpoint('http://pledges.example.org/api')).to.deep.equal({ ok: false, reason: 'not-https' });
    expect(checkEndpoint('http://localhost.example.org/api')).to.deep.equal({ ok: false, reason: 'not-https' });
    for (const bad of ['javascript:alert(1)', 'ftp://example.org/', '/api/pledges', '', undefined, 42]) {
      expect(checkEndpoint(bad), String(bad)).to.deep.equal({ ok: false, reason: 'not-http' });
    }
  });

  it('makes v4 UUIDs', () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).to.equal(50);
    for (const key of keys) expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('PledgeSender: nothing is counted as received unless the endpoint said so', () => {
  const html = (status: number) =>
    Promise.resolve(new Response('<!doctype html><title>Sign in</title><form>…', { status, headers: { 'Content-Type': 'text/html' } }));
  const text = (status: number, data: string) => Promise.resolve(new Response(data, { status }));
  const outbox = (t: ReturnType<typeof setup>) => [...t.storage.items.keys()].filter((k) => k.includes(':outbox'));
  let warn: typeof console.warn;
  let warnings: string[];
  beforeEach(() => {
    warn = console.warn;
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  const notReceipts: [string, () => Promise<Response>][] = [
    ['200 HTML (a sign-in or Wi-Fi login page)', () => html(200)],
    ['200 with a receipt (only 201 or 202 count)', () => receipt(200)],
    ['204 without a body', () => json(204)],
    ['203 with a receipt', () => receipt(203)],
    ['201 HTML', () => html(201)],
    ['201 not JSON at all', () => text(201, 'OK')],
    ['201 empty', () => text(201, '')],
    ['201 {}', () => json(201, {})],
    ['201 null', () => json(201, null)],
    ['201 a JSON string', () => json(201, 'pending')],
    ['201 an array', () => json(201, [{ status: 'pending' }])],
    ['201 another status', () => json(201, { id: 'p-1', status: 'received' })],
    ['202 status of the wrong case', () => json(202, { id: 'p-1', status: 'Pending' })],
    ['202 an id that is an object', () => json(202, { id: { $gt: '' }, status: 'pending' })],
    ['202 JSON cut short', () => text(202, '{"id":"p-1","status":"pend')],
  ];
  for (const [label, answer] of notReceipts) {
    it(`${label}: not sent; the pledge stays in the outbox and is tried again`, async () => {
      const submitted: unknown[] = [];
      const t = setup([answer, () => receipt(201, { id: 'p-2', status: 'accepted' })]);
      t.host.addEventListener('compact-pledge-submit', (e) => submitted.push(e));
      t.sender.submit(body);
      await t.clock.advance(0);
      expect(t.sender.state).to.include({ phase: 'waiting', reason: 'unconfirmed' });
      expect(submitted).to.have.length(0);
      expect(outbox(t)).to.have.length(1);
      expect(warnings.join('\n')).to.match(/without a receipt/);
      expect(t.errors).to.deep.equal([{ kind: 'retrying', retryInMs: t.sender.state.phase === 'waiting' ? t.sender.state.retryInMs : -1, reason: 'unconfirmed' }]);
      await t.clock.advance(t.sender.state.phase === 'waiting' ? t.sender.state.retryInMs : 0);
      expect(t.sender.state).to.include({ phase: 'done', status: 'accepted', id: 'p-2' });
      expect(t.keyOf(t.calls[1])).to.equal(t.keyOf(t.calls[0]));
      expect(outbox(t)).to.have.length(0);
      t.done();
    });
  }

  for (const status of [201, 202]) {
    for (const data of [{ status: 'pending' }, { id: 'p-9', status: 'accepted' }, { id: 42, status: 'pending' }]) {
      it(`${status} ${JSON.stringify(data)} is a receipt`, async () => {
        const t = setup([() => json(status, data)]);
        t.sender.submit(body);
        await t.clock.advance(0);
        expect(t.sender.state.phase).to.equal('done');
        expect(outbox(t)).to.have.length(0);
        t.done();
      });
    }
  }

  it('asks fetch never to follow a redirect', async () => {
    const t = setup([() => receipt()]);
    t.sender.submit(body);
    await t.clock.advance(0);
    expect(t.calls[0].init.redirect).to.equal('manual');
    t.done();
  });

  const redirects: [string, () => Promise<Response>][] = [
    ...[301, 302, 303, 307, 308].map(
      (status) =>
        [`${status}`, () => Promise.resolve(new Response(null, { status, headers: { Location: 'https://elsewhere.example/' } }))] as [
          string,
          () => Promise<Response>,
        ],
    ),
    // What a browser gives for `redirect: 'manual'`: status 0, no headers to read.
    ['an opaque redirect', () => Promise.resolve({ type: 'opaqueredirect', status: 0, headers: new Headers(), text: async () => '' } as Response)],
  ];
  for (const [label, answer] of redirects) {
    it(`a redirect (${label}) is a configuration problem: kept, not counted, the webmaster told once`, async () => {
      const t = setup([answer, answer, answer]);
      t.sender.submit(body);
      await t.clock.advance(0);
      expect(t.sender.state).to.include({ phase: 'waiting', reason: 'misdirected' });
      expect(outbox(t)).to.have.length(1);
      await t.clock.advance((t.sender.state as { retryInMs: number }).retryInMs);
      expect(t.calls).to.have.length(2);
      expect(t.sender.state).to.include({ phase: 'waiting', reason: 'misdirected' });
      expect(warnings.filter((w) => /redirect/.test(w))).to.have.length(1);
      expect(t.errors.map((e) => [e.kind, e.reason])).to.deep.equal([['retrying', 'misdirected'], ['retrying', 'misdirected']]);
      expect(warnings[0]).to.include('https://pledges.example.org/api');
      t.done();
    });
  }

  it('a 409 with a JSON body is "already received"; one that is not JSON is not counted as received', async () => {
    const a = setup([() => json(409, { id: 'p-1' })]);
    a.sender.submit(body);
    await a.clock.advance(0);
    expect(a.sender.state).to.include({ phase: 'done', status: 'duplicate' });
    a.done();
    const b = setup([() => html(409)]);
    b.sender.submit(body);
    await b.clock.advance(0);
    expect(b.sender.state.phase).to.equal('rejected');
    b.done();
  });
});

describe('PledgeSender: two tabs (or two forms) share localStorage but never an outbox slot', () => {
  const target = { compactId: 'c', endpoint: 'https://pledges.example.org/api' };
  const other = { ...body, organisation: { name: 'Other org', sector: 'voluntary' as const } };

  /** Two senders on one storage, as two tabs of one browser are. */
  function twoTabs(answersA: Parameters<typeof setup>[0], answersB: Parameters<typeof setup>[0]) {
    const storage = new MemoryStorage();
    const a = setup(answersA, { storage, tabId: 'tab-a' });
    const b = setup(answersB, { storage, tabId: 'tab-b' });
    b.clock = a.clock; // one time for both (each sender keeps its own clock object: move both)
    const entries = () => [...storage.items.entries()].filter(([k]) => k.includes(':outbox')).map(([, v]) => JSON.parse(v));
    return { storage, a, b, entries };
  }

  it('each submission has its own entry, under its key: a second tab’s pledge overwrites nothing', async () => {
    const { a, b, entries } = twoTabs([() => json(503)], [() => json(503)]);
    a.sender.submit(body);
    b.sender.submit(other);
    await a.clock.advance(0);
    await b.clock.advance(0);
    const saved = entries();
    expect(saved).to.have.length(2);
    expect(saved.map((e) => e.body.organisation.name).sort()).to.deep.equal(['Org', 'Other org']);
    expect(saved.map((e) => e.key).sort()).to.deep.equal([a.keyOf(a.calls[0]), b.keyOf(b.calls[0])].sort());
    a.done();
    b.done();
  });

  it('a delivery in one tab removes only its own entry', async () => {
    const { a, b, entries } = twoTabs([() => json(503), () => receipt()], [() => json(503)]);
    a.sender.submit(body);
    b.sender.submit(other);
    await a.clock.advance(0);
    await b.clock.advance(0);
    await a.clock.advance((a.sender.state as { retryInMs: number }).retryInMs);
    expect(a.sender.state.phase).to.equal('done');
    expect(entries().map((e) => e.body.organisation.name)).to.deep.equal(['Other org']);
    expect(b.sender.state.phase).to.equal('waiting');
    a.done();
    b.done();
  });

  it('a tab does not take over an entry another live tab is sending; it does once that tab has gone', async () => {
    const storage = new MemoryStorage();
    const a = setup([() => json(503)], { storage, tabId: 'tab-a' });
    a.sender.submit(body);
    await a.clock.advance(0);
    const b = setup([() => receipt()], { storage, tabId: 'tab-b' });
    await b.clock.advance(0);
    expect(b.calls, 'B leaves A’s pledge to A').to.have.length(0);
    expect(b.sender.state.phase).to.equal('idle');
    a.done(); // A's tab closes: its claim ends
    const c = setup([() => receipt()], { storage, tabId: 'tab-c' });
    await c.clock.advance(0);
    expect(c.calls).to.have.length(1);
    expect(c.keyOf(c.calls[0])).to.equal(a.keyOf(a.calls[0]));
    expect(c.sender.state.phase).to.equal('done');
    b.done();
    c.done();
  });

  it('moved while sending: the form takes its claim back, so another tab leaves the pledge to it', async () => {
    const storage = new MemoryStorage();
    const a = setup([() => new Promise<Response>(() => {})], { storage, tabId: 'tab-a' });
    a.sender.submit(body);
    await a.clock.advance(0);
    a.sender.hostDisconnected();
    a.sender.hostConnected();
    const b = setup([() => receipt()], { storage, tabId: 'tab-b' });
    await b.clock.advance(0);
    expect(b.calls).to.have.length(0);
    a.done();
    b.done();
  });

  it('gone for good after an answer that said wait: the claim is given up, and another tab sends it', async () => {
    const storage = new MemoryStorage();
    let answer!: (response: Response) => void;
    const a = setup([() => new Promise<Response>((resolve) => (answer = resolve))], { storage, tabId: 'tab-a' });
    a.sender.submit(body);
    await a.clock.advance(0);
    a.sender.hostDisconnected();
    answer(new Response('{}', { status: 503 })); // during the moment: a wait, which claims the entry again
    await a.clock.advance(0);
    await a.clock.advance(ABORT_GRACE_MS);
    const b = setup([() => receipt()], { storage, tabId: 'tab-b' });
    await b.clock.advance(0);
    expect(b.calls).to.have.length(1);
    expect(b.keyOf(b.calls[0]!)).to.equal(a.keyOf(a.calls[0]!));
    a.host.remove();
    b.done();
  });

  it('a claim left by a tab that crashed runs out, and the entry is sent by the next visit', async () => {
    const storage = new MemoryStorage();
    const a = setup([() => json(503)], { storage, tabId: 'tab-a' });
    a.sender.submit(body);
    await a.clock.advance(0);
    // No pagehide, no disconnect: the tab just died. Its claim says how long it lasts.
    const [saved] = [...storage.items.values()].map((v) => JSON.parse(v));
    const late = new FakeClock();
    late.time = saved.claim.until + 1;
    const b = setup([() => receipt()], { storage, tabId: 'tab-b', clock: late });
    await late.advance(0);
    expect(b.calls).to.have.length(1);
    expect(b.sender.state.phase).to.equal('done');
    b.done();
  });

  it('a claim that runs out further ahead than any sender claims (the clock was put back) does not hold the pledge back', async () => {
    const storage = new MemoryStorage();
    const a = setup([() => json(503)], { storage, tabId: 'tab-a' });
    a.sender.submit(body);
    await a.clock.advance(0);
    // The device's clock was a year ahead when the pledge was kept, and has been put right since.
    const [[slot, text]] = [...storage.items.entries()];
    const saved = JSON.parse(text!);
    saved.claim.until += 365 * 24 * 60 * 60 * 1000;
    storage.items.set(slot!, JSON.stringify(saved));
    const b = setup([() => receipt()], { storage, tabId: 'tab-b' });
    await b.clock.advance(0);
    expect(b.calls).to.have.length(1);
    expect(b.sender.state.phase).to.equal('done');
    a.host.remove();
    b.done();
  });

  it('after a confirmation, "sign up another" sends the next sign-up left waiting on this device', async () => {
    const storage = new MemoryStorage();
    const a = setup([() => json(503)], { storage, tabId: 'tab-a' });
    a.sender.submit(other);
    await a.clock.advance(0);
    a.done();
    const b = setup([() => receipt(), () => receipt()], { storage, tabId: 'tab-b' });
    await b.clock.advance(0);
    expect(b.sender.state.phase).to.equal('done'); // the left-behind one, resumed on load
    b.sender.reset();
    await b.clock.advance(0);
    expect(b.sender.state.phase).to.equal('idle');
    expect([...storage.items.keys()].filter((k) => k.includes(':outbox'))).to.deep.equal([]);
    b.done();
  });

  it('drafts are per tab: one tab’s typing and clearing never touch the other’s', async () => {
    const { a, b } = twoTabs([], []);
    a.sender.saveDraft({ orgName: 'Typed in A' });
    b.sender.saveDraft({ orgName: 'Typed in B' });
    window.dispatchEvent(new Event('pagehide'));
    expect(a.sender.readDraft()).to.deep.equal({ orgName: 'Typed in A' });
    expect(b.sender.readDraft()).to.deep.equal({ orgName: 'Typed in B' });
    a.sender.clearDraft();
    expect(b.sender.readDraft()).to.deep.equal({ orgName: 'Typed in B' });
    a.done();
    b.done();
  });

  it('a new tab takes over the newest draft a closed tab left (once), and writes it back if it was taken meanwhile', async () => {
    const base = `compact-widgets:pledge:c:${target.endpoint}:`;
    const storage = new MemoryStorage();
    const a = setup([], { storage, tabId: 'tab-a' });
    a.sender.saveDraft({ orgName: 'Older' });
    a.sender.flushDraft();
    a.done();
    a.clock.time += 1000;
    const b = setup([], { storage, tabId: 'tab-b', clock: a.clock });
    b.sender.saveDraft({ orgName: 'Newer' });
    b.sender.flushDraft();
    b.done();
    const c = setup([], { storage, tabId: 'tab-c', clock: a.clock });
    expect(c.sender.readDraft()).to.deep.equal({ orgName: 'Newer' });
    expect(storage.items.has(`${base}draft:tab-b`), 'taken over, so not revived again').to.equal(false);
    // Another tab opened while C is still open takes C's draft over (it cannot tell C is alive) …
    const d = setup([], { storage, tabId: 'tab-d', clock: a.clock });
    expect(d.sender.readDraft()).to.deep.equal({ orgName: 'Newer' });
    expect(storage.items.has(`${base}draft:tab-c`)).to.equal(false);
    // … and C writes its own back when it is left: nothing typed in C is lost.
    window.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(storage.items.get(`${base}draft:tab-c`)!).values).to.deep.equal({ orgName: 'Newer' });
    const e = setup([], { storage, tabId: 'tab-e', clock: a.clock });
    expect(e.sender.readDraft()).to.not.equal(undefined);
    for (const t of [c, d, e]) t.done();
  });
});

describe('PledgeSender: saved entries from elsewhere', () => {
  const base = 'compact-widgets:pledge:c:https://pledges.example.org/api:';
  const saved = (key: unknown) => JSON.stringify({ key, body, createdAt: 1, attempts: 3 });

  for (const key of ['with space', 'line\nbreak', 'cr\rlf', 'clé', 'emoji 😀', '\u0000', 'x'.repeat(201), 'tab\t']) {
    it(`an entry whose key is not a valid header value (${JSON.stringify(key).slice(0, 20)}) gets a new key and is sent`, async () => {
      const t = setup([() => receipt()]);
      t.sender.attach(undefined);
      t.storage.items.set(`${base}outbox:${key}`, saved(key));
      t.sender.attach({ compactId: 'c', endpoint: 'https://pledges.example.org/api' });
      await t.clock.advance(0);
      expect(t.calls).to.have.length(1);
      const sent = t.keyOf(t.calls[0])!;
      expect(sent).to.match(/^[0-9a-f-]{36}$/);
      expect(t.sender.state.phase).to.equal('done');
      expect([...t.storage.items.keys()]).to.deep.equal([]);
      t.done();
    });
  }

  it('the single outbox slot of earlier versions is still sent, with its key, and then removed', async () => {
    const t = setup([() => receipt()]);
    t.sender.attach(undefined);
    t.storage.items.set(`${base}outbox`, saved('k-legacy'));
    t.sender.attach({ compactId: 'c', endpoint: 'https://pledges.example.org/api' });
    await t.clock.advance(0);
    expect(t.keyOf(t.calls[0])).to.equal('k-legacy');
    expect([...t.storage.items.keys()]).to.deep.equal([]);
    t.done();
  });

  it('the oldest of several waiting entries goes first', async () => {
    const t = setup([() => receipt()]);
    t.sender.attach(undefined);
    t.storage.items.set(`${base}outbox:k-new`, JSON.stringify({ key: 'k-new', body, createdAt: 50, attempts: 0 }));
    t.storage.items.set(`${base}outbox:k-old`, JSON.stringify({ key: 'k-old', body, createdAt: 10, attempts: 0 }));
    t.sender.attach({ compactId: 'c', endpoint: 'https://pledges.example.org/api' });
    await t.clock.advance(0);
    expect(t.keyOf(t.calls[0])).to.equal('k-old');
    expect([...t.storage.items.keys()]).to.deep.equal([`${base}outbox:k-new`]);
    t.done();
  });
});

describe('PledgeSender: a duplicated tab', () => {
  /** sessionStorage as a duplicated tab has it: a copy of the first tab's. */
  const session = (id: string) => {
    const items = new Map([['compact-widgets:tab', id]]);
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
  };

  it('takes a new name when another tab answers to its own, and its form moves its draft there', async () => {
    const channelName = `compact-widgets:tabs:test:${Math.random()}`;
    // The first tab, already open: it answers to "tab-1".
    const first = new BroadcastChannel(channelName);
    first.onmessage = (e) => {
      if (e.data?.ask === 'tab-1') first.postMessage({ taken: 'tab-1' });
    };
    const storage = new MemoryStorage();
    const copied = session('tab-1');
    const tab = new TabName(copied, channelName);
    expect(tab.id).to.equal('tab-1');
    const t = setup([], { storage, tabId: undefined, tab: { get id() { return tab.id; }, onRename: (fn) => tab.onRename(fn) } });
    const drafts = () => [...storage.items.keys()].filter((k) => k.includes(':draft:'));
    // Before the answer comes, it uses the name it was given: the slot the first tab writes to.
    t.sender.saveDraft({ orgName: 'Typed before the copy was made' });
    t.sender.flushDraft();
    const [shared] = drafts();
    expect(shared).to.match(/:draft:tab-1\.\d+$/);
    await waitUntil(() => tab.id !== 'tab-1', 'not renamed');
    expect(copied.items.get('compact-widgets:tab'), 'the new name is kept for reloads').to.equal(tab.id);
    const own = drafts().find((k) => k !== shared)!;
    expect(own, 'the draft moved to the new name').to.match(new RegExp(`:draft:${tab.id}\\.\\d+$`));
    expect(JSON.parse(storage.items.get(own)!).values).to.deep.equal({ orgName: 'Typed before the copy was made' });
    // From now on it writes its own: the first tab's slot is never written over, nor removed.
    t.sender.saveDraft({ orgName: 'Typed in the duplicate' });
    t.sender.flushDraft();
    expect(JSON.parse(storage.items.get(shared!)!).values).to.deep.equal({ orgName: 'Typed before the copy was made' });
    expect(JSON.parse(storage.items.get(own)!).values).to.deep.equal({ orgName: 'Typed in the duplicate' });
    t.sender.clearDraft();
    expect(drafts()).to.deep.equal([shared]);
    first.close();
    t.done();
  });

  it('answers to its name, so that a duplicate of it renames itself', async () => {
    const channelName = `compact-widgets:tabs:test:${Math.random()}`;
    const tab = new TabName(session('tab-9'), channelName);
    const other = new BroadcastChannel(channelName);
    const answers: unknown[] = [];
    other.onmessage = (e) => answers.push(e.data);
    other.postMessage({ ask: 'tab-9' });
    other.postMessage({ ask: 'someone-else' });
    // Messages from one channel arrive in order: an answer to the second would come before the third's.
    other.postMessage({ ask: 'tab-9' });
    await waitUntil(() => answers.length >= 2, 'no answers');
    expect(answers).to.deep.equal([{ taken: 'tab-9' }, { taken: 'tab-9' }]);
    expect(tab.id).to.equal('tab-9');
    other.close();
  });
});
