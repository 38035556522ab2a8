/** One cache of Intl objects (src/i18n/formatters.ts). */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { collator, dateTimeFormat, numberFormat, pluralRules } from '../../../src/i18n/formatters.js';
import { pluralCategory } from '../../../src/i18n/plural.js';

describe('Intl formatter cache', () => {
  it('gives the same object for the same locale and options, another for others', () => {
    expect(collator('cy')).to.equal(collator('cy'));
    expect(collator('cy')).to.not.equal(collator('gd'));
    expect(collator('en-GB', { numeric: true })).to.equal(collator('en-GB', { numeric: true }));
    expect(collator('en-GB', { numeric: true })).to.not.equal(collator('en-GB'));
    expect(numberFormat('en-GB')).to.equal(numberFormat('en-GB'));
    expect(pluralRules('cy')).to.equal(pluralRules('cy'));
    expect(dateTimeFormat(undefined)).to.equal(dateTimeFormat(undefined));
    expect(dateTimeFormat('en-GB', { timeZone: 'UTC' })).to.not.equal(dateTimeFormat('en-GB', { timeZone: 'Europe/London' }));
  });

  it('the objects behave as Intl’s own', () => {
    expect(['b', 'a', 'A'].sort(collator('en-GB', { sensitivity: 'base' }).compare)).to.deep.equal(['a', 'A', 'b']);
    expect(numberFormat('en-GB').format(3201)).to.equal('3,201');
    expect(pluralCategory(2, 'cy')).to.equal('two');
    expect(pluralCategory(6, 'cy')).to.equal('many');
    expect(pluralCategory(12, 'gd')).to.equal('two');
  });

  it('plural() builds Welsh plural rules once, however many counts it reads', () => {
    const select = sinon.spy(Intl.PluralRules.prototype, 'select');
    try {
      for (let n = 0; n < 50; n++) pluralCategory(n, 'cy');
      expect(select.callCount).to.equal(50);
      expect(new Set(select.thisValues).size, 'one PluralRules for all fifty').to.equal(1);
      expect(select.thisValues[0]).to.equal(pluralRules('cy'));
    } finally {
      select.restore();
    }
  });
});
