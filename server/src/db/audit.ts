import type { Db } from './transaction.js';
import type { Selectable, Insertable } from 'kysely';
import type { AuditLogTable } from './tables.js';

export type AuditRow = Selectable<AuditLogTable>;

/** The only write the audit log has: the database refuses UPDATE and DELETE on it. */
export async function appendAudit(db: Db, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  /** Only entries about these compacts (plus none), for a user who is not an admin of all. */
  compactIds?: string[];
  limit?: number;
  offset?: number;
}

export async function listAudit(db: Db, filter: AuditFilter = {}): Promise<AuditRow[]> {
  // `in ()` is not SQL: no compacts, no rows, and no query.
  if (filter.compactIds?.length === 0) return [];
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.compactIds) query = query.where('compact_id', 'in', filter.compactIds);
  query = query.orderBy('seq', 'desc');
  if (filter.limit !== undefined) query = query.limit(filter.limit).offset(filter.offset ?? 0);
  return query.execute();
}

export function auditAbout(db: Db, subjectType: string, subjectId: string): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('seq').execute();
}

/** Every entry written by one actor (`user:<id>`), oldest first. */
export function auditBy(db: Db, actor: string): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll().where('actor', '=', actor).orderBy('seq').execute();
}
