import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Role } from '../db/tables.js';
import { cliActor } from '../domain/audit.js';
import { systemClock } from '../domain/clock.js';
import { addUser, ROLES, userListing, UserError } from '../domain/users.js';
import { officerLogin } from './officer.js';
import { out, Refused, UsageError } from './output.js';

/**
 * compact-server users add <email> --role admin|moderator|editor [--compact ID]
 * compact-server users list
 * Without --compact the role is on every compact. The set-password link is printed once, here only.
 */
export async function usersCommand(database: Database, config: Config, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { role: { type: 'string' }, compact: { type: 'string' }, json: { type: 'boolean' } } });
  const login = officerLogin();
  try {
    switch (action) {
      case 'add': {
        if (positionals.length !== 1) throw new UsageError('users add takes one email address');
        if (!values.role || !ROLES.includes(values.role as Role)) throw new UsageError(`users add needs --role ${ROLES.join('|')}`);
        const link = await addUser(
          database.db,
          { email: positionals[0], role: values.role as Role, ...(values.compact ? { compactId: values.compact } : {}) },
          { publicUrl: config.publicUrl, hours: config.setPasswordHours, clock: systemClock, actor: cliActor(login) },
        );
        out(`${link.created ? 'Added' : 'Role added to'} ${positionals[0].trim().toLowerCase()}: ${values.role} of ${values.compact ?? 'every compact'}.`);
        out(`Send them this link to set their password (it works once, until ${link.expiresAt}):`);
        out(link.url);
        return 0;
      }
      case 'list': {
        const users = await userListing(database.db);
        if (values.json) {
          process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
          return 0;
        }
        if (users.length === 0) out('No users.');
        for (const u of users) out(`${u.email}${u.disabled ? ' (disabled)' : ''}  ${u.roles.map((r) => `${r.role}@${r.compactId}`).join(', ')}`);
        return 0;
      }
      default:
        throw new UsageError(action ? `Unknown users command "${action}"` : 'users needs a command: add or list');
    }
  } catch (error) {
    if (error instanceof UserError) throw new Refused(error.message);
    throw error;
  }
}
