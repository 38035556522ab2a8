/**
 * Issue 11's "done means", in Chromium against the real server: a pledge in the Welsh widget → a
 * Welsh confirmation email over SMTP → the link's page (a plain GET leaves it unconfirmed) → Confirm
 * → a moderator signs in and approves → the organisation is in the list, its badge says signed, and
 * the approval email carries the badge snippet. Then every admin page, and the confirmation page in
 * each of its states (a duplicate closed on confirmation too), is checked with axe.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { hostSite, launchChromium, page, type HostSite, axe } from '../helpers/browser.js';
import { pledgeDetails } from '../../src/index.js';
import { makeUser, PASSWORD } from '../admin/helpers.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { askForInformation } from '../../src/domain/moderation.js';
import { linkIn, startSmtp, type TestSmtp } from './smtp.js';

describe('moderation end to end in Chromium', () => {
  let t: TestServer;
  let smtp: TestSmtp;
  let site: HostSite;
  let browser: Browser;
  let feed: string;
  before(async () => {
    smtp = await startSmtp();
    t = await startTestServer({ feeds: ['southend', 'bilingual-wales'], env: { SMTP_URL: smtp.url, PRIVACY_NOTICE_URL: 'https://council.example/privacy' } });
    feed = `${t.url}/feeds/southend.json`;
    await makeUser(t, 'moderator@southend.example', 'moderator', 'southend');
    await makeUser(t, 'admin@council.example', 'admin');
    site = await hostSite({ '/ymuno': page('Ymuno', `<compact-pledge-form lang="cy" src="${feed}"></compact-pledge-form>`, t.url).replace('lang="en-GB"', 'lang="cy"') });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await t?.stop();
    await smtp?.close();
  });

  it('Welsh pledge → Welsh email → GET shows, POST confirms → moderator approves → listed, badge signed, snippet emailed', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${site.url}/ymuno`);
    const form = tab.locator('compact-pledge-form');
    await form.locator('#orgName').fill('Cyfeillion Bae Thorpe');
    await form.locator('#registered-chc').check();
    await form.locator('#regNumber').fill('1122334');
    await form.locator('#sector-voluntary').check();
    await form.locator('#type-charity').check();
    await form.locator('#contactName').fill('Morgan Enghraifft');
    await form.locator('#contactEmail').fill('morgan@cyfeillion.example.org');
    await form.locator('#consentPublish').check();
    await form.locator('button[type="submit"]').click();
    await form.locator('#confirmation').waitFor({ timeout: 20_000 });
    assert.deepEqual(errors, []);

    // The confirmation email, in Welsh, over SMTP.
    const mail = await smtp.next((m) => m.to !== undefined && JSON.stringify(m.to).includes('morgan@cyfeillion.example.org'));
    assert.match(mail.subject ?? '', /^Cadarnhewch eich addewid i /);
    assert.equal(mail.headers.get('content-language'), 'cy');
    assert.match(mail.text ?? '', /Helo Morgan Enghraifft/);
    assert.match(String(mail.html), /<html lang="cy">/);
    const link = linkIn(mail);
    const id = new URL(link).searchParams.get('token')!;
    assert.ok(id.length >= 40);
    const stored = (await t.server.database.db.selectFrom('pledges').select(['id', 'status']).execute()).find(() => true)!;
    assert.equal(stored.status, 'unconfirmed');

    // A plain GET of the link (what a mail scanner does) confirms nothing.
    const scanner = await fetch(link);
    assert.equal(scanner.status, 200);
    const reader = await browser.newContext();
    const confirmTab = await reader.newPage();
    await confirmTab.goto(link);
    assert.equal((await pledgeDetails(t.server.database.db, stored.id))?.status, 'unconfirmed');
    assert.equal(await confirmTab.locator('html').getAttribute('lang'), 'cy');
    assert.deepEqual(await axe(confirmTab), []);
    // Keyboard only: Tab to the button, Enter.
    const button = confirmTab.getByRole('button', { name: 'Cadarnhau' });
    await button.focus();
    await confirmTab.keyboard.press('Enter');
    await confirmTab.getByRole('heading', { name: 'Addewid wedi’i chadarnhau' }).waitFor();
    assert.equal((await pledgeDetails(t.server.database.db, stored.id))?.status, 'confirmed');
    assert.deepEqual(await axe(confirmTab), []);
    await reader.close();

    // The moderator signs in and approves it from the queue.
    const staff = await browser.newContext();
    const admin = await staff.newPage();
    // Keyboard only, without JavaScript doing anything for it: the admin is plain forms and links.
    await admin.goto(`${t.url}/admin/pledges`);
    assert.match(admin.url(), /\/admin\/sign-in$/);
    await admin.getByLabel('Email address').focus();
    await admin.keyboard.type('moderator@southend.example');
    await admin.keyboard.press('Tab');
    await admin.keyboard.type(PASSWORD);
    await admin.keyboard.press('Enter');
    await admin.getByRole('heading', { name: 'Compact admin' }).waitFor();
    await admin.goto(`${t.url}/admin/pledges`);
    await admin.getByRole('link', { name: 'Cyfeillion Bae Thorpe' }).focus();
    await admin.keyboard.press('Enter');
    await admin.getByText('Format right').waitFor();
    assert.equal(await admin.getByRole('link', { name: /Charity Commission for England and Wales register/ }).getAttribute('href'), 'https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/1122334');
    await admin.getByRole('button', { name: 'Approve and email the organisation' }).focus();
    await admin.keyboard.press('Enter');
    await admin.getByText('Pledge approved').waitFor();
    await staff.close();

    // The approval email (Welsh) carries the badge snippet for its own site.
    const approval = await smtp.next((m) => /llofnodi/.test(m.subject ?? '') && /^Mae /.test(m.subject ?? ''));
    const snippet = `<script type="module" src="${t.url}/widgets/compact-widgets.js"></script>\n<compact-pledge-badge src="${t.url}/feeds/southend.json" signatory="GB-CHC-1122334"></compact-pledge-badge>`;
    assert.ok(approval.text?.includes(snippet), approval.text);
    assert.ok(String(approval.html).includes(snippet.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')));

    // The organisation pastes the snippet into its own page; the list shows it too.
    const own = await hostSite({
      '/': `<!doctype html><html lang="cy"><head><meta charset="utf-8"><title>Ein gwefan</title></head><body><main>${snippet}<compact-signatory-list src="${feed}" page-size="100"></compact-signatory-list></main></body></html>`,
    });
    try {
      const visitor = await browser.newContext();
      const view = await visitor.newPage();
      await view.goto(own.url);
      await view.locator('compact-signatory-list').getByText('Cyfeillion Bae Thorpe').waitFor({ timeout: 20_000 });
      await view.locator('compact-pledge-badge').getByText(/Signed|Llofnod/i).waitFor({ timeout: 20_000 });
      const badge = await view.locator('compact-pledge-badge').evaluate((el) => el.shadowRoot!.textContent ?? '');
      assert.doesNotMatch(badge, /does not list/);
      await visitor.close();
    } finally {
      await own.close();
    }
    await context.close();
  });

  it('every admin page, and the confirmation page in each state, is axe-clean', async () => {
    const staff = await browser.newContext();
    const tab = await staff.newPage();
    const problems: string[] = [];
    const check = async (label: string) => {
      for (const v of await axe(tab)) problems.push(`${label}: ${v}`);
    };
    await tab.goto(`${t.url}/admin/sign-in`);
    await check('sign-in');
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.getByText('There is a problem').waitFor();
    await check('sign-in with errors');
    await tab.getByLabel('Email address').fill('admin@council.example');
    await tab.getByLabel('Password').fill(PASSWORD);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.getByRole('heading', { name: 'Compact admin' }).waitFor();
    await check('home');
    for (const path of ['/admin/pledges', '/admin/pledges?view=decided', '/admin/signatories', '/admin/audit', '/admin/users', '/admin/people', '/admin/outbox', '/admin/account']) {
      await tab.goto(`${t.url}${path}`);
      await check(path);
    }
    await tab.goto(`${t.url}/admin/pledges?view=decided`);
    await tab.getByRole('link', { name: 'Cyfeillion Bae Thorpe' }).click();
    await check('decided pledge');
    await tab.goto(`${t.url}/admin/signatories/southend/GB-CHC-1122334`);
    await check('signatory');
    await tab.getByLabel('Name', { exact: true }).fill('');
    await tab.getByRole('button', { name: 'Save and publish' }).click();
    await tab.getByText('There is a problem').waitFor();
    await check('signatory with errors');
    // A Welsh pledge on an English compact: the language of its text to choose, then its signatory's
    // page with a box for each language, side by side.
    const welsh = await postPledge(t.url, validPledge({ locale: 'cy', organisation: { name: 'Cymdeithas y Pier', sector: 'voluntary' }, pledge: 'Byddwn yn gwrando.', contact: { name: 'Nia', email: 'nia@pier.example.org' } }));
    await tab.goto(`${t.url}/admin/pledges/${welsh.json.id}`);
    await tab.getByRole('radio', { name: 'Welsh (cy)' }).waitFor();
    await check('a Welsh pledge to review, with the language of its text');
    await tab.getByRole('button', { name: 'Approve and email the organisation' }).click();
    await tab.getByText('Pledge approved').waitFor();
    const signatoryId = (await pledgeDetails(t.server.database.db, welsh.json.id))!.signatoryId!;
    await tab.goto(`${t.url}/admin/signatories/southend/${encodeURIComponent(signatoryId)}`);
    assert.equal(await tab.getByLabel('Welsh (cy)').last().inputValue(), 'Byddwn yn gwrando.');
    await check('a signatory with a Welsh pledge: a box for each language');
    // On a compact in two languages the approval itself has a box per language, in its error state too.
    const bilingual = await postPledge(t.url, validPledge({ compactId: 'ceredigion', locale: 'cy', organisation: { name: 'Cymdeithas y Bae', sector: 'voluntary' }, pledge: 'Byddwn yn helpu.', contact: { name: 'Siân', email: 'sian@bae.example.org' } }), { compactId: 'ceredigion' });
    await tab.goto(`${t.url}/admin/pledges/${bilingual.json.id}`);
    assert.equal(await tab.getByLabel('Welsh (cy)').last().inputValue(), 'Byddwn yn helpu.');
    await check('a Welsh pledge to review on a bilingual compact: a box for each language');
    await tab.getByLabel('English (en)').first().fill('');
    await tab.getByRole('button', { name: 'Approve and email the organisation' }).click();
    await tab.getByText('There is a problem').waitFor();
    await tab.getByRole('link', { name: /Enter the organisation’s name in English/ }).click();
    assert.equal(await tab.evaluate(() => document.activeElement?.id), 'name-en', 'the error summary leads to the box');
    await check('a bilingual approval with errors');
    await tab.goto(`${t.url}/admin/users`);
    await tab.getByLabel('Email address').fill('editor@council.example');
    await tab.getByRole('button', { name: /Add and make/ }).click();
    await tab.getByText('Send this link').waitFor();
    await check('users with a new link');
    await tab.goto(`${t.url}/admin/people`);
    await tab.getByLabel('Email address').fill('morgan@cyfeillion.example.org');
    await tab.getByRole('button', { name: 'Find' }).click();
    await check('person found');
    await tab.goto(`${t.url}/admin/account`);
    await tab.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await check('account with TOTP set-up');
    await tab.goto(`${t.url}/confirm?token=not-a-real-one`);
    await check('confirm: unknown link');

    // The link's page in Gaelic: to confirm, then a moderator's question and an answer left empty.
    const sent = await postPledge(t.url, validPledge({ locale: 'gd', organisation: { name: 'Comann Gàidhlig', sector: 'voluntary' }, contact: { name: 'Iain', email: 'iain@comann.example.org' } }));
    const first = await smtp.next((m) => JSON.stringify(m.to).includes('iain@comann.example.org'));
    // Sent before the first is confirmed (after, it would be told at once that the name is taken).
    await postPledge(t.url, validPledge({ locale: 'gd', organisation: { name: 'Comann Gaidhlig', sector: 'voluntary' }, contact: { name: 'Eile', email: 'eile@comann.example.org' } }));
    const second = await smtp.next((m) => JSON.stringify(m.to).includes('eile@comann.example.org'));
    await tab.goto(linkIn(first));
    assert.equal(await tab.locator('html').getAttribute('lang'), 'gd');
    await check('confirm (gd)');
    await tab.getByRole('button', { name: 'Dearbhaich' }).click();
    await askForInformation(t.server.database.db, sent.json.id, 'What is your address of registration?', { id: 'test', label: 'test' }, t.server.app.clock);
    void t.server.app.mail.kick();
    const question = await smtp.next((m) => JSON.stringify(m.to).includes('iain@comann.example.org') && m.subject !== first.subject);
    await tab.goto(linkIn(question));
    await tab.getByText('What is your address of registration?').waitFor();
    await check('question (gd)');
    await tab.getByRole('button', { name: 'Cuir am freagairt' }).click();
    await tab.getByText('Cuir a-steach do fhreagairt').first().waitFor();
    await check('question with error (gd)');

    // The second pledge for the same organisation, confirmed after the first: closed as a duplicate.
    await tab.goto(linkIn(second));
    await tab.getByRole('button', { name: 'Dearbhaich' }).click();
    await tab.getByRole('heading', { name: 'Tha Comann Gaidhlig air gealltainn mu thràth' }).waitFor();
    await check('duplicate (gd)');
    await staff.close();
    assert.deepEqual(problems, []);
  });
});
