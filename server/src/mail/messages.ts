/**
 * The messages an organisation's contact receives, each with a text part and an HTML part in the
 * pledge's language. Everything from a pledge or a moderator is escaped in the HTML part.
 */
import { DEFAULT_TIME_ZONE } from 'compact-widgets/feed';
import { format, type Locale } from '../i18n/locale.js';
import { formatDay } from '../i18n/public-messages.js';
import { MAIL_MESSAGES as M, REJECT_REASONS, type RejectReason } from '../i18n/mail-messages.js';

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A message is a list of blocks; each becomes a paragraph of text and of HTML. */
type Block = { p: string } | { link: string } | { code: string } | { quote: string };

function render(locale: Locale, subject: string, blocks: Block[]): Rendered {
  const text = blocks
    .map((b) => ('p' in b ? b.p : 'link' in b ? b.link : 'code' in b ? b.code : b.quote.split('\n').map((l) => `> ${l}`).join('\n')))
    .join('\n\n');
  const body = blocks
    .map((b) =>
      'p' in b
        ? `<p>${escapeHtml(b.p)}</p>`
        : 'link' in b
          ? `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.link)}</a></p>`
          : 'code' in b
            ? `<pre><code>${escapeHtml(b.code)}</code></pre>`
            : `<blockquote><p>${escapeHtml(b.quote).replace(/\n/g, '<br>')}</p></blockquote>`,
    )
    .join('\n');
  const html = `<!doctype html>\n<html lang="${locale}">\n<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n${body}\n</body>\n</html>\n`;
  return { subject, text: `${text}\n`, html };
}

export interface MessageContext {
  locale: Locale;
  contactName: string;
  organisation: string;
  compact: string;
}

export function confirmMessage(c: MessageContext, link: string, until: string): Rendered {
  const v = { organisation: c.organisation, compact: c.compact, name: c.contactName, date: formatDay(Date.parse(until), DEFAULT_TIME_ZONE, c.locale) };
  return render(c.locale, format(M.confirmSubject, c.locale, v), [
    { p: format(M.greeting, c.locale, v) },
    { p: format(M.confirmAsked, c.locale, v) },
    { p: format(M.confirmHow, c.locale, v) },
    { link },
    { p: format(M.confirmUntil, c.locale, v) },
  ]);
}

/** The badge for the organisation's own site: the widgets' script and its signatory id. */
export function badgeSnippet(publicUrl: string, compactId: string, signatoryId: string): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return (
    `<script type="module" src="${publicUrl}/widgets/compact-widgets.js"></script>\n` +
    `<compact-pledge-badge src="${publicUrl}/feeds/${attr(encodeURIComponent(compactId))}.json" signatory="${attr(signatoryId)}"></compact-pledge-badge>`
  );
}

export function approvedMessage(c: MessageContext, snippet: string, listed: boolean): Rendered {
  const v = { organisation: c.organisation, compact: c.compact, name: c.contactName };
  return render(c.locale, format(M.approvedSubject, c.locale, v), [
    { p: format(M.greeting, c.locale, v) },
    { p: `${format(M.approvedBody, c.locale, v)} ${format(listed ? M.approvedListed : M.approvedUnlisted, c.locale, v)}` },
    { p: format(M.approvedSnippet, c.locale, v) },
    { code: snippet },
    { p: format(M.thanks, c.locale) },
  ]);
}

export function rejectedMessage(c: MessageContext, code: RejectReason, details: string | null): Rendered {
  const v = { organisation: c.organisation, compact: c.compact, name: c.contactName };
  return render(c.locale, format(M.rejectedSubject, c.locale, v), [
    { p: format(M.greeting, c.locale, v) },
    { p: format(M.rejectedBody, c.locale, v) },
    { p: format(M.rejectedReason, c.locale, { reason: format(REJECT_REASONS[code], c.locale) }) },
    ...(details ? [{ quote: details }] : []),
    { p: format(M.rejectedAfter, c.locale, v) },
  ]);
}

export function infoMessage(c: MessageContext, question: string, link: string): Rendered {
  const v = { organisation: c.organisation, compact: c.compact, name: c.contactName };
  return render(c.locale, format(M.infoSubject, c.locale, v), [
    { p: format(M.greeting, c.locale, v) },
    { p: format(M.infoBody, c.locale, v) },
    { quote: question },
    { p: format(M.infoHow, c.locale, v) },
    { link },
  ]);
}
