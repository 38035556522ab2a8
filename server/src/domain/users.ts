/**
 * Staff accounts. A user has roles per compact (or on every compact, `*`), and identities: a
 * password today; an OpenID Connect identity (provider `oidc:<issuer>`, subject = `sub`) can be
 * added beside it later without changing users, roles or sessions.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/transaction.js';
import { inTransaction, isUniqueViolation } from '../db/transaction.js';
import type { Role } from '../db/tables.js';
import {
  addFailedSignin,
  addRole,
  activeUsersWithRole,
  allRoles,
  findIdentity,
  findPasswordToken,
  findUser,
  findUserByEmail,
  insertPasswordToken,
  insertUser,
  listUsers,
  removeRole,
  recordSignin,
  replacePasswordHash,
  rolesOf,
  setIdentity,
  updateUser,
  useAllPasswordTokensOf,
  usePasswordToken,
  type RoleRow,
  type UserRow,
} from '../db/users.js';
import { findCompact } from '../db/compacts.js';
import { deleteSessionsOf } from '../db/sessions.js';
import { audit, type Actor } from './audit.js';
import type { Clock } from './clock.js';
import { dummyPasswordHash, hashPassword, hashSecret, needsRehash, newSecret, verifyPassword } from './secrets.js';
import { EMAIL } from './text.js';
import { matchTotp } from './totp.js';

export const ROLES: Role[] = ['admin', 'moderator', 'editor'];
export const ALL_COMPACTS = '*';
export const PASSWORD_PROVIDER = 'password';
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 200;

export class UserError extends Error {}


export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Someone signed in, with what they may do. */
export interface StaffUser {
  id: string;
  email: string;
  roles: RoleRow[];
  totpEnabled: boolean;
}

export function actorOf(user: Pick<StaffUser, 'id' | 'email'>): Actor {
  return { id: `user:${user.id}`, label: user.email };
}

export function hasRole(user: StaffUser, roles: Role[], compactId: string): boolean {
  return user.roles.some((r) => roles.includes(r.role) && (r.compact_id === ALL_COMPACTS || r.compact_id === compactId));
}

/** Admin of every compact: manages users, exports and erases a person's data, reads the whole log. */
export function isSuperAdmin(user: StaffUser): boolean {
  return user.roles.some((r) => r.role === 'admin' && r.compact_id === ALL_COMPACTS);
}

/** The compacts on which the user has one of `roles` (`undefined`: all of them). */
export function compactsWith(user: StaffUser, roles: Role[]): string[] | undefined {
  const mine = user.roles.filter((r) => roles.includes(r.role));
  if (mine.some((r) => r.compact_id === ALL_COMPACTS)) return undefined;
  return [...new Set(mine.map((r) => r.compact_id))];
}

export async function staffUser(db: Db, id: string): Promise<StaffUser | undefined> {
  const row = await findUser(db, id);
  if (!row || row.disabled_at) return undefined;
  return { id: row.id, email: row.email, roles: await rolesOf(db, id), totpEnabled: row.totp_enabled === 1 };
}

export interface NewUser {
  email: string;
  role: Role;
  compactId?: string;
}

export interface SetPasswordLink {
  userId: string;
  url: string;
  expiresAt: string;
  created: boolean;
}

/** Adds a user (or a role to an existing one) and makes a one-time link to set the password. */
export async function addUser(db: Db, input: NewUser, options: { publicUrl: string; hours: number; clock: Clock; actor: Actor }): Promise<SetPasswordLink> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 254) throw new UserError(`"${input.email}" is not an email address`);
  if (!ROLES.includes(input.role)) throw new UserError(`--role is one of ${ROLES.join(', ')}`);
  const compactId = input.compactId ?? ALL_COMPACTS;
  const now = options.clock();
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + options.hours * 3_600_000).toISOString();
  const result = await inTransaction(db, async (tx) => {
    if (compactId !== ALL_COMPACTS && !(await findCompact(tx, compactId))) throw new UserError(`There is no compact "${compactId}"`);
    let user = await findUserByEmail(tx, email);
    const created = !user;
    if (!user) {
      user = { id: randomUUID(), email, created_at: now.toISOString(), disabled_at: null, failed_signins: 0, locked_until: null, totp_secret: null, totp_enabled: 0, totp_last_step: null };
      await insertUser(tx, user);
    }
    await addRole(tx, user.id, compactId, input.role);
    await insertPasswordToken(tx, { token_hash: hashSecret(token), user_id: user.id, created_at: now.toISOString(), expires_at: expiresAt, used_at: null });
    await audit(tx, options.actor, now, {
      action: created ? 'user.add' : 'user.role.add',
      compactId: compactId === ALL_COMPACTS ? null : compactId,
      subject: { type: 'user', id: user.id },
      after: { email, role: input.role, compact: compactId },
    });
    return { userId: user.id, created };
  });
  return { ...result, url: `${options.publicUrl}/admin/set-password?token=${token}`, expiresAt };
}

/**
 * Whether `userId` is the only account that is not disabled and administers every compact: the one
 * that can still manage users from the admin. Without it, only the command line could.
 */
async function isLastSuperAdmin(tx: Db, userId: string): Promise<boolean> {
  const supers = await activeUsersWithRole(tx, 'admin', ALL_COMPACTS);
  return supers.length === 1 && supers[0] === userId;
}

const lastSuperAdmin = (change: string) => `This is the only active administrator of every compact. Add another one before ${change}.`;

/**
 * The last-administrator rule reads the other administrators and writes one of them: serializable,
 * so that two administrators disabling each other at the same moment cannot both succeed.
 */
const ONE_AT_A_TIME = { serializable: true };

export async function revokeRole(db: Db, userId: string, role: Role, compactId: string, options: { clock: Clock; actor: Actor }): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (role === 'admin' && compactId === ALL_COMPACTS && (await isLastSuperAdmin(tx, userId))) throw new UserError(lastSuperAdmin('removing this role'));
    const removed = await removeRole(tx, userId, compactId, role);
    if (!removed) throw new UserError('That user does not have that role');
    await audit(tx, options.actor, options.clock(), {
      action: 'user.role.remove',
      compactId: compactId === ALL_COMPACTS ? null : compactId,
      subject: { type: 'user', id: userId },
      before: { role, compact: compactId },
    });
  }, ONE_AT_A_TIME);
}

export async function setDisabled(db: Db, userId: string, disabled: boolean, options: { clock: Clock; actor: Actor }): Promise<void> {
  await inTransaction(db, async (tx) => {
    const user = await findUser(tx, userId);
    if (!user) throw new UserError('No such user');
    // Signed out at once, and nobody left to turn it back on but another administrator.
    if (disabled && options.actor.id === actorOf(user).id) throw new UserError('You cannot disable your own account. Ask another administrator.');
    if (disabled && (await isLastSuperAdmin(tx, userId))) throw new UserError(lastSuperAdmin('disabling this account'));
    const now = options.clock().toISOString();
    await updateUser(tx, userId, { disabled_at: disabled ? now : null, failed_signins: 0, locked_until: null });
    if (disabled) await deleteSessionsOf(tx, userId);
    await audit(tx, options.actor, options.clock(), {
      action: disabled ? 'user.disable' : 'user.enable',
      subject: { type: 'user', id: userId },
      before: { disabled: Boolean(user.disabled_at) },
      after: { disabled },
    });
  }, ONE_AT_A_TIME);
}

export interface UserListing {
  id: string;
  email: string;
  disabled: boolean;
  totp: boolean;
  roles: { role: Role; compactId: string }[];
}

export async function userListing(db: Db): Promise<UserListing[]> {
  const roles = await allRoles(db);
  return (await listUsers(db)).map((u) => ({
    id: u.id,
    email: u.email,
    disabled: Boolean(u.disabled_at),
    totp: u.totp_enabled === 1,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => ({ role: r.role, compactId: r.compact_id })),
  }));
}

export type LinkState = { ok: true; userId: string; email: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

export async function checkPasswordLink(db: Db, token: string, clock: Clock): Promise<LinkState> {
  const row = await findPasswordToken(db, hashSecret(token));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (row.expires_at <= clock().toISOString()) return { ok: false, reason: 'expired' };
  const user = await findUser(db, row.user_id);
  if (!user) return { ok: false, reason: 'unknown' };
  return { ok: true, userId: user.id, email: user.email };
}

export function passwordProblem(password: string, email: string): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD) return `Enter a password of at least ${MIN_PASSWORD} characters`;
  if (length > MAX_PASSWORD) return `Enter a password of ${MAX_PASSWORD} characters or fewer`;
  if (password.toLowerCase().includes(email.split('@')[0].toLowerCase()) && email.split('@')[0].length >= 4) return 'Enter a password that does not contain your email address';
  return undefined;
}

/** Sets the password through a one-time link; every session of the user ends, and every other link. */
export async function setPasswordWithLink(db: Db, token: string, password: string, clock: Clock): Promise<LinkState> {
  const state = await checkPasswordLink(db, token, clock);
  if (!state.ok) return state;
  const problem = passwordProblem(password, state.email);
  if (problem) throw new UserError(problem);
  const secret = await hashPassword(password);
  return inTransaction(db, async (tx) => {
    const now = clock();
    if (!(await usePasswordToken(tx, hashSecret(token), now.toISOString()))) return { ok: false as const, reason: 'used' as const };
    // Any other link made for the account (one that went astray, say) stops working with the sessions.
    await useAllPasswordTokensOf(tx, state.userId, now.toISOString());
    await setIdentity(tx, { provider: PASSWORD_PROVIDER, subject: state.userId, user_id: state.userId, secret, created_at: now.toISOString() });
    await updateUser(tx, state.userId, { failed_signins: 0, locked_until: null });
    await deleteSessionsOf(tx, state.userId);
    await audit(tx, { id: `user:${state.userId}`, label: state.email }, now, { action: 'user.password.set', subject: { type: 'user', id: state.userId } });
    return state;
  });
}

export type SignInResult =
  | { ok: true; userId: string; needsCode: boolean }
  | { ok: false; reason: 'wrong' | 'locked'; until?: string };

export interface SignInPolicy {
  maxFailures: number;
  lockMinutes: number;
  clock: Clock;
}

/**
 * Email and password. The same answer, and about the same time, whether the account exists or the
 * password is wrong (an account whose hash has older, cheaper parameters answers sooner until its
 * next sign-in makes it again); after `maxFailures` in a row the account is locked for
 * `lockMinutes` (and the lock-out, like every sign-in, is in the audit log).
 */
export async function signIn(db: Db, emailInput: string, password: string, policy: SignInPolicy): Promise<SignInResult> {
  const email = normaliseEmail(emailInput);
  const user = email ? await findUserByEmail(db, email) : undefined;
  const identity = user ? await findIdentity(db, PASSWORD_PROVIDER, user.id) : undefined;
  const now = policy.clock();
  const locked = user?.locked_until && user.locked_until > now.toISOString();
  const matches = await verifyPassword(password, identity?.secret ?? (await dummyPasswordHash()));
  if (!user || user.disabled_at || !identity?.secret) return { ok: false, reason: 'wrong' };
  const actor = { id: `user:${user.id}`, label: user.email };
  if (locked) {
    await audit(db, actor, now, { action: 'signin.refused-locked', subject: { type: 'user', id: user.id } });
    return { ok: false, reason: 'locked', until: user.locked_until! };
  }
  if (!matches) return failedAttempt(db, user, actor, 'signin.failed', policy);
  // A hash made with older parameters is made again now, while the password is at hand.
  const rehashed = needsRehash(identity.secret) ? await hashPassword(password) : undefined;
  const signedIn = await inTransaction(db, async (tx) => {
    if (!(await recordSignin(tx, user.id, now.toISOString()))) return false;
    if (rehashed) await replacePasswordHash(tx, PASSWORD_PROVIDER, identity.subject, identity.secret!, rehashed);
    await audit(tx, actor, now, { action: user.totp_enabled ? 'signin.password' : 'signin', subject: { type: 'user', id: user.id } });
    return true;
  });
  if (!signedIn) return lockedNow(db, user.id);
  return { ok: true, userId: user.id, needsCode: user.totp_enabled === 1 };
}

/** A wrong password or code: counted (attempts at the same moment all count), locking at `maxFailures`. */
async function failedAttempt(db: Db, user: UserRow, actor: Actor, action: string, policy: SignInPolicy): Promise<SignInResult> {
  const now = policy.clock();
  const lockUntil = new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString();
  return inTransaction(db, async (tx) => {
    const { failures, locked } = await addFailedSignin(tx, user.id, policy.maxFailures, lockUntil);
    await audit(tx, actor, now, {
      action: locked ? 'signin.locked' : action,
      subject: { type: 'user', id: user.id },
      after: { failures, ...(locked ? { lockedUntil: lockUntil } : {}) },
    });
    return locked ? { ok: false, reason: 'locked', until: lockUntil } : { ok: false, reason: 'wrong' };
  });
}

/** Locked by attempts made while this one was being checked. */
async function lockedNow(db: Db, userId: string): Promise<SignInResult> {
  const until = (await findUser(db, userId))?.locked_until ?? undefined;
  return until ? { ok: false, reason: 'locked', until } : { ok: false, reason: 'wrong' };
}

/** The second step: a TOTP code, used once. Failures count toward the same lock-out. */
export async function checkCode(db: Db, userId: string, code: string, policy: SignInPolicy): Promise<SignInResult> {
  const user = await findUser(db, userId);
  if (!user || !user.totp_secret || user.disabled_at) return { ok: false, reason: 'wrong' };
  const now = policy.clock();
  const actor = { id: `user:${user.id}`, label: user.email };
  if (user.locked_until && user.locked_until > now.toISOString()) return { ok: false, reason: 'locked', until: user.locked_until };
  const step = matchTotp(user.totp_secret, code, now, user.totp_last_step);
  if (step === undefined) return failedAttempt(db, user, actor, 'signin.code-failed', policy);
  const signedIn = await inTransaction(db, async (tx) => {
    if (!(await recordSignin(tx, user.id, now.toISOString(), step))) return false;
    await audit(tx, actor, now, { action: 'signin', subject: { type: 'user', id: user.id }, after: { secondFactor: 'totp' } });
    return true;
  });
  if (!signedIn) return lockedNow(db, user.id);
  return { ok: true, userId: user.id, needsCode: false };
}

/** Starts TOTP set-up: a new secret is kept but not required until a code from it is checked. */
export async function beginTotp(db: Db, userId: string, secret: string): Promise<void> {
  await updateUser(db, userId, { totp_secret: secret, totp_enabled: 0, totp_last_step: null });
}

export async function pendingTotpSecret(db: Db, userId: string): Promise<string | null> {
  return (await findUser(db, userId))?.totp_secret ?? null;
}

export async function enableTotp(db: Db, user: StaffUser, code: string, clock: Clock): Promise<boolean> {
  const row = await findUser(db, user.id);
  if (!row?.totp_secret) return false;
  const step = matchTotp(row.totp_secret, code, clock(), null);
  if (step === undefined) return false;
  await inTransaction(db, async (tx) => {
    await updateUser(tx, user.id, { totp_enabled: 1, totp_last_step: step });
    await audit(tx, actorOf(user), clock(), { action: 'user.totp.enable', subject: { type: 'user', id: user.id } });
  });
  return true;
}

/**
 * Turns the second step off, given a current code from it: a session alone (left open on a shared
 * computer, or stolen) must not be able to take the account's second factor away. A wrong code
 * counts toward the lock-out, as at sign-in.
 */
export async function disableTotp(db: Db, user: StaffUser, code: string, policy: SignInPolicy): Promise<SignInResult> {
  const row = await findUser(db, user.id);
  if (!row?.totp_secret) return { ok: false, reason: 'wrong' };
  if (row.locked_until && row.locked_until > policy.clock().toISOString()) return { ok: false, reason: 'locked', until: row.locked_until };
  const actor = actorOf(user);
  if (matchTotp(row.totp_secret, code, policy.clock(), row.totp_last_step) === undefined) {
    return failedAttempt(db, row, actor, 'user.totp.disable-refused', policy);
  }
  await inTransaction(db, async (tx) => {
    await updateUser(tx, user.id, { totp_enabled: 0, totp_secret: null, totp_last_step: null });
    await audit(tx, actor, policy.clock(), { action: 'user.totp.disable', subject: { type: 'user', id: user.id } });
  });
  return { ok: true, userId: user.id, needsCode: false };
}

export { isUniqueViolation, type UserRow };
