import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { MAX_SLEEP, schedule, tickerState, unschedule } from '../../../src/consultation-countdown/ticker.js';
import { setVisibility } from './helpers.js';

const NOW = Date.parse('2026-11-22T10:00:00Z');

function subscriber() {
  const ticks: number[] = [];
  return { ticks, tick: () => ticks.push(Date.now()) };
}

describe('countdown ticker', () => {
  let clock: sinon.SinonFakeTimers;
  const subs: ReturnType<typeof subscriber>[] = [];
  const make = () => {
    const s = subscriber();
    subs.push(s);
    return s;
  };

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    for (const s of subs.splice(0)) unschedule(s);
    setVisibility('visible');
    clock.restore();
  });

  it('keeps one timer for many subscribers, set for the earliest, and wakes each at its own time', () => {
    const [a, b, c] = [make(), make(), make()];
    schedule(a, NOW + 30_000);
    schedule(b, NOW + 10_000);
    schedule(c, NOW + 20_000);
    expect(tickerState()).to.deep.equal({ subscribers: 3, pending: true, wakeAt: NOW + 10_000 });
    expect(clock.countTimers()).to.equal(1);
    clock.tick(9_999);
    expect(b.ticks).to.deep.equal([]);
    clock.tick(1);
    expect(b.ticks).to.deep.equal([NOW + 10_000]);
    expect(a.ticks.length + c.ticks.length).to.equal(0);
    // A woken subscriber is dropped until it schedules again.
    expect(tickerState()).to.deep.equal({ subscribers: 2, pending: true, wakeAt: NOW + 20_000 });
    clock.tick(20_000);
    expect(c.ticks).to.deep.equal([NOW + 20_000]);
    expect(a.ticks).to.deep.equal([NOW + 30_000]);
    expect(tickerState()).to.deep.equal({ subscribers: 0, pending: false, wakeAt: undefined });
    expect(clock.countTimers()).to.equal(0);
  });

  it('re-arms when a subscriber moves its time earlier or later', () => {
    const a = make();
    schedule(a, NOW + 60_000);
    schedule(a, NOW + 5_000);
    expect(tickerState().wakeAt).to.equal(NOW + 5_000);
    schedule(a, NOW + 50_000);
    expect(tickerState().wakeAt).to.equal(NOW + 50_000);
    expect(clock.countTimers()).to.equal(1);
  });

  it('caps a long sleep, re-checks without waking anyone early, then wakes on time', () => {
    const a = make();
    const at = NOW + 5 * 24 * 3600_000;
    schedule(a, at);
    expect(tickerState().wakeAt).to.equal(NOW + MAX_SLEEP);
    clock.tick(MAX_SLEEP);
    expect(a.ticks).to.deep.equal([]);
    expect(tickerState()).to.include({ pending: true, wakeAt: NOW + 2 * MAX_SLEEP });
    clock.tick(at - Date.now());
    expect(a.ticks).to.deep.equal([at]);
  });

  it('wakes at once for a time already past', () => {
    const a = make();
    schedule(a, NOW - 1000);
    clock.tick(0);
    expect(a.ticks).to.deep.equal([NOW]);
  });

  it('sleeps with no timer while the page is hidden, and catches up when it is shown', () => {
    const [a, b] = [make(), make()];
    schedule(a, NOW + 60_000);
    schedule(b, NOW + 3 * 3600_000);
    setVisibility('hidden');
    expect(tickerState()).to.deep.equal({ subscribers: 2, pending: false, wakeAt: undefined });
    expect(clock.countTimers()).to.equal(0);
    clock.tick(2 * 3600_000);
    expect(a.ticks).to.deep.equal([]);
    // Scheduling while hidden does not start a timer either.
    const c = make();
    schedule(c, NOW + 2 * 3600_000 + 1);
    expect(clock.countTimers()).to.equal(0);
    setVisibility('visible');
    expect(a.ticks).to.deep.equal([NOW + 2 * 3600_000]);
    expect(b.ticks).to.deep.equal([]);
    expect(tickerState()).to.include({ subscribers: 2, pending: true });
  });

  it('leaves no timer and no listener once every subscriber is gone', () => {
    const spy = sinon.spy(document, 'removeEventListener');
    try {
      const [a, b] = [make(), make()];
      schedule(a, NOW + 1000);
      schedule(b, NOW + 2000);
      unschedule(a);
      expect(tickerState()).to.include({ subscribers: 1, pending: true });
      unschedule(b);
      expect(tickerState()).to.deep.equal({ subscribers: 0, pending: false, wakeAt: undefined });
      expect(clock.countTimers()).to.equal(0);
      expect(spy.calledWith('visibilitychange')).to.equal(true);
    } finally {
      spy.restore();
    }
  });
});
