/**
 * The compacts an editor edits, a compact's own page, and its text, principles and commitments.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listCompacts } from '../../../../db/compacts.js';
import { loadCompact, type LoadedCompact } from '../../../../domain/authoring/document.js';
import { localizedValues, plainText, type Form } from '../../../../domain/authoring/languages.js';
import { compactTextChange } from '../../../../domain/authoring/sections.js';
import { inScope, page } from '../context.js';
import { access, doneMessage, EDIT_ROLES, title, type CompactParams, type Editing } from './editing.js';

export function compactTextRoutes(app: FastifyInstance, { db, settings, editable, common, save }: Editing): void {
  app.get('/admin/compacts', access, async (request, reply) => {
    const compacts = (await listCompacts(db)).filter((c) => inScope(request, EDIT_ROLES, c.id));
    const named = [];
    for (const c of compacts) {
      const loaded = await loadCompact(db, c.id, settings);
      if (loaded) named.push({ id: c.id, name: plainText(loaded.document.compact.name, loaded.languages) });
    }
    return page(request, reply, 'admin/authoring/compacts.njk', { pageTitle: 'Compacts – Compact admin', compacts: named });
  });

  app.get<CompactParams & { Querystring: { done?: string } }>('/admin/compacts/:compactId', access, async (request, reply) => {
    const loaded = await editable(request, reply);
    if (!loaded) return reply;
    const aims = ((loaded.document.actionPlan as { aims?: unknown[] } | undefined)?.aims ?? []).length;
    return page(request, reply, 'admin/authoring/compact.njk', {
      pageTitle: `${plainText(loaded.document.compact.name, loaded.languages)} – Compact admin`,
      ...common(loaded),
      counts: { signatories: loaded.feed.signatories.length, aims, consultations: loaded.feed.consultations.length },
      done: doneMessage(request.query.done),
    });
  });

  // The compact's text, principles and commitments -----------------------------------------------

  function textValues(loaded: LoadedCompact): Record<string, string> {
    const c = loaded.document.compact as Record<string, any>;
    const languages = loaded.languages;
    const values: Record<string, string> = {
      ...localizedValues(c.name, 'name', languages),
      ...localizedValues(c.area, 'area', languages),
      ...localizedValues(c.summary, 'summary', languages),
      url: c.url ?? '',
      document: c.document ?? '',
      adopted: c.adopted ?? '',
      reviewDue: c.reviewDue ?? '',
      consultationWeeks: c.consultationWeeks === undefined ? '' : String(c.consultationWeeks),
    };
    ((c.principles ?? []) as any[]).forEach((p, i) => Object.assign(values, localizedValues(p.title, `principle-${i}-title`, languages), localizedValues(p.text, `principle-${i}-text`, languages)));
    ((c.commitments ?? []) as any[]).forEach((p, i) => Object.assign(values, localizedValues(p.text, `commitment-${i}-text`, languages), { [`commitment-${i}-by`]: p.by }));
    return values;
  }

  function textPage(request: FastifyRequest, reply: FastifyReply, loaded: LoadedCompact, values: Record<string, unknown>, errors?: Record<string, string>, status = 200) {
    const c = loaded.document.compact as Record<string, any>;
    const principles = ((c.principles ?? []) as any[]).map((p, i) => ({ index: i, id: p.id }));
    const commitments = ((c.commitments ?? []) as any[]).map((p, i) => ({ index: i, id: p.id }));
    return page(
      request,
      reply,
      'admin/authoring/text.njk',
      {
        pageTitle: title(`The compact’s text: ${plainText(c.name, loaded.languages)}`, errors),
        ...common(loaded),
        values,
        errors,
        principles: [...principles, { index: principles.length, id: '', isNew: true }],
        commitments: [...commitments, { index: commitments.length, id: '', isNew: true }],
        parties: [
          { value: 'public', text: 'Public sector' },
          { value: 'voluntary', text: 'Voluntary and community sector' },
          { value: 'joint', text: 'Both (joint)' },
        ],
      },
      status,
    );
  }

  app.get<CompactParams>('/admin/compacts/:compactId/text', access, async (request, reply) => {
    const loaded = await editable(request, reply);
    if (!loaded) return reply;
    return textPage(request, reply, loaded, textValues(loaded));
  });

  app.post<CompactParams>('/admin/compacts/:compactId/text', access, async (request, reply) => {
    const loaded = await editable(request, reply);
    if (!loaded) return reply;
    const form = (request.body ?? {}) as Form;
    return save(
      request,
      reply,
      loaded,
      () => compactTextChange(form, loaded),
      { action: 'compact.edit', subject: { type: 'compact', id: loaded.id }, part: (d) => d.compact, done: `/admin/compacts/${encodeURIComponent(loaded.id)}?done=text` },
      (errors, status) => textPage(request, reply, loaded, form, errors, status),
    );
  });
}
