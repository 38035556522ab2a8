/**
 * The spreadsheet round trip for signatories and for the action plan: the sheet as downloaded, a
 * plan of what an uploaded sheet would change (rows added, changed, removed, and every problem with
 * its row and column), and applying that plan. Nothing is applied while the plan has a problem, and
 * a plan is applied only against the compact revision it was worked out from.
 *
 * Rows removed from the signatories sheet are withdrawn (out of the feed, kept with their history,
 * as moderation withdraws them), never deleted. Actions removed from the action-plan sheet leave the
 * plan; the audit entry keeps the plan as it was.
 */
import { ACTION_STATUSES, checkFeed, isIsoDate, safeHttpUrl, type FeedProblem } from 'compact-widgets/feed';
import type { Db } from '../../db/transaction.js';
import { inTransaction } from '../../db/transaction.js';
import type { SignatoriesTable } from '../../db/tables.js';
import { allSignatories, bumpRevision, insertSignatoryRow, updateSignatoryRow, writeCompactDocument } from '../../db/authoring.js';
import { findCompact } from '../../db/compacts.js';
import { buildFeed, type FeedSettings } from '../feed.js';
import { audit, type Actor } from '../audit.js';
import { recordSignatoryChange } from '../signatory-history.js';
import type { Clock } from '../clock.js';
import { nameKey, orgKey } from '../names.js';
import { loadCompact, StaleEdit, FeedRefused, type LoadedCompact } from './document.js';
import { plainText, textIn } from './languages.js';
import { compactToday, newId } from './sections.js';
import type { Sheet, SheetRow } from './sheets.js';

export type SheetKind = 'signatories' | 'actions';

/**
 * An uploaded sheet waits this long for "Apply" (pending_uploads), then is uploaded again: the
 * upload route refuses an older one, and the retention run deletes it.
 */
export const PENDING_UPLOAD_MINUTES = 60;

/** The instant (ISO) before which an upload made is no longer waiting, at `now`. */
export function pendingUploadsFrom(now: Date): string {
  return new Date(now.getTime() - PENDING_UPLOAD_MINUTES * 60_000).toISOString();
}

export interface SheetProblem {
  row: number;
  column: string;
  message: string;
}

export interface RowChange {
  id: string;
  name: string;
  row?: number;
  /** "status: in-progress → complete". */
  changes: string[];
}

export interface Plan {
  kind: SheetKind;
  added: RowChange[];
  changed: RowChange[];
  removed: RowChange[];
  unchanged: number;
  problems: SheetProblem[];
}

type Json = Record<string, any>;

/** A LocalizedText column: `name` in a one-language compact, `name_en`, `name_cy` … in a bilingual one. */
export function column(base: string, lang: string, languages: string[]): string {
  return languages.length === 1 ? base : `${base}_${lang}`;
}

function localizedCell(row: SheetRow, base: string, languages: string[]): string | Record<string, string> | undefined {
  if (languages.length === 1) return row.cells[base] || row.cells[`${base}_${languages[0]}`] || undefined;
  const entries = languages.map((l) => [l, row.cells[`${base}_${l}`] ?? ''] as const).filter(([, v]) => v);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

const textOf = (value: unknown, languages: string[]) => languages.map((l) => textIn(value, l, languages));

function describe(label: string, before: unknown, after: unknown): string | undefined {
  const a = before === undefined || before === null ? '' : typeof before === 'string' || typeof before === 'number' ? String(before) : JSON.stringify(before);
  const b = after === undefined || after === null ? '' : typeof after === 'string' || typeof after === 'number' ? String(after) : JSON.stringify(after);
  if (a === b) return undefined;
  return `${label}: ${a || '(empty)'} → ${b || '(empty)'}`;
}

const put = (target: Json, key: string, value: unknown) => {
  if (value === undefined || value === '') delete target[key];
  else target[key] = value;
};

// Signatories ----------------------------------------------------------------------------------

export const SIGNATORY_COLUMNS = (languages: string[]) => ['id', ...languages.map((l) => column('name', l, languages)), 'sector', 'type', 'signed', 'url'];

/** The sheet as downloaded: the signatories the feed lists, in its order. */
export function signatorySheet(loaded: LoadedCompact): { headers: string[]; rows: string[][] } {
  const languages = loaded.languages;
  return {
    headers: SIGNATORY_COLUMNS(languages),
    rows: loaded.feed.signatories.map((s) => [s.id, ...textOf(s.name, languages), s.sector, s.type ?? '', s.signed ?? '', s.url ?? '']),
  };
}

interface SignatoryPlan extends Plan {
  /** What applying writes: the rows in their new state (and, for each, the state before, if any). */
  writes: { before?: SignatoriesTable; after: SignatoriesTable }[];
}

export function planSignatories(sheet: Sheet, loaded: LoadedCompact, rows: SignatoriesTable[], now: string): SignatoryPlan {
  const languages = loaded.languages;
  const problems: SheetProblem[] = [];
  const nameColumn = column('name', languages[0], languages);
  for (const required of ['id', nameColumn, 'sector']) {
    if (!sheet.headers.includes(required)) problems.push({ row: 1, column: required, message: `The column “${required}” is missing` });
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const listed = rows.filter((r) => r.status === 'active' && r.published === 1);
  const seen = new Map<string, number>();
  const taken = new Set(rows.map((r) => r.id));
  const plan: SignatoryPlan = { kind: 'signatories', added: [], changed: [], removed: [], unchanged: 0, problems, writes: [] };
  let position = rows.reduce((max, r) => Math.max(max, r.position), -1) + 1;
  /** Feed index → sheet row, for mapping the feed check's problems back. */
  const sheetRowOf = new Map<string, number>();

  if (!problems.length) {
    for (const row of sheet.rows) {
      const at = (column: string, message: string) => problems.push({ row: row.row, column, message });
      const name = localizedCell(row, 'name', languages);
      const first = typeof name === 'string' ? name : name?.[languages[0]];
      if (!first) at(nameColumn, 'Enter the organisation’s name');
      let id = row.cells.id ?? '';
      if (!id) id = newId(plainText(name, languages), taken, 'organisation');
      if (seen.has(id)) {
        at('id', `The id ${id} is also on row ${seen.get(id)}`);
        continue;
      }
      seen.set(id, row.row);
      taken.add(id);
      const sector = (row.cells.sector ?? '').toLowerCase();
      if (sector !== 'public' && sector !== 'voluntary') at('sector', 'The sector must be “public” or “voluntary”');
      const signed = row.cells.signed ?? '';
      if (signed && !isIsoDate(signed)) at('signed', 'The date it signed must be a real date, like 2025-03-01');
      const urlText = row.cells.url ?? '';
      const url = urlText ? safeHttpUrl(urlText) : undefined;
      if (urlText && !url) at('url', 'The website must be an address starting with https:// or http://');
      const old = byId.get(id);
      if (old && old.status === 'active' && old.published === 0) {
        at('id', 'This organisation asked not to be listed: change it on its signatory page, not in the sheet');
        continue;
      }
      const data: Json = old ? JSON.parse(old.data) : {};
      put(data, 'name', name);
      put(data, 'sector', sector);
      put(data, 'type', row.cells.type);
      put(data, 'signed', signed);
      put(data, 'url', url ?? undefined);
      sheetRowOf.set(id, row.row);
      const label = plainText(name, languages) || id;
      if (!old) {
        plan.added.push({ id, name: label, row: row.row, changes: [] });
        plan.writes.push({ after: { compact_id: loaded.id, id, data: JSON.stringify(data), name_key: nameKey(first ?? id), org_key: orgKey(id), status: 'active', withdrawn_at: null, published: 1, position: position++, pledge_id: null, created_at: now, updated_at: now } });
        continue;
      }
      const before = JSON.parse(old.data) as Json;
      const changes = [
        ...languages.map((l) => describe(column('name', l, languages), textIn(before.name, l, languages), textIn(data.name, l, languages))),
        describe('sector', before.sector, data.sector),
        describe('type', before.type, data.type),
        describe('signed', before.signed, data.signed),
        describe('url', before.url, data.url),
      ].filter((c): c is string => c !== undefined);
      if (old.status === 'withdrawn') {
        plan.added.push({ id, name: label, row: row.row, changes: ['rejoins (had withdrawn)', ...changes] });
      } else if (changes.length) {
        plan.changed.push({ id, name: label, row: row.row, changes });
      } else {
        plan.unchanged++;
        continue;
      }
      plan.writes.push({ before: old, after: { ...old, data: JSON.stringify(data), name_key: nameKey(first ?? id), status: 'active', withdrawn_at: null, updated_at: now } });
    }
    for (const old of listed) {
      if (seen.has(old.id)) continue;
      plan.removed.push({ id: old.id, name: plainText(JSON.parse(old.data).name, languages) || old.id, changes: ['withdrawn: leaves the feed, kept with its history'] });
      plan.writes.push({ before: old, after: { ...old, status: 'withdrawn', withdrawn_at: now, updated_at: now } });
    }
  }

  if (!problems.length) {
    // The whole feed as it would be published, judged by the contract's strict rules.
    const after = new Map(plan.writes.map((w) => [w.after.id, w.after]));
    const next = [...rows.map((r) => after.get(r.id) ?? r), ...plan.writes.filter((w) => !w.before).map((w) => w.after)]
      .filter((r) => r.status === 'active' && r.published === 1)
      .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
    const candidate = { ...loaded.raw, signatories: next.map((r) => ({ id: r.id, ...JSON.parse(r.data) })) };
    for (const problem of checkFeed(candidate).problems) {
      const match = /^\$\.signatories\[(\d+)\]\.?(\w+)?/.exec(problem.path);
      const id = match ? next[Number(match[1])]?.id : undefined;
      problems.push({ row: (id && sheetRowOf.get(id)) || 1, column: match?.[2] ?? '', message: problem.message });
    }
  }
  return plan;
}

// The action plan ------------------------------------------------------------------------------

export const ACTION_COLUMNS = (languages: string[]) => [
  'aim_id',
  ...languages.map((l) => column('aim_title', l, languages)),
  'action_id',
  ...languages.map((l) => column('title', l, languages)),
  ...languages.map((l) => column('description', l, languages)),
  'status',
  'progress',
  'due',
  ...languages.map((l) => column('timescale', l, languages)),
  'lead',
  'latest_update_date',
  ...languages.map((l) => column('latest_update', l, languages)),
  ...languages.map((l) => column('new_update', l, languages)),
];

const LEAD_SEPARATOR = ';';

export function actionSheet(loaded: LoadedCompact): { headers: string[]; rows: (string | number)[][] } {
  const languages = loaded.languages;
  const aims = ((loaded.document.actionPlan as Json | undefined)?.aims ?? []) as Json[];
  const rows: (string | number)[][] = [];
  for (const aim of aims) {
    const actions = (aim.actions ?? []) as Json[];
    const aimCells = [aim.id, ...textOf(aim.title, languages)];
    if (!actions.length) rows.push([...aimCells, '', ...languages.map(() => ''), ...languages.map(() => ''), '', '', '', ...languages.map(() => ''), '', '', ...languages.map(() => ''), ...languages.map(() => '')]);
    for (const action of actions) {
      const updates = (action.updates ?? []) as Json[];
      const latest = updates[updates.length - 1];
      const lead = action.lead === undefined ? [] : [action.lead].flat();
      rows.push([
        ...aimCells,
        action.id,
        ...textOf(action.title, languages),
        ...textOf(action.description, languages),
        action.status,
        typeof action.progress === 'number' ? action.progress : '',
        action.due ?? '',
        ...textOf(action.timescale, languages),
        lead.join(`${LEAD_SEPARATOR} `),
        latest?.date ?? '',
        ...textOf(latest?.text, languages),
        ...languages.map(() => ''),
      ]);
    }
  }
  return { headers: ACTION_COLUMNS(languages), rows };
}

interface ActionPlanPlan extends Plan {
  actionPlan?: Json;
}

export function planActions(sheet: Sheet, loaded: LoadedCompact, nowDate: Date): ActionPlanPlan {
  const languages = loaded.languages;
  const today = compactToday(loaded, nowDate);
  const problems: SheetProblem[] = [];
  const titleColumn = column('title', languages[0], languages);
  for (const required of ['aim_id', 'action_id', titleColumn, 'status']) {
    if (!sheet.headers.includes(required)) problems.push({ row: 1, column: required, message: `The column “${required}” is missing` });
  }
  const plan: ActionPlanPlan = { kind: 'actions', added: [], changed: [], removed: [], unchanged: 0, problems };
  if (problems.length) return plan;

  const oldPlan = (loaded.document.actionPlan ?? { aims: [] }) as Json;
  const oldAims = (oldPlan.aims ?? []) as Json[];
  const oldActions = new Map<string, Json>();
  for (const aim of oldAims) for (const action of (aim.actions ?? []) as Json[]) oldActions.set(action.id, action);
  const oldAimById = new Map(oldAims.map((a) => [a.id as string, a]));
  const takenActions = new Set(oldActions.keys());
  const takenAims = new Set(oldAimById.keys());
  const aims: Json[] = [];
  const aimRow = new Map<string, number>();
  const seenActions = new Map<string, number>();
  /** "aimIndex/actionIndex" → sheet row; aim index → its first row. */
  const rowOf = new Map<string, number>();
  let anyUpdate = false;

  for (const row of sheet.rows) {
    const at = (column: string, message: string) => problems.push({ row: row.row, column, message });
    const aimTitle = localizedCell(row, 'aim_title', languages);
    let aimId = row.cells.aim_id ?? '';
    if (!aimId) {
      if (!aimTitle) {
        at('aim_id', 'Enter the id of the aim this action belongs to (or the aim’s title for a new aim)');
        continue;
      }
      aimId = aims.find((a) => plainText(a.title, languages) === plainText(aimTitle, languages))?.id ?? newId(plainText(aimTitle, languages), takenAims, 'aim');
    }
    let aim = aims.find((a) => a.id === aimId);
    if (!aim) {
      const old = oldAimById.get(aimId);
      if (!aimTitle && !old) at(column('aim_title', languages[0], languages), 'Enter the title of this new aim');
      aim = { ...(old ?? {}), id: aimId, title: aimTitle ?? old?.title, actions: [] };
      aims.push(aim);
      takenAims.add(aimId);
      aimRow.set(aimId, row.row);
      rowOf.set(`${aims.length - 1}`, row.row);
    } else if (aimTitle && JSON.stringify(aimTitle) !== JSON.stringify(aim.title)) {
      at(column('aim_title', languages[0], languages), `The aim ${aimId} has another title on row ${aimRow.get(aimId)}: give every row of an aim the same title`);
    }

    const title = localizedCell(row, 'title', languages);
    let actionId = row.cells.action_id ?? '';
    const empty = !actionId && !title && !row.cells.status;
    if (empty) continue; // a row that only names an aim
    if (!actionId) actionId = newId(plainText(title, languages), takenActions, 'action');
    if (seenActions.has(actionId)) {
      at('action_id', `The action ${actionId} is also on row ${seenActions.get(actionId)}`);
      continue;
    }
    seenActions.set(actionId, row.row);
    takenActions.add(actionId);
    const first = typeof title === 'string' ? title : title?.[languages[0]];
    if (!first) at(titleColumn, 'Enter the action’s title');
    const status = (row.cells.status ?? '').toLowerCase().replace(/\s+/g, '-');
    if (!(ACTION_STATUSES as readonly string[]).includes(status)) at('status', `The status must be one of: ${ACTION_STATUSES.join(', ')}`);
    const progressText = (row.cells.progress ?? '').replace(/%$/, '').trim();
    const progress = progressText ? Number(progressText) : undefined;
    if (progressText && !(Number.isFinite(progress) && progress! >= 0 && progress! <= 100)) at('progress', 'Progress must be a number from 0 to 100');
    const due = row.cells.due ?? '';
    if (due && !isIsoDate(due)) at('due', 'The due date must be a real date, like 2027-03-31');
    const lead = (row.cells.lead ?? '')
      .split(LEAD_SEPARATOR)
      .map((l) => l.trim())
      .filter(Boolean);
    const update = localizedCell(row, 'new_update', languages);

    const old = oldActions.get(actionId);
    const action: Json = old ? structuredClone(old) : { id: actionId };
    put(action, 'title', title);
    put(action, 'description', localizedCell(row, 'description', languages));
    action.status = status;
    put(action, 'progress', progress);
    put(action, 'due', due);
    put(action, 'timescale', localizedCell(row, 'timescale', languages));
    put(action, 'lead', lead.length ? lead : undefined);
    if (update) {
      action.updates = [...((action.updates ?? []) as Json[]), { date: today, text: update }];
      anyUpdate = true;
    }
    (aim.actions as Json[]).push(action);
    rowOf.set(`${aims.indexOf(aim)}/${aim.actions.length - 1}`, row.row);

    const label = plainText(title, languages) || actionId;
    if (!old) {
      plan.added.push({ id: actionId, name: label, row: row.row, changes: [] });
      continue;
    }
    const oldLead = old.lead === undefined ? [] : [old.lead].flat();
    const changes = [
      ...languages.map((l) => describe(column('title', l, languages), textIn(old.title, l, languages), textIn(action.title, l, languages))),
      ...languages.map((l) => describe(column('description', l, languages), textIn(old.description, l, languages), textIn(action.description, l, languages))),
      describe('status', old.status, action.status),
      describe('progress', old.progress, action.progress),
      describe('due', old.due, action.due),
      ...languages.map((l) => describe(column('timescale', l, languages), textIn(old.timescale, l, languages), textIn(action.timescale, l, languages))),
      describe('lead', oldLead.join('; '), lead.join('; ')),
      describe('aim', oldAims.find((a) => (a.actions ?? []).some((x: Json) => x.id === actionId))?.id, aimId),
      update ? `new update: ${plainText(update, languages)}` : undefined,
    ].filter((c): c is string => c !== undefined);
    if (changes.length) plan.changed.push({ id: actionId, name: label, row: row.row, changes });
    else plan.unchanged++;
  }
  for (const [id, action] of oldActions) {
    if (!seenActions.has(id)) plan.removed.push({ id, name: plainText(action.title, languages) || id, changes: ['leaves the action plan'] });
  }
  for (const aim of oldAims) {
    if (!aims.some((a) => a.id === aim.id)) plan.removed.push({ id: aim.id, name: plainText(aim.title, languages) || aim.id, changes: ['aim leaves the action plan'] });
  }
  for (const aim of aims) if (aim.title === undefined) delete aim.title;

  const actionPlan: Json = { ...oldPlan, aims };
  if (anyUpdate) actionPlan.updated = nowDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  plan.actionPlan = actionPlan;
  if (!problems.length) {
    for (const problem of checkFeed({ ...loaded.raw, actionPlan }).problems) {
      const match = /^\$\.actionPlan\.aims\[(\d+)\](?:\.actions\[(\d+)\])?\.?(\w+)?/.exec(problem.path);
      if (!match) {
        problems.push({ row: 1, column: '', message: `${problem.path}: ${problem.message}` });
        continue;
      }
      const key = match[2] === undefined ? match[1] : `${match[1]}/${match[2]}`;
      const field = match[3] ?? '';
      const columnName = match[2] === undefined ? (field === 'title' ? column('aim_title', languages[0], languages) : 'aim_id') : field === 'updates' ? column('new_update', languages[0], languages) : ['title', 'description', 'timescale'].includes(field) ? column(field, languages[0], languages) : field === 'id' ? 'action_id' : field;
      problems.push({ row: rowOf.get(key) ?? 1, column: columnName, message: problem.message });
    }
  }
  return plan;
}

// Preview and apply -----------------------------------------------------------------------------

export interface PlanContext {
  settings: FeedSettings;
  clock: Clock;
}

/** Works out what the sheet would change in the compact as it is now. */
export async function previewSheet(db: Db, compactId: string, kind: SheetKind, sheet: Sheet, context: PlanContext): Promise<{ plan: Plan; revision: number } | undefined> {
  const loaded = await loadCompact(db, compactId, context.settings);
  if (!loaded) return undefined;
  const now = context.clock();
  const plan = kind === 'signatories' ? planSignatories(sheet, loaded, await allSignatories(db, compactId), now.toISOString()) : planActions(sheet, loaded, now);
  return { plan: publicPlan(plan), revision: loaded.base.revision };
}

function publicPlan(plan: Plan): Plan {
  const { kind, added, changed, removed, unchanged, problems } = plan;
  return { kind, added, changed, removed, unchanged, problems };
}

/**
 * Applies the sheet, in one transaction, only to the revision it was previewed against (StaleEdit
 * otherwise) and only when its plan has no problem; the feed it publishes is checked once more.
 */
export async function applySheet(db: Db, compactId: string, kind: SheetKind, sheet: Sheet, revision: number, actor: Actor, context: PlanContext): Promise<Plan> {
  return inTransaction(db, async (tx) => {
    const row = await findCompact(tx, compactId);
    if (!row || row.revision !== revision) throw new StaleEdit();
    const loaded = (await loadCompact(tx, compactId, context.settings))!;
    const now = context.clock();
    const iso = now.toISOString();
    let plan: Plan;
    if (kind === 'signatories') {
      const sp = planSignatories(sheet, loaded, await allSignatories(tx, compactId), iso);
      plan = sp;
      if (sp.problems.length) return publicPlan(sp);
      for (const write of sp.writes) {
        if (write.before) await updateSignatoryRow(tx, write.after);
        else await insertSignatoryRow(tx, write.after);
        await recordSignatoryChange(tx, { actor, at: now, compactId, ...write, via: 'spreadsheet' });
      }
      if (!(await bumpRevision(tx, compactId, revision, iso))) throw new StaleEdit();
    } else {
      const ap = planActions(sheet, loaded, now);
      plan = ap;
      if (ap.problems.length) return publicPlan(ap);
      const document = { ...loaded.document, actionPlan: ap.actionPlan };
      if (!(await writeCompactDocument(tx, compactId, revision, JSON.stringify(document), iso))) throw new StaleEdit();
      await audit(tx, actor, now, {
        action: 'action-plan.upload',
        compactId,
        subject: { type: 'action-plan', id: compactId },
        before: loaded.document.actionPlan ?? null,
        after: ap.actionPlan,
      });
    }
    const built = await buildFeed(tx, compactId, context.settings);
    const check = checkFeed(built?.feed);
    if (!check.valid) throw new FeedRefused(check.problems as FeedProblem[]);
    return publicPlan(plan);
  });
}
