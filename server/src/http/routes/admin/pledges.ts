/** The review queue: a moderator sees only the pledges of the compacts they moderate. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { approvePledge, DecisionError, rejectPledge } from '../../../domain/pledges.js';
import { askForInformation, QUEUE_STATUSES, resendConfirmation, reviewDetails, reviewQueue } from '../../../domain/moderation.js';
import type { Decision } from '../../../domain/decisions.js';
import { expiryOf } from '../../../domain/retention.js';
import { REJECT_REASON_CODES, REJECT_REASONS, type RejectReason } from '../../../i18n/mail-messages.js';
import { ACCESS_ROLES, actor, doneMessage, field, inScope, page, scope } from './context.js';

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

function placeErrors(errors: unknown, details: Details): Record<string, string> | undefined {
  if (!errors) return undefined;
  const offered = (field: string) => {
    const decision = FIELD_DECISION[field];
    return decision === undefined || details.can[decision];
  };
  return Object.fromEntries(Object.entries(errors as Record<string, string>).map(([field, message]) => [offered(field) ? field : 'decision', message]));
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
      await page(request, reply, 'admin/message.njk', { pageTitle: 'Not found – Compact admin', heading: 'There is no such pledge', link: { href: '/admin/pledges', text: 'Back to the pledges' } }, 404);
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
        values: {},
        ...extra,
        errors: placeErrors(extra.errors, details),
      },
      status,
    );
  }

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/admin/pledges/:id', { config: { access: 'moderate' } }, (request, reply) => show(request, reply));

  type Post = FastifyRequest<{ Params: { id: string }; Querystring: { done?: string } }>;
  /** `refusedAt`: where a refusal about the pledge itself (not one of the form's values) is shown. */
  const decide = (path: string, done: string, refusedAt: string, act: (request: Post) => Promise<void>) =>
    app.post<{ Params: { id: string } }>(`/admin/pledges/:id/${path}`, { config: { access: 'moderate' } }, async (request, reply) => {
      if (!(await load(request, reply))) return reply;
      try {
        await act(request as Post);
      } catch (error) {
        if (!(error instanceof DecisionError)) throw error;
        return show(request as Post, reply, { errors: { [error.field ?? refusedAt]: error.message }, values: request.body ?? {} }, 422);
      }
      app.mail.nudge();
      return reply.redirect(`/admin/pledges/${encodeURIComponent(request.params.id)}?done=${done}`, 303);
    });

  decide('approve', 'approved', 'decision', async (request) => {
    const publicName = field(request.body, 'publicName');
    const pledgeLanguage = field(request.body, 'pledgeLanguage');
    await approvePledge(app.database.db, request.params.id, {
      by: actor(request).id,
      actor: actor(request),
      clock: app.clock,
      ...(publicName.trim() ? { publicName } : {}),
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
