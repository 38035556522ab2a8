/**
 * What every authoring page shares: who may edit a compact (an editor or admin of *that* compact;
 * anyone else is refused with 403, a compact that does not exist is 404), the fields every page
 * shows, and saving a section with the form shown again, and why, when it cannot be saved.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../../../db/tables.js';
import { findCompact } from '../../../../db/compacts.js';
import { loadCompact, saveDocument, StaleEdit, FeedRefused, type LoadedCompact, type Base } from '../../../../domain/authoring/document.js';
import { languageName, plainText, formText, type Form } from '../../../../domain/authoring/languages.js';
import { FieldErrors, problemErrors, type ProblemMapper } from '../../../../domain/authoring/sections.js';
import { actor, inScope, notFoundPage, page } from '../context.js';

export const EDIT_ROLES: Role[] = ['admin', 'editor'];
/** Any role (the admin's guard sends nobody to sign in); `editable` then checks the compact's. */
export const access = { config: { access: 'signatories' as const } };

export type CompactParams = { Params: { compactId: string } };

export const title = (text: string, errors?: object) => `${errors && Object.keys(errors).length ? 'Error: ' : ''}${text} – Compact admin`;

export type Editing = ReturnType<typeof editing>;

export function editing(app: FastifyInstance) {
  const db = app.database.db;
  const settings = { publicUrl: app.config.publicUrl, privacyNoticeUrl: app.config.privacyNoticeUrl };

  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    notFoundPage(request, reply, 'There is no such compact', { href: '/admin/compacts', text: 'Back to the compacts' });

  /** The compact, if it exists and the user edits it; otherwise the refusal has been sent. */
  async function editable(request: FastifyRequest, reply: FastifyReply): Promise<LoadedCompact | undefined> {
    // Every authoring route's address names the compact (CompactParams).
    const compactId = String((request.params as { compactId?: string }).compactId ?? '');
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
    request: FastifyRequest,
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

  return { db, settings, editable, common, save };
}

export function doneMessage(done: string | undefined): string | undefined {
  const messages: Record<string, string> = {
    text: 'The compact’s text has been saved and published.',
    action: 'The action has been saved and published.',
    consultation: 'The consultation has been saved and published.',
    signatories: 'The signatories sheet has been applied and published.',
    actions: 'The action plan sheet has been applied and published.',
  };
  return done && Object.hasOwn(messages, done) ? messages[done] : undefined;
}
