/**
 * Counted messages (src/i18n/plural.ts): one ICU plural block per message, each translation with
 * its language's own categories, and every counted message of every catalogue well formed.
 */
import { expect } from '@open-wc/testing';
import { parsePluralBlock, plural } from '../../../src/i18n/plural.js';
import { formatDuration } from '../../../src/i18n/dates.js';
import { loadLocale, withLocale } from '../../../src/i18n/locale.js';

const DAYS = '{count, plural, one {# day} other {# days}}';

describe('plural()', () => {
  it('picks the branch of the count’s category and writes the number for #', () => {
    expect([0, 1, 2, 21].map((n) => plural(n, DAYS))).to.deep.equal(['0 days', '1 day', '2 days', '21 days']);
  });

  it('writes the number as it is shown (3,201), and keeps the text around the block', () => {
    expect(plural(3201, 'Showing 50 of {count, plural, one {# action} other {# actions}}.', '3,201')).to.equal(
      'Showing 50 of 3,201 actions.',
    );
  });

  it('a category the message does not have falls back to other', () => {
    expect(plural(1, '{count, plural, other {# diwrnod}}')).to.equal('1 diwrnod');
  });

  it('chooses by the language being rendered: every Welsh and Gaelic category', async () => {
    await Promise.all([loadLocale('cy'), loadLocale('gd')]);
    const cy = [0, 1, 2, 3, 6, 7].map((n) => withLocale('cy', () => formatDuration(n, 'day')));
    expect(cy).to.deep.equal(['0 diwrnod', '1 diwrnod', '2 ddiwrnod', '3 diwrnod', '6 diwrnod', '7 diwrnod']);
    const gd = [1, 2, 3, 20].map((n) => withLocale('gd', () => formatDuration(n, 'day')));
    expect(gd).to.deep.equal(['1 latha', '2 latha', '3 làithean', '20 latha']);
  });

  it('a message that is not one well-formed plural block is left as it is, never thrown', () => {
    for (const message of [
      'no block at all',
      '{count, plural, one {# day} other {# days}', // not closed
      '{count, plural, one {# {day}} other {# days}}', // nested braces
      '{count, plural, one {# day} one {# days}}', // a category twice
      '{count, plural, }',
      '{count, plural, one {# day} other {# days}} and {another}',
      '{count, plural, one {# day} other {# days}} and {count, plural, other {#}}',
    ]) {
      expect(parsePluralBlock(message), message).to.equal(undefined);
      expect(plural(2, message), message).to.equal(message);
    }
  });
});

/** Every counted message in the catalogues, as translators left them (locales/*.xlf). */
async function units(locale: string): Promise<{ id: string; source: string; target: string }[]> {
  const xml = new DOMParser().parseFromString(await (await fetch(`/locales/${locale}.xlf`)).text(), 'application/xml');
  return [...xml.querySelectorAll('trans-unit')].map((unit) => ({
    id: unit.id,
    source: unit.querySelector('source')?.textContent ?? '',
    target: unit.querySelector('target')?.textContent ?? '',
  }));
}

describe('counted messages in the catalogues', () => {
  for (const locale of ['cy', 'gd']) {
    it(`every ${locale} translation of a counted message is one plural block with exactly the categories of ${locale}`, async () => {
      const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
      const counted = (await units(locale)).filter((u) => parsePluralBlock(u.source));
      expect(counted.length).to.be.greaterThan(10);
      for (const { id, source, target } of counted) {
        expect([...parsePluralBlock(source)!.branches.keys()], `${id} source`).to.deep.equal(['one', 'other']);
        const block = parsePluralBlock(target);
        expect(block, `${id}: ${target}`).to.not.equal(undefined);
        expect([...block!.branches.keys()].sort(), id).to.deep.equal(categories);
        for (const [category, text] of block!.branches) expect(text, `${id} ${category}`).to.include('#');
      }
    });
  }

  it('no catalogue has a plural block in a message whose English has none', async () => {
    for (const locale of ['cy', 'gd']) {
      for (const { id, source, target } of await units(locale)) {
        if (!parsePluralBlock(source)) expect(/\{\s*\w+\s*,\s*plural\s*,/.test(target), `${locale} ${id}`).to.equal(false);
      }
    }
  });
});
