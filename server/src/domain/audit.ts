/**
 * The audit log: who did what, when, to what, and how it was before and after. Every decision, edit,
 * sign-in and export writes one entry, in the same transaction as the change it records. Entries never
 * hold a pledge contact's personal data (so erasing a person never needs to touch the log).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/transaction.js';
import { appendAudit, listAudit, type AuditFilter, type AuditRow } from '../db/audit.js';

/** Who acted: a signed-in user, an officer at the command line, or the server itself (the purge). */
export interface Actor {
  id: string;
  label: string;
}

export const SYSTEM: Actor = { id: 'system', label: 'compact-server' };

export function cliActor(login: string): Actor {
  return { id: `cli:${login}`, label: `command line (${login})` };
}

export interface AuditEntry {
  action: string;
  compactId?: string | null;
  subject?: { type: string; id: string };
  before?: unknown;
  after?: unknown;
}

export async function audit(db: Db, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  await appendAudit(db, {
    id: randomUUID(),
    at: at.toISOString(),
    actor: actor.id,
    actor_label: actor.label,
    action: entry.action,
    compact_id: entry.compactId ?? null,
    subject_type: entry.subject?.type ?? null,
    subject_id: entry.subject?.id ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  });
}

export function readAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  return listAudit(db, filter);
}

const CSV_COLUMNS: (keyof AuditRow)[] = ['seq', 'at', 'actor', 'actor_label', 'action', 'compact_id', 'subject_type', 'subject_id', 'before', 'after', 'id'];

/**
 * One CSV cell. A cell that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return;
 * OWASP "CSV injection") gets a leading apostrophe, so opening the file in Excel runs nothing.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(rows: AuditRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  // A byte-order mark so that Excel reads UTF-8 (Welsh and Gaelic names) correctly.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
