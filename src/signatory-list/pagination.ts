/**
 * The pages of results, as GOV.UK's pagination: previous and next, the first and last page, the
 * current one and its neighbours, gaps between. Buttons, not links: the page changes in place.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { pageWindow } from './model.js';

export function renderPagination(page: number, pageCount: number, goToPage: (page: number) => void): TemplateResult {
  const button = (target: number, label: string, className: string) =>
    html`<li class=${className}>
      <button type="button" class="page-button" part="page-button" @click=${() => goToPage(target)}>${label}</button>
    </li>`;
  return html`<nav class="pagination" part="pagination" aria-label=${msg('Pages of results', { id: 'signatory-list.pages.label' })}>
    <ul>
      ${page > 1 ? button(page - 1, msg('Previous page', { id: 'signatory-list.pages.previous' }), 'previous') : nothing}
      ${pageWindow(page, pageCount).map((n) =>
        n === null
          ? html`<li class="gap">…</li>`
          : html`<li>
              <button
                type="button"
                class="page-button number"
                part="page-button"
                aria-label=${msg(str`Page ${n}`, { id: 'signatory-list.pages.page' })}
                aria-current=${n === page ? 'page' : nothing}
                @click=${() => goToPage(n)}
              >
                ${n}
              </button>
            </li>`,
      )}
      ${page < pageCount ? button(page + 1, msg('Next page', { id: 'signatory-list.pages.next' }), 'next') : nothing}
    </ul>
  </nav>`;
}
