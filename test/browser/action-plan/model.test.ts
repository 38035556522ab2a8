import { expect } from '@open-wc/testing';
import { todayInZone } from '../../../src/feed/time.js';
import { checkFeed } from '../../../src/feed/validate.js';
import type { Action, Aim, CompactFeed } from '../../../src/feed/types.js';
import {
  NO_FILTERS,
  actionProgress,
  applyFilters,
  countByStatus,
  distinctLeads,
  isJointLead,
  isOverdue,
  meanProgress,
  updatesInOrder,
} from '../../../src/action-plan/model.js';
import { sampleFeed } from '../../helpers/feeds.js';

const action = (fields: Partial<Action>): Action => ({
  id: 'x',
  title: 'X',
  lead: [],
  status: 'in-progress',
  updates: [],
  ...fields,
});

const london = (iso: string) => todayInZone(Date.parse(iso), 'Europe/London');

describe('action plan model', () => {
  describe('overdue, judged by the date in the compact’s time zone', () => {
    it('is overdue the day after its due date (London winter, same as UTC)', () => {
      const a = action({ due: '2026-11-21' });
      expect(isOverdue(a, london('2026-11-22T00:30:00+00:00'))).to.equal(true);
      expect(isOverdue(a, london('2026-11-21T23:59:00+00:00'))).to.equal(false);
    });

    it('is not overdue on its due date', () => {
      expect(isOverdue(action({ due: '2026-11-22' }), london('2026-11-22T00:30:00+00:00'))).to.equal(false);
    });

    it('uses the London date during BST, when the UTC date is a day behind', () => {
      // 23:30 UTC on 30 June is 00:30 BST on 1 July: in London, 30 June has passed.
      const a = action({ due: '2026-06-30' });
      expect(todayInZone(Date.parse('2026-06-30T23:30:00Z'), 'UTC')).to.equal('2026-06-30');
      expect(isOverdue(a, london('2026-06-30T23:30:00Z'))).to.equal(true);
      expect(isOverdue(a, london('2026-06-30T22:30:00Z'))).to.equal(false);
    });

    it('is never overdue when complete or cancelled, or without a due date', () => {
      const today = '2026-11-22';
      expect(isOverdue(action({ due: '2026-01-01', status: 'complete' }), today)).to.equal(false);
      expect(isOverdue(action({ due: '2026-01-01', status: 'cancelled' }), today)).to.equal(false);
      expect(isOverdue(action({ due: '2026-01-01', status: 'delayed' }), today)).to.equal(true);
      expect(isOverdue(action({ due: '2026-01-01', status: 'not-started' }), today)).to.equal(true);
      expect(isOverdue(action({}), today)).to.equal(false);
    });
  });

  describe('progress', () => {
    it('counts complete as 100, not started without a figure as 0, and leaves out cancelled and unknown', () => {
      expect(actionProgress(action({ status: 'complete', progress: 80 }))).to.equal(100);
      expect(actionProgress(action({ status: 'cancelled', progress: 40 }))).to.equal(undefined);
      expect(actionProgress(action({ status: 'not-started' }))).to.equal(0);
      expect(actionProgress(action({ status: 'in-progress' }))).to.equal(undefined);
      expect(actionProgress(action({ status: 'delayed', progress: 45 }))).to.equal(45);
      expect(actionProgress(action({ progress: 140 }))).to.equal(100);
    });

    it('averages the actions that have a figure, rounded', () => {
      const actions = [
        action({ status: 'complete' }), // 100
        action({ status: 'in-progress', progress: 45 }), // 45
        action({ status: 'not-started' }), // 0
        action({ status: 'cancelled', progress: 90 }), // left out
        action({ status: 'in-progress' }), // left out
      ];
      expect(meanProgress(actions)).to.equal(48); // 145 / 3 = 48.33
      expect(meanProgress([action({ status: 'cancelled' })])).to.equal(undefined);
    });
  });

  it('counts every status, with zeros', () => {
    const counts = countByStatus([action({ status: 'complete' }), action({ status: 'complete' }), action({})]);
    expect(counts).to.deep.equal({ 'not-started': 0, 'in-progress': 1, complete: 2, delayed: 0, cancelled: 0 });
  });

  it('a status from outside that is no status (constructor, __proto__, toString) finds no counter', () => {
    const odd = ['constructor', '__proto__', 'toString', 'hasOwnProperty'].map((status) => action({ status: status as never }));
    const counts = countByStatus([...odd, action({ status: 'complete' })]);
    expect(Object.keys(counts).sort()).to.deep.equal(['cancelled', 'complete', 'delayed', 'in-progress', 'not-started']);
    expect(counts).to.deep.equal({ 'not-started': 0, 'in-progress': 0, complete: 1, delayed: 0, cancelled: 0 });
    expect(Object.getPrototypeOf(counts)).to.equal(Object.prototype);
  });

  it('orders updates oldest first by date, keeping feed order on the same day', () => {
    const a = action({
      updates: [
        { date: '2026-03-01', text: 'b' },
        { date: '2025-01-01', text: 'a' },
        { date: '2026-03-01', text: 'c' },
      ],
    });
    expect(updatesInOrder(a).map((u) => u.text)).to.deep.equal(['a', 'b', 'c']);
  });

  describe('filters and leads', () => {
    const aims: Aim[] = [
      {
        id: 'one',
        title: 'One',
        actions: [
          action({ id: '1a', status: 'complete', lead: ['council'] }),
          action({ id: '1b', status: 'delayed', due: '2026-01-01', lead: ['council', 'cvs'] }),
        ],
      },
      { id: 'two', title: 'Two', actions: [action({ id: '2a', status: 'not-started', lead: ['A plain name'] })] },
    ];
    const ids = (f = NO_FILTERS) => applyFilters(aims, f, '2026-11-22').flatMap((v) => v.actions.map((a) => a.id));

    it('keeps the aims and actions in order and drops aims left empty', () => {
      expect(ids()).to.deep.equal(['1a', '1b', '2a']);
      const views = applyFilters(aims, { ...NO_FILTERS, status: 'not-started' }, '2026-11-22');
      expect(views.map((v) => [v.aim.id, v.index])).to.deep.equal([['two', 1]]);
    });

    it('filters by status, lead, aim, overdue and hides completed', () => {
      expect(ids({ ...NO_FILTERS, status: 'delayed' })).to.deep.equal(['1b']);
      expect(ids({ ...NO_FILTERS, lead: 'council' })).to.deep.equal(['1a', '1b']);
      expect(ids({ ...NO_FILTERS, aim: 'two' })).to.deep.equal(['2a']);
      expect(ids({ ...NO_FILTERS, overdue: true })).to.deep.equal(['1b']);
      expect(ids({ ...NO_FILTERS, hideComplete: true })).to.deep.equal(['1b', '2a']);
      expect(ids({ ...NO_FILTERS, lead: 'cvs', status: 'complete' })).to.deep.equal([]);
    });

    it('lists each lead once, in order of first appearance', () => {
      expect(distinctLeads(aims)).to.deep.equal(['council', 'cvs', 'A plain name']);
    });

    it('marks a lead shared by a public and a voluntary signatory as joint', () => {
      const feed = checkFeed(sampleFeed()).feed as CompactFeed;
      expect(isJointLead(feed, ['GB-LAE-TST', 'GB-CHC-1234567'])).to.equal(true);
      expect(isJointLead(feed, ['GB-CHC-1234567', 'GB-SC-SC012345'])).to.equal(false);
      expect(isJointLead(feed, ['GB-LAE-TST', 'Testshire CVS'])).to.equal(false);
    });
  });
});
