/**
 * Feed text inside the widgets' own words. Two rules, for every piece of it in every element:
 *
 * - It cannot rewrite the interface around it. Bidirectional controls (U+202A–U+202E embeddings and
 *   overrides, U+2066–U+2069 isolates) are removed, and what is left is isolated: in markup by
 *   `<bdi>`, in a sentence that must be plain text (an `aria-label`) by FSI…PDI. Removing
 *   is needed as well as isolating: a stray PDI (U+2069) inside a `<bdi>` closes the isolation in
 *   Chromium, and the override after it then reverses the widget's words. Right-to-left names still
 *   read right, by the bidi algorithm and the isolation's own direction (`dir=auto`).
 * - It says its language when that differs from the widget's own words (`lang`), so that a screen
 *   reader speaks English sector names on a Welsh page, or a Welsh-only pledge on an English page,
 *   in the right voice. Plain strings are in the compact's `defaultLanguage`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { chooseText, type ChosenText } from '../feed/localized-text.js';
import type { CompactFeed, LocalizedText } from '../feed/types.js';
import { SOURCE_LOCALE } from './locale.js';

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const FSI = '\u2068';
const PDI = '\u2069';

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Text for places that take no markup: controls removed, isolated by FSI…PDI. `''` stays `''`. */
export function isolate(text: string): string {
  const clean = withoutBidiControls(text);
  return clean ? `${FSI}${clean}${PDI}` : '';
}

const baseOf = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!;

/**
 * The `lang` to put on feed text inside words in `interfaceLang`: undefined when they share a
 * language (no need to say it), `''` when the feed's language is unknown.
 */
export function langAttribute(textLang: string | undefined, interfaceLang: string): string | undefined {
  if (textLang === undefined) return undefined;
  if (textLang === '') return '';
  return baseOf(textLang) === baseOf(interfaceLang) ? undefined : textLang;
}

/** One piece of feed text as markup: `<bdi>`, its language if it differs. Nothing for no text. */
export function bdi(chosen: ChosenText, interfaceLang: string): TemplateResult | typeof nothing {
  const text = withoutBidiControls(chosen.text);
  if (!text) return nothing;
  return html`<bdi lang=${ifDefined(langAttribute(chosen.lang, interfaceLang))}>${text}</bdi>`;
}

/** What an element needs to know of its language: its LocaleController. */
export interface LanguageSource {
  /** The full tag the element inherits (for choosing feed text). */
  lang: string;
  /** The interface language shipped (`en-GB`, `cy`, `gd`). */
  locale: string;
  /** False until that catalogue has loaded (English stands in meanwhile). */
  ready: boolean;
}

/**
 * Feed text for one render of one element: chosen in the element's language (with the spec's
 * fallbacks), isolated, and marked with its language against the words the element is showing.
 */
export class FeedText {
  /** The language of the widget's own words right now (English until a catalogue has loaded). */
  readonly interfaceLang: string;
  private readonly defaultLanguage: string;

  constructor(
    feed: CompactFeed | undefined,
    private readonly language: LanguageSource,
  ) {
    this.interfaceLang = language.ready ? language.locale : SOURCE_LOCALE;
    this.defaultLanguage = feed?.compact.defaultLanguage ?? 'en';
  }

  choose(value: LocalizedText | undefined): ChosenText {
    return chooseText(value, this.language.lang, this.defaultLanguage);
  }

  /** As markup: `<bdi lang?>…</bdi>`, or nothing. */
  markup(value: LocalizedText | undefined): TemplateResult | typeof nothing {
    return bdi(this.choose(value), this.interfaceLang);
  }

  /**
   * As text for a place that holds only this piece of feed text and takes no markup (an `<option>`,
   * an attribute, a canvas label): without bidi controls. Put it inside a sentence with `isolate`.
   */
  plain(value: LocalizedText | undefined): string {
    return withoutBidiControls(this.choose(value).text);
  }

  /** The `lang` for an element that holds only this feed text (e.g. a `<p>` of a pledge). */
  langOf(value: LocalizedText | undefined): string | undefined {
    return langAttribute(this.choose(value).lang, this.interfaceLang);
  }
}
