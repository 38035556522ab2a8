/**
 * The tables, as Kysely sees them. Portable types only (text and integer), so one schema and one set
 * of queries run unchanged on SQLite and PostgreSQL: timestamps are ISO 8601 text in UTC, booleans
 * are 0/1, structured public content is JSON text.
 */
import type { Generated } from 'kysely';

export interface CompactsTable {
  id: string;
  /** JSON: { compact, actionPlan?, consultations?, pledge?: { privacyNotice?, statement? } } as imported. */
  document: string;
  /** Goes up by one with every change that alters the published feed (the feed cache keys on it). */
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface SignatoriesTable {
  compact_id: string;
  id: string;
  /** JSON: the feed's Signatory object, without `id`. */
  data: string;
  /** Normalised name and identifier, for "already signed" checks. */
  name_key: string;
  org_key: string | null;
  status: 'active' | 'withdrawn';
  /** When it left the compact: the retention of its pledge's contact details counts from here. */
  withdrawn_at?: string | null;
  /** 1 when the organisation agreed to be listed (imported signatories are). */
  published: number;
  position: number;
  pledge_id: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * The pledge's life (shared/server-design.md): `unconfirmed` until its contact presses Confirm on the
 * emailed link, then `confirmed` (in the review queue), possibly `info_requested` and back; decided as
 * `approved` or `rejected`; `expired` when never confirmed. `pending` is a pledge received before
 * confirmation existed (or put in by hand): the officer decides it directly.
 */
export type PledgeStatus = 'pending' | 'unconfirmed' | 'confirmed' | 'info_requested' | 'approved' | 'rejected' | 'expired';
/** Awaiting a decision: what `pledges approve` and `pledges reject` accept. */
export const UNDECIDED: PledgeStatus[] = ['pending', 'unconfirmed', 'confirmed', 'info_requested'];
/**
 * The states in which a pledge holds its organisation's name: at most one per organisation, by the
 * unique indexes of migration 0004, and what the "already pledged" answer (409) counts. Not
 * `unconfirmed`: until its contact confirms, a pledge proves nothing, and a stranger's must not
 * keep the organisation out.
 */
export const NAME_HOLDING: PledgeStatus[] = ['pending', 'confirmed', 'info_requested', 'approved'];

export interface PledgesTable {
  id: string;
  compact_id: string;
  status: PledgeStatus;
  /** JSON: { name, id?, sector, type?, url? } as submitted. */
  organisation: string;
  /** JSON: { name, role? } or null. */
  champion: string | null;
  pledge_text: string | null;
  consent_publish: number;
  consent_contact: number;
  locale: string;
  name_key: string;
  org_key: string | null;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
  signatory_id: string | null;
  /** Which of the listed rejection reasons (`reason` keeps the free text). */
  reason_code?: string | null;
  /** SHA-256 of the secret in the contact's link: the link itself is never stored. */
  link_hash?: string | null;
  /** Until when an unconfirmed pledge may be confirmed. */
  confirm_by?: string | null;
  confirmed_at?: string | null;
  /** Confirmation emails sent (the first and every resend), to limit resending. */
  sends?: number;
  info_question?: string | null;
  info_answer?: string | null;
  /** When the retention purge removed its contact details (and champion): the fact stays, the data goes. */
  purged_at?: string | null;
}

/** The personal data, in a table of its own: what is published and what is purged never share a row. */
export interface PledgeContactsTable {
  pledge_id: string;
  name: string;
  email: string;
  role: string | null;
}

export interface IdempotencyKeysTable {
  compact_id: string;
  key: string;
  /** SHA-256 of the request body as received. */
  body_hash: string;
  status: number;
  /** The JSON body that was answered. */
  response: string;
  created_at: string;
}

export type Role = 'admin' | 'moderator' | 'editor';

export interface UsersTable {
  id: string;
  /** Lower case; the sign-in name. */
  email: string;
  created_at: string;
  disabled_at: string | null;
  failed_signins: number;
  locked_until: string | null;
  /** Base32 TOTP secret once set up; `totp_enabled` only after a first code was checked. */
  totp_secret: string | null;
  totp_enabled: number;
  /** The last 30-second step a code was accepted for: a code works once. */
  totp_last_step: number | null;
}

/**
 * How a user proves who they are: `password` (subject = the user id, secret = scrypt hash) today,
 * `oidc:<issuer>` (subject = the `sub` claim, no secret) when a council's Entra ID is added.
 */
export interface UserIdentitiesTable {
  provider: string;
  subject: string;
  user_id: string;
  secret: string | null;
  created_at: string;
}

/** A role on one compact, or on every compact when `compact_id` is `*`. */
export interface UserRolesTable {
  user_id: string;
  compact_id: string;
  role: Role;
}

export interface PasswordTokensTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a copy of this table signs nobody in. */
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** 1 between the password and the TOTP code. */
  mfa_pending: number;
}

export interface EmailMessagesTable {
  id: string;
  pledge_id: string | null;
  kind: string;
  locale: string;
  to_address: string;
  subject: string;
  /** The bodies are kept only until sent (they may hold a link's secret), then emptied. */
  text_body: string | null;
  html_body: string | null;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  created_at: string;
  sent_at: string | null;
  /** The .eml file's name when written to DATA_DIR/outbox instead of sent. */
  file: string | null;
}

/** Append-only: the database refuses UPDATE and DELETE (triggers in migration 0002). */
export interface AuditLogTable {
  /** The order entries were written in, numbered by the database; PostgreSQL's bigint comes back as a string. */
  seq: Generated<number | string>;
  id: string;
  at: string;
  /** `user:<id>`, `cli:<login>` or `system`. */
  actor: string;
  /** The user's email at the time, for reading the log; never a pledge contact's data. */
  actor_label: string;
  action: string;
  compact_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  /** JSON, without personal data of pledge contacts. */
  before: string | null;
  after: string | null;
}

export interface SignatoryHistoryTable {
  /**
   * The order entries were written in (migration 0005): `at` alone ties within a millisecond. The
   * database numbers it; PostgreSQL's bigint comes back as a string.
   */
  seq: Generated<number | string>;
  id: string;
  compact_id: string;
  signatory_id: string;
  at: string;
  by: string;
  /** JSON: the signatory's data, status and published flag before and after. */
  before: string | null;
  after: string;
}

/** A spreadsheet upload between its preview and "Apply" (authoring, issue 12). */
export interface PendingUploadsTable {
  id: string;
  /** SHA-256 of the session token that uploaded it: only that session can apply it. */
  session_hash: string;
  compact_id: string;
  kind: 'signatories' | 'actions';
  /** The compact's revision the preview was worked out against: applying refuses any other. */
  revision: number;
  file_name: string;
  /** JSON: the sheet's rows as read (header → cell text), with their row numbers. */
  rows: string;
  created_at: string;
}

export interface Tables {
  compacts: CompactsTable;
  signatories: SignatoriesTable;
  pledges: PledgesTable;
  pledge_contacts: PledgeContactsTable;
  idempotency_keys: IdempotencyKeysTable;
  users: UsersTable;
  user_identities: UserIdentitiesTable;
  user_roles: UserRolesTable;
  password_tokens: PasswordTokensTable;
  sessions: SessionsTable;
  email_messages: EmailMessagesTable;
  audit_log: AuditLogTable;
  signatory_history: SignatoryHistoryTable;
  pending_uploads: PendingUploadsTable;
  /** Written by Kysely's migrator. */
  kysely_migration?: { name: string; timestamp: string; id?: Generated<number> };
}
