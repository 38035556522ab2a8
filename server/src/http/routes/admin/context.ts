/**
 * What every admin route shares: who is signed in (a session in the database, its token in an
 * HttpOnly cookie), the CSRF token of every form, the role check of every route, and rendering.
 *
 * Every route declares `config.access`; a route without one is refused at registration, so no admin
 * route can be added unchecked (test/admin/routes.test.ts walks them all as each role).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/cookie';
import type { Config } from '../../../config.js';
import { MAX_UPLOAD_BYTES } from '../../../domain/authoring/sheets.js';
import { hmac, newSecret, sameText } from '../../../domain/secrets.js';
import { lookupSession } from '../../../domain/sessions.js';
import { actorOf, compactsWith, isSuperAdmin, type StaffUser } from '../../../domain/users.js';
import type { Actor } from '../../../domain/audit.js';
import type { Role } from '../../../db/tables.js';
import { adminT } from '../../../i18n/admin-messages.js';
import { pageHelmet } from '../../view-engine.js';
import { logUnexpected } from '../../errors.js';

/**
 * public: no sign-in (sign-in, set password); code: between password and TOTP code; signed-in: any
 * staff; moderate: admin or moderator (of the pledge's compact, checked again in the handler);
 * signatories: any role on the compact; audit: admin; superadmin: admin of every compact.
 */
export type Access = 'public' | 'code' | 'signed-in' | 'moderate' | 'signatories' | 'audit' | 'superadmin';

export const ACCESS_ROLES: Record<Exclude<Access, 'public' | 'code' | 'signed-in' | 'superadmin'>, Role[]> = {
  moderate: ['admin', 'moderator'],
  signatories: ['admin', 'moderator', 'editor'],
  audit: ['admin'],
};

export const SESSION_COOKIE = 'cw_session';
export const PRE_COOKIE = 'cw_pre';
export const COOKIE_PATH = '/admin';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffUser;
    mfaPending?: boolean;
    /** The secret the CSRF token of this request's forms is derived from. */
    csrfKey?: string;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export function cookieOptions(config: Config, maxAgeSeconds?: number) {
  return {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.publicUrl.startsWith('https:'),
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

export function csrfToken(request: FastifyRequest): string {
  return request.csrfKey ? hmac(request.csrfKey, 'csrf') : '';
}

export function actor(request: FastifyRequest): Actor {
  return actorOf(request.staff!);
}

/** The compacts the signed-in user may act on with these roles (`undefined`: every compact). */
export function scope(request: FastifyRequest, roles: Role[]): string[] | undefined {
  return compactsWith(request.staff!, roles);
}

export function inScope(request: FastifyRequest, roles: Role[], compactId: string): boolean {
  const compacts = scope(request, roles);
  return compacts === undefined || compacts.includes(compactId);
}

export class Forbidden extends Error {
  statusCode = 403;
}

/** The success banner's text for the query's `done`, from the page's own table; nothing for any other value. */
export function doneMessage(messages: Readonly<Record<string, string>>, query: unknown): string | undefined {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && Object.hasOwn(messages, done) ? messages[done] : undefined;
}

export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (Array.isArray(value)) return String(value[value.length - 1] ?? '');
  return typeof value === 'string' ? value : '';
}

/**
 * The admin's sections this user may open, as govukServiceNavigation's items: the section's own page
 * is `current` (aria-current="page"), a page inside it `active` (aria-current="true").
 */
function navigation(staff: StaffUser, nav: { moderate: boolean; audit: boolean; superadmin: boolean }, path: string) {
  // `description`: what the home page says beside each link (the service navigation shows `text`).
  const sections = [
    nav.moderate && { href: '/admin/pledges', text: 'Pledges', description: 'Pledges: review, approve or reject what organisations have sent' },
    { href: '/admin/signatories', text: 'Signatories', description: 'Signatories: the organisations in each compact’s list; correct or remove one' },
    staff.roles.some((r) => r.role === 'editor' || r.role === 'admin') && { href: '/admin/compacts', text: 'Edit compacts', description: 'Edit compacts: the text, action plan, consultations and spreadsheets' },
    nav.audit && { href: '/admin/audit', text: 'Audit log', description: 'Audit log: who changed what, and when' },
    nav.superadmin && { href: '/admin/users', text: 'Users', description: 'Users: staff accounts and their roles' },
    nav.superadmin && { href: '/admin/people', text: 'A person’s data', description: 'A person’s data: export or erase' },
    nav.superadmin && { href: '/admin/outbox', text: 'Email', description: 'Email sent' },
    { href: '/admin/account', text: 'Your account', description: 'Your account and sign-in' },
  ];
  return sections
    .filter((section) => section !== false)
    .map((section) => ({ ...section, current: path === section.href, active: path.startsWith(`${section.href}/`) }));
}

export async function page(request: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown> = {}, status = 200) {
  const staff = request.staff && !request.mfaPending ? request.staff : undefined;
  const nav = staff
    ? {
        moderate: compactsWith(staff, ACCESS_ROLES.moderate)?.length !== 0,
        audit: compactsWith(staff, ACCESS_ROLES.audit)?.length !== 0,
        superadmin: isSuperAdmin(staff),
      }
    : undefined;
  const html = await reply.viewAsync(template, {
    htmlLang: 'en',
    t: adminT,
    serviceName: 'Compact admin',
    serviceUrl: '/admin',
    csrf: csrfToken(request),
    staff,
    nav,
    navigation: staff && nav ? navigation(staff, nav, request.url.split('?')[0]!) : undefined,
    ...data,
  });
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

/** The admin's 404: what is not there, and the way back to where it would have been. */
export function notFoundPage(request: FastifyRequest, reply: FastifyReply, heading: string, link?: { href: string; text: string }) {
  return page(request, reply, 'admin/message.njk', { pageTitle: 'Not found – Compact admin', heading, ...(link ? { link } : {}) }, 404);
}

const UPLOAD_PATH = /^\/admin\/compacts\/[\w-]+\/upload$/;

/**
 * A body larger than the server reads (a spreadsheet far over the limit, or an enormous form). It is
 * refused before the body, the session or the CSRF token is read, so the page says only what to do
 * and shows nothing of any compact.
 */
function tooLarge(request: FastifyRequest, reply: FastifyReply) {
  const upload = String(request.headers['content-type'] ?? '').startsWith('multipart/form-data');
  const path = request.url.split('?')[0]!;
  const heading = upload ? 'The file is too large' : 'The form is too long';
  const text = upload
    ? `The file must be smaller than ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB. Nothing has been changed. Choose a smaller file, or split the sheet into two.`
    : 'Nothing has been changed. Go back and shorten what you wrote.';
  const link = upload && UPLOAD_PATH.test(path) ? { href: path, text: 'Upload another file' } : undefined;
  return page(request, reply, 'admin/message.njk', { pageTitle: `${heading} – Compact admin`, heading, text, link }, 413);
}

/** Sets up sessions, CSRF and role checks for the admin context it is called in. */
export function guardAdmin(app: FastifyInstance): void {
  const config = app.config;

  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`admin route ${route.method} ${route.url} declares no access`);
    // Strict CSP, never framed, never cached (pages show personal data).
    // (@fastify/helmet reads it from route.config; its own onRoute hook ran before this one.)
    route.config = Object.assign(route.config ?? {}, { helmet: pageHelmet(config, { frameAncestors: ["'none'"] }) });
  });

  // Errors as pages, not JSON: the admin is read in a browser. Logged without the message, as every
  // unexpected error is (errors.ts).
  app.setErrorHandler(async (error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) logUnexpected(request.log, error, 'admin request failed');
    const [heading, text] =
      status === 429
        ? ['Too many attempts', 'Wait a minute, then try again.']
        : status >= 500
          ? ['Sorry, there is a problem with the service', 'Try again later. Nothing has been changed.']
          : ['Something is wrong with the request', 'Go back and try again.'];
    if (status === 429 && error.message) reply.header('Retry-After', '60');
    if (status === 413) return tooLarge(request, reply);
    return page(request, reply, 'admin/message.njk', { pageTitle: `${heading} – Compact admin`, heading, text }, status);
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config.access ?? 'superadmin';
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await lookupSession(app.database.db, token, app.clock) : undefined;
    if (session) {
      request.staff = session.user;
      request.mfaPending = session.mfaPending;
      request.csrfKey = token;
    } else {
      let pre = request.cookies[PRE_COOKIE];
      if (!pre || pre.length > 100) {
        pre = newSecret();
        reply.setCookie(PRE_COOKIE, pre, cookieOptions(config));
      }
      request.csrfKey = pre;
    }

    // Every form posts its CSRF token; a POST without the right one changes nothing.
    if (request.method === 'POST') {
      const sent = field(request.body, '_csrf');
      if (!sent || !sameText(sent, csrfToken(request))) {
        request.log.warn('admin POST refused: missing or wrong CSRF token');
        return page(request, reply, 'admin/message.njk', { pageTitle: 'The form has expired – Compact admin', heading: 'The form has expired', text: 'Go back, reload the page and try again.' }, 403);
      }
    }

    if (access === 'public') return;
    if (access === 'code') {
      if (!session?.mfaPending) return reply.redirect('/admin/sign-in', 303);
      return;
    }
    if (!session || session.mfaPending) {
      if (request.method === 'GET') return reply.redirect('/admin/sign-in', 303);
      return page(request, reply, 'admin/message.njk', { pageTitle: 'You are not signed in – Compact admin', heading: 'You are not signed in', text: 'Sign in and try again.' }, 401);
    }
    const user = session.user;
    const allowed =
      access === 'signed-in' ||
      (access === 'superadmin' ? isSuperAdmin(user) : compactsWith(user, ACCESS_ROLES[access])?.length !== 0);
    if (!allowed) return page(request, reply, 'admin/message.njk', { pageTitle: 'Not allowed – Compact admin', heading: 'You cannot see this page', text: 'Your role does not include it. Ask an administrator if you need it.' }, 403);
  });
}
