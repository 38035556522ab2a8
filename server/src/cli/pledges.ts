import { parseArgs } from 'node:util';
import type { Database } from '../db/database.js';
import { systemClock } from '../domain/clock.js';
import { approvePledge, DecisionError, pledgeDetails, pledgeSummaries, rejectPledge } from '../domain/pledges.js';
import type { PledgeStatus } from '../db/tables.js';
import { officerLogin } from './officer.js';
import { out, Refused, UsageError } from './output.js';

/** `pending` is every pledge still waiting for a decision (unconfirmed, confirmed or asked for more). */
const STATUSES: PledgeStatus[] = ['pending', 'unconfirmed', 'confirmed', 'info_requested', 'approved', 'rejected', 'expired'];

/** Who decided, as the record shows it: the officer's login on this machine. */
function officer(): string {
  return `cli:${officerLogin()}`;
}

export async function pledgesCommand(database: Database, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { compact: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' }, reason: { type: 'string' } },
  });
  const db = database.db;
  try {
    switch (action) {
      case 'list': {
        if (values.status && !STATUSES.includes(values.status as PledgeStatus)) throw new UsageError(`--status is one of ${STATUSES.join(', ')}`);
        const pledges = await pledgeSummaries(db, { compactId: values.compact, status: values.status as PledgeStatus | undefined });
        if (values.json) {
          process.stdout.write(`${JSON.stringify(pledges, null, 2)}\n`);
          return 0;
        }
        if (pledges.length === 0) out('No pledges.');
        for (const p of pledges) out(`${p.id}  ${p.status.padEnd(8)}  ${p.compactId}  ${p.organisation.name}${p.organisation.id ? ` (${p.organisation.id})` : ''}  ${p.createdAt}`);
        return 0;
      }
      case 'show': {
        const details = await pledgeDetails(db, one(positionals, 'show'));
        if (!details) throw new Refused(`No pledge has the id ${positionals[0]}`);
        process.stdout.write(`${JSON.stringify(details, null, 2)}\n`);
        return 0;
      }
      case 'approve': {
        const result = await approvePledge(db, one(positionals, 'approve'), { by: officer(), clock: systemClock });
        out(`Approved: signatory ${result.signatoryId}${result.published ? ', now in the published feed' : ' (not listed: it did not agree to publication)'}.`);
        return 0;
      }
      case 'reject': {
        if (!values.reason?.trim()) throw new UsageError('reject needs --reason "…" (it is kept with the decision)');
        await rejectPledge(db, one(positionals, 'reject'), values.reason, { by: officer(), clock: systemClock });
        out('Rejected.');
        return 0;
      }
      default:
        throw new UsageError(action ? `Unknown pledges command "${action}"` : 'pledges needs a command: list, show, approve or reject');
    }
  } catch (error) {
    if (error instanceof DecisionError) throw new Refused(error.message);
    throw error;
  }
}

function one(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`pledges ${command} takes one pledge id`);
  return positionals[0];
}
