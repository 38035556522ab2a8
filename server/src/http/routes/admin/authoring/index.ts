/**
 * Authoring (issue 12) in the admin: an editor (or admin) of a compact edits its text, principles
 * and commitments, its actions and its consultations; downloads and uploads its signatories and
 * action plan as spreadsheets (preview first, then apply); and prints its annual review.
 *
 * Every route declares `access: 'signatories'` (any role; the admin's guard sends nobody to sign in)
 * and then checks here that the user is an editor or admin of *that* compact: a moderator, or an
 * editor of another compact, is refused with 403; a compact that does not exist is 404.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACTION_STATUSES } from 'compact-widgets/feed';
import type { Role } from '../../../../db/tables.js';
import { findCompact, listCompacts } from '../../../../db/compacts.js';
import { deletePendingUpload, findPendingUpload, savePendingUpload } from '../../../../db/authoring.js';
import { hashSecret } from '../../../../domain/secrets.js';
import { loadCompact, saveDocument, StaleEdit, FeedRefused, type LoadedCompact, type Base } from '../../../../domain/authoring/document.js';
import { languageName, localizedValues, plainText, textIn, formText, type Form } from '../../../../domain/authoring/languages.js';
import {
  actionChange,
  compactTextChange,
  consultationChange,
  compactToday,
  FieldErrors,
  findAction,
  postedLength,
  problemErrors,
  type ProblemMapper,
} from '../../../../domain/authoring/sections.js';
import { closesAt, lengthCheck, opensAt } from '../../../../domain/authoring/rules.js';
import { actionSheet, applySheet, pendingUploadsFrom, previewSheet, signatorySheet, type Plan, type SheetKind } from '../../../../domain/authoring/round-trip.js';
import { MAX_UPLOAD_BYTES, readUpload, SheetError, toCsv, toXlsx, type Sheet } from '../../../../domain/authoring/sheets.js';
import { annualReport, formatDate, PeriodError, readPeriod } from '../../../../domain/authoring/report.js';
import { viewsDir } from '../../../view-engine.js';
import { actor, inScope, page } from '../context.js';
import { acceptMultipart, type UploadedFile } from './multipart.js';

const EDIT_ROLES: Role[] = ['admin', 'editor'];
const access = { config: { access: 'signatories' as const } };

type CompactParams = { Params: { compactId: string } };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route types its own params
type Req = FastifyRequest<any>;

const SHEETS: Record<string, { kind: SheetKind; label: string; file: string }> = {
  signatories: { kind: 'signatories', label: 'signatories', file: 'signatories' },
  'action-plan': { kind: 'actions', label: 'action plan', file: 'action-plan' },
};
const sheetOf = (name: string | undefined) => (name && Object.hasOwn(SHEETS, name) ? SHEETS[name] : undefined);

const reportCss = readFileSync(join(viewsDir(), 'admin', 'authoring', 'report.css'), 'utf8');
const consultationJs = readFileSync(join(viewsDir(), 'admin', 'authoring', 'consultation.js'), 'utf8');

export async function authoringRoutes(app: FastifyInstance): Promise<void> {
  const db = app.database.db;
  const settings = { publicUrl: app.config.publicUrl, privacyNoticeUrl: app.config.privacyNoticeUrl };
  acceptMultipart(app, MAX_UPLOAD_BYTES + 256 * 1024);

  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    page(request, reply, 'admin/message.njk', { pageTitle: 'Not found – Compact admin', heading: 'There is no such compact', link: { href: '/admin/compacts', text: 'Back to the compacts' } }, 404);

  /** The compact, if it exists and the user edits it; otherwise the refusal has been sent. */
  async function editable(request: Req, reply: FastifyReply): Promise<LoadedCompact | undefined> {
    const compactId = String((request.params as { compactId?: string }).compactId ?? "");
    if (!(await findCompact(db, compactId))) {
      await notFound(request, reply);
      return undefined;
    }
    if (!inScope(request, EDIT_ROLES, compactId)) {
      await page(request, reply, 'admin/message.njk', { pageTitle: 'Not allowed – Compact admin', heading: 'You cannot edit this compact', text: 'Editing needs the editor or admin role on this compact. Ask an administrator if you need it.' }, 403);
      return undefined;
    }
    return loadCompact(db, compactId, settings);
  }

  const common = (loaded: LoadedCompact) => ({
    compactId: loaded.id,
    compactName: plainText(loaded.document.compact.name, loaded.languages),
    languages: loaded.languages.map((lang) => ({ lang, name: languageName(lang) })),
    bilingual: loaded.languages.length > 1,
    base: loaded.base,
  });

  const baseOf = (form: Form): Base => ({ revision: Number(formText(form, 'revision')), hash: formText(form, 'documentHash') });

  /** Saves a section, or answers with the form again and why not. */
  async function save(
    request: Req,
    reply: FastifyReply,
    loaded: LoadedCompact,
    build: () => { change: Parameters<typeof saveDocument>[3]; map: ProblemMapper },
    options: { action: string; subject: { type: string; id: string }; part: Parameters<typeof saveDocument>[4]['part']; done: string },
    again: (errors: Record<string, string>, status: number) => Promise<unknown>,
  ) {
    let map: ProblemMapper = () => undefined;
    try {
      const built = build();
      map = built.map;
      await saveDocument(db, loaded.id, baseOf(request.body as Form), built.change, { settings, actor: actor(request), clock: app.clock, ...options });
    } catch (error) {
      if (error instanceof FieldErrors) return again(error.errors, 422);
      if (error instanceof FeedRefused) return again(problemErrors(error.problems, map), 422);
      if (error instanceof StaleEdit) return again({ stale: error.message }, 409);
      throw error;
    }
    return reply.redirect(options.done, 303);
  }

  const title = (text: string, errors?: object) => `${errors && Object.keys(errors).length ? 'Error: ' : ''}${text} – Compact admin`;

  // The compacts the user edits -------------------------------------------------------------------

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
    const loaded = await editable(request as Req, reply);
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

  function textPage(request: Req, reply: FastifyReply, loaded: LoadedCompact, values: Record<string, unknown>, errors?: Record<string, string>, status = 200) {
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
    const loaded = await editable(request as Req, reply);
    if (!loaded) return reply;
    return textPage(request as Req, reply, loaded, textValues(loaded));
  });

  app.post<CompactParams>('/admin/compacts/:compactId/text', access, async (request, reply) => {
    const loaded = await editable(request as Req, reply);
    if (!loaded) return reply;
    const form = (request.body ?? {}) as Form;
    return save(
      request as Req,
      reply,
      loaded,
      () => compactTextChange(form, loaded),
      { action: 'compact.edit', subject: { type: 'compact', id: loaded.id }, part: (d) => d.compact, done: `/admin/compacts/${encodeURIComponent(loaded.id)}?done=text` },
      (errors, status) => textPage(request as Req, reply, loaded, form, errors, status),
    );
  });

  // Aims and actions --------------------------------------------------------------------------------

  app.get<CompactParams & { Querystring: { done?: string } }>('/admin/compacts/:compactId/actions', access, async (request, reply) => {
    const loaded = await editable(request as Req, reply);
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

  function actionPage(request: Req, reply: FastifyReply, loaded: LoadedCompact, actionId: string, values: Record<string, unknown>, errors?: Record<string, string>, status = 200) {
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
          .map((u) => ({ date: formatDate(u.date), texts: languages.map((lang) => ({ lang, text: textIn(u.text, lang, languages) })).filter((t) => t.text) }))
          .reverse(),
      },
      status,
    );
  }

  app.get<ActionParams>('/admin/compacts/:compactId/actions/:actionId', access, async (request, reply) => {
    const loaded = await editable(request as Req, reply);
    if (!loaded) return reply;
    const values = actionValues(loaded, request.params.actionId);
    if (!values) return page(request, reply, 'admin/message.njk', { pageTitle: 'Not found – Compact admin', heading: 'There is no such action', link: { href: `/admin/compacts/${encodeURIComponent(loaded.id)}/actions`, text: 'Back to the action plan' } }, 404);
    return actionPage(request as Req, reply, loaded, request.params.actionId, values);
  });

  app.post<ActionParams>('/admin/compacts/:compactId/actions/:actionId', access, async (request, reply) => {
    const loaded = await editable(request as Req, reply);
    if (!loaded) return reply;
    const { actionId } = request.params;
    if (!findAction(loaded.document, actionId)) return page(request, reply, 'admin/message.njk', { pageTitle: 'Not found – Compact admin', heading: 'There is no such action' }, 404);
    const form = (request.body ?? {}) as Form;
    return save(
      request as Req,
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
      (errors, status) => actionPage(request as Req, reply, loaded, actionId, form, errors, status),
    );
  });

  // Consultations ------------------------------------------------------------------------------------

  app.get<CompactParams & { Querystring: { done?: string } }>('/admin/compacts/:compactId/consultations', access, async (request, reply) => {
    const loaded = await editable(request as Req, reply);
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

  function consultationPage(request: Req, reply: FastifyReply, loaded: LoadedCompact, id: string | undefined, values: Record<string, unknown>, errors?: Record<string, string>, status = 200) {
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
      const loaded = await editable(request as Req, reply);
      if (!loaded) return reply;
      const values = consultationValues(loaded, idOf(request));
      if (!values) return page(request, reply, 'admin/message.njk', { pageTitle: 'Not found – Compact admin', heading: 'There is no such consultation' }, 404);
      return consultationPage(request as Req, reply, loaded, idOf(request), values);
    });

    app.post<ConsultationParams>(url, access, async (request, reply) => {
      const loaded = await editable(request as Req, reply);
      if (!loaded) return reply;
      const id = idOf(request);
      if (consultationValues(loaded, id) === undefined) return page(request, reply, 'admin/message.njk', { pageTitle: 'Not found – Compact admin', heading: 'There is no such consultation' }, 404);
      const form = (request.body ?? {}) as Form;
      // "Check the length" shows the 12-week check for the dates typed, and saves nothing.
      if (formText(form, 'intent') === 'check') {
        const length = postedLength(form, loaded);
        const errors = length ? undefined : { closes: 'Enter an opening and a later closing date to check the length' };
        return consultationPage(request as Req, reply, loaded, id, form, errors, errors ? 422 : 200);
      }
      let savedId = id;
      return save(
        request as Req,
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
        (errors, status) => consultationPage(request as Req, reply, loaded, id, form, errors, status),
      );
    });
  }

  // Spreadsheets ---------------------------------------------------------------------------------------

  for (const [name, sheet] of Object.entries(SHEETS)) {
    for (const format of ['csv', 'xlsx'] as const) {
      app.get<CompactParams>(`/admin/compacts/:compactId/${name}.${format}`, access, async (request, reply) => {
        const loaded = await editable(request as Req, reply);
        if (!loaded) return reply;
        const { headers, rows } = sheet.kind === 'signatories' ? signatorySheet(loaded) : actionSheet(loaded);
        const file = `${loaded.id}-${sheet.file}-${compactToday(loaded, app.clock())}.${format}`;
        reply.header('Content-Disposition', `attachment; filename="${file.replace(/[^\w.-]/g, '_')}"`);
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(headers, rows));
        return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(sheet.label, headers, rows));
      });
    }
  }

  type UploadQuery = { Querystring: { sheet?: string } };

  function uploadPage(request: Req, reply: FastifyReply, loaded: LoadedCompact, sheetName: string, errors?: Record<string, string>, status = 200) {
    const sheet = sheetOf(sheetName) ?? SHEETS.signatories;
    return page(request, reply, 'admin/authoring/upload.njk', { pageTitle: title(`Upload the ${sheet.label}`, errors), ...common(loaded), sheet: { name: sheetOf(sheetName) ? sheetName : 'signatories', ...sheet }, errors }, status);
  }

  app.get<CompactParams & UploadQuery>('/admin/compacts/:compactId/upload', access, async (request, reply) => {
    const loaded = await editable(request as Req, reply);
    if (!loaded) return reply;
    return uploadPage(request as Req, reply, loaded, request.query.sheet ?? 'signatories');
  });

  const sessionHash = (request: FastifyRequest) => hashSecret(request.csrfKey ?? '');

  app.post<CompactParams>('/admin/compacts/:compactId/upload', access, async (request, reply) => {
    const loaded = await editable(request as Req, reply);
    if (!loaded) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const sheetName = typeof body.sheet === 'string' ? body.sheet : '';
    const sheet = sheetOf(sheetName);
    if (!sheet) return uploadPage(request as Req, reply, loaded, 'signatories', { sheet: 'Choose which sheet you are uploading' }, 422);
    const file = body.file as UploadedFile | undefined;
    if (!file || typeof file !== 'object' || !Buffer.isBuffer(file.data) || file.data.length === 0) return uploadPage(request as Req, reply, loaded, sheetName, { file: 'Choose the CSV or Excel file to upload' }, 422);
    let read: Sheet;
    try {
      read = await readUpload(file.fileName, file.data);
    } catch (error) {
      if (error instanceof SheetError) return uploadPage(request as Req, reply, loaded, sheetName, { file: error.message }, 422);
      throw error;
    }
    const now = app.clock();
    const id = randomUUID();
    await savePendingUpload(
      db,
      { id, session_hash: sessionHash(request), compact_id: loaded.id, kind: sheet.kind, revision: loaded.base.revision, file_name: file.fileName, rows: JSON.stringify(read), created_at: now.toISOString() },
      pendingUploadsFrom(now),
    );
    return reply.redirect(`/admin/compacts/${encodeURIComponent(loaded.id)}/upload/${id}`, 303);
  });

  type UploadParams = { Params: { compactId: string; uploadId: string } };

  async function pending(request: FastifyRequest<UploadParams>, loaded: LoadedCompact) {
    const row = await findPendingUpload(db, request.params.uploadId, sessionHash(request), loaded.id);
    if (!row || row.created_at < pendingUploadsFrom(app.clock())) return undefined;
    return row;
  }

  /**
   * An upload that is not waiting: applied already, replaced, too old, made in a session that has
   * ended (the retention run deletes those), or another session's. The same words for each, at the
   * preview and at "Apply", so the officer knows what to do whichever it was.
   */
  function uploadGone(request: FastifyRequest, reply: FastifyReply, loaded: LoadedCompact) {
    return page(
      request,
      reply,
      'admin/message.njk',
      {
        pageTitle: 'Upload not found – Compact admin',
        heading: 'This upload is no longer waiting',
        text: 'An upload waits an hour for you to apply it, and only until you sign out. Nothing has been changed. Upload the file again.',
        link: { href: `/admin/compacts/${encodeURIComponent(loaded.id)}/upload`, text: 'Upload a file' },
      },
      404,
    );
  }

  function previewPage(request: Req, reply: FastifyReply, loaded: LoadedCompact, upload: { id: string; file_name: string; kind: SheetKind }, plan: Plan, stale: boolean, errors?: Record<string, string>, status = 200) {
    const sheetName = upload.kind === 'signatories' ? 'signatories' : 'action-plan';
    return page(
      request,
      reply,
      'admin/authoring/preview.njk',
      {
        // A sheet with problems is a page with errors: its own error summary lists them.
        pageTitle: title(`Check the changes: ${upload.file_name}`, errors ?? (plan.problems.length ? plan.problems : undefined)),
        ...common(loaded),
        upload,
        sheet: { name: sheetName, ...SHEETS[sheetName] },
        plan,
        stale,
        nothing: !plan.added.length && !plan.changed.length && !plan.removed.length,
        errors,
      },
      status,
    );
  }

  app.get<UploadParams>('/admin/compacts/:compactId/upload/:uploadId', access, async (request, reply) => {
    const loaded = await editable(request as Req, reply);
    if (!loaded) return reply;
    const upload = await pending(request, loaded);
    if (!upload) return uploadGone(request, reply, loaded);
    const preview = (await previewSheet(db, loaded.id, upload.kind, JSON.parse(upload.rows) as Sheet, { settings, clock: app.clock }))!;
    return previewPage(request as Req, reply, loaded, upload, preview.plan, preview.revision !== upload.revision);
  });

  app.post<UploadParams>('/admin/compacts/:compactId/upload/:uploadId', access, async (request, reply) => {
    const loaded = await editable(request as Req, reply);
    if (!loaded) return reply;
    const upload = await pending(request, loaded);
    if (!upload) return uploadGone(request, reply, loaded);
    const sheet = JSON.parse(upload.rows) as Sheet;
    const preview = (await previewSheet(db, loaded.id, upload.kind, sheet, { settings, clock: app.clock }))!;
    if (formText((request.body ?? {}) as Form, 'confirm') !== 'yes') {
      return previewPage(request as Req, reply, loaded, upload, preview.plan, preview.revision !== upload.revision, { confirm: 'Tick the box to confirm that these changes are to be published' }, 422);
    }
    try {
      const plan = await applySheet(db, loaded.id, upload.kind, sheet, upload.revision, actor(request), { settings, clock: app.clock });
      if (plan.problems.length) return previewPage(request as Req, reply, loaded, upload, plan, false, { problems: 'Nothing has been changed: the sheet has problems. Correct them in the file and upload it again.' }, 422);
    } catch (error) {
      if (error instanceof StaleEdit) {
        return previewPage(request as Req, reply, loaded, upload, preview.plan, true, { stale: 'Nothing has been changed: the compact changed after this file was uploaded. Upload the file again to see what it would change now.' }, 409);
      }
      if (error instanceof FeedRefused) return previewPage(request as Req, reply, loaded, upload, { ...preview.plan, problems: error.problems.map((p) => ({ row: 1, column: '', message: `${p.path}: ${p.message}` })) }, false, { problems: 'Nothing has been changed: the feed would not be valid.' }, 422);
      throw error;
    }
    await deletePendingUpload(db, upload.id);
    return reply.redirect(`/admin/compacts/${encodeURIComponent(loaded.id)}?done=${upload.kind === 'signatories' ? 'signatories' : 'actions'}`, 303);
  });

  // The annual review --------------------------------------------------------------------------------

  app.get<CompactParams & { Querystring: { from?: string; to?: string } }>('/admin/compacts/:compactId/report', access, async (request, reply) => {
    const loaded = await editable(request as Req, reply);
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
      formatDate,
    });
  });

  app.get('/admin/authoring/report.css', { config: { access: 'signed-in' } }, async (_request, reply) => reply.type('text/css; charset=utf-8').send(reportCss));
  app.get('/admin/authoring/consultation.js', { config: { access: 'signed-in' } }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(consultationJs));
}

function doneMessage(done: string | undefined): string | undefined {
  const messages: Record<string, string> = {
    text: 'The compact’s text has been saved and published.',
    action: 'The action has been saved and published.',
    consultation: 'The consultation has been saved and published.',
    signatories: 'The signatories sheet has been applied and published.',
    actions: 'The action plan sheet has been applied and published.',
  };
  return done && Object.hasOwn(messages, done) ? messages[done] : undefined;
}
