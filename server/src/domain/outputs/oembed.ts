/**
 * oEmbed 1.0 (https://oembed.com/) for the public widget pages: a CMS given the address of
 * `/c/{id}` (the signatory list), `/c/{id}/widgets/{widget}` or `/c/{id}/signatories/{org}` (that
 * organisation's badge), in any of the three languages, gets an iframe of the widgets' embed page.
 */
import type { Locale } from '../../i18n/locale.js';
import { localText, type CompactFeed } from './feed-view.js';
import { isWidgetPage, widgetTitle, type WidgetPage } from './page-models.js';

export interface EmbedTarget {
  compactId: string;
  locale: Locale;
  widget: WidgetPage | 'pledge-badge';
  signatoryId?: string;
}

/** Sizes a widget is usually given (CSS pixels); the embed page tells the host its real height. */
const SIZES: Record<EmbedTarget['widget'], { width: number; height: number }> = {
  'signatory-list': { width: 720, height: 900 },
  'action-plan': { width: 720, height: 1000 },
  'consultation-countdown': { width: 720, height: 480 },
  'pledge-form': { width: 720, height: 1200 },
  'pledge-badge': { width: 360, height: 160 },
};

const PAGE = /^(?:\/(cy|gd))?\/c\/([^/]+)(?:\/widgets\/([^/]+)|\/signatories\/([^/]+))?\/?$/;

/** Which widget a page address on this server shows, or undefined if it is not an oEmbed-able page. */
export function embedTarget(address: string, publicUrl: string): EmbedTarget | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(publicUrl).origin) return undefined;
  const match = PAGE.exec(url.pathname);
  if (!match) return undefined;
  try {
    const locale = (match[1] ?? 'en') as Locale;
    const compactId = decodeURIComponent(match[2]!);
    if (match[3] !== undefined) {
      const widget = decodeURIComponent(match[3]);
      return isWidgetPage(widget) ? { compactId, locale, widget } : undefined;
    }
    if (match[4] !== undefined) return { compactId, locale, widget: 'pledge-badge', signatoryId: decodeURIComponent(match[4]) };
    return { compactId, locale, widget: 'signatory-list' };
  } catch {
    return undefined; // a malformed %-escape
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The embed page address for a target: what the iframe (and a CMS that allows only iframes) uses. */
export function embedPageUrl(target: EmbedTarget, publicUrl: string): string {
  const params = new URLSearchParams({ widget: target.widget, src: `${publicUrl}/feeds/${encodeURIComponent(target.compactId)}.json`, lang: target.locale });
  if (target.signatoryId !== undefined) {
    params.set('signatory', target.signatoryId);
    params.set('variant', 'card');
  }
  return `${publicUrl}/widgets/embed.html?${params}`;
}

export interface OEmbedResponse {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
}

/** The oEmbed answer; `undefined` when the target names a signatory the feed does not list. */
export function oembedResponse(
  feed: CompactFeed,
  target: EmbedTarget,
  options: { publicUrl: string; maxWidth?: number; maxHeight?: number; cacheAge: number },
): OEmbedResponse | undefined {
  let org: string | undefined;
  if (target.signatoryId !== undefined) {
    const signatory = feed.signatories.find((s) => s.id === target.signatoryId);
    if (!signatory) return undefined;
    org = localText(signatory.name, target.locale, feed).text;
  }
  const title = widgetTitle(target.widget, feed, target.locale, org);
  const size = SIZES[target.widget];
  const width = Math.min(size.width, options.maxWidth ?? Infinity);
  const height = Math.min(size.height, options.maxHeight ?? Infinity);
  const src = embedPageUrl(target, options.publicUrl);
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: localText(feed.compact.name, target.locale, feed).text,
    provider_url: options.publicUrl,
    // No script: CMSs strip it, and the iframe works without one (embed-host.js only fits its height).
    html: `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="${width}" height="${height}" loading="lazy" style="border:0;max-width:100%" data-compact-widget></iframe>`,
    width,
    height,
    cache_age: options.cacheAge,
  };
}
