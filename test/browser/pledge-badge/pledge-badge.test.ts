import { expect, fixture } from '@open-wc/testing';
import '../../../src/pledge-badge/define.js';
import type { CompactPledgeBadge } from '../../../src/pledge-badge/pledge-badge.js';
import { $, foldText, settled, shadowText } from '../../helpers/dom.js';
import { feedElementSuite } from '../../helpers/feed-element-suite.js';
import { feedUrl, sampleFeed } from '../../helpers/feeds.js';
import { mountBadge } from './mount.js';

feedElementSuite({
  tag: 'compact-pledge-badge',
  attributes: { signatory: 'GB-CHC-1234567' },
  readyText: 'Signed since March 2015',
  emptyFeed: { ...sampleFeed(), signatories: [] },
  emptyText: 'The Test Compact does not list this organisation as a signatory.',
});

const badge = (feed: unknown, attributes = 'signatory="GB-CHC-1234567"', lang = 'en-GB') => mountBadge(feed, attributes, lang);

describe('<compact-pledge-badge>: signed', () => {
  it('inline (the default): a tick, the compact’s name linked to the compact, and since when', async () => {
    const el = await badge(sampleFeed());
    expect(foldText($(el, '.badge'))).to.equal('The Test Compact Signed since March 2015');
    const link = $(el, 'a') as HTMLAnchorElement;
    expect(foldText(link)).to.equal('The Test Compact');
    expect(link.getAttribute('href')).to.equal('https://example.org/compact');
    const mark = $(el, 'svg')!;
    expect(mark.getAttribute('aria-hidden')).to.equal('true');
    expect(mark.querySelector('path')).to.exist;
    expect($(el, 'img')).to.equal(null);
    // One line: no pledge, no organisation name.
    expect($(el, '.pledge')).to.equal(null);
    expect(shadowText(el)).not.to.contain('St John');
    expect(getComputedStyle(el).display).to.equal('inline-block');
    await expect(el).to.be.accessible();
  });

  it('card: also the organisation’s name as the compact lists it, and its own pledge', async () => {
    const el = await badge(sampleFeed(), 'signatory="GB-CHC-1234567" variant="card"');
    expect(foldText($(el, '.organisation'))).to.equal("St John's Community Trust");
    expect(foldText($(el, '.compact'))).to.equal('The Test Compact');
    expect(foldText($(el, '.since'))).to.equal('Signed since March 2015');
    expect(foldText($(el, 'blockquote.pledge'))).to.equal('We will involve the people we serve in everything we do.');
    expect(getComputedStyle(el).display).to.equal('block');
    await expect(el).to.be.accessible();
  });

  it('shows only what the council’s feed says, as text, whatever the page around it claims', async () => {
    const feed = sampleFeed() as Record<string, any>;
    feed.signatories[2].pledge = '<img src=x onerror="alert(1)"> We sing.';
    const el = await badge(feed, 'signatory="GB-SC-SC012345" variant="card"');
    expect(foldText($(el, '.organisation'))).to.equal('Côr Meibion Testshire');
    expect(foldText($(el, '.since'))).to.equal('Signed since July 2019');
    expect(foldText($(el, '.pledge'))).to.equal('<img src=x onerror="alert(1)"> We sing.');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('without a signing date says “Signed”; without a pledge shows none', async () => {
    const el = await badge(sampleFeed(), 'signatory="bad-url-org" variant="card"');
    expect(foldText($(el, '.since'))).to.equal('Signed');
    expect($(el, '.pledge')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('links to the compact’s document when it has no home page, and to nothing when it has neither', async () => {
    const withDocument = sampleFeed() as Record<string, any>;
    withDocument.compact.url = 'javascript:alert(1)';
    withDocument.compact.document = 'https://example.org/compact.pdf';
    const el = await badge(withDocument);
    expect(($(el, 'a') as HTMLAnchorElement).getAttribute('href')).to.equal('https://example.org/compact.pdf');
    const neither = sampleFeed() as Record<string, any>;
    delete neither.compact.url;
    const plain = await badge(neither);
    expect($(plain, 'a')).to.equal(null);
    expect(foldText($(plain, '.compact'))).to.equal('The Test Compact');
  });

  it('speaks Welsh and Gaelic, with the feed’s Welsh text', async () => {
    const welsh = await badge(sampleFeed(), 'signatory="GB-CHC-1234567" variant="card"', 'cy');
    await settled(welsh, () => shadowText(welsh).includes('Wedi llofnodi ers Mawrth 2015'));
    expect(foldText($(welsh, '.compact'))).to.equal('Compact Prawf');
    expect(foldText($(welsh, '.organisation'))).to.equal('Ymddiriedolaeth Gymunedol Sant Ioan');
    await expect(welsh).to.be.accessible();
    const gaelic = await badge(sampleFeed(), 'signatory="GB-CHC-1234567"', 'gd');
    await settled(gaelic, () => shadowText(gaelic).includes('Soidhnichte bho: Am Màrt 2015'));
  });
});

describe('<compact-pledge-badge>: other states', () => {
  it('not listed: says so plainly, with no badge', async () => {
    const el = await badge(sampleFeed(), 'signatory="GB-CHC-9999999"');
    expect(foldText($(el, '.notice'))).to.equal('The Test Compact does not list this organisation as a signatory.');
    expect($(el, '.badge')).to.equal(null);
    expect($(el, 'svg')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('not listed, in Welsh', async () => {
    const el = await badge(sampleFeed(), 'signatory="GB-CHC-9999999"', 'cy');
    await settled(el, () => shadowText(el).includes("Nid yw Compact Prawf yn rhestru'r sefydliad hwn fel llofnodwr."));
  });

  it('missing signatory attribute: tells the webmaster what to add, at once', async () => {
    const container = await fixture<HTMLElement>(
      `<div><compact-pledge-badge src="${feedUrl({ delay: 2000 })}"></compact-pledge-badge></div>`,
    );
    const el = container.firstElementChild as CompactPledgeBadge;
    await el.updateComplete;
    expect(shadowText(el)).to.contain('This badge needs a signatory attribute');
    expect(shadowText(el)).to.contain('signatory="GB-CHC-1234567"');
    await expect(el).to.be.accessible();
    // A blank value is the same mistake.
    el.signatory = '   ';
    await el.updateComplete;
    expect(shadowText(el)).to.contain('This badge needs a signatory attribute');
    // Adding it shows the badge.
    el.setAttribute('signatory', 'GB-CHC-1234567');
    await settled(el, () => shadowText(el).includes('Signed since March 2015'));
  });

  it('loading and error come from the base, and are accessible in the card too', async () => {
    const container = await fixture<HTMLElement>(
      `<div><compact-pledge-badge variant="card" signatory="GB-CHC-1234567" src="${feedUrl({ delay: 300 })}"></compact-pledge-badge>` +
        `<compact-pledge-badge variant="card" signatory="GB-CHC-1234567" src="${feedUrl({ status: 500 })}"></compact-pledge-badge></div>`,
    );
    const [loading, failing] = [...container.children] as CompactPledgeBadge[];
    expect(shadowText(loading!)).to.contain('Loading');
    await expect(loading).to.be.accessible();
    await settled(failing!, () => shadowText(failing!).includes('Try again'));
    await expect(failing).to.be.accessible();
    await settled(loading!, () => shadowText(loading!).includes('Signed since March 2015'));
  });
});
