/**
 * The server's whole configuration, read once from the environment. A bad value stops the server at
 * start with a message naming the variable, rather than surfacing later as a strange failure.
 * docs: server/README.md ("Configuration") lists every variable with its default.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Where the SQLite file (and, later, the mail outbox) live. */
  dataDir: string;
  /** PostgreSQL connection string; when unset the server uses SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  /** The address people reach this server at: feeds name their pledge endpoint from it. No trailing slash. */
  publicUrl: string;
  /** Used in feeds whose imported copy had no `pledge.privacyNotice`. */
  privacyNoticeUrl: string | undefined;
  /** Seconds a feed may be cached by browsers and CDNs. */
  feedMaxAge: number;
  /** Milliseconds a published feed is served before the database is asked whether it changed (0: every request). */
  feedRevalidateMs: number;
  /** Origins allowed to POST pledges, for every compact: `['*']` is any. */
  pledgeOrigins: string[];
  /** Pledge POSTs one client address may make per window. */
  pledgeRateLimit: number;
  pledgeRateWindowMs: number;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** How long a request may take to arrive, headers and body (REQUEST_TIMEOUT_SECONDS). */
  requestTimeoutMs: number;
  /** Hours an idempotency key's stored answer is replayed for (at least 24). */
  idempotencyHours: number;
  /**
   * Which proxies' `X-Forwarded-For` to believe (Fastify's `trustProxy`): false, how many proxies
   * stand in front of the server, or their addresses. Never "all": a visitor could then write their
   * own address and so escape every rate limit.
   */
  trustProxy: false | number | string[];
  logLevel: string;
  /** Where email goes: an smtp:// or smtps:// address; unset writes .eml files to DATA_DIR/outbox. */
  smtpUrl: string | undefined;
  /** The From of every message. */
  mailFrom: string;
  /** Days contact details of rejected, expired and withdrawn pledges are kept (default 90). */
  retentionDays: number;
  /** Days an unconfirmed pledge waits for its contact to press Confirm before it expires. */
  confirmDays: number;
  /** Confirmation emails a pledge may have in all (the first plus resends). */
  confirmSends: number;
  /** Hours a staff session lasts from sign-in. */
  sessionHours: number;
  /** Hours a set-password link printed by `users add` works. */
  setPasswordHours: number;
  /** Failed sign-ins in a row before an account is locked, and for how long. */
  signinFailures: number;
  signinLockMinutes: number;
  /** Sign-in attempts one client address may make per minute. */
  signinRateLimit: number;
  /** Minutes between runs of the retention purge and confirmation expiry. */
  purgeIntervalMinutes: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (it is "${raw}")`);
  }
  return value;
}

/** The variable as a URL of one of `protocols`, or undefined when unset; `refuse` says what it must be. */
function url(env: Env, name: string, protocols: string[], refuse: string): URL | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be ${refuse} (it is not an address)`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${name} must be ${refuse}`);
  return parsed;
}

function httpUrl(env: Env, name: string): string | undefined {
  const refuse = 'an absolute http: or https: address without a user name or password';
  const parsed = url(env, name, ['http:', 'https:'], refuse);
  if (parsed && (parsed.username || parsed.password)) throw new ConfigError(`${name} must be ${refuse}`);
  return parsed?.href.replace(/\/+$/, '');
}

function origins(env: Env, name: string): string[] {
  const raw = env[name]?.trim();
  if (!raw || raw === '*') return ['*'];
  return raw.split(/[\s,]+/).filter(Boolean).map((origin) => {
    const url = httpUrl({ [name]: origin }, name);
    if (!url || new URL(url).origin !== url) {
      throw new ConfigError(`${name} must list origins such as https://council.example, separated by commas (not "${origin}")`);
    }
    return url;
  });
}

/**
 * Off; a number of proxies in front (`1` for one nginx: the address it puts last in
 * `X-Forwarded-For` is the visitor's); or the proxies' addresses and ranges, separated by commas.
 */
function trustProxy(env: Env, name: string): false | number | string[] {
  const raw = env[name]?.trim();
  if (!raw || raw === '0' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return integer(env, name, 0, 1, 10);
  const addresses = raw.split(/[\s,]+/).filter(Boolean);
  for (const address of addresses) {
    const [ip, bits, more] = address.split('/');
    const family = isIP(ip ?? '');
    const prefixOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!family || !prefixOk || more !== undefined) {
      throw new ConfigError(
        `${name} must be how many proxies stand in front of the server (1 for one), or their addresses ` +
          `separated by commas, such as 10.0.0.2 or 10.0.0.0/8 (not "${address}")`,
      );
    }
  }
  return addresses;
}

function smtpUrl(env: Env, name: string): string | undefined {
  // Kept as written: it carries the SMTP user name and password, which URL parsing would re-encode.
  return url(env, name, ['smtp:', 'smtps:'], 'an smtp:// or smtps:// address') ? env[name]!.trim() : undefined;
}

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

function mailFrom(env: Env): string {
  const raw = env.MAIL_FROM?.trim();
  if (!raw) return 'Compact <compact@localhost>';
  // One address, no line breaks: a header value that cannot be turned into another header.
  if (/[\r\n]/.test(raw) || !/@/.test(raw)) throw new ConfigError('MAIL_FROM must be one address, such as "Southend Compact <compact@southend.gov.uk>"');
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const host = env.HOST?.trim() || 'localhost';
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// connection string');
  }
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.has(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${[...LOG_LEVELS].join(', ')}`);
  return {
    port,
    host,
    dataDir: resolve(env.DATA_DIR?.trim() || 'data'),
    databaseUrl,
    // The default follows PORT, so `PORT=18080 npm start` gives feeds whose forms post to :18080.
    publicUrl: httpUrl(env, 'PUBLIC_URL') ?? `http://localhost:${port}`,
    privacyNoticeUrl: httpUrl(env, 'PRIVACY_NOTICE_URL'),
    feedMaxAge: integer(env, 'FEED_MAX_AGE', 60, 0, 86_400),
    feedRevalidateMs: integer(env, 'FEED_REVALIDATE_MS', 1000, 0, 60_000),
    pledgeOrigins: origins(env, 'PLEDGE_ORIGINS'),
    pledgeRateLimit: integer(env, 'PLEDGE_RATE_LIMIT', 10, 1, 1_000_000),
    pledgeRateWindowMs: integer(env, 'PLEDGE_RATE_WINDOW_SECONDS', 60, 1, 86_400) * 1000,
    bodyLimit: integer(env, 'BODY_LIMIT', 64 * 1024, 1024, 10 * 1024 * 1024),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_SECONDS', 60, 1, 3600) * 1000,
    idempotencyHours: integer(env, 'IDEMPOTENCY_HOURS', 48, 24, 24 * 365),
    trustProxy: trustProxy(env, 'TRUST_PROXY'),
    logLevel,
    smtpUrl: smtpUrl(env, 'SMTP_URL'),
    mailFrom: mailFrom(env),
    retentionDays: integer(env, 'RETENTION_DAYS', 90, 1, 3650),
    confirmDays: integer(env, 'CONFIRM_DAYS', 14, 1, 365),
    confirmSends: integer(env, 'CONFIRM_SENDS', 3, 1, 20),
    sessionHours: integer(env, 'SESSION_HOURS', 8, 1, 24 * 30),
    setPasswordHours: integer(env, 'SET_PASSWORD_HOURS', 48, 1, 24 * 14),
    signinFailures: integer(env, 'SIGNIN_FAILURES', 5, 1, 100),
    signinLockMinutes: integer(env, 'SIGNIN_LOCK_MINUTES', 15, 1, 24 * 60),
    signinRateLimit: integer(env, 'SIGNIN_RATE_LIMIT', 10, 1, 100_000),
    purgeIntervalMinutes: integer(env, 'PURGE_INTERVAL_MINUTES', 60, 1, 24 * 60),
  };
}
