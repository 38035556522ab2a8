/** The admin's own pages: home, users, the audit log and its CSV, a person's data, the mail outbox. */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { auditCsv, audit, readAudit } from '../../../domain/audit.js';
import { erasePerson, exportPerson, personData } from '../../../domain/person.js';
import { addUser, ALL_COMPACTS, revokeRole, ROLES, setDisabled, userListing, UserError } from '../../../domain/users.js';
import { listCompacts } from '../../../domain/compacts.js';
import { queueSummary } from '../../../domain/moderation.js';
import { formatDay, formatDateTime } from '../../../i18n/public-messages.js';
import { DEFAULT_TIME_ZONE } from 'compact-widgets/feed';
import { personalDataHeld } from '../../../domain/retention.js';
import type { Role } from '../../../db/tables.js';
import { recentEmails } from '../../../db/emails.js';
import { outboxDir, outboxFileName, removeOutboxFiles } from '../../../mail/transport.js';
import { allowedMethods, catchAllMethods } from '../../allowed-methods.js';
import { ACCESS_ROLES, actor, doneMessage, field, notFoundPage, page, scope } from './context.js';

const PAGE_SIZE = 50;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The success banner after a change on the users page (?done=). */
const USERS_DONE: Record<string, string> = {
  'role-removed': 'The role has been removed.',
  disabled: 'The account has been disabled and its sessions ended.',
  enabled: 'The account has been enabled.',
};

export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;

  app.get('/admin', { config: { access: 'signed-in' } }, async (request, reply) => {
    const moderated = scope(request, ACCESS_ROLES.moderate);
    const queue = moderated?.length === 0 ? undefined : await queueSummary(db, moderated);
    return page(request, reply, 'admin/home.njk', {
      pageTitle: 'Compact admin',
      queue: queue && {
        review: queue.review.count === 0 ? 'No pledges to review' : `${plural(queue.review.count, 'pledge', 'pledges')} to review`,
        oldest: queue.review.oldest && `The oldest arrived at ${formatDateTime(Date.parse(queue.review.oldest), DEFAULT_TIME_ZONE, 'en')}.`,
        waiting: queue.waiting.count > 0 ? `${plural(queue.waiting.count, 'pledge', 'pledges')} waiting for an answer to a question` : undefined,
      },
    });
  });

  // An address under /admin that no route has, or a method its routes do not take (a form's
  // address opened in the browser): a page in the admin, after sign-in, so that it tells a stranger
  // nothing about which addresses exist.
  app.route({
    method: catchAllMethods(app),
    url: '/admin/*',
    config: { access: 'signed-in' },
    handler: async (request, reply) => {
      const home = { href: '/admin', text: 'Go to the admin’s home page' };
      const allowed = allowedMethods(request);
      if (allowed.length === 0) {
        return page(request, reply, 'admin/message.njk', {
          pageTitle: 'Page not found – Compact admin',
          heading: 'Page not found',
          text: 'If you typed the web address, check it is correct. If you pasted the web address, check you copied the entire address.',
          link: home,
        }, 404);
      }
      reply.header('Allow', allowed.join(', '));
      // Most often a form's address opened again from the browser's history or address bar.
      const opened = (request.method === 'GET' || request.method === 'HEAD') && !allowed.includes('GET');
      return page(request, reply, 'admin/message.njk', opened
        ? {
            pageTitle: 'This address is for a form – Compact admin',
            heading: 'This address is for a form',
            text: 'A form on one of the admin’s pages is sent here, so it cannot be opened on its own. Go back to the page the form is on.',
            link: home,
          }
        : {
            pageTitle: 'You cannot do that on this page – Compact admin',
            heading: 'You cannot do that on this page',
            text: 'The admin’s pages are opened from their links, and their forms are sent with their buttons.',
            link: home,
          }, 405);
    },
  });

  // Audit log --------------------------------------------------------------------------------
  app.get<{ Querystring: { page?: string } }>('/admin/audit', { config: { access: 'audit' } }, async (request, reply) => {
    const number = Math.max(1, Math.min(10_000, Number.parseInt(String(request.query.page ?? '1'), 10) || 1));
    const compactIds = scope(request, ACCESS_ROLES.audit);
    const rows = await readAudit(db, { ...(compactIds ? { compactIds } : {}), limit: PAGE_SIZE + 1, offset: (number - 1) * PAGE_SIZE });
    return page(request, reply, 'admin/audit.njk', {
      pageTitle: `Audit log${number > 1 ? `, page ${number}` : ''} – Compact admin`,
      rows: rows.slice(0, PAGE_SIZE),
      previous: number > 1 ? `/admin/audit?page=${number - 1}` : undefined,
      next: rows.length > PAGE_SIZE ? `/admin/audit?page=${number + 1}` : undefined,
      number,
    });
  });

  app.get('/admin/audit.csv', { config: { access: 'audit' } }, async (request, reply) => {
    const compactIds = scope(request, ACCESS_ROLES.audit);
    const rows = await readAudit(db, compactIds ? { compactIds } : {});
    await audit(db, actor(request), app.clock(), { action: 'audit.export', after: { entries: rows.length, compacts: compactIds ?? 'all' } });
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="audit-log-${app.clock().toISOString().slice(0, 10)}.csv"`)
      .send(auditCsv(rows));
  });

  // Users ------------------------------------------------------------------------------------
  async function usersPage(request: Parameters<typeof page>[0], reply: Parameters<typeof page>[1], extra: Record<string, unknown> = {}, status = 200) {
    return page(request, reply, 'admin/users.njk', {
      pageTitle: `${extra.errors ? 'Error: ' : ''}Users – Compact admin`,
      users: await userListing(db),
      roles: ROLES.map((r) => ({ value: r, text: r })),
      compacts: [{ value: ALL_COMPACTS, text: 'Every compact' }, ...(await listCompacts(db)).map((c) => ({ value: c.id, text: c.id }))],
      values: {},
      done: doneMessage(USERS_DONE, request.query),
      ...extra,
    }, status);
  }

  /**
   * A change to a user that was refused (the last administrator, your own account): said at the
   * user's row. A user who is not there (removed, or a made-up id) has no row to say it at.
   */
  async function refused(request: Parameters<typeof page>[0], reply: Parameters<typeof page>[1], userId: string, error: UserError) {
    if (!(await userListing(db)).some((u) => u.id === userId)) {
      return page(request, reply, 'admin/message.njk', { pageTitle: 'No such user – Compact admin', heading: 'There is no such user', text: 'The account may have been removed. Go back to the users page and reload it.' }, 404);
    }
    return usersPage(request, reply, { errors: { [`user-${userId}`]: error.message } }, 422);
  }

  app.get('/admin/users', { config: { access: 'superadmin' } }, (request, reply) => usersPage(request, reply));

  app.post('/admin/users', { config: { access: 'superadmin' } }, async (request, reply) => {
    const compact = field(request.body, 'compact');
    try {
      const link = await addUser(
        db,
        { email: field(request.body, 'email'), role: field(request.body, 'role') as Role, ...(compact && compact !== ALL_COMPACTS ? { compactId: compact } : {}) },
        { publicUrl: app.config.publicUrl, hours: app.config.setPasswordHours, clock: app.clock, actor: actor(request) },
      );
      // The link is shown once, on this page (never in a URL or a log): the admin passes it on.
      return usersPage(request, reply, { added: { url: link.url, expiresAt: link.expiresAt, email: field(request.body, 'email').trim().toLowerCase() } });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      return usersPage(request, reply, { errors: { email: error.message }, values: request.body ?? {} }, 422);
    }
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/remove-role', { config: { access: 'superadmin' } }, async (request, reply) => {
    try {
      await revokeRole(db, request.params.id, field(request.body, 'role') as Role, field(request.body, 'compact'), { clock: app.clock, actor: actor(request) });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      return refused(request, reply, request.params.id, error);
    }
    return reply.redirect('/admin/users?done=role-removed', 303);
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/disable', { config: { access: 'superadmin' } }, async (request, reply) => {
    const disabled = field(request.body, 'disabled') !== 'no';
    try {
      await setDisabled(db, request.params.id, disabled, { clock: app.clock, actor: actor(request) });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      return refused(request, reply, request.params.id, error);
    }
    return reply.redirect(`/admin/users?done=${disabled ? 'disabled' : 'enabled'}`, 303);
  });

  // A person's data (the address is posted, never put in a URL) ------------------------------
  app.get('/admin/people', { config: { access: 'superadmin' } }, async (request, reply) => {
    const held = await personalDataHeld(db, { retentionDays: app.config.retentionDays, confirmDays: app.config.confirmDays });
    const date = (instant?: string) => (instant ? formatDay(Date.parse(instant), DEFAULT_TIME_ZONE, 'en') : '');
    return page(request, reply, 'admin/people.njk', {
      pageTitle: 'A person’s data – Compact admin',
      values: {},
      held: {
        contacts: held.contacts.map((group) => ({ ...group, oldestReceived: date(group.oldestReceived), nextDeletion: date(group.nextDeletion) })),
        emailRecords: held.emailRecords,
        retentionDays: app.config.retentionDays,
      },
    });
  });

  app.post('/admin/people', { config: { access: 'superadmin' } }, async (request, reply) => {
    const email = field(request.body, 'email').trim();
    if (!email) return page(request, reply, 'admin/people.njk', { pageTitle: 'Error: A person’s data – Compact admin', errors: { email: 'Enter the person’s email address' }, values: {} }, 422);
    const data = await personData(db, email);
    return page(request, reply, 'admin/people.njk', { pageTitle: 'A person’s data – Compact admin', values: { email }, found: data });
  });

  app.post('/admin/people/export', { config: { access: 'superadmin' } }, async (request, reply) => {
    const data = await exportPerson(db, field(request.body, 'email'), actor(request), app.clock);
    return reply
      .type('application/json; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="personal-data-${app.clock().toISOString().slice(0, 10)}.json"`)
      .send(JSON.stringify(data, null, 2));
  });

  app.post('/admin/people/erase', { config: { access: 'superadmin' } }, async (request, reply) => {
    const email = field(request.body, 'email').trim();
    if (field(request.body, 'sure') !== 'yes') {
      const data = await personData(db, email);
      return page(request, reply, 'admin/people.njk', { pageTitle: 'Error: A person’s data – Compact admin', values: { email }, found: data, errors: { sure: 'Tick the box to confirm that the data is to be erased' } }, 422);
    }
    const erased = await erasePerson(db, email, actor(request), app.clock, (files) => removeOutboxFiles(app.config.dataDir, files, (m) => request.log.warn(m)));
    return page(request, reply, 'admin/message.njk', {
      pageTitle: 'Erased – Compact admin',
      heading: 'The person’s data has been erased',
      text: `Contact details removed from ${erased.pledges} pledge${erased.pledges === 1 ? '' : 's'}; ${erased.emails} email record${erased.emails === 1 ? '' : 's'} deleted. The audit log records the erasure, not the data.`,
      link: { href: '/admin/people', text: 'Back' },
    });
  });

  // The mail outbox --------------------------------------------------------------------------
  app.get('/admin/outbox', { config: { access: 'superadmin' } }, async (request, reply) => {
    const emails = await recentEmails(db, 100);
    return page(request, reply, 'admin/outbox.njk', { pageTitle: 'Email – Compact admin', emails, smtp: Boolean(app.config.smtpUrl) });
  });

  app.get<{ Params: { id: string } }>('/admin/outbox/:id', { config: { access: 'superadmin' } }, async (request, reply) => {
    const id = request.params.id.replace(/\.eml$/, '');
    const file = join(outboxDir(app.config.dataDir), outboxFileName(id));
    if (!/^[0-9a-f-]{36}$/.test(id) || !existsSync(file)) return notFoundPage(request, reply, 'There is no such message', { href: '/admin/outbox', text: 'Back to the email sent' });
    return reply.type('message/rfc822').header('Content-Disposition', `attachment; filename="${id}.eml"`).send(createReadStream(file));
  });
}
