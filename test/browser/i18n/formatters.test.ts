import { expect } from '@open-wc/testing';
import { collator, numberFormat } from '../../../src/i18n/formatters.js';

describe('the Intl cache on a page that has added to Object.prototype', () => {
  it('makes each formatter with the options given, not with what the page added (Intl reads inherited options)', () => {
    const proto = Object.prototype as Record<string, unknown>;
    Object.assign(proto, { usage: 'search', ignorePunctuation: true, style: 'currency' });
    let sorting: Intl.ResolvedCollatorOptions;
    let counting: string;
    try {
      // Locales no other test uses, so that each is made here, with the additions in place.
      sorting = collator('en-IE', { numeric: true, sensitivity: 'base' }).resolvedOptions();
      counting = numberFormat('en-NZ', { maximumFractionDigits: 0 }).format(1234.4);
    } finally {
      for (const key of ['usage', 'ignorePunctuation', 'style']) delete proto[key];
    }
    expect(sorting).to.include({ usage: 'sort', ignorePunctuation: false, numeric: true });
    expect(counting).to.equal('1,234');
  });
});
