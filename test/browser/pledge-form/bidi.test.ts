import { expect } from '@open-wc/testing';
import { expectInReadingOrder, expectIsolated, expectNoBidiControls, HOSTILE } from '../../helpers/bidi.js';
import { $ } from '../../helpers/dom.js';
import { form, pledgeFeed, resetPledges, type } from './helpers.js';

describe('<compact-pledge-form>: feed text cannot reorder the form’s words', () => {
  beforeEach(resetPledges);

  for (const [kind, hostile] of Object.entries(HOSTILE)) {
    it(`${kind}: the "already signed" sentence and its link, the intro and the choices read as written`, async () => {
      const feed = pledgeFeed();
      (feed.compact as { name: unknown }).name = `${hostile} Compact`;
      (feed.compact.sectors as Record<string, unknown>).voluntary = `${hostile} sector`;
      const trust = feed.signatories.find((s) => s.id === 'GB-CHC-1234567')!;
      (trust as { name: unknown }).name = hostile;
      (feed.pledge as Record<string, unknown>).statement = `${hostile} statement`;
      const el = await form(feed);
      await type(el, 'orgName', hostile.replace(/[\u202A-\u202E\u2066-\u2069]/g, ''));
      const already = $(el, '.already')!;
      expect(already, 'the already-signed hint').to.exist;
      expectNoBidiControls(el);
      expectIsolated(el, hostile, 2); // the sentence and the link
      expectIsolated(el, `${hostile} Compact`);
      expectIsolated(el, `${hostile} sector`);
      expectIsolated(el, `${hostile} statement`);
      expectInReadingOrder(already, ['has', 'already', 'signed', 'this', 'compact.', 'You', 'do', 'not', 'need']);
      expectInReadingOrder(already.querySelector('a')!, ['Visit', 'the', 'website', 'of']);
      expectInReadingOrder($(el, '.intro p')!, ['Use', 'this', 'form', 'to', 'add', 'signatories', 'of']);
      expect(el.shadowRoot!.activeElement, 'typing stays where it was').to.equal(null);
    });
  }

  it('feed text in another language than the form’s words carries its own lang', async () => {
    const feed = pledgeFeed();
    (feed.pledge as Record<string, unknown>).statement = { cy: 'Rydym yn addo cydweithio.' };
    const el = await form(feed, '<compact-pledge-form lang="en-GB"></compact-pledge-form>');
    const statement = [...el.shadowRoot!.querySelectorAll('bdi')].find((b) => b.textContent!.includes('Rydym'))!;
    expect(statement.getAttribute('lang'), 'a Welsh-only pledge on an English form').to.equal('cy');
    const compactName = [...el.shadowRoot!.querySelectorAll('bdi')].find((b) => b.textContent === 'The Test Compact')!;
    expect(compactName.hasAttribute('lang'), 'English on English: nothing to say').to.equal(false);
    await expect(el).to.be.accessible();
  });
});
