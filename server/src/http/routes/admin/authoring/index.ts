/**
 * Authoring (issue 12) in the admin: an editor (or admin) of a compact edits its text, principles
 * and commitments, its actions and its consultations; downloads and uploads its signatories and
 * action plan as spreadsheets (preview first, then apply); and prints its annual review.
 *
 * Every route declares `access: 'signatories'` (any role; the admin's guard sends nobody to sign in)
 * and then `editable` (editing.ts) checks that the user is an editor or admin of *that* compact: a
 * moderator, or an editor of another compact, is refused with 403; a compact that does not exist is
 * 404. One file per part of the compact; they share editing.ts.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_UPLOAD_BYTES } from '../../../../domain/authoring/sheets.js';
import { acceptMultipart } from './multipart.js';
import { editing } from './editing.js';
import { compactTextRoutes } from './compact-text.js';
import { actionRoutes } from './actions.js';
import { consultationRoutes } from './consultations.js';
import { spreadsheetRoutes } from './spreadsheets.js';
import { reportRoutes } from './report.js';

export async function authoringRoutes(app: FastifyInstance): Promise<void> {
  acceptMultipart(app, MAX_UPLOAD_BYTES + 256 * 1024);
  const kit = editing(app);
  compactTextRoutes(app, kit);
  actionRoutes(app, kit);
  consultationRoutes(app, kit);
  spreadsheetRoutes(app, kit);
  reportRoutes(app, kit);
}
