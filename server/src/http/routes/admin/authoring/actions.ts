/**
 * The action plan's aims and actions: the list, with what is overdue, and each action's page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACTION_STATUSES } from 'compact-widgets/feed';
import type { LoadedCompact } from '../../../../domain/authoring/document.js';
import { localizedValues, plainText, textIn, type Form } from '../../../../domain/authoring/languages.js';
import { actionChange, compactToday, findAction } from '../../../../domain/authoring/sections.js';
import { formatDate } from '../../../../i18n/public-messages.js';
import { notFoundPage, page } from '../context.js';
import { access, doneMessage, title, type CompactParams, type Editing } from './editing.js';

export function actionRoutes(app: FastifyInstance, { editable, common, save }: Editing): void {
  app.get<CompactParams & { Querystring: { done?: string } }>('/admin/compacts/:compactId/actions', access, async (request, reply) => {
    const loaded = await editable(request, reply);
    if (!loaded) return reply;
    const languages = loaded.languages;
    const today = compactToday(loaded, app.clock());
    const aims = (loaded.feed.actionPlan?.aims ?? []).map((aim) => ({
      id: aim.id,
      title: plainText(aim.title, languages),
      actions: aim.actions.map((a) => ({ id: a.id, title: plainText(a.title, languages), status: a.status, progress: a.progress, due: a.due, overdue: a.due !== undefined && a.due < today && a.status !== 'complete' && a.status !== 'cancelled' })),
    }));
    return page(request, reply, 'admin/authoring/actions.njk', { pageTitle: `Action plan: ${plainText(loaded.document.compact.name, languages)} – Compact admin`, ...common(loaded), aims, done: doneMessage(request.query.done) });
  });

  type ActionParams = { Params: { compactId: string; actionId: string } };

  function actionValues(loaded: LoadedCompact, actionId: string): Record<string, unknown> | undefined {
    const at = findAction(loaded.document, actionId);
    if (!at) return undefined;
    const action = (loaded.document.actionPlan as any).aims[at.aim].actions[at.action];
    const languages = loaded.languages;
    const leads = action.lead === undefined ? [] : [action.lead].flat();
    const ids = new Set(loaded.feed.signatories.map((s) => s.id));
    return {
      ...localizedValues(action.title, 'title', languages),
      ...localizedValues(action.description, 'description', languages),
      ...localizedValues(action.timescale, 'timescale', languages),
      status: action.status,
      progress: action.progress === undefined ? '' : String(action.progress),
      due: action.due ?? '',
      lead: leads.filter((l: string) => ids.has(l)),
      leadOther: leads.filter((l: string) => !ids.has(l)).join('\n'),
      updateDate: compactToday(loaded, app.clock()),
    };
  }

  function actionPage(request: FastifyRequest, reply: FastifyReply, loaded: LoadedCompact, actionId: string, values: Record<string, unknown>, errors?: Record<string, string>, status = 200) {
    const at = findAction(loaded.document, actionId)!;
    const plan = loaded.document.actionPlan as any;
    const action = plan.aims[at.aim].actions[at.action];
    const languages = loaded.languages;
    const chosen = new Set([values.lead ?? []].flat() as string[]);
    return page(
      request,
      reply,
      'admin/authoring/action.njk',
      {
        pageTitle: title(`Action: ${plainText(action.title, languages)}`, errors),
        ...common(loaded),
        actionId,
        actionTitle: plainText(action.title, languages),
        aimTitle: plainText(plan.aims[at.aim].title, languages),
        values,
        errors,
        statuses: ACTION_STATUSES.map((s) => ({ value: s, text: s.replace('-', ' ').replace(/^./, (c) => c.toUpperCase()), checked: values.status === s })),
        signatories: loaded.feed.signatories.map((s) => ({ value: s.id, text: plainText(s.name, languages), checked: chosen.has(s.id) })),
        updates: ((action.updates ?? []) as any[])
          .map((u) => ({ date: formatDate(u.date, 'en'), texts: languages.map((lang) => ({ lang, text: textIn(u.text, lang, languages) })).filter((t) => t.text) }))
          .reverse(),
      },
      status,
    );
  }

  app.get<ActionParams>('/admin/compacts/:compactId/actions/:actionId', access, async (request, reply) => {
    const loaded = await editable(request, reply);
    if (!loaded) return reply;
    const values = actionValues(loaded, request.params.actionId);
    if (!values) return notFoundPage(request, reply, 'There is no such action', { href: `/admin/compacts/${encodeURIComponent(loaded.id)}/actions`, text: 'Back to the action plan' });
    return actionPage(request, reply, loaded, request.params.actionId, values);
  });

  app.post<ActionParams>('/admin/compacts/:compactId/actions/:actionId', access, async (request, reply) => {
    const loaded = await editable(request, reply);
    if (!loaded) return reply;
    const { actionId } = request.params;
    if (!findAction(loaded.document, actionId)) return notFoundPage(request, reply, 'There is no such action', { href: `/admin/compacts/${encodeURIComponent(loaded.id)}/actions`, text: 'Back to the action plan' });
    const form = (request.body ?? {}) as Form;
    return save(
      request,
      reply,
      loaded,
      () => actionChange(form, loaded, actionId, app.clock()),
      {
        action: 'action.edit',
        subject: { type: 'action', id: actionId },
        part: (d) => {
          const at = findAction(d, actionId);
          return at ? (d.actionPlan as any).aims[at.aim].actions[at.action] : null;
        },
        done: `/admin/compacts/${encodeURIComponent(loaded.id)}/actions?done=action`,
      },
      (errors, status) => actionPage(request, reply, loaded, actionId, form, errors, status),
    );
  });
}
