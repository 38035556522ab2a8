import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from './helpers/server.js';
import { hostSite, launchChromium, page, type HostSite } from './helpers/browser.js';
import { cli } from './helpers/process.js';

describe('end to end in Chromium: sign up in the widget, approve, and the list and badge show it', () => {
  let t: TestServer;
  let site: HostSite;
  let browser: Browser;
  before(async () => {
    t = await startTestServer({ feeds: ['southend'] });
    const feed = `${t.url}/feeds/southend.json`;
    site = await hostSite({
      '/sign-up': page('Sign up', `<compact-pledge-form src="${feed}"></compact-pledge-form>`, t.url),
      '/signatories': page(
        'Signatories',
        `<compact-signatory-list src="${feed}" page-size="100"></compact-signatory-list>
         <compact-pledge-badge src="${feed}" signatory="GB-CHC-1122334"></compact-pledge-badge>`,
        t.url,
      ),
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await t?.stop();
  });

  it('takes the pledge from the form on another site, and lists it once an officer approves it', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const failures: string[] = [];
    tab.on('pageerror', (error) => failures.push(error.message));
    await tab.goto(`${site.url}/sign-up`);
    const form = tab.locator('compact-pledge-form');
    await form.locator('#orgName').fill('Thorpe Bay Befrienders');
    await form.locator('#registered-chc').check();
    await form.locator('#regNumber').fill('1122334');
    await form.locator('#sector-voluntary').check();
    await form.locator('#type-charity').check();
    await form.locator('#contactName').fill('Morgan Example');
    await form.locator('#contactEmail').fill('morgan@befrienders.example.org');
    await form.locator('#consentPublish').check();
    await form.locator('button[type="submit"]').click();
    await form.locator('#confirmation').waitFor({ timeout: 20_000 });
    assert.deepEqual(failures, []);

    // The server has it, pending, with its contact kept apart from what is published.
    const list = JSON.parse(cli(['pledges', 'list', '--status', 'pending', '--json'], env(t)).stdout);
    const pledge = list.find((p: { organisation: { name: string } }) => p.organisation.name === 'Thorpe Bay Befrienders');
    assert.ok(pledge, 'the pledge is stored');
    assert.equal(pledge.organisation.id, 'GB-CHC-1122334');

    const visitor = await browser.newContext();
    const before = await visitor.newPage();
    await before.goto(`${site.url}/signatories`);
    await before.locator('compact-pledge-badge').getByText('does not list this organisation').waitFor();
    await visitor.close();

    const approved = cli(['pledges', 'approve', pledge.id], env(t));
    assert.equal(approved.status, 0, approved.stderr);

    // A new visitor (no cached copy) sees the organisation in the list and a signed badge.
    const later = await browser.newContext();
    const after = await later.newPage();
    await after.goto(`${site.url}/signatories`);
    await after.locator('compact-signatory-list').getByText('Thorpe Bay Befrienders').waitFor();
    await after.locator('compact-pledge-badge').getByText(/Signed/).waitFor();
    const badge = await after.locator('compact-pledge-badge').evaluate((el) => el.shadowRoot!.textContent ?? '');
    assert.match(badge, /Signed/);
    assert.doesNotMatch(badge, /does not list/);
    await later.close();
    await context.close();
  });
});

function env(t: TestServer) {
  return { DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' };
}
