import { expect } from '@open-wc/testing';
import { pickText } from '../../../src/feed/localized-text.js';

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
