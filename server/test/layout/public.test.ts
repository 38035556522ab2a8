/**
 * The public pages and the pledge's confirmation page, in each language they come in, against the
 * WCAG 2.2 AA layout criteria axe cannot judge (helpers/layout-run.ts): reflow at 320 px, text
 * spacing, target size, focus shown and not hidden on every Tab stop, and focus in forced colours.
 * The compact page is checked as the widgets draw it and as the server renders it without them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/server.js';
import { launchChromium } from '../helpers/browser.js';
import { layoutProblems } from '../helpers/layout-run.js';
import { postPledge, validPledge } from '../helpers/http.js';
import { askForInformation } from '../../src/domain/moderation.js';
import { linkIn, startSmtp, type TestSmtp } from '../moderation/smtp.js';
import { startPublicServer } from '../public/helpers.js';

describe('public and confirmation pages: layout for WCAG 2.2 AA', () => {
  let browser: Browser;
  let smtp: TestSmtp;
  let t: TestServer;
  // The pages as the widgets draw them, and the server's own markup as a browser without the widgets' script shows it.
  let page: Page, bare: Page;
  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    smtp = await startSmtp();
    t = await startPublicServer({ env: { SMTP_URL: smtp.url } });
    bare = await browser.newPage();
    await bare.route('**/widgets/**', (route) => route.abort());
  });
  after(async () => {
    await browser?.close();
    await t?.stop();
    await smtp?.close();
  });

  async function visit(tab: Page, path: string): Promise<string[]> {
    // The widgets fetch their feeds after load: a page drawn by them is checked once they have.
    await tab.goto(`${t.url}${path}`, { waitUntil: tab === page ? 'networkidle' : 'load' });
    return layoutProblems(tab, path);
  }

  it('the compact, widget, signatory and not-found pages in English, Welsh and Gaelic', async () => {
    const problems: string[] = [];
    for (const path of ['/c/southend', '/cy/c/ceredigion', '/c/southend/widgets/action-plan', '/cy/c/southend/widgets/pledge-form', '/c/southend/signatories/GB-LAE-SOS', '/cy/c/ceredigion/signatories/nope', '/gd/c/nowhere']) {
      problems.push(...(await visit(page, path)));
    }
    for (const path of ['/c/southend', '/cy/c/ceredigion']) problems.push(...(await visit(bare, path)).map((p) => `without the widgets, ${p}`));
    assert.deepEqual(problems, []);
  });

  it('the confirmation page: to confirm, confirmed, a question and its error, an unknown link (English and Welsh)', async () => {
    const problems: string[] = [];
    const check = async (label: string) => problems.push(...(await layoutProblems(bare, label)));
    for (const [locale, email, confirm, answer] of [
      ['en', 'ada@larder.example.org', 'Confirm', 'Send answer'],
      ['cy', 'nia@pier.example.org', 'Cadarnhau', 'Anfon ateb'],
    ] as const) {
      const sent = await postPledge(t.url, validPledge({ locale, organisation: { name: `Larder ${locale}`, sector: 'voluntary' }, contact: { name: 'Ada', email } }));
      assert.equal(sent.status, 202, sent.text);
      const first = await smtp.next((m) => JSON.stringify(m.to).includes(email));
      await bare.goto(linkIn(first));
      await check(`confirm (${locale})`);
      await bare.getByRole('button', { name: confirm }).click();
      await bare.locator('.govuk-panel').waitFor();
      // The rest of the template is the same in both languages: the Welsh run checks the states whose text is longest.
      if (locale === 'en') await check(`confirmed (${locale})`);
      await askForInformation(t.server.database.db, sent.json.id, 'What is the address your organisation is registered at?', { id: 'test', label: 'test' }, t.server.app.clock);
      void t.server.app.mail.kick();
      const question = await smtp.next((m) => JSON.stringify(m.to).includes(email) && m.subject !== first.subject);
      await bare.goto(linkIn(question));
      if (locale === 'en') await check(`question (${locale})`);
      await bare.getByRole('button', { name: answer }).click();
      await bare.locator('.govuk-error-summary').waitFor();
      await check(`question with its error (${locale})`);
      await bare.goto(`${t.url}/confirm?token=not-a-real-one&lang=${locale}`);
      await check(`unknown link (${locale})`);
    }
    assert.deepEqual(problems, []);
  });
});
