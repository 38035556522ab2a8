/**
 * How every change to a signatory is recorded, whoever makes it (the admin's signatory page, a
 * spreadsheet, an import): an entry in its history and one in the audit log, in the change's own
 * transaction, both holding what is published about it before and after.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/transaction.js';
import type { SignatoriesTable } from '../db/tables.js';
import { appendSignatoryHistory } from '../db/signatory-edits.js';
import { audit, type Actor } from './audit.js';

/** What the history keeps of a signatory: what the feed shows of it, and whether it is listed. */
export function signatoryState(row: SignatoriesTable) {
  return { data: JSON.parse(row.data) as unknown, status: row.status, published: row.published === 1 };
}

/** What the change was, as the audit log names it. */
function actionOf(before: SignatoriesTable | undefined, after: SignatoriesTable): string {
  if (!before) return 'signatory.add';
  if (before.status === after.status) return 'signatory.edit';
  return after.status === 'withdrawn' ? 'signatory.withdraw' : 'signatory.reinstate';
}

/** `via` says which bulk path made it (`spreadsheet`, `import`); none for a change on the signatory's page. */
export async function recordSignatoryChange(
  tx: Db,
  change: { actor: Actor; at: Date; compactId: string; before?: SignatoriesTable; after: SignatoriesTable; via?: string },
): Promise<void> {
  const { actor, at, compactId, before, after, via } = change;
  const was = before ? signatoryState(before) : null;
  const is = signatoryState(after);
  await appendSignatoryHistory(tx, { id: randomUUID(), compact_id: compactId, signatory_id: after.id, at: at.toISOString(), by: actor.label, before: was ? JSON.stringify(was) : null, after: JSON.stringify(is) });
  await audit(tx, actor, at, {
    action: actionOf(before, after),
    compactId,
    subject: { type: 'signatory', id: after.id },
    ...(was ? { before: was } : {}),
    after: via ? { ...is, via } : is,
  });
}
