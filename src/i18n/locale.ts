/**
 * Which language each element speaks, and the message catalogues behind `msg()`.
 *
 * @lit/localize's *reentrant* mode lets every element render in its own language: the element sets
 * the rendering locale around its own render (see `withLocale`), and `msg()` asks for it on every
 * call. So a Welsh widget and an English widget can sit on one bilingual page. Catalogues for Welsh
 * and Gaelic are separate modules, loaded the first time an element needs them.
 */
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import type { LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

export type UiLocale = typeof sourceLocale | (typeof targetLocales)[number];

export const SOURCE_LOCALE: UiLocale = sourceLocale;
export const UI_LOCALES: readonly UiLocale[] = [sourceLocale, ...targetLocales];

const loaded = new Map<UiLocale, LocaleModule>();
const loading = new Map<UiLocale, Promise<void>>();
let renderingLocale: UiLocale = SOURCE_LOCALE;

configureReentrantLocalization({
  sourceLocale,
  targetLocales: [...targetLocales],
  getLocale: () => renderingLocale,
  loadLocaleSync: (locale) => loaded.get(locale as UiLocale),
});

/** Maps any BCP 47 tag to the interface language we ship: `cy-GB` → `cy`, `fr` → `en-GB`. */
export function toUiLocale(tag: string | null | undefined): UiLocale {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (targetLocales as readonly string[]).includes(base) ? (base as UiLocale) : SOURCE_LOCALE;
}

/** The locale `msg()`, `plural()` and the date formatters use right now. */
export function currentLocale(): UiLocale {
  return renderingLocale;
}

/** Runs `fn` with `msg()` answering in `locale`; nests and restores safely. */
export function withLocale<T>(locale: UiLocale, fn: () => T): T {
  const previous = renderingLocale;
  renderingLocale = locale;
  try {
    return fn();
  } finally {
    renderingLocale = previous;
  }
}

export function isLocaleReady(locale: UiLocale): boolean {
  return locale === SOURCE_LOCALE || loaded.has(locale);
}

/**
 * Loads a catalogue once. Each is its own chunk, so an English page never downloads Welsh.
 * A failed load is forgotten, so a later element can try again; until then English stands in.
 */
export function loadLocale(locale: UiLocale): Promise<void> {
  if (isLocaleReady(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    const load = locale === 'cy' ? import('../generated/locales/cy.js') : import('../generated/locales/gd.js');
    pending = load.then(
      (module) => {
        loaded.set(locale, module);
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}
