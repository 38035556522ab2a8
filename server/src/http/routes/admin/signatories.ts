/** Signatories: edit what is published, withdraw (the organisation leaves the compact), with history. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DecisionError } from '../../../domain/pledges.js';
import { editSignatory, EditError, reinstateSignatory, signatoriesOf, signatoryWithHistory, withdrawSignatory } from '../../../domain/moderation.js';
import { listCompacts } from '../../../domain/compacts.js';
import { formLocalized, languageName, localizedValues, type Form } from '../../../domain/authoring/languages.js';
import { ACCESS_ROLES, actor, field, inScope, notFoundPage, page, scope } from './context.js';

type Params = { Params: { compactId: string; id: string }; Querystring: { done?: string } };

export async function signatoryAdminRoutes(app: FastifyInstance): Promise<void> {
  const roles = ACCESS_ROLES.signatories;

  app.get('/admin/signatories', { config: { access: 'signatories' } }, async (request, reply) => {
    const compacts = scope(request, roles) ?? (await listCompacts(app.database.db)).map((c) => c.id);
    const signatories = await signatoriesOf(app.database.db, compacts);
    return page(request, reply, 'admin/signatories.njk', {
      pageTitle: 'Signatories – Compact admin',
      groups: compacts.map((id) => ({ id, signatories: signatories.filter((s) => s.compactId === id) })),
    });
  });

  async function show(request: FastifyRequest<Params>, reply: FastifyReply, extra: Record<string, unknown> = {}, status = 200) {
    const { compactId, id } = request.params;
    const signatory = inScope(request, roles, compactId) ? await signatoryWithHistory(app.database.db, compactId, id) : undefined;
    if (!signatory) return notFoundPage(request, reply, 'There is no such signatory', { href: '/admin/signatories', text: 'Back to the signatories' });
    const data = signatory.data as { name?: unknown; url?: string; pledge?: unknown; champion?: { name?: string; role?: string } };
    return page(
      request,
      reply,
      'admin/signatory.njk',
      {
        pageTitle: `${extra.errors ? 'Error: ' : ''}${signatory.name} – Compact admin`,
        s: signatory,
        languages: signatory.languages.map((lang) => ({ lang, name: languageName(lang) })),
        values: {
          ...localizedValues(data.name, 'name', signatory.languages),
          ...localizedValues(data.pledge, 'pledge', signatory.languages),
          url: data.url ?? '',
          championName: data.champion?.name ?? '', championRole: data.champion?.role ?? '',
          published: signatory.published,
        },
        history: signatory.history.map((h) => ({ ...h, before: h.before ? JSON.stringify(JSON.parse(h.before), null, 1) : '', after: JSON.stringify(JSON.parse(h.after), null, 1) })),
        done: request.query?.done === 'saved' ? 'Changes saved and published.' : request.query?.done === 'withdrawn' ? 'Signatory withdrawn: it is no longer in the feed.' : request.query?.done === 'reinstated' ? 'Signatory reinstated.' : undefined,
        ...extra,
      },
      status,
    );
  }

  app.get<Params>('/admin/signatories/:compactId/:id', { config: { access: 'signatories' } }, (request, reply) => show(request, reply));

  const change = (path: string, done: string, act: (request: FastifyRequest<Params>) => Promise<void>) =>
    app.post<Params>(`/admin/signatories/:compactId/:id${path}`, { config: { access: 'signatories' } }, async (request, reply) => {
      const { compactId, id } = request.params;
      if (!inScope(request, roles, compactId)) return show(request, reply);
      try {
        await act(request);
      } catch (error) {
        if (error instanceof EditError) return show(request, reply, { errors: { [error.field]: error.message }, values: { ...(request.body as object), published: field(request.body, 'published') === 'yes' } }, 422);
        if (error instanceof DecisionError) return show(request, reply, { errors: { status: error.message } }, 422);
        throw error;
      }
      return reply.redirect(`/admin/signatories/${encodeURIComponent(compactId)}/${encodeURIComponent(id)}?done=${done}`, 303);
    });

  change('', 'saved', async (request) => {
    const { compactId, id } = request.params;
    const current = await signatoryWithHistory(app.database.db, compactId, id);
    if (!current) throw new DecisionError('No such signatory');
    const form = (request.body ?? {}) as Form;
    const { languages } = current;
    await editSignatory(
      app.database.db,
      compactId,
      id,
      {
        languages,
        name: formLocalized(form, 'name', languages),
        url: field(request.body, 'url'),
        pledge: formLocalized(form, 'pledge', languages),
        championName: field(request.body, 'championName'),
        championRole: field(request.body, 'championRole'),
        published: field(request.body, 'published') === 'yes',
      },
      actor(request),
      app.clock,
    );
  });
  change('/withdraw', 'withdrawn', (request) => withdrawSignatory(app.database.db, request.params.compactId, request.params.id, actor(request), app.clock));
  change('/reinstate', 'reinstated', (request) => reinstateSignatory(app.database.db, request.params.compactId, request.params.id, actor(request), app.clock));
}
