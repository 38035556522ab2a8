/** The review queue: a moderator sees only the pledges of the compacts they moderate. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { approvePledge, DecisionError, rejectPledge } from '../../../domain/pledges.js';
import { askForInformation, QUEUE_STATUSES, resendConfirmation, reviewDetails, reviewQueue } from '../../../domain/moderation.js';
import type { Decision } from '../../../domain/decisions.js';
import { expiryOf } from '../../../domain/retention.js';
import { REJECT_REASON_CODES, REJECT_REASONS, type RejectReason } from '../../../i18n/mail-messages.js';
import { ACCESS_ROLES, actor, doneMessage, field, inScope, notFoundPage, page, scope } from './context.js';

const VIEWS: { id: keyof typeof QUEUE_STATUSES; text: string }[] = [
  { id: 'review', text: 'To review' },
  { id: 'waiting', text: 'Waiting for an answer' },
  { id: 'unconfirmed', text: 'Not confirmed yet' },
  { id: 'decided', text: 'Decided' },
];

export const STATUS_TEXT: Record<string, string> = {
  pending: 'Received (no confirmation step)',
  unconfirmed: 'Not confirmed',
  confirmed: 'Confirmed, to review',
  info_requested: 'More information asked',
  approved: 'Approved',
  rejected: 'Rejected',
  expired: 'Expired (never confirmed)',
};

/**
 * The decision each field's errors belong to. An error about a form the page no longer offers
 * (another moderator decided the pledge meanwhile, say) is shown under the heading instead, so that
 * the error summary's link has somewhere to go.
 */
const FIELD_DECISION: Record<string, Decision> = {
  publicName: 'approve',
  pledgeText: 'approve',
  pledgeLanguage: 'approve',
  reasonCode: 'reject',
  reason: 'reject',
  question: 'ask',
  resend: 'resend',
};

type Details = NonNullable<Awaited<ReturnType<typeof reviewDetails>>>;

/** The approval's boxes on a compact in several languages: `name-cy`, `pledge-en`… */
const BOX = /^(name|pledge)-/;

function placeErrors(errors: unknown, details: Details): Record<string, string> | undefined {
  if (!errors) return undefined;
  const offered = (field: string) => {
    const decision = FIELD_DECISION[field] ?? (BOX.test(field) ? 'approve' : undefined);
    return decision === undefined || details.can[decision];
  };
  return Object.fromEntries(Object.entries(errors as Record<string, string>).map(([field, message]) => [offered(field) ? field : 'decision', message]));
}

/**
 * What the approval's boxes start with on a compact in several languages: the name the organisation
 * gave in the default language's box (every signatory has a name in it, as it had before the boxes),
 * the pledge text in the box of the language it used the form in, the others empty.
 */
function boxValues(details: Details): Record<string, string> {
  if (!details.textLanguages.perLanguage) return {};
  const { languages, suggested } = details.textLanguages;
  return Object.fromEntries(
    languages.flatMap((lang) => [
      [`name-${lang}`, lang === languages[0] ? details.organisation.name : ''],
      [`pledge-${lang}`, lang === suggested ? (details.pledge ?? '') : ''],
    ]),
  );
}

/**
 * The boxes as posted, for the languages the page shows (a box of any other language is not read);
 * undefined when the form had none (a page without them: the name and text as the organisation sent them).
 */
function postedBoxes(body: unknown, details: Details) {
  if (!details.textLanguages.perLanguage) return undefined;
  const { languages } = details.textLanguages;
  const sent = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (!languages.some((lang) => Object.hasOwn(sent, `name-${lang}`) || Object.hasOwn(sent, `pledge-${lang}`))) return undefined;
  const boxes = (name: string) => Object.fromEntries(languages.map((lang) => [lang, field(body, `${name}-${lang}`)]));
  return { name: boxes('name'), pledge: boxes('pledge') };
}

const DONE: Record<string, string> = {
  approved: 'Pledge approved. The organisation has been emailed its badge.',
  rejected: 'Pledge rejected. The organisation has been emailed the reason.',
  asked: 'Question sent to the organisation.',
  resent: 'Confirmation link sent again.',
};

export async function pledgeAdminRoutes(app: FastifyInstance): Promise<void> {
  const roles = ACCESS_ROLES.moderate;

  app.get<{ Querystring: { view?: string; done?: string } }>('/admin/pledges', { config: { access: 'moderate' } }, async (request, reply) => {
    const view = (VIEWS.find((v) => v.id === request.query.view) ?? VIEWS[0]).id;
    const items = await reviewQueue(app.database.db, scope(request, roles), view);
    const current = VIEWS.find((v) => v.id === view)!.text;
    return page(request, reply, 'admin/pledges.njk', {
      pageTitle: `Pledges: ${current.toLowerCase()} – Compact admin`,
      views: VIEWS.map((v) => ({ ...v, current: v.id === view, href: `/admin/pledges?view=${v.id}` })),
      items: items.map((i) => ({ ...i, statusText: STATUS_TEXT[i.status] })),
      current,
    });
  });

  /** The pledge, if the user moderates its compact; otherwise a 404 that says nothing of it. */
  async function load(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    const details = await reviewDetails(app.database.db, request.params.id);
    if (!details || !inScope(request, roles, details.compactId)) {
      await notFoundPage(request, reply, 'There is no such pledge', { href: '/admin/pledges', text: 'Back to the pledges' });
      return undefined;
    }
    return details;
  }

  async function show(request: FastifyRequest<{ Params: { id: string }; Querystring: { done?: string } }>, reply: FastifyReply, extra: Record<string, unknown> = {}, status = 200) {
    const details = await load(request, reply);
    if (!details) return reply;
    return page(
      request,
      reply,
      'admin/pledge.njk',
      {
        pageTitle: `${extra.errors ? 'Error: ' : ''}${details.organisation.name} – Compact admin`,
        p: details,
        statusText: STATUS_TEXT[details.status],
        done: doneMessage(DONE, request.query),
        reasons: REJECT_REASON_CODES.map((code) => ({ value: code, text: REJECT_REASONS[code].en })),
        maxSends: app.config.confirmSends,
        expires: details.status === 'unconfirmed' ? expiryOf({ confirm_by: details.confirmBy, created_at: details.createdAt }, app.config.confirmDays) : undefined,
        ...extra,
        values: { ...boxValues(details), ...((extra.values as object | undefined) ?? {}) },
        errors: placeErrors(extra.errors, details),
      },
      status,
    );
  }

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/admin/pledges/:id', { config: { access: 'moderate' } }, (request, reply) => show(request, reply));

  type Post = FastifyRequest<{ Params: { id: string }; Querystring: { done?: string } }>;
  /** `refusedAt`: where a refusal about the pledge itself (not one of the form's values) is shown. */
  const decide = (path: string, done: string, refusedAt: string, act: (request: Post, details: Details) => Promise<void>) =>
    app.post<{ Params: { id: string } }>(`/admin/pledges/:id/${path}`, { config: { access: 'moderate' } }, async (request, reply) => {
      const details = await load(request, reply);
      if (!details) return reply;
      try {
        await act(request as Post, details);
      } catch (error) {
        if (!(error instanceof DecisionError)) throw error;
        return show(request as Post, reply, { errors: { [error.field ?? refusedAt]: error.message }, values: request.body ?? {} }, 422);
      }
      app.mail.nudge();
      return reply.redirect(`/admin/pledges/${encodeURIComponent(request.params.id)}?done=${done}`, 303);
    });

  decide('approve', 'approved', 'decision', async (request, details) => {
    const who = { by: actor(request).id, actor: actor(request), clock: app.clock };
    const inLanguages = postedBoxes(request.body, details);
    if (inLanguages) return void (await approvePledge(app.database.db, request.params.id, { ...who, inLanguages }));
    const pledgeLanguage = field(request.body, 'pledgeLanguage');
    // A name box emptied is refused, as on a bilingual compact; a form without the box (no page
    // sends one) approves the name as the organisation sent it, as the command line does.
    const sent = request.body && typeof request.body === 'object' ? request.body : {};
    await approvePledge(app.database.db, request.params.id, {
      ...who,
      ...(Object.hasOwn(sent, 'publicName') ? { publicName: field(request.body, 'publicName') } : {}),
      pledgeText: field(request.body, 'pledgeText'),
      ...(pledgeLanguage ? { pledgeLanguage } : {}),
    });
  });

  decide('reject', 'rejected', 'decision', async (request) => {
    const code = field(request.body, 'reasonCode');
    if (!(REJECT_REASON_CODES as string[]).includes(code)) throw new DecisionError('Choose the reason for rejecting the pledge', 'reasonCode');
    await rejectPledge(app.database.db, request.params.id, field(request.body, 'reason'), { by: actor(request).id, actor: actor(request), clock: app.clock, reasonCode: code as RejectReason });
  });

  decide('ask', 'asked', 'decision', (request) => askForInformation(app.database.db, request.params.id, field(request.body, 'question'), actor(request), app.clock));

  decide('resend', 'resent', 'resend', (request) => resendConfirmation(app.database.db, request.params.id, app.config.confirmSends, actor(request), app.clock));
}
