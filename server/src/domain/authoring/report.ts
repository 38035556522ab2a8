/**
 * The annual review: what happened under a compact in a period, worked out from what `buildFeed()`
 * publishes (normalised by the widgets' validator, so overdue and consultation lengths are what a
 * reader of the widgets sees) plus the signatory history (who left, which the feed no longer shows).
 */
import { ACTION_STATUSES, endOfDayInZone, isIsoDate, startOfDayInZone, todayInZone, type ActionStatus } from 'compact-widgets/feed';
import type { Db } from '../../db/transaction.js';
import { historyBetween } from '../../db/authoring.js';
import type { FeedSettings } from '../feed.js';
import { localText, partyText, type Text } from '../outputs/feed-view.js';
import { loadCompact } from './document.js';
import { describeDays, isOverdue, periodDays } from './rules.js';

export const STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  delayed: 'Delayed',
  complete: 'Complete',
  cancelled: 'Cancelled',
};

export interface Period {
  from: string;
  to: string;
}

export class PeriodError extends Error {
  constructor(public field: 'from' | 'to', message: string) {
    super(message);
  }
}

/** The period asked for, or the twelve months to today (in the compact's zone) when none is. */
export function readPeriod(query: { from?: unknown; to?: unknown }, today: string): Period {
  const from = typeof query.from === 'string' ? query.from.trim() : '';
  const to = typeof query.to === 'string' ? query.to.trim() : '';
  if (!from && !to) {
    const start = new Date(`${today}T00:00:00Z`);
    start.setUTCFullYear(start.getUTCFullYear() - 1);
    start.setUTCDate(start.getUTCDate() + 1);
    return { from: start.toISOString().slice(0, 10), to: today };
  }
  if (!isIsoDate(from)) throw new PeriodError('from', 'The start of the period must be a real date, like 2026-04-01');
  if (!isIsoDate(to)) throw new PeriodError('to', 'The end of the period must be a real date, like 2027-03-31');
  if (to < from) throw new PeriodError('to', 'The end of the period must be the same as or after its start');
  return { from, to };
}

export interface ReportAction {
  id: string;
  title: Text;
  aim: Text;
  status: ActionStatus;
  progress?: number;
  due?: string;
  overdue: boolean;
  leads: Text[];
  latest?: { date: string; text: Text; inPeriod: boolean };
}

export interface ReportConsultation {
  id: string;
  title: Text;
  opens: string;
  closes: string;
  length: string;
  outcome: 'met' | 'reason' | 'short';
  reason?: Text;
}

export interface Report {
  compactId: string;
  name: Text;
  timeZone: string;
  standardWeeks: number;
  period: Period;
  today: string;
  joined: { id: string; name: Text; sector: string; signed: string; left: boolean }[];
  left: { id: string; name: Text; on: string }[];
  byStatus: { status: ActionStatus; label: string; actions: ReportAction[] }[];
  overdue: ReportAction[];
  bodies: { name: Text; consultations: ReportConsultation[]; met: number }[];
}

type Json = Record<string, any>;

export async function annualReport(db: Db, compactId: string, period: Period, settings: FeedSettings, now: Date): Promise<Report | undefined> {
  const loaded = await loadCompact(db, compactId, settings);
  if (!loaded) return undefined;
  const feed = loaded.feed;
  const zone = feed.compact.timeZone;
  const today = todayInZone(now.getTime(), zone);
  const start = startOfDayInZone(period.from, zone);
  const end = endOfDayInZone(period.to, zone) + 1000;
  const inPeriod = (date: string | undefined) => date !== undefined && date >= period.from && date <= period.to;
  const en = (value: Parameters<typeof localText>[0]) => localText(value, 'en', feed);

  const history = await historyBetween(db, compactId, new Date(start).toISOString(), new Date(end).toISOString());
  const left: Report['left'] = [];
  const leftData = new Map<string, Json>();
  for (const entry of history) {
    const before = entry.before ? (JSON.parse(entry.before) as Json) : undefined;
    const after = JSON.parse(entry.after) as Json;
    if (before?.status === 'active' && after.status === 'withdrawn' && before.published !== false) {
      left.push({ id: entry.signatory_id, name: en(after.data?.name ?? entry.signatory_id), on: todayInZone(Date.parse(entry.at), zone) });
      leftData.set(entry.signatory_id, after.data ?? {});
    }
  }
  const joined: Report['joined'] = feed.signatories
    .filter((s) => inPeriod(s.signed))
    .map((s) => ({ id: s.id, name: en(s.name), sector: s.sector, signed: s.signed!, left: false }));
  for (const [id, data] of leftData) {
    if (inPeriod(data.signed) && !joined.some((j) => j.id === id)) joined.push({ id, name: en(data.name ?? id), sector: String(data.sector ?? ''), signed: data.signed, left: true });
  }
  joined.sort((a, b) => (a.signed < b.signed ? -1 : a.signed > b.signed ? 1 : 0));

  const actions: ReportAction[] = [];
  for (const aim of feed.actionPlan?.aims ?? []) {
    for (const action of aim.actions) {
      const latest = action.updates[action.updates.length - 1];
      actions.push({
        id: action.id,
        title: en(action.title),
        aim: en(aim.title),
        status: action.status,
        ...(action.progress !== undefined ? { progress: action.progress } : {}),
        ...(action.due ? { due: action.due } : {}),
        overdue: isOverdue(action, today),
        leads: action.lead.map((lead) => partyText(lead, 'en', feed)),
        ...(latest ? { latest: { date: latest.date, text: en(latest.text), inPeriod: inPeriod(latest.date) } } : {}),
      });
    }
  }

  const bodies = new Map<string, Report['bodies'][number]>();
  const consultations = [...feed.consultations].filter((c) => c.opensAt < end && c.closesAt >= start).sort((a, b) => a.opensAt - b.opensAt);
  for (const c of consultations) {
    const key = c.owner ?? '';
    if (!bodies.has(key)) bodies.set(key, { name: c.owner ? partyText(c.owner, 'en', feed) : { text: 'No consulting body named' }, consultations: [], met: 0 });
    const body = bodies.get(key)!;
    const days = periodDays(c.opensAt, c.closesAt, zone);
    const outcome = days >= feed.compact.consultationWeeks * 7 ? 'met' : c.shorterBecause ? 'reason' : 'short';
    if (outcome !== 'short') body.met++;
    body.consultations.push({
      id: c.id,
      title: en(c.title),
      opens: todayInZone(c.opensAt, zone),
      closes: todayInZone(c.closesAt, zone),
      length: describeDays(days),
      outcome,
      ...(c.shorterBecause ? { reason: en(c.shorterBecause) } : {}),
    });
  }

  return {
    compactId,
    name: en(feed.compact.name),
    timeZone: zone,
    standardWeeks: feed.compact.consultationWeeks,
    period,
    today,
    joined,
    left,
    byStatus: ACTION_STATUSES.map((status) => ({ status, label: STATUS_LABELS[status], actions: actions.filter((a) => a.status === status) })),
    overdue: actions.filter((a) => a.overdue),
    bodies: [...bodies.values()].sort((a, b) => a.name.text.localeCompare(b.name.text, 'en-GB')),
  };
}
