/**
 * The annual review of a period, for printing, with its stylesheet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { compactToday } from '../../../../domain/authoring/sections.js';
import { annualReport, PeriodError, readPeriod } from '../../../../domain/authoring/report.js';
import { formatDate } from '../../../../i18n/public-messages.js';
import { viewsDir } from '../../../view-engine.js';
import { page } from '../context.js';
import { access, title, type CompactParams, type Editing } from './editing.js';

const reportCss = readFileSync(join(viewsDir(), 'admin', 'authoring', 'report.css'), 'utf8');

export function reportRoutes(app: FastifyInstance, { db, settings, editable, common }: Editing): void {
  app.get<CompactParams & { Querystring: { from?: string; to?: string } }>('/admin/compacts/:compactId/report', access, async (request, reply) => {
    const loaded = await editable(request, reply);
    if (!loaded) return reply;
    const now = app.clock();
    let period;
    try {
      period = readPeriod(request.query, compactToday(loaded, now));
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error;
      return page(request, reply, 'admin/authoring/report.njk', { pageTitle: title('Annual review', { x: 1 }), ...common(loaded), errors: { [error.field]: error.message }, values: request.query }, 422);
    }
    const report = (await annualReport(db, loaded.id, period, settings, now))!;
    return page(request, reply, 'admin/authoring/report.njk', {
      pageTitle: `Annual review ${period.from} to ${period.to}: ${report.name.text} – Compact admin`,
      ...common(loaded),
      report,
      values: period,
      // The admin is in English.
      formatDate: (date: string) => formatDate(date, 'en'),
    });
  });


  app.get('/admin/authoring/report.css', { config: { access: 'signed-in' } }, async (_request, reply) => reply.type('text/css; charset=utf-8').send(reportCss));
}
