import { expect } from '@open-wc/testing';
import { chooseText, pickText } from '../../../src/feed/localized-text.js';
import { FeedText, isolate, langAttribute, withoutBidiControls } from '../../../src/i18n/feed-text.js';

describe('pickText', () => {
  const bilingual = { en: 'The Gwynedd Compact', cy: 'Compact Gwynedd' };

  it('returns a plain string whatever the language', () => {
    expect(pickText('The Compact', 'cy')).to.equal('The Compact');
    expect(pickText('The Compact', 'en', 'cy')).to.equal('The Compact');
  });

  it('returns "" for undefined or an object without entries', () => {
    expect(pickText(undefined, 'en')).to.equal('');
    expect(pickText({}, 'en')).to.equal('');
  });

  it('exact tag', () => {
    expect(pickText(bilingual, 'cy')).to.equal('Compact Gwynedd');
    expect(pickText(bilingual, 'en')).to.equal('The Gwynedd Compact');
    expect(pickText({ cy: 'cy', 'cy-GB': 'cy-GB' }, 'cy-GB')).to.equal('cy-GB');
  });

  it('exact tag, case-insensitive (and _ read as -)', () => {
    expect(pickText({ 'cy-GB': 'Cymraeg', en: 'English' }, 'CY-gb')).to.equal('Cymraeg');
    expect(pickText({ CY: 'Cymraeg', en: 'English' }, 'cy')).to.equal('Cymraeg');
    expect(pickText({ 'cy-GB': 'Cymraeg', en: 'English' }, 'cy_GB')).to.equal('Cymraeg');
  });

  it('base language: cy-GB → cy', () => {
    expect(pickText(bilingual, 'cy-GB')).to.equal('Compact Gwynedd');
    expect(pickText(bilingual, 'en-US')).to.equal('The Gwynedd Compact');
    expect(pickText({ gd: 'Co-chòrdadh', en: 'Compact' }, 'gd-GB')).to.equal('Co-chòrdadh');
  });

  it('base language also finds another variant of it (en finds en-GB) before the default', () => {
    expect(pickText({ cy: 'Cymraeg', 'en-GB': 'English' }, 'en', 'cy')).to.equal('English');
    expect(pickText({ cy: 'Cymraeg', 'en-GB': 'English' }, 'en-US', 'cy')).to.equal('English');
  });

  it('then the default language (en unless given)', () => {
    expect(pickText(bilingual, 'gd')).to.equal('The Gwynedd Compact');
    expect(pickText(bilingual, 'gd', 'cy')).to.equal('Compact Gwynedd');
    expect(pickText({ fr: 'Français', cy: 'Cymraeg' }, 'de', 'cy')).to.equal('Cymraeg');
  });

  it('the default language falls back to its base', () => {
    expect(pickText(bilingual, 'gd', 'cy-GB')).to.equal('Compact Gwynedd');
    expect(pickText({ fr: 'F', 'en-GB': 'E' }, 'de', 'en')).to.equal('E');
  });

  it('finally the first entry', () => {
    expect(pickText({ cy: 'Cymraeg', gd: 'Gàidhlig' }, 'fr', 'de')).to.equal('Cymraeg');
    expect(pickText({ cy: 'Cymraeg', gd: 'Gàidhlig' }, 'fr')).to.equal('Cymraeg');
  });

  it('exact beats base beats default', () => {
    const t = { en: 'en', cy: 'cy', 'cy-GB': 'cy-GB' };
    expect(pickText(t, 'cy-GB', 'en')).to.equal('cy-GB');
    expect(pickText(t, 'cy-AR', 'en')).to.equal('cy');
    expect(pickText(t, 'fr', 'en')).to.equal('en');
  });

  it('copes with an empty language', () => {
    expect(pickText(bilingual, '')).to.equal('The Gwynedd Compact');
    expect(pickText(bilingual, '', '')).to.equal('The Gwynedd Compact');
  });
});

describe('chooseText: which language was chosen', () => {
  const bilingual = { en: 'The Gwynedd Compact', cy: 'Compact Gwynedd' };

  it('says the tag of the entry chosen, as the feed spells it, at each step of the fallback', () => {
    expect(chooseText(bilingual, 'cy')).to.deep.equal({ text: 'Compact Gwynedd', lang: 'cy' });
    expect(chooseText({ 'cy-GB': 'Cymraeg', en: 'English' }, 'cy')).to.deep.equal({ text: 'Cymraeg', lang: 'cy-GB' });
    expect(chooseText(bilingual, 'gd')).to.deep.equal({ text: 'The Gwynedd Compact', lang: 'en' });
    expect(chooseText(bilingual, 'gd', 'cy')).to.deep.equal({ text: 'Compact Gwynedd', lang: 'cy' });
    expect(chooseText({ fr: 'Français', de: 'Deutsch' }, 'cy', 'en')).to.deep.equal({ text: 'Français', lang: 'fr' });
    expect(chooseText({ cy_GB: 'Cymraeg' }, 'en')).to.deep.equal({ text: 'Cymraeg', lang: 'cy-GB' });
  });

  it('a plain string is in the compact’s default language', () => {
    expect(chooseText('Testshire Council', 'cy', 'en')).to.deep.equal({ text: 'Testshire Council', lang: 'en' });
    expect(chooseText('Cyngor Gwynedd', 'en', 'cy')).to.deep.equal({ text: 'Cyngor Gwynedd', lang: 'cy' });
  });

  it('a key that is no language tag gives an unknown language (""), never markup or nonsense', () => {
    expect(chooseText({ 'x y"><b>': 'Text' }, 'en')).to.deep.equal({ text: 'Text', lang: '' });
    expect(chooseText({ constructor: 'Text' }, 'en').lang).to.equal('');
    expect(chooseText('Text', 'en', 'not a tag')).to.deep.equal({ text: 'Text', lang: '' });
  });

  it('no text has no language', () => {
    expect(chooseText(undefined, 'en')).to.deep.equal({ text: '' });
    expect(chooseText({}, 'en')).to.deep.equal({ text: '' });
    expect(chooseText(42 as never, 'en')).to.deep.equal({ text: '' });
  });

  it('pickText is chooseText’s text', () => {
    for (const value of [bilingual, 'Plain', { fr: 'F' }, undefined]) {
      for (const lang of ['cy', 'en-GB', 'gd', '']) expect(pickText(value, lang, 'cy')).to.equal(chooseText(value, lang, 'cy').text);
    }
  });
});

describe('feed text in the interface (src/i18n/feed-text.ts)', () => {
  it('removes every bidi embedding, override and isolate control, and nothing else', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(withoutBidiControls(`a${controls}b`)).to.equal('ab');
    expect(withoutBidiControls('Caffi\u200F’r Dre \u05E9\u05DC\u05D5\u05DD')).to.equal('Caffi\u200F’r Dre \u05E9\u05DC\u05D5\u05DD');
  });

  it('isolates plain text with FSI…PDI around the cleaned text', () => {
    expect(isolate('\u2069\u202Eevil')).to.equal('\u2068evil\u2069');
    expect(isolate('\u202E')).to.equal('');
  });

  it('says a language only when it differs from the interface’s, and "" when it is unknown', () => {
    expect(langAttribute('en', 'en-GB')).to.equal(undefined);
    expect(langAttribute('en-US', 'en-GB')).to.equal(undefined);
    expect(langAttribute('cy-GB', 'cy')).to.equal(undefined);
    expect(langAttribute('en', 'cy')).to.equal('en');
    expect(langAttribute('cy', 'en-GB')).to.equal('cy');
    expect(langAttribute('', 'en-GB')).to.equal('');
    expect(langAttribute(undefined, 'en-GB')).to.equal(undefined);
  });

  it('FeedText marks feed text against the words shown: English until a catalogue has loaded', () => {
    const feed = { compact: { defaultLanguage: 'en' } } as never;
    expect(new FeedText(feed, { lang: 'cy', locale: 'cy', ready: true }).langOf('Testshire Council')).to.equal('en');
    expect(new FeedText(feed, { lang: 'cy', locale: 'cy', ready: false }).langOf('Testshire Council')).to.equal(undefined);
    expect(new FeedText(feed, { lang: 'cy', locale: 'cy', ready: false }).langOf({ cy: 'Cyngor' })).to.equal('cy');
  });
});
