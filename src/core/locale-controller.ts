import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadLocale, isLocaleReady, toUiLocale, type UiLocale } from '../i18n/locale.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Every connected controller, told when any `lang` attribute on the page changes. */
const controllers = new Set<LocaleController>();
let observer: MutationObserver | undefined;

function watchLangChanges(): void {
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const controller of controllers) controller.refresh();
  });
  // One observer for the whole page; `attributeFilter` keeps it from waking for anything else.
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * The element whose shadow root holds `node` (a root element), or null at the top of the document.
 * Asked only of a shadow root: `document.host` is whatever a page has put on Object.prototype
 * (`Object.prototype.host = …`), which would throw here, or loop for ever if it were an element.
 * By node type rather than `instanceof`, which fails for a shadow root from another frame.
 */
function shadowHost(node: Element): Element | null {
  const root = node.getRootNode();
  return root.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? ((root as ShadowRoot).host ?? null) : null;
}

/** The nearest `lang`, crossing shadow roots, the way the browser itself inherits language. */
export function inheritedLang(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? shadowHost(node);
  }
  return document.documentElement.lang || 'en-GB';
}

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's, else `<html lang>`.
 * `lang` keeps the full tag (for choosing feed text, e.g. `cy-GB`); `locale` is the interface
 * language we ship (`en-GB`, `cy` or `gd`). Welsh and Gaelic catalogues load on first use.
 */
export class LocaleController implements ReactiveController {
  lang = 'en-GB';
  locale: UiLocale = 'en-GB';

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    watchLangChanges();
    this.refresh();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  /** True once the catalogue for `locale` is loaded (until then English stands in). */
  get ready(): boolean {
    return isLocaleReady(this.locale);
  }

  refresh(): void {
    const lang = inheritedLang(this.host);
    const locale = toUiLocale(lang);
    if (lang === this.lang && locale === this.locale) return;
    this.lang = lang;
    this.locale = locale;
    this.host.requestUpdate();
    if (!isLocaleReady(locale)) {
      loadLocale(locale).then(
        () => this.host.requestUpdate(),
        () => console.warn(`compact-widgets: the ${locale} translations could not be loaded; showing English.`),
      );
    }
  }
}
