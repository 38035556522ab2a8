/**
 * The widgets' browser tests try every widget in embed.html under a copy of the policy this server
 * sends with it (test/helpers/feed-test-routes.js): the copy must be this policy, or those tests
 * prove nothing about it.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { EMBED_PAGE_CSP } from '../../src/http/routes/widgets.js';

it('the widgets’ embed tests use the Content-Security-Policy the server sends with embed.html', async () => {
  // A plain-JS helper outside this package: imported by address, so that tsc does not look for its types.
  const routes = new URL('../../../test/helpers/feed-test-routes.js', import.meta.url).href;
  const { EMBED_PAGE_CSP: tested } = (await import(routes)) as { EMBED_PAGE_CSP: string };
  assert.equal(tested, EMBED_PAGE_CSP);
});
