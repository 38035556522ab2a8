import { storable, type Db } from './transaction.js';
import type { PasswordTokensTable, Role, UserIdentitiesTable, UserRolesTable, UsersTable } from './tables.js';

export type UserRow = UsersTable;
export type RoleRow = UserRolesTable;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  if (!storable(email)) return undefined;
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  if (!storable(id)) return undefined;
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('email').execute();
}

export async function insertUser(db: Db, user: UserRow): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: Db, id: string, changes: Partial<Omit<UserRow, 'id'>>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/**
 * One more failed sign-in, counted in the database itself, so that attempts made at the same moment
 * all count; at `max` the account is locked until `lockUntil` and the count starts again.
 */
export async function addFailedSignin(db: Db, id: string, max: number, lockUntil: string): Promise<{ failures: number; locked: boolean }> {
  const { failed_signins: failures } = await db
    .updateTable('users')
    .set((eb) => ({ failed_signins: eb('failed_signins', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_signins')
    .executeTakeFirstOrThrow();
  if (failures < max) return { failures, locked: false };
  await db.updateTable('users').set({ failed_signins: 0, locked_until: lockUntil }).where('id', '=', id).execute();
  return { failures, locked: true };
}

/**
 * Records a sign-in that succeeded: the count of failures starts again. False, and the sign-in is
 * refused, when attempts made at the same moment locked the account meanwhile, or (with `totpStep`)
 * when the same code was used by another request at the same moment.
 */
export async function recordSignin(db: Db, id: string, now: string, totpStep?: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ failed_signins: 0, locked_until: null, ...(totpStep === undefined ? {} : { totp_last_step: totpStep }) })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .$if(totpStep !== undefined, (qb) => qb.where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', totpStep!)])))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Replaces a password hash with one made again from the same password, unless the hash changed
 * meanwhile (a new password set through a link must not be undone by a sign-in with the old one).
 */
export async function replacePasswordHash(db: Db, provider: string, subject: string, before: string, after: string): Promise<void> {
  await db.updateTable('user_identities').set({ secret: after }).where('provider', '=', provider).where('subject', '=', subject).where('secret', '=', before).execute();
}

export function rolesOf(db: Db, userId: string): Promise<RoleRow[]> {
  return db.selectFrom('user_roles').selectAll().where('user_id', '=', userId).orderBy('compact_id').orderBy('role').execute();
}

/** The accounts, not disabled, that have `role` on `compactId` exactly. */
export async function activeUsersWithRole(db: Db, role: Role, compactId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('user_roles.user_id')
    .where('user_roles.role', '=', role)
    .where('user_roles.compact_id', '=', compactId)
    .where('users.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}

export function allRoles(db: Db): Promise<RoleRow[]> {
  return db.selectFrom('user_roles').selectAll().execute();
}

export async function addRole(db: Db, userId: string, compactId: string, role: Role): Promise<void> {
  await db
    .insertInto('user_roles')
    .values({ user_id: userId, compact_id: compactId, role })
    .onConflict((oc) => oc.columns(['user_id', 'compact_id', 'role']).doNothing())
    .execute();
}

export async function removeRole(db: Db, userId: string, compactId: string, role: Role): Promise<number> {
  if (!storable(userId, compactId, role)) return 0;
  const result = await db.deleteFrom('user_roles').where('user_id', '=', userId).where('compact_id', '=', compactId).where('role', '=', role).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function findIdentity(db: Db, provider: string, subject: string): Promise<UserIdentitiesTable | undefined> {
  return db.selectFrom('user_identities').selectAll().where('provider', '=', provider).where('subject', '=', subject).executeTakeFirst();
}

export async function setIdentity(db: Db, row: UserIdentitiesTable): Promise<void> {
  await db
    .insertInto('user_identities')
    .values(row)
    .onConflict((oc) => oc.columns(['provider', 'subject']).doUpdateSet({ secret: row.secret, user_id: row.user_id }))
    .execute();
}

export async function insertPasswordToken(db: Db, row: PasswordTokensTable): Promise<void> {
  await db.insertInto('password_tokens').values(row).execute();
}

export function findPasswordToken(db: Db, tokenHash: string): Promise<PasswordTokensTable | undefined> {
  return db.selectFrom('password_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function passwordTokensOf(db: Db, userId: string): Promise<PasswordTokensTable[]> {
  return db.selectFrom('password_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
}

/** Marks a set-password link used; false when it was used already (two tabs, a replay). */
export async function usePasswordToken(db: Db, tokenHash: string, now: string): Promise<boolean> {
  const result = await db.updateTable('password_tokens').set({ used_at: now }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks every unused set-password link of a user used (its password has just been set with another). */
export async function useAllPasswordTokensOf(db: Db, userId: string, now: string): Promise<void> {
  await db.updateTable('password_tokens').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

/**
 * Deletes the set-password links that were used, or expired, before `before`; answers how many.
 * Conditional on the row itself, so two servers sharing the database never count a link twice.
 */
export async function deleteFinishedPasswordTokens(db: Db, before: string): Promise<number> {
  const result = await db
    .deleteFrom('password_tokens')
    .where((eb) => eb.or([eb('used_at', '<', before), eb('expires_at', '<', before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
