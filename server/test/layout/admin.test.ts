/**
 * The admin's pages (sign-in, dashboard, moderation queue and review, signatories, users, audit,
 * authoring forms, annual review) against the WCAG 2.2 AA layout criteria axe cannot judge
 * (helpers/layout-run.ts), in their main states and in the error states of their forms.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { launchChromium } from '../helpers/browser.js';
import { layoutProblems } from '../helpers/layout-run.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { addUser } from '../../src/domain/users.js';
import { makeUser, PASSWORD } from '../admin/helpers.js';
import { shortConsultation } from '../authoring/helpers.js';
import { linkIn, startSmtp, type TestSmtp } from '../moderation/smtp.js';

describe('admin pages: layout for WCAG 2.2 AA', () => {
  let t: TestServer;
  let smtp: TestSmtp;
  let browser: Browser;
  let page: Page;
  let pledgeId = '';
  const problems: string[] = [];
  const check = async (label: string) => problems.push(...(await layoutProblems(page, label)));
  const visit = async (path: string) => {
    await page.goto(`${t.url}${path}`);
    await check(path);
  };
  const submit = async (button: string, label: string) => {
    await page.getByRole('button', { name: button }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await check(label);
  };

  before(async () => {
    smtp = await startSmtp();
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], env: { SMTP_URL: smtp.url, SIGNIN_RATE_LIMIT: '100000' } });
    await makeUser(t, 'admin@council.example', 'admin');
    // A pledge in the queue: sent, and confirmed through its link.
    const sent = await postPledge(t.url, validPledge());
    assert.equal(sent.status, 202, sent.text);
    pledgeId = sent.json.id;
    const link = new URL(linkIn(await smtp.next((m) => JSON.stringify(m.to).includes('ada@larder.example.org'))));
    const confirmed = await fetch(`${link.origin}/confirm`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: link.searchParams.get('token')! }) });
    assert.equal(confirmed.status, 200);
    browser = await launchChromium();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
    await smtp?.close();
  });

  it('sign-in, with its errors, and setting a password', async () => {
    await visit('/admin/sign-in');
    await submit('Sign in', 'sign-in with errors');
    const link = await addUser(t.server.database.db, { email: 'new@council.example', role: 'editor', compactId: 'southend' }, { publicUrl: t.url, hours: 48, clock: t.server.app.clock, actor: { id: 'test', label: 'test' } });
    await page.goto(link.url);
    await check('set a password');
    assert.deepEqual(problems.splice(0), []);
  });

  it('the dashboard, moderation, signatories, users, people, audit, outbox, account and message pages', async () => {
    await page.goto(`${t.url}/admin/sign-in`);
    await page.getByLabel('Email address').fill('admin@council.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Compact admin' }).waitFor();
    await check('dashboard');
    for (const path of ['/admin/pledges', `/admin/pledges/${pledgeId}`, '/admin/signatories', '/admin/signatories/southend/GB-LAE-SOS', '/admin/users', '/admin/people', '/admin/audit', '/admin/outbox', '/admin/account']) {
      await visit(path);
    }
    await page.goto(`${t.url}/admin/pledges/${pledgeId}`);
    await page.getByRole('button', { name: 'Approve and email the organisation' }).click();
    await page.getByText('Pledge approved').waitFor();
    await visit('/admin/pledges?view=decided');
    // Pages that show more once a button is pressed.
    for (const [path, button, label, field, value] of [
      ['/admin/people', 'Find', 'a person found', 'Email address', 'ada@larder.example.org'],
      ['/admin/account', 'Set up two-step sign-in', 'two-step sign-in being set up'],
    ] as const) {
      await page.goto(`${t.url}${path}`);
      if (field) await page.getByLabel(field).fill(value!);
      await page.getByRole('button', { name: button }).click();
      await check(label);
    }
    await visit('/admin/outbox/not-a-message');
    await page.goto(`${t.url}/admin/signatories/southend/GB-LAE-SOS`);
    await page.getByLabel('Name', { exact: true }).fill('');
    await submit('Save and publish', 'a signatory with errors');
    assert.deepEqual(problems.splice(0), []);
  });

  it('the authoring pages and forms, with their errors, and the annual review', async () => {
    for (const path of [
      '/admin/compacts',
      '/admin/compacts/southend',
      // The text form with a box for each of the compact's two languages.
      '/admin/compacts/ceredigion/text',
      '/admin/compacts/southend/actions',
      '/admin/compacts/southend/consultations',
      '/admin/compacts/southend/consultations/winter-urgent-care-shoeburyness',
      '/admin/compacts/southend/upload',
      '/admin/compacts/southend/report?from=2026-04-01&to=2027-03-31',
    ]) {
      await visit(path);
    }
    await page.goto(`${t.url}/admin/compacts/southend/actions/codes-funding`);
    await check('an action');
    await page.getByLabel('Progress', { exact: true }).fill('200');
    await submit('Save and publish', 'an action with errors');
    await shortConsultation(page, t.url);
    await check('a consultation, its length checked');
    await submit('Save and publish', 'a consultation with errors');
    await page.goto(`${t.url}/admin/compacts/southend/upload`);
    await submit('Upload and check', 'upload without a file');
    // A sheet with a problem, then one without: the preview's tables of problems and of changes.
    for (const [sector, shown, label] of [
      ['council', 'The sector must be “public” or “voluntary”', 'a preview with a problem'],
      ['public', 'Apply and publish', 'a preview ready to apply'],
    ] as const) {
      await page.goto(`${t.url}/admin/compacts/southend/upload`);
      await page.getByLabel('Signatories').check();
      await page.getByLabel('The file').setInputFiles({ name: 'signatories.csv', mimeType: 'text/csv', buffer: Buffer.from(`id,name,sector\r\nGB-LAE-SOS,Southend-on-Sea City Council,${sector}\r\n`) });
      await page.getByRole('button', { name: 'Upload and check' }).click();
      await page.getByText(shown).first().waitFor();
      await check(label);
    }
    assert.deepEqual(problems.splice(0), []);
  });
});
