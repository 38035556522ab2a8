/**
 * The signatories and the action plan as spreadsheets: downloads (CSV and Excel), and uploads that
 * wait, as a preview of what they would change, for the officer to apply them.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deletePendingUpload, findPendingUpload, savePendingUpload } from '../../../../db/authoring.js';
import { hashSecret } from '../../../../domain/secrets.js';
import { StaleEdit, FeedRefused, type LoadedCompact } from '../../../../domain/authoring/document.js';
import { formText, type Form } from '../../../../domain/authoring/languages.js';
import { compactToday } from '../../../../domain/authoring/sections.js';
import { actionSheet, applySheet, pendingUploadsFrom, previewSheet, signatorySheet, type Plan, type SheetKind } from '../../../../domain/authoring/round-trip.js';
import { readUpload, SheetError, toCsv, toXlsx, type Sheet } from '../../../../domain/authoring/sheets.js';
import { actor, page } from '../context.js';
import { access, title, type CompactParams, type Editing } from './editing.js';
import type { UploadedFile } from './multipart.js';

const SHEETS: Record<string, { kind: SheetKind; label: string; file: string }> = {
  signatories: { kind: 'signatories', label: 'signatories', file: 'signatories' },
  'action-plan': { kind: 'actions', label: 'action plan', file: 'action-plan' },
};
const sheetOf = (name: string | undefined) => (name && Object.hasOwn(SHEETS, name) ? SHEETS[name] : undefined);

export function spreadsheetRoutes(app: FastifyInstance, { db, settings, editable, common }: Editing): void {
  for (const [name, sheet] of Object.entries(SHEETS)) {
    for (const format of ['csv', 'xlsx'] as const) {
      app.get<CompactParams>(`/admin/compacts/:compactId/${name}.${format}`, access, async (request, reply) => {
        const loaded = await editable(request, reply);
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

  function uploadPage(request: FastifyRequest, reply: FastifyReply, loaded: LoadedCompact, sheetName: string, errors?: Record<string, string>, status = 200) {
    const sheet = sheetOf(sheetName) ?? SHEETS.signatories;
    return page(request, reply, 'admin/authoring/upload.njk', { pageTitle: title(`Upload the ${sheet.label}`, errors), ...common(loaded), sheet: { name: sheetOf(sheetName) ? sheetName : 'signatories', ...sheet }, errors }, status);
  }

  app.get<CompactParams & UploadQuery>('/admin/compacts/:compactId/upload', access, async (request, reply) => {
    const loaded = await editable(request, reply);
    if (!loaded) return reply;
    return uploadPage(request, reply, loaded, request.query.sheet ?? 'signatories');
  });

  const sessionHash = (request: FastifyRequest) => hashSecret(request.csrfKey ?? '');

  app.post<CompactParams>('/admin/compacts/:compactId/upload', access, async (request, reply) => {
    const loaded = await editable(request, reply);
    if (!loaded) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const sheetName = typeof body.sheet === 'string' ? body.sheet : '';
    const sheet = sheetOf(sheetName);
    if (!sheet) return uploadPage(request, reply, loaded, 'signatories', { sheet: 'Choose which sheet you are uploading' }, 422);
    const file = body.file as UploadedFile | undefined;
    if (!file || typeof file !== 'object' || !Buffer.isBuffer(file.data) || file.data.length === 0) return uploadPage(request, reply, loaded, sheetName, { file: 'Choose the CSV or Excel file to upload' }, 422);
    let read: Sheet;
    try {
      read = await readUpload(file.fileName, file.data);
    } catch (error) {
      if (error instanceof SheetError) return uploadPage(request, reply, loaded, sheetName, { file: error.message }, 422);
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

  function previewPage(request: FastifyRequest, reply: FastifyReply, loaded: LoadedCompact, upload: { id: string; file_name: string; kind: SheetKind }, plan: Plan, stale: boolean, errors?: Record<string, string>, status = 200) {
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
    const loaded = await editable(request, reply);
    if (!loaded) return reply;
    const upload = await pending(request, loaded);
    if (!upload) return uploadGone(request, reply, loaded);
    const preview = (await previewSheet(db, loaded.id, upload.kind, JSON.parse(upload.rows) as Sheet, { settings, clock: app.clock }))!;
    return previewPage(request, reply, loaded, upload, preview.plan, preview.revision !== upload.revision);
  });

  app.post<UploadParams>('/admin/compacts/:compactId/upload/:uploadId', access, async (request, reply) => {
    const loaded = await editable(request, reply);
    if (!loaded) return reply;
    const upload = await pending(request, loaded);
    if (!upload) return uploadGone(request, reply, loaded);
    const sheet = JSON.parse(upload.rows) as Sheet;
    const preview = (await previewSheet(db, loaded.id, upload.kind, sheet, { settings, clock: app.clock }))!;
    if (formText((request.body ?? {}) as Form, 'confirm') !== 'yes') {
      return previewPage(request, reply, loaded, upload, preview.plan, preview.revision !== upload.revision, { confirm: 'Tick the box to confirm that these changes are to be published' }, 422);
    }
    try {
      const plan = await applySheet(db, loaded.id, upload.kind, sheet, upload.revision, actor(request), { settings, clock: app.clock });
      if (plan.problems.length) return previewPage(request, reply, loaded, upload, plan, false, { problems: 'Nothing has been changed: the sheet has problems. Correct them in the file and upload it again.' }, 422);
    } catch (error) {
      if (error instanceof StaleEdit) {
        return previewPage(request, reply, loaded, upload, preview.plan, true, { stale: 'Nothing has been changed: the compact changed after this file was uploaded. Upload the file again to see what it would change now.' }, 409);
      }
      if (error instanceof FeedRefused) return previewPage(request, reply, loaded, upload, { ...preview.plan, problems: error.problems.map((p) => ({ row: 1, column: '', message: `${p.path}: ${p.message}` })) }, false, { problems: 'Nothing has been changed: the feed would not be valid.' }, 422);
      throw error;
    }
    await deletePendingUpload(db, upload.id);
    return reply.redirect(`/admin/compacts/${encodeURIComponent(loaded.id)}?done=${upload.kind === 'signatories' ? 'signatories' : 'actions'}`, 303);
  });
}
