/**
 * The sending controller on its own, with an injected clock, fetch and storage: time is moved by
 * hand, so timeouts and back-off are checked exactly and quickly.
 */
import { aTimeout, expect } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import {
  backoffMs,
  checkEndpoint,
  newIdempotencyKey,
  PledgeSender,
  retryAfterMs,
  type Clock,
  type PledgeErrorDetail,
  type SenderOptions,
} from '../../../src/pledge-form/pledge-sender.js';
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
      () => json(202),
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
        () => json(202),
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
    const t = setup([() => json(429, {}, { 'Retry-After': '0' }), () => json(429, {}, { 'Retry-After': '30' }), () => json(202)], {
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
    const t = setup([() => Promise.reject(new TypeError('Failed to fetch')), () => json(202)], { isOnline: () => online });
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
    const t = setup([() => json(202)]);
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
    const t = setup([() => json(202)]);
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
    expect(JSON.parse([...t.storage.items.values()][0])).to.deep.equal({ orgName: 'Org 2' });
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
      const t = setup([() => json(202)]);
      t.storage.items.set(outboxKey, saved);
      t.sender.attach(undefined);
      t.sender.attach({ compactId: 'c', endpoint: 'https://pledges.example.org/api' });
      await t.clock.advance(0);
      expect(t.calls, saved).to.have.length(0);
      expect(t.sender.state.phase, saved).to.equal('idle');
      expect(t.storage.items.has(outboxKey), `${saved} is removed`).to.equal(false);
      t.done();
    }
    const t = setup([() => json(202, { id: 'p-1' })]);
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
    expect([...t.storage.items.keys()]).to.deep.equal(['compact-widgets:pledge:c:https://pledges.example.org/api:draft']);
    t.done();
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
