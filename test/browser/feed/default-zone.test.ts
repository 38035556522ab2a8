// In a file of its own: the zones known to feed/time.ts are kept for the page's life, and no other
// test may have asked about the default zone first.
import { expect } from '@open-wc/testing';
import { isValidTimeZone } from '../../../src/feed/time.js';

describe('the default time zone', () => {
  it('is known without making a date format (the first costs ~10 ms; the list, badge and form need none)', () => {
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
