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
  /** 1 when the organisation agreed to be listed (imported signatories are). */
  published: number;
  position: number;
  pledge_id: string | null;
  created_at: string;
  updated_at: string;
}

export type PledgeStatus = 'pending' | 'approved' | 'rejected';

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

export interface Tables {
  compacts: CompactsTable;
  signatories: SignatoriesTable;
  pledges: PledgesTable;
  pledge_contacts: PledgeContactsTable;
  idempotency_keys: IdempotencyKeysTable;
  /** Written by Kysely's migrator. */
  kysely_migration?: { name: string; timestamp: string; id?: Generated<number> };
}
