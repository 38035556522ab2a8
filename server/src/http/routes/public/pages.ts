/**
 * The public pages: `/c/{id}` (the compact, with its widgets and their no-JavaScript versions),
 * `/c/{id}/widgets/{widget}` (one widget, the page to paste into a CMS for oEmbed) and
 * `/c/{id}/signatories/{org}` (the badge check). English at `/c/…`, Welsh at `/cy/c/…`, Gaelic at
 * `/gd/c/…`: each language has its own address, so it can be linked, cached and listed (hreflang).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LOCALES, type Locale } from '../../../i18n/locale.js';
import { LANGUAGE_NAMES, t, type PublicMessageId } from '../../../i18n/public-messages.js';
import { compactPageModel, isWidgetPage, publishedLocales, signatoryPageModel, widgetTitle } from '../../../domain/outputs/page-models.js';
import { compactPagePath } from '../../../domain/outputs/json-feed.js';
import { localText } from '../../../domain/outputs/feed-view.js';
import { oembedResponse, type EmbedTarget } from '../../../domain/outputs/oembed.js';
import { pageHelmet } from '../../view-engine.js';
import { allowedMethods, catchAllMethods } from '../../allowed-methods.js';
import { etagOf, sendCacheable, type CompactSource, type CompactSources } from './compact-source.js';

const PREFIXES: [string, Locale][] = [['', 'en'], ['/cy', 'cy'], ['/gd', 'gd']];

export async function publicPageRoutes(app: FastifyInstance, options: { sources: CompactSources }): Promise<void> {
  const { sources } = options;
  const publicUrl = app.config.publicUrl;
  const helmet = pageHelmet(app.config);

  /**
   * What layout.njk needs: language, messages, the switcher and hreflang alternates to this page, in
   * the languages `offered` (a compact's: publishedLocales) and the page's own, so a reader who came
   * to another one still sees where they are.
   */
  function layoutContext(locale: Locale, pathIn: (l: Locale) => string, offered: readonly Locale[] = LOCALES) {
    return {
      htmlLang: locale,
      publicUrl,
      t: (id: PublicMessageId, values?: Record<string, string | number>) => t(locale, id, values),
      languages: LOCALES.filter((l) => l === locale || offered.includes(l)).map((l) => ({ lang: l, text: LANGUAGE_NAMES[l], href: `${publicUrl}${pathIn(l)}`, current: l === locale })),
      defaultHref: `${publicUrl}${pathIn(offered[0] ?? 'en')}`,
    };
  }

  function oembedLink(pagePath: string) {
    return `${publicUrl}/oembed?${new URLSearchParams({ url: `${publicUrl}${pagePath}`, format: 'json' })}`;
  }

  /** What to paste where: the page's own address (oEmbed) and the iframe code (iframe-only CMSs). */
  function embedCode(source: { feed: Parameters<typeof oembedResponse>[0] }, target: EmbedTarget, pagePath: string) {
    const answer = oembedResponse(source.feed, target, { publicUrl, cacheAge: app.config.feedMaxAge });
    return answer ? { address: `${publicUrl}${pagePath}`, iframe: answer.html } : undefined;
  }

  async function notFound(reply: FastifyReply, locale: Locale, options: { heading?: string; paragraphs?: string[]; backHref?: string; backText?: string; status?: number } = {}) {
    const { status = 404, ...text } = options;
    const html = await reply.viewAsync('public/not-found.njk', {
      ...layoutContext(locale, (l) => (l === 'en' ? '/' : `/${l}/`)),
      languages: [],
      pageTitle: text.heading ?? t(locale, 'notFoundTitle'),
      heading: text.heading ?? t(locale, 'notFoundTitle'),
      paragraphs: text.paragraphs ?? [t(locale, 'notFoundBody')],
      ...text,
    });
    return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(html);
  }

  /**
   * Pages depend only on the feed (no "time left" in them: the widgets show that), so each is
   * rendered once per feed version and language. A bounded map: the oldest page goes first.
   */
  const rendered = new Map<string, { feedEtag: string; html: string; etag: string }>();
  const RENDERED_MAX = 1000;
  async function cachedPage(key: string, source: CompactSource, render: () => Promise<string>) {
    let page = rendered.get(key);
    if (!page || page.feedEtag !== source.cached.etag) {
      const html = await render();
      page = { feedEtag: source.cached.etag, html, etag: etagOf(html) };
      rendered.delete(key);
      rendered.set(key, page);
      if (rendered.size > RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
    }
    return page;
  }

  function send(request: FastifyRequest, reply: FastifyReply, page: { html: string; etag: string }, source: CompactSource) {
    // Pages follow the feed at once (they are built from it): short-lived in caches, like the feed.
    return sendCacheable(request, reply, { body: page.html, etag: page.etag, modifiedMs: source.cached.modifiedSeconds, contentType: 'text/html; charset=utf-8', maxAge: app.config.feedMaxAge });
  }

  // Any other address under a compact's pages, or a method they do not take (a form sent to one): a
  // page in its language a visitor can read, not JSON. Any body is taken and thrown away, so a form
  // is a 405, not a 415 for its type; but only up to BODY_LIMIT (then 413, as everywhere), because a
  // body left unread is drained for as long as its sender keeps sending.
  await app.register(async (area) => {
    area.removeAllContentTypeParsers();
    area.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null));
    for (const [prefix, locale] of PREFIXES) {
      area.route({
        method: catchAllMethods(app),
        url: `${prefix}/c/*`,
        helmet,
        handler: async (request, reply) => {
          const allowed = allowedMethods(request);
          if (allowed.length === 0) return notFound(reply, locale);
          reply.header('Allow', allowed.join(', '));
          // Every page here can only be read.
          return notFound(reply, locale, { status: 405, heading: t(locale, 'cannotDoThatTitle'), paragraphs: [t(locale, 'cannotDoThatBody')] });
        },
      });
    }
  });

  for (const [prefix, locale] of PREFIXES) {
    app.get<{ Params: { id: string } }>(`${prefix}/c/:id`, { helmet }, async (request, reply) => {
      const source = await sources.get(request.params.id);
      if (!source) return notFound(reply, locale);
      const rendering = await cachedPage(`${locale} compact ${source.feed.compact.id}`, source, () => {
        const page = compactPageModel(source.feed, locale);
        return reply.viewAsync('public/compact.njk', {
          ...layoutContext(locale, (l) => compactPagePath(source.feed.compact.id, l), publishedLocales(source.feed)),
          page,
          pageTitle: page.name.text,
          serviceName: page.name.text,
          serviceUrl: page.paths.page,
          oembedHref: oembedLink(page.paths.page),
          oembedTitle: widgetTitle('signatory-list', source.feed, locale),
        });
      });
      return send(request, reply, rendering, source);
    });

    app.get<{ Params: { id: string; widget: string } }>(`${prefix}/c/:id/widgets/:widget`, { helmet }, async (request, reply) => {
      const source = await sources.get(request.params.id);
      const widget = request.params.widget;
      if (!source || !isWidgetPage(widget) || (widget === 'pledge-form' && !source.feed.pledge)) return notFound(reply, locale);
      const path = (l: Locale) => `${compactPagePath(source.feed.compact.id, l)}/widgets/${widget}`;
      const rendering = await cachedPage(`${locale} widget ${source.feed.compact.id} ${widget}`, source, () => {
        const page = compactPageModel(source.feed, locale);
        const heading = widgetTitle(widget, source.feed, locale);
        return reply.viewAsync('public/widget.njk', {
          ...layoutContext(locale, path, publishedLocales(source.feed)),
          page,
          widget,
          heading,
          embed: embedCode(source, { compactId: source.feed.compact.id, locale, widget }, path(locale)),
          pageTitle: heading,
          serviceName: page.name.text,
          serviceUrl: page.paths.page,
          oembedHref: oembedLink(path(locale)),
          oembedTitle: heading,
        });
      });
      return send(request, reply, rendering, source);
    });

    app.get<{ Params: { id: string; org: string } }>(`${prefix}/c/:id/signatories/:org`, { helmet }, async (request, reply) => {
      const source = await sources.get(request.params.id);
      if (!source) return notFound(reply, locale);
      const compactPath = compactPagePath(source.feed.compact.id, locale);
      const compactName = localText(source.feed.compact.name, locale, source.feed).text;
      const signatory = signatoryPageModel(source.feed, request.params.org, locale);
      if (!signatory) {
        // Withdrawn, unpublished, never signed or mistyped: the same answer, and nothing about which.
        return notFound(reply, locale, {
          heading: t(locale, 'notSignatoryTitle'),
          paragraphs: [t(locale, 'notSignatoryBody', { name: compactName, org: request.params.org })],
          backHref: `${compactPath}#signatories`,
          backText: t(locale, 'verifyAll'),
        });
      }
      const path = (l: Locale) => `${compactPagePath(source.feed.compact.id, l)}/signatories/${encodeURIComponent(signatory.id)}`;
      const rendering = await cachedPage(`${locale} signatory ${source.feed.compact.id} ${signatory.id}`, source, () => reply.viewAsync('public/signatory.njk', {
        ...layoutContext(locale, path, publishedLocales(source.feed)),
        signatory,
        compactHref: compactPath,
        embed: embedCode(source, { compactId: source.feed.compact.id, locale, widget: 'pledge-badge', signatoryId: signatory.id }, path(locale)),
        pageTitle: signatory.heading,
        serviceName: compactName,
        serviceUrl: compactPath,
        oembedHref: oembedLink(path(locale)),
        oembedTitle: widgetTitle('pledge-badge', source.feed, locale, signatory.name.text),
      }));
      return send(request, reply, rendering, source);
    });
  }
}
