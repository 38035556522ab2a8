// In a file of its own: the zones known to feed/time.ts are kept for the page's life, and the
// other zone below must not have been asked about first (it proves the count below would see one).
import { expect } from '@open-wc/testing';
import { isValidTimeZone } from '../../../src/feed/time.js';

describe('the default time zone', () => {
  it('is known without making a date format (a page’s first costs about 10 ms)', () => {
    const made: unknown[] = [];
    const original = Intl.DateTimeFormat;
    Intl.DateTimeFormat = function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made.push(args);
      return new original(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    try {
      expect(isValidTimeZone('Europe/London')).to.equal(true);
      expect(made).to.deep.equal([]);
      // Any other zone is asked of Intl, once.
      expect(isValidTimeZone('Atlantic/Reykjavik')).to.equal(true);
      expect(isValidTimeZone('Atlantic/Reykjavik')).to.equal(true);
      expect(made).to.have.length(1);
    } finally {
      Intl.DateTimeFormat = original;
    }
  });
});
