/**
 * Consultations: the list, each with its length against the compact's standard; a new one; each
 * one's page, with a check of the length that saves nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LoadedCompact } from '../../../../domain/authoring/document.js';
import { localizedValues, plainText, formText, type Form } from '../../../../domain/authoring/languages.js';
import { consultationChange, postedLength } from '../../../../domain/authoring/sections.js';
import { closesAt, lengthCheck, opensAt } from '../../../../domain/authoring/rules.js';
import { viewsDir } from '../../../view-engine.js';
import { notFoundPage, page } from '../context.js';
import { access, doneMessage, title, type CompactParams, type Editing } from './editing.js';

/** The consultation form's live length check, a script of its own for the admin's CSP. */
const consultationJs = readFileSync(join(viewsDir(), 'admin', 'authoring', 'consultation.js'), 'utf8');

export function consultationRoutes(app: FastifyInstance, { editable, common, save }: Editing): void {
  app.get<CompactParams & { Querystring: { done?: string } }>('/admin/compacts/:compactId/consultations', access, async (request, reply) => {
    const loaded = await editable(request, reply);
    if (!loaded) return reply;
    const zone = loaded.feed.compact.timeZone;
    const consultations = loaded.feed.consultations.map((c) => {
      const length = lengthCheck(c.opensAt, c.closesAt, zone, loaded.feed.compact.consultationWeeks);
      return { id: c.id, title: plainText(c.title, loaded.languages), opens: c.opens, closes: c.closes, length, reason: Boolean(c.shorterBecause) };
    });
    return page(request, reply, 'admin/authoring/consultations.njk', { pageTitle: `Consultations: ${plainText(loaded.document.compact.name, loaded.languages)} – Compact admin`, ...common(loaded), consultations, weeks: loaded.feed.compact.consultationWeeks, done: doneMessage(request.query.done) });
  });

  type ConsultationParams = { Params: { compactId: string; consultationId: string } };

  function consultationValues(loaded: LoadedCompact, id: string | undefined): Record<string, unknown> | undefined {
    if (id === undefined) return { owner: '' };
    const c = ((loaded.document.consultations ?? []) as any[]).find((x) => x.id === id);
    if (!c) return undefined;
    const languages = loaded.languages;
    const isSignatory = loaded.feed.signatories.some((s) => s.id === c.owner);
    return {
      ...localizedValues(c.title, 'title', languages),
      ...localizedValues(c.summary, 'summary', languages),
      ...localizedValues(c.shorterBecause, 'shorterBecause', languages),
      owner: c.owner === undefined ? '' : isSignatory ? c.owner : 'other',
      ownerOther: isSignatory ? '' : (c.owner ?? ''),
      url: c.url ?? '',
      opens: c.opens,
      closes: c.closes,
    };
  }

  function consultationPage(request: FastifyRequest, reply: FastifyReply, loaded: LoadedCompact, id: string | undefined, values: Record<string, unknown>, errors?: Record<string, string>, status = 200) {
    const languages = loaded.languages;
    const zone = loaded.feed.compact.timeZone;
    const length = lengthCheck(opensAt(String(values.opens ?? ''), zone), closesAt(String(values.closes ?? ''), zone), zone, loaded.feed.compact.consultationWeeks);
    const heading = id === undefined ? 'New consultation' : `Consultation: ${plainText(((loaded.document.consultations ?? []) as any[]).find((c) => c.id === id)?.title, languages)}`;
    return page(
      request,
      reply,
      'admin/authoring/consultation.njk',
      {
        pageTitle: title(heading, errors),
        heading,
        ...common(loaded),
        action: `/admin/compacts/${encodeURIComponent(loaded.id)}/consultations/${id === undefined ? 'new' : encodeURIComponent(id)}`,
        values,
        errors,
        length,
        weeks: loaded.feed.compact.consultationWeeks,
        timeZone: zone,
        owners: [
          { value: '', text: 'Not named' },
          ...loaded.feed.signatories.filter((s) => s.sector === 'public').map((s) => ({ value: s.id, text: plainText(s.name, languages), selected: values.owner === s.id })),
          ...loaded.feed.signatories.filter((s) => s.sector !== 'public').map((s) => ({ value: s.id, text: plainText(s.name, languages), selected: values.owner === s.id })),
          { value: 'other', text: 'Another body (type its name)', selected: values.owner === 'other' },
        ],
      },
      status,
    );
  }

  for (const isNew of [true, false]) {
    const url = isNew ? '/admin/compacts/:compactId/consultations/new' : '/admin/compacts/:compactId/consultations/:consultationId';
    const idOf = (request: FastifyRequest<ConsultationParams>) => (isNew ? undefined : request.params.consultationId);

    app.get<ConsultationParams>(url, access, async (request, reply) => {
      const loaded = await editable(request, reply);
      if (!loaded) return reply;
      const values = consultationValues(loaded, idOf(request));
      if (!values) return notFoundPage(request, reply, 'There is no such consultation', { href: `/admin/compacts/${encodeURIComponent(loaded.id)}/consultations`, text: 'Back to the consultations' });
      return consultationPage(request, reply, loaded, idOf(request), values);
    });

    app.post<ConsultationParams>(url, access, async (request, reply) => {
      const loaded = await editable(request, reply);
      if (!loaded) return reply;
      const id = idOf(request);
      if (consultationValues(loaded, id) === undefined) return notFoundPage(request, reply, 'There is no such consultation', { href: `/admin/compacts/${encodeURIComponent(loaded.id)}/consultations`, text: 'Back to the consultations' });
      const form = (request.body ?? {}) as Form;
      // "Check the length" shows the 12-week check for the dates typed, and saves nothing.
      if (formText(form, 'intent') === 'check') {
        const length = postedLength(form, loaded);
        const errors = length ? undefined : { closes: 'Enter an opening and a later closing date to check the length' };
        return consultationPage(request, reply, loaded, id, form, errors, errors ? 422 : 200);
      }
      let savedId = id;
      return save(
        request,
        reply,
        loaded,
        () => {
          const built = consultationChange(form, loaded, id);
          savedId = built.id;
          return built;
        },
        {
          action: id === undefined ? 'consultation.add' : 'consultation.edit',
          subject: { type: 'consultation', id: id ?? 'new' },
          part: (d) => ((d.consultations ?? []) as any[]).find((c) => c.id === savedId) ?? null,
          done: `/admin/compacts/${encodeURIComponent(loaded.id)}/consultations?done=consultation`,
        },
        (errors, status) => consultationPage(request, reply, loaded, id, form, errors, status),
      );
    });
  }

  app.get('/admin/authoring/consultation.js', { config: { access: 'signed-in' } }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(consultationJs));
}
