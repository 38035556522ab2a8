/** Signing in (password, then a TOTP code when set up), setting a password, signing out. */
import type { FastifyInstance } from 'fastify';
import { endAllSessions, endSession, startSession } from '../../../domain/sessions.js';
import {
  beginTotp,
  checkCode,
  checkPasswordLink,
  disableTotp,
  enableTotp,
  pendingTotpSecret,
  setPasswordWithLink,
  signIn,
  UserError,
} from '../../../domain/users.js';
import { newTotpSecret, otpauthUri } from '../../../domain/totp.js';
import { actor, cookieOptions, doneMessage, field, page, PRE_COOKIE, SESSION_COOKIE } from './context.js';

const LINK_PROBLEMS = {
  unknown: 'This link does not work. Check you copied all of it, or ask an administrator for a new one.',
  used: 'This link has been used already. Sign in, or ask an administrator for a new link.',
  expired: 'This link has expired. Ask an administrator for a new one.',
};

/** The success banner after a change on the account page (?done=). */
const ACCOUNT_DONE: Record<string, string> = { totp: 'Two-step sign-in is on.', 'totp-off': 'Two-step sign-in is off.' };

/** A two-step secret being set up, as the account page shows it: in groups of four, and as a QR code's URI. */
function setUp(secret: string, email: string) {
  return { secret: secret.replace(/(.{4})/g, '$1 ').trim(), uri: otpauthUri(secret, email, 'Compact admin') };
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const config = app.config;
  const policy = { maxFailures: config.signinFailures, lockMinutes: config.signinLockMinutes, clock: app.clock };
  const sessionSeconds = config.sessionHours * 3600;

  app.get('/admin/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    if (request.staff && !request.mfaPending) return reply.redirect('/admin', 303);
    return page(request, reply, 'admin/sign-in.njk', { pageTitle: 'Sign in – Compact admin' });
  });

  app.post(
    '/admin/sign-in',
    { config: { access: 'public', rateLimit: { max: config.signinRateLimit, timeWindow: 60_000 } } },
    async (request, reply) => {
      const email = field(request.body, 'email').trim();
      const password = field(request.body, 'password');
      const errors: Record<string, string> = {};
      if (!email) errors.email = 'Enter your email address';
      if (!password) errors.password = 'Enter your password';
      if (!errors.email && !errors.password) {
        const result = await signIn(app.database.db, email, password, policy);
        if (result.ok) {
          const token = await startSession(app.database.db, result.userId, {
            hours: config.sessionHours,
            mfaPending: result.needsCode,
            clock: app.clock,
            replaces: request.cookies[SESSION_COOKIE],
          });
          reply.clearCookie(PRE_COOKIE, cookieOptions(config));
          reply.setCookie(SESSION_COOKIE, token, cookieOptions(config, sessionSeconds));
          return reply.redirect(result.needsCode ? '/admin/sign-in/code' : '/admin', 303);
        }
        // The same words for a locked account as for a wrong password: the page must not tell anyone
        // which addresses have accounts. It says how the lock-out works instead.
        errors.email =
          `The email address or password is not right. After ${policy.maxFailures} wrong attempts in a row, ` +
          `an account is locked for ${policy.lockMinutes} minutes.`;
      }
      return page(request, reply, 'admin/sign-in.njk', { pageTitle: 'Error: Sign in – Compact admin', errors, values: { email } }, 422);
    },
  );

  app.get('/admin/sign-in/code', { config: { access: 'code' } }, async (request, reply) => page(request, reply, 'admin/code.njk', { pageTitle: 'Enter your code – Compact admin' }));

  app.post('/admin/sign-in/code', { config: { access: 'code', rateLimit: { max: config.signinRateLimit, timeWindow: 60_000 } } }, async (request, reply) => {
    const code = field(request.body, 'code');
    const result = await checkCode(app.database.db, request.staff!.id, code, policy);
    if (result.ok) {
      // A new session for the signed-in state: the half-way token is never promoted (and ends
      // without a sign-out in the log).
      const token = await startSession(app.database.db, result.userId, { hours: config.sessionHours, mfaPending: false, clock: app.clock, replaces: request.cookies[SESSION_COOKIE] });
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(config, sessionSeconds));
      return reply.redirect('/admin', 303);
    }
    const error = result.reason === 'locked' ? 'This account is locked after too many failed attempts. Try again in a few minutes.' : 'The code is not right. Enter the 6-digit code your app shows now.';
    return page(request, reply, 'admin/code.njk', { pageTitle: 'Error: Enter your code – Compact admin', errors: { code: error } }, 422);
  });

  app.post('/admin/sign-out', { config: { access: 'signed-in' } }, async (request, reply) => {
    await endSession(app.database.db, request.cookies[SESSION_COOKIE]!, actor(request), app.clock);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
    return page(request, reply, 'admin/message.njk', { pageTitle: 'Signed out – Compact admin', heading: 'You have signed out', link: { href: '/admin/sign-in', text: 'Sign in again' } });
  });

  app.post('/admin/sign-out-everywhere', { config: { access: 'signed-in' } }, async (request, reply) => {
    const ended = await endAllSessions(app.database.db, request.staff!.id, actor(request), app.clock);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
    return page(request, reply, 'admin/message.njk', {
      pageTitle: 'Signed out everywhere – Compact admin',
      heading: 'You have signed out everywhere',
      text: `${ended} session${ended === 1 ? '' : 's'} ended, on every device and browser.`,
      link: { href: '/admin/sign-in', text: 'Sign in again' },
    });
  });

  app.get<{ Querystring: { token?: string } }>('/admin/set-password', { config: { access: 'public' } }, async (request, reply) => {
    const token = String(request.query.token ?? '');
    const state = await checkPasswordLink(app.database.db, token, app.clock);
    if (!state.ok) return page(request, reply, 'admin/message.njk', { pageTitle: 'Link not valid – Compact admin', heading: 'This link cannot be used', text: LINK_PROBLEMS[state.reason] }, 410);
    return page(request, reply, 'admin/set-password.njk', { pageTitle: 'Set your password – Compact admin', token, email: state.email });
  });

  app.post('/admin/set-password', { config: { access: 'public', rateLimit: { max: config.signinRateLimit, timeWindow: 60_000 } } }, async (request, reply) => {
    const token = field(request.body, 'token');
    const password = field(request.body, 'password');
    const again = field(request.body, 'confirm');
    const state = await checkPasswordLink(app.database.db, token, app.clock);
    if (!state.ok) return page(request, reply, 'admin/message.njk', { pageTitle: 'Link not valid – Compact admin', heading: 'This link cannot be used', text: LINK_PROBLEMS[state.reason] }, 410);
    // At the box to put right: a password that breaks a rule at the first, a second that differs at the second.
    const errors: { password?: string; confirm?: string } = {};
    if (password !== again) errors.confirm = 'Enter the same password as in the first box';
    else {
      try {
        const done = await setPasswordWithLink(app.database.db, token, password, app.clock);
        if (!done.ok) return page(request, reply, 'admin/message.njk', { pageTitle: 'Link not valid – Compact admin', heading: 'This link cannot be used', text: LINK_PROBLEMS[done.reason] }, 410);
        return page(request, reply, 'admin/message.njk', { pageTitle: 'Password set – Compact admin', heading: 'Your password is set', link: { href: '/admin/sign-in', text: 'Sign in' } });
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        errors.password = e.message;
      }
    }
    return page(request, reply, 'admin/set-password.njk', { pageTitle: 'Error: Set your password – Compact admin', token, email: state.email, errors }, 422);
  });

  app.get('/admin/account', { config: { access: 'signed-in' } }, async (request, reply) => {
    const pending = request.staff!.totpEnabled ? null : await pendingTotpSecret(app.database.db, request.staff!.id);
    return page(request, reply, 'admin/account.njk', {
      pageTitle: 'Your account – Compact admin',
      done: doneMessage(ACCOUNT_DONE, request.query),
      totpEnabled: request.staff!.totpEnabled,
      pending: pending ? setUp(pending, request.staff!.email) : undefined,
    });
  });

  app.post('/admin/account/totp/start', { config: { access: 'signed-in' } }, async (request, reply) => {
    if (!request.staff!.totpEnabled) await beginTotp(app.database.db, request.staff!.id, newTotpSecret());
    return reply.redirect('/admin/account', 303);
  });

  app.post('/admin/account/totp/enable', { config: { access: 'signed-in' } }, async (request, reply) => {
    const ok = await enableTotp(app.database.db, request.staff!, field(request.body, 'code'), app.clock);
    if (ok) return reply.redirect('/admin/account?done=totp', 303);
    const pending = await pendingTotpSecret(app.database.db, request.staff!.id);
    // Nothing is being set up (it is on already, or was never started): the page shows which, and has
    // no code box for an error to point to.
    if (!pending) return reply.redirect('/admin/account', 303);
    return page(request, reply, 'admin/account.njk', {
      pageTitle: 'Error: Your account – Compact admin',
      totpEnabled: false,
      pending: setUp(pending, request.staff!.email),
      errors: { code: 'The code is not right. Enter the 6-digit code your app shows now.' },
    }, 422);
  });

  app.post('/admin/account/totp/disable', { config: { access: 'signed-in', rateLimit: { max: config.signinRateLimit, timeWindow: 60_000 } } }, async (request, reply) => {
    const result = await disableTotp(app.database.db, request.staff!, field(request.body, 'code'), policy);
    if (result.ok) return reply.redirect('/admin/account?done=totp-off', 303);
    return page(request, reply, 'admin/account.njk', {
      pageTitle: 'Error: Your account – Compact admin',
      totpEnabled: true,
      errors: {
        disableCode:
          result.reason === 'locked'
            ? 'This account is locked after too many failed attempts. Try again in a few minutes.'
            : 'The code is not right. Enter the code your app shows now (a code you have just used works once: wait for the next).',
      },
    }, 422);
  });
}
