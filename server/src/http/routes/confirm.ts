/**
 * The page behind the link in a pledge's emails. A GET only shows it (mail scanners such as Safe
 * Links open every link: a GET must change nothing); the Confirm button POSTs. The same link takes
 * the organisation's answer when a moderator asked for more information. The link's secret is in
 * the query (never logged: log lines have the path only) and in the forms' hidden field.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { answerByLink, AnswerError, confirmByLink, linkView, MAX_ANSWER, type LinkView } from '../../domain/moderation.js';
import { format, toLocale, type Locale } from '../../i18n/locale.js';
import { CONFIRM_MESSAGES, type ConfirmMessage } from '../../i18n/confirm-messages.js';
import { pageHelmet } from '../view-engine.js';
import { requestLocale } from '../errors.js';

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * A body Fastify cannot read, in the confirmation's words: the app's error handler (errors.ts) has
 * the pledge endpoint's, which speak of a pledge sent as JSON.
 */
const UNREADABLE = new Map<string, { status: number; message: ConfirmMessage }>([
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', { status: 415, message: 'formUnreadable' }],
  ['FST_ERR_CTP_INVALID_JSON_BODY', { status: 400, message: 'formUnreadable' }],
  ['FST_ERR_CTP_EMPTY_JSON_BODY', { status: 400, message: 'formUnreadable' }],
  ['FST_ERR_CTP_BODY_TOO_LARGE', { status: 413, message: 'formTooLong' }],
  ['FST_CP_ERR_INVALID_CONTENT_ENCODING', { status: 415, message: 'formUnreadable' }],
  ['FST_CP_ERR_INVALID_CONTENT', { status: 400, message: 'formUnreadable' }],
]);

/** The limit the messages name is the one the answer is checked against. */
const LIMIT = { max: MAX_ANSWER };

/** Which page the link shows. */
function stateOf(view: LinkView | undefined) {
  if (!view) return 'unknown';
  if (view.expired) return 'expired';
  if (view.duplicate) return 'duplicate';
  switch (view.status) {
    case 'unconfirmed':
      return 'confirm';
    case 'info_requested':
      return 'question';
    case 'confirmed':
    case 'pending':
      return 'confirmed';
    default:
      return 'decided';
  }
}

export async function confirmRoutes(app: FastifyInstance): Promise<void> {
  const helmet = pageHelmet(app.config, { frameAncestors: ["'none'"] });
  // The page's forms are urlencoded: Fastify would read text/plain too, as a string with no token,
  // and answer that the link does not work.
  app.removeContentTypeParser('text/plain');

  // The body is what could not be read, so its `lang` field is lost: the request's language it is.
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    const unreadable = UNREADABLE.get(error.code);
    if (!unreadable) throw error; // to the app's own handler
    return reply.code(unreadable.status).send({ errors: [{ field: '', message: format(CONFIRM_MESSAGES[unreadable.message], requestLocale(request), LIMIT) }] });
  });

  /**
   * `linkLang` is the language the link names (`&lang=`, and the forms' hidden field): used only
   * when the token finds no pledge to take it from, to say so in the pledge's language.
   */
  async function show(reply: FastifyReply, token: string, view: LinkView | undefined, linkLang: unknown, errors?: { answer: ConfirmMessage }, answer = '') {
    const locale: Locale = view?.locale ?? toLocale(linkLang);
    const t = (id: ConfirmMessage, values: Record<string, string | number> = {}) => format(CONFIRM_MESSAGES[id], locale, values);
    const state = stateOf(view);
    const titles = { unknown: 'unknownTitle', expired: 'expiredTitle', confirm: 'confirmTitle', question: 'questionTitle', confirmed: 'confirmedTitle', duplicate: 'duplicateTitle', decided: 'decidedTitle' } as const;
    const values = { organisation: view?.organisation ?? '', compact: view?.compact ?? '' };
    const html = await reply.viewAsync('confirm/page.njk', {
      htmlLang: locale,
      t,
      pageTitle: `${errors ? `${t('errorSummary')}: ` : ''}${t(titles[state], values)}`,
      state,
      title: t(titles[state], values),
      token,
      values,
      question: view?.question,
      answer,
      error: errors ? t(errors.answer, LIMIT) : undefined,
    });
    reply.header('Cache-Control', 'no-store').header('X-Robots-Tag', 'noindex');
    return reply.code(state === 'unknown' ? 404 : errors ? 422 : 200).type('text/html; charset=utf-8').send(html);
  }

  app.get<{ Querystring: { token?: string; lang?: string } }>('/confirm', { helmet }, async (request, reply) => {
    const token = String(request.query.token ?? '');
    return show(reply, token, await linkView(app.database.db, token, app.clock), request.query.lang);
  });

  app.post('/confirm', { helmet, config: { rateLimit: { max: 30, timeWindow: 60_000 } } }, async (request, reply) => {
    const token = field(request.body, 'token');
    return show(reply, token, await confirmByLink(app.database.db, token, app.clock), field(request.body, 'lang'));
  });

  app.post('/confirm/answer', { helmet, config: { rateLimit: { max: 30, timeWindow: 60_000 } } }, async (request, reply) => {
    const token = field(request.body, 'token');
    const answer = field(request.body, 'answer');
    const lang = field(request.body, 'lang');
    try {
      return show(reply, token, await answerByLink(app.database.db, token, answer, app.clock), lang);
    } catch (error) {
      if (!(error instanceof AnswerError)) throw error;
      return show(reply, token, await linkView(app.database.db, token, app.clock), lang, { answer: error.message === 'long' ? 'answerLong' : 'answerEmpty' }, answer);
    }
  });
}
