import { expect } from '@open-wc/testing';
import { safeHttpUrl } from '../../../src/feed/url.js';

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
