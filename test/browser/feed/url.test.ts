import { expect } from '@open-wc/testing';
import { resolveHttpUrl, safeHttpUrl } from '../../../src/feed/url.js';

describe('safeHttpUrl', () => {
  it('accepts absolute http: and https: URLs and returns the normalised href', () => {
    expect(safeHttpUrl('https://www.example.gov.uk/compact')).to.equal('https://www.example.gov.uk/compact');
    expect(safeHttpUrl('http://example.org')).to.equal('http://example.org/');
    expect(safeHttpUrl('HTTPS://Example.ORG/Path?q=1#top')).to.equal('https://example.org/Path?q=1#top');
    expect(safeHttpUrl('https://example.org:443/x')).to.equal('https://example.org/x');
    expect(safeHttpUrl('https://example.org/a/../b')).to.equal('https://example.org/b');
    expect(safeHttpUrl('https://example.org/a%20b')).to.equal('https://example.org/a%20b');
    expect(safeHttpUrl('https://caerdydd.example/ŵ')).to.equal('https://caerdydd.example/%C5%B5');
    expect(safeHttpUrl('https://bücher.example/')).to.equal('https://xn--bcher-kva.example/');
    expect(safeHttpUrl('http://127.0.0.1:8080/feed.json')).to.equal('http://127.0.0.1:8080/feed.json');
  });

  it('an address taken without the URL parser is one the parser returns unchanged, and near misses go through it', () => {
    // Each of these is the parser's own href (so the short way and the long way agree) ...
    for (const u of ['https://www.southend.gov.uk/compact', 'http://savs.org.uk/about-us/', 'https://a-b.example/x_y.z~1/', 'https://example.org/.well/']) {
      expect(safeHttpUrl(u), u).to.equal(new URL(u).href);
    }
    // ... and these look close but are not: the parser reads them (and may change them, or refuse them).
    const nearMisses: [string, string | undefined][] = [
      ['https://Example.org/x', 'https://example.org/x'],
      ['https://example.org/a/./b', 'https://example.org/a/b'],
      ['https://example.org./x', 'https://example.org./x'],
      ['https://xn--bcher-kva.example/', 'https://xn--bcher-kva.example/'],
      ['https://1.2.3.4/x', 'https://1.2.3.4/x'],
      ['https://0x7f.1/x', 'https://127.0.0.1/x'],
      ['https://user@example.org/x', undefined],
    ];
    for (const [written, href] of nearMisses) expect(safeHttpUrl(written), written).to.equal(href);
  });

  it('refuses other schemes', () => {
    for (const u of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'javascript://example.org/%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.org/',
      'mailto:compact@example.org',
      'tel:+441234567890',
      'blob:https://example.org/uuid',
      'httpx://example.org/',
      'ws://example.org/',
    ]) {
      expect(safeHttpUrl(u), u).to.equal(undefined);
    }
  });

  it('refuses whitespace and control-character tricks', () => {
    for (const u of [
      ' javascript:alert(1)',
      'java\nscript:alert(1)',
      'java\tscript:alert(1)',
      'java\rscript:alert(1)',
      '\u0000javascript:alert(1)',
      '\u0001https://example.org/',
      ' https://example.org/',
      'https://example.org/ ',
      'https://example.org/\n',
      'ht\ntps://example.org/',
      'https://exa mple.org/',
      'https://example.org/a b',
      '\u200bhttps://example.org/',
      '\ufeffhttps://example.org/',
      'https://example.org/\u2028',
      'https://example.org/\u00a0',
      'https://example.org/\u007f',
    ]) {
      expect(safeHttpUrl(u), JSON.stringify(u)).to.equal(undefined);
    }
  });

  it('refuses relative and malformed URLs', () => {
    for (const u of [
      '',
      '/compact',
      'compact.html',
      '//example.org/x',
      'www.example.org',
      'http:example.org',
      'https:/example.org',
      'https://',
      'http:///x',
      'https://\\evil.example/',
      'https:\\\\evil.example/',
      'https://[::1',
      'https://example.org:99999/',
      'https://exa<mple.org/',
    ]) {
      expect(safeHttpUrl(u), u).to.equal(undefined);
    }
  });

  it('refuses user names and passwords, however they are written (an address that reads like another)', () => {
    for (const u of [
      'https://user:pass@example.org/',
      'https://user@example.org/',
      'https://:pass@example.org/',
      'https://@example.org/',
      'https://:@example.org/',
      'http://council.gov.uk@evil.example/',
      'http://www.southend.gov.uk%40evil.example/',
      'HTTPS://Council.Gov.UK@evil.example/pledges',
      'https://council.gov.uk:443@evil.example/',
      'https://council.gov.uk@evil.example:8443/api/pledges',
      'https://a@b@evil.example/',
      'https://evil.example\\@council.gov.uk/',
      'https://council.gov.uk\\@evil.example/',
    ]) {
      expect(safeHttpUrl(u), u).to.equal(undefined);
    }
    // An @ after the host is part of the path or query, not credentials.
    expect(safeHttpUrl('https://example.org/people/@ceredigion')).to.equal('https://example.org/people/@ceredigion');
    expect(safeHttpUrl('https://example.org/?contact=a@b.example')).to.equal('https://example.org/?contact=a@b.example');
  });

  it('refuses hostile spellings: backslashes, tabs and newlines inside, bidi controls, missing slashes', () => {
    for (const u of [
      'https:evil.example',
      'https:/evil.example/',
      'https:\\\\evil.example/',
      'https:/\\evil.example/',
      '//evil.example/',
      '\\\\evil.example/',
      'https://evil.example\\path',
      'https://exa\tmple.org/',
      'https://example.org/a\nb',
      'https://example.org/\u202egnp.exe',
      'https://example.org/\u2066x\u2069',
      'https://example.org/\u200ex',
      'https://example.org/\u0085',
    ]) {
      expect(safeHttpUrl(u), JSON.stringify(u)).to.equal(undefined);
    }
  });

  it('accepts uppercase schemes and look-alike (IDN) hosts, which are plain addresses', () => {
    expect(safeHttpUrl('HTTP://EXAMPLE.ORG/')).to.equal('http://example.org/');
    expect(safeHttpUrl('hTtPs://example.org/')).to.equal('https://example.org/');
    // Cyrillic "е": a different host, shown in punycode; not a credential trick.
    expect(safeHttpUrl('https://\u0435xample.org/')).to.equal('https://xn--xample-2of.org/');
  });

  it('refuses non-strings', () => {
    for (const v of [undefined, null, 1, true, {}, ['https://example.org/'], new URL('https://example.org/')]) {
      expect(safeHttpUrl(v)).to.equal(undefined);
    }
  });

  it('its result is stable (a normalised href passes unchanged)', () => {
    for (const u of ['HTTPS://Example.ORG/Path?q=1#top', 'https://bücher.example/ŵ', 'http://example.org/a/./b/../c']) {
      const once = safeHttpUrl(u)!;
      expect(safeHttpUrl(once)).to.equal(once);
    }
  });
});

describe('resolveHttpUrl (an element\u2019s src)', () => {
  const base = 'https://council.example/compact/page.html';

  it('resolves relative addresses against the page and allows surrounding spaces', () => {
    expect(resolveHttpUrl('feed.json', base)).to.equal('https://council.example/compact/feed.json');
    expect(resolveHttpUrl('/feeds/southend.json', base)).to.equal('https://council.example/feeds/southend.json');
    expect(resolveHttpUrl('//cdn.example/feed.json', base)).to.equal('https://cdn.example/feed.json');
    expect(resolveHttpUrl('  https://cdn.example/feed.json\n', base)).to.equal('https://cdn.example/feed.json');
    expect(resolveHttpUrl('?v=2', base)).to.equal('https://council.example/compact/page.html?v=2');
  });

  it('refuses credentials, other schemes, control characters and backslashes', () => {
    for (const src of [
      'https://user:pass@council.example/feed.json',
      'http://council.gov.uk@evil.example/feed.json',
      '//council.gov.uk@evil.example/feed.json',
      'javascript:alert(1)',
      'data:application/json,{}',
      'java\nscript:alert(1)',
      'https://exa\tmple.org/feed.json',
      'feeds\\feed.json',
      '\\\\evil.example/feed.json',
      'feed\u202e.json',
      '',
      '   ',
    ]) {
      expect(resolveHttpUrl(src, base), JSON.stringify(src)).to.equal(undefined);
    }
    expect(resolveHttpUrl(undefined, base)).to.equal(undefined);
  });

  it('a relative src cannot smuggle credentials in through the page address either', () => {
    expect(resolveHttpUrl('feed.json', 'https://user:pass@council.example/')).to.equal(undefined);
  });
});
