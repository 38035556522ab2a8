/// <reference lib="dom" />
/**
 * Authoring in real Chromium: an editor signs in, updates an action's progress in the admin, and the
 * action plan embedded on a council's page (another origin) shows it to the next visitor; every
 * authoring page is axe-clean, in its error states too; the annual review printed to PDF by headless
 * Chromium is A4, without the admin's menus, with the expected text (and is turned into a PNG to look at).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { hostSite, launchChromium, page as hostPage, type HostSite, axe } from '../helpers/browser.js';
import { makeUser, PASSWORD } from '../admin/helpers.js';
import { shortConsultation } from './helpers.js';

describe('authoring in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let site: HostSite;
  const out = process.env.REPORT_OUT_DIR || mkdtempSync(join(tmpdir(), 'compact-report-'));

  before(async () => {
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], env: { SIGNIN_RATE_LIMIT: '100000' } });
    await makeUser(t, 'editor@southend.example', 'editor', 'southend');
    await makeUser(t, 'editor@southend.example', 'editor', 'ceredigion');
    browser = await launchChromium();
    site = await hostSite({
      '/our-compact': hostPage('Our compact', `<h1>Our compact’s action plan</h1><compact-action-plan src="${t.url}/feeds/southend.json"></compact-action-plan>`, t.url),
    });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await t?.stop();
  });

  async function signIn(page: Page) {
    await page.goto(`${t.url}/admin/sign-in`);
    await page.getByLabel('Email address').fill('editor@southend.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Compact admin' }).waitFor();
  }

  const actionOnHostPage = async (visitor: Page) => {
    await visitor.goto(`${site.url}/our-compact`);
    const item = visitor.locator('compact-action-plan li', { hasText: 'Agree a code of good practice on consultation and policy appraisal' }).first();
    await item.waitFor();
    return item;
  };

  it('an editor updates an action’s progress and the embedded action plan shows it', async () => {
    const before = await browser.newContext();
    const item = await actionOnHostPage(await before.newPage());
    assert.match(await item.innerText(), /70%/);
    assert.doesNotMatch(await item.innerText(), /Draft consultation code signed off/);
    await before.close();

    const staff = await browser.newContext();
    const admin = await staff.newPage();
    await signIn(admin);
    await admin.getByRole('link', { name: 'Edit compacts', exact: true }).click();
    await admin.getByRole('link', { name: 'A Compact for Southend-on-Sea' }).click();
    await admin.getByRole('link', { name: 'Aims and actions' }).click();
    await admin.getByRole('link', { name: 'Agree a code of good practice on consultation and policy appraisal' }).click();
    await admin.getByLabel('In progress').check();
    await admin.getByLabel('Progress', { exact: true }).fill('85');
    await admin.getByLabel('What has happened').fill('Draft consultation code signed off by the Compact Development Group.');
    await admin.getByRole('button', { name: 'Save and publish' }).click();
    await admin.getByText('The action has been saved and published.').waitFor();
    await staff.close();

    // The next visitor to the council's page (its own origin) sees the new progress and update.
    const after = await browser.newContext();
    const updated = await actionOnHostPage(await after.newPage());
    await updated.getByText('Draft consultation code signed off by the Compact Development Group.').waitFor();
    assert.match(await updated.innerText(), /85%/);
    assert.match(await updated.innerText(), /In progress/);
    await after.close();
  });

  it('every authoring page is axe-clean, with its errors shown too', async () => {
    const staff = await browser.newContext();
    const page = await staff.newPage();
    await signIn(page);
    const found: Record<string, string[]> = {};
    const check = async (label: string) => {
      const problems = await axe(page);
      if (problems.length) found[label] = problems;
    };
    for (const path of [
      '/admin/compacts',
      '/admin/compacts/southend',
      '/admin/compacts/southend/text',
      '/admin/compacts/ceredigion/text',
      '/admin/compacts/southend/actions',
      '/admin/compacts/ceredigion/actions/comm-1',
      '/admin/compacts/southend/consultations',
      '/admin/compacts/southend/consultations/winter-urgent-care-shoeburyness',
      '/admin/compacts/southend/upload',
      '/admin/compacts/southend/report?from=2026-04-01&to=2027-03-31',
    ]) {
      await page.goto(`${t.url}${path}`);
      await check(path);
    }
    // Error states: a bad action, a short consultation without its reason, no file, a bad period.
    await page.goto(`${t.url}/admin/compacts/southend/actions/codes-funding`);
    await page.getByLabel('Progress', { exact: true }).fill('200');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.closest('.govuk-error-summary') !== null), true, 'the error summary takes focus');
    await check('action with errors');
    await shortConsultation(page, t.url);
    await check('consultation length checked');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await check('consultation without its reason');
    await page.goto(`${t.url}/admin/compacts/southend/upload`);
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await check('upload without a file');
    // A sheet with a problem, chosen through the file input as a person does.
    const csv = join(out, 'signatories.csv');
    writeFileSync(csv, 'id,name,sector\r\nGB-LAE-SOS,Southend-on-Sea City Council,council\r\n');
    await page.getByLabel('Signatories').check();
    await page.getByLabel('The file').setInputFiles(csv);
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByText('The sector must be “public” or “voluntary”').waitFor();
    await check('preview with a problem');
    writeFileSync(csv, 'id,name,sector\r\nGB-LAE-SOS,Southend-on-Sea City Council,public\r\n');
    await page.goto(`${t.url}/admin/compacts/southend/upload`);
    await page.getByLabel('Signatories').check();
    await page.getByLabel('The file').setInputFiles(csv);
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByRole('button', { name: 'Apply and publish' }).waitFor();
    await check('preview ready to apply');
    await page.getByRole('button', { name: 'Apply and publish' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await check('preview not confirmed');
    await page.goto(`${t.url}/admin/compacts/southend/report?from=2026-13-01&to=2027-03-31`);
    await check('report with a bad period');
    await staff.close();
    assert.deepEqual(found, {});
  });

  it('shows the 12-week check as the dates are typed, under the admin’s CSP', async () => {
    const staff = await browser.newContext();
    const page = await staff.newPage();
    await page.addInitScript(() => {
      const list: string[] = [];
      (window as unknown as { violations: string[] }).violations = list;
      document.addEventListener('securitypolicyviolation', (event) => list.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await signIn(page);
    await page.goto(`${t.url}/admin/compacts/southend/consultations/new`);
    const region = page.locator('#length-check');
    await page.getByLabel('Opens').fill('2027-01-04');
    await page.getByLabel('Closes').fill('2027-02-28');
    await page.keyboard.press('Tab');
    await region.getByText('7 weeks and 6 days').waitFor();
    assert.match(await region.innerText(), /7 weeks and 6 days: shorter than the compact’s standard of 12 weeks/);
    assert.equal(await region.getAttribute('aria-live'), 'polite');
    // A date and time in summer time: 29 March 2027 17:00 BST is still 29 March in London.
    await page.getByLabel('Closes').fill('2027-03-29T17:00:00+01:00');
    await page.keyboard.press('Tab');
    await region.getByText('meets the compact’s standard of 12 weeks', { exact: false }).waitFor();
    assert.match(await region.innerText(), /^12 weeks: meets/);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), []);
    assert.deepEqual(await axe(page), []);
    await staff.close();
  });

  it('prints the annual review to an A4 PDF without the admin’s menus', async () => {
    const staff = await browser.newContext();
    const page = await staff.newPage();
    await signIn(page);
    await page.goto(`${t.url}/admin/compacts/southend/report?from=2026-04-01&to=2027-03-31`);
    const pdfFile = join(out, 'annual-review.pdf');
    writeFileSync(pdfFile, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    await staff.close();
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    assert.match(info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    assert.ok(pages >= 1 && pages <= 6, `${pages} pages`);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Annual review',
      'A Compact for Southend-on-Sea: 1 April 2026 to 31 March 2027',
      'Joined in the period',
      'Overdue actions',
      'Actions by status',
      'Consultations, by consulting body',
      'Southend-on-Sea City Council: 3 of 3 met the standard',
      'NHS Mid and South Essex Integrated Care Board: 1 of 1 met the standard',
      'Shorter, with a stated reason',
    ]) {
      assert.ok(text.includes(expected), `the PDF says “${expected}”`);
    }
    for (const menu of ['Sign out', 'Edit compacts', 'Show the period', 'Skip to main content']) assert.ok(!text.includes(menu), `the PDF leaves out “${menu}”`);
    // A picture of the first page, to look at (REPORT_OUT_DIR keeps it).
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', pdfFile, join(out, 'annual-review')]);
    assert.ok(statSync(join(out, pages > 1 ? 'annual-review-1.png' : 'annual-review-1.png')).size > 10_000);
  });
});
