/**
 * Moderation (issue 11) as one plugin for app.ts: the mail dispatcher and the retention job (on the
 * whole app), and, in a context of their own with cookies and form bodies, the admin at /admin and
 * the confirmation page at /confirm. Register it after the view engine.
 */
import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import { MailDispatcher } from '../../../mail/dispatch.js';
import { createTransport, removeOutboxFiles } from '../../../mail/transport.js';
import { startRetentionJob, type RetentionJob } from '../../../jobs/retention.js';
import { logUnexpected } from '../../errors.js';
import { guardAdmin } from './context.js';
import { authRoutes } from './auth.js';
import { pledgeAdminRoutes } from './pledges.js';
import { signatoryAdminRoutes } from './signatories.js';
import { adminRoutes } from './admin.js';
import { authoringRoutes } from './authoring/index.js';
import { confirmRoutes } from '../confirm.js';

declare module 'fastify' {
  interface FastifyInstance {
    mail: MailDispatcher;
    retention: RetentionJob;
    /** Every admin route with its declared access, for the test that walks them all. */
    adminRoutes: { method: string; url: string; access: string }[];
  }
}

/** How often queued mail is looked for besides the kick after each change (messages from the CLI). */
export const MAIL_POLL_MS = 1000;

async function moderation(app: FastifyInstance): Promise<void> {
  const config = app.config;
  const dispatcher = new MailDispatcher(
    app.database.db,
    createTransport({ smtpUrl: config.smtpUrl, dataDir: config.dataDir }),
    { publicUrl: config.publicUrl, from: config.mailFrom, confirmDays: config.confirmDays },
    app.clock,
    (message) => app.log.warn(message),
    (error) => logUnexpected(app.log, error, 'mail dispatch failed', 'warn'),
  );
  app.decorate('mail', dispatcher);
  app.decorate('adminRoutes', []);
  let job: RetentionJob | undefined;
  app.decorate('retention', {
    run: () => job?.run() ?? Promise.resolve(undefined),
    stop: () => job?.stop(),
  });
  app.addHook('onReady', async () => {
    job = startRetentionJob(app.database.db, {
      retentionDays: config.retentionDays,
      confirmDays: config.confirmDays,
      setPasswordHours: config.setPasswordHours,
      intervalMinutes: config.purgeIntervalMinutes,
      clock: app.clock,
      removeOutboxFiles: (files) => removeOutboxFiles(config.dataDir, files, (m) => app.log.warn(m)),
      onError: (error) => logUnexpected(app.log, error, 'retention purge failed', 'warn'),
    });
    await job.run();
    dispatcher.start(MAIL_POLL_MS);
    dispatcher.nudge();
  });
  // A new pledge's confirmation email goes at once, not at the next poll.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'POST' && reply.statusCode === 202 && request.routeOptions.url === '/api/compacts/:compactId/pledges') {
      dispatcher.nudge();
    }
  });
  app.addHook('onClose', async () => {
    job?.stop();
    await dispatcher.stop();
  });

  await app.register(async (scoped) => {
    await scoped.register(cookie);
    await scoped.register(formbody, { bodyLimit: 64 * 1024 });
    await scoped.register(async (admin) => {
      // The admin's forms are urlencoded (and multipart where a file is uploaded, which adds its own
      // reader): their fields are text, or lists of text when sent twice. JSON could send an object
      // whose `toString` is not a function, and a page echoing the form back failed on it (a 500);
      // such a body is a 415 before any handler, CSRF check or session is read.
      admin.removeContentTypeParser(['application/json', 'text/plain']);
      admin.addHook('onRoute', (route) => {
        for (const method of [route.method].flat()) {
          if (method !== 'HEAD') app.adminRoutes.push({ method, url: route.url, access: String((route.config as { access?: string } | undefined)?.access) });
        }
      });
      guardAdmin(admin);
      await admin.register(authRoutes);
      await admin.register(adminRoutes);
      await admin.register(pledgeAdminRoutes);
      await admin.register(signatoryAdminRoutes);
      await admin.register(authoringRoutes);
    });
    await scoped.register(confirmRoutes);
  });
}

(moderation as unknown as Record<symbol, unknown>)[Symbol.for('skip-override')] = true;
(moderation as unknown as Record<symbol, unknown>)[Symbol.for('fastify.display-name')] = 'moderation';

export { moderation };
