/** Identifier checks, the emails in every language, the moderation settings' validation, and jobs that fail. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkIdentifier } from '../../src/domain/identifiers.js';
import { approvedMessage, badgeSnippet, confirmMessage, infoMessage, rejectedMessage } from '../../src/mail/messages.js';
import { REJECT_REASON_CODES } from '../../src/i18n/mail-messages.js';
import { LOCALES } from '../../src/i18n/locale.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { MailDispatcher } from '../../src/mail/dispatch.js';
import { startRetentionJob } from '../../src/jobs/retention.js';

describe('identifier checks', () => {
  it('checks the format of each UK register’s numbers and links to the register entry', () => {
    assert.deepEqual(checkIdentifier('GB-CHC-1183305'), {
      scheme: 'GB-CHC',
      register: 'Charity Commission for England and Wales',
      number: '1183305',
      expected: 'a registered charity number of 6 or 7 digits (e.g. 1123456)',
      status: 'valid',
      url: 'https://register-of-charities.charitycommission.gov.uk/charity-search/-/charity-details/1183305',
    });
    assert.equal(checkIdentifier('GB-CHC-12').status, 'format');
    assert.equal(checkIdentifier('GB-SC-SC012345').url, 'https://www.oscr.org.uk/about-charities/search-the-register/charity-details?number=SC012345');
    assert.equal(checkIdentifier('GB-SC-012345').status, 'format');
    assert.equal(checkIdentifier('GB-NIC-100001').url, 'https://www.charitycommissionni.org.uk/charity-details/?regId=100001&subId=0');
    assert.equal(checkIdentifier('GB-NIC-200001').status, 'format');
    assert.equal(checkIdentifier('GB-COH-01234567').url, 'https://find-and-update.company-information.service.gov.uk/company/01234567');
    assert.equal(checkIdentifier('GB-COH-1234567').url, 'https://find-and-update.company-information.service.gov.uk/company/01234567', 'leading zero restored');
    assert.equal(checkIdentifier('GB-COH-SC123456').status, 'valid');
    assert.equal(checkIdentifier('GB-COH-XX123456').status, 'format');
    assert.equal(checkIdentifier('gb-coh-sc123456').status, 'valid');
    assert.equal(checkIdentifier(undefined).scheme, 'none');
    assert.equal(checkIdentifier('GB-LAE-SOS').status, 'unknown');
  });

  it('checks the Legal Entity Identifier’s ISO 7064 MOD 97-10 check digits', () => {
    assert.equal(checkIdentifier('XI-LEI-5493001KJTIIGC8Y1R12').status, 'valid');
    assert.equal(checkIdentifier('XI-LEI-5493001KJTIIGC8Y1R13').status, 'check-digits');
    assert.equal(checkIdentifier('XI-LEI-5493001KJTIIGC8Y1R1').status, 'format');
    assert.equal(checkIdentifier('XI-LEI-529900T8BM49AURSDO55').url, 'https://search.gleif.org/#/record/529900T8BM49AURSDO55');
  });
});

describe('the emails', () => {
  const context = (locale: (typeof LOCALES)[number]) => ({ locale, contactName: 'Ada <b>', organisation: 'Larder & Co', compact: 'The "Southend" Compact' });
  const messages = (locale: (typeof LOCALES)[number]) => [
    confirmMessage(context(locale), 'https://compact.example/confirm?token=abc', '2026-12-15T10:00:00.000Z'),
    approvedMessage(context(locale), badgeSnippet('https://compact.example', 'southend', 'GB-CHC-1'), true),
    approvedMessage(context(locale), badgeSnippet('https://compact.example', 'southend', 'GB-CHC-1'), false),
    ...REJECT_REASON_CODES.map((code) => rejectedMessage(context(locale), code, 'More <details>')),
    infoMessage(context(locale), 'Who is your chair?', 'https://compact.example/confirm?token=abc'),
  ];

  it('have a subject, a text part and an HTML part in each language, every placeholder filled, everything escaped', () => {
    const english = messages('en').map((m) => m.text);
    for (const locale of LOCALES) {
      for (const message of messages(locale)) {
        assert.ok(message.subject.length > 0);
        for (const part of [message.subject, message.text, message.html]) assert.doesNotMatch(part, /\{\w+\}/, part);
        assert.match(message.html, new RegExp(`<html lang="${locale}">`));
        assert.doesNotMatch(message.html, /<b>|<details>|Larder & Co/);
        assert.match(message.html, /Larder &amp; Co|Ada &lt;b&gt;/);
        assert.match(message.text, /Ada <b>/, 'the text part is plain text');
      }
      if (locale !== 'en') messages(locale).forEach((m, i) => assert.notEqual(m.text, english[i], `${locale} is translated`));
    }
    assert.match(messages('cy')[0].text, /15 Rhagfyr 2026/);
    // The same words for a date as the public pages and the widgets use (ICU's Gaelic says "15mh").
    assert.match(messages('gd')[0].text, /15 dhen Dùbhlachd 2026/);
    assert.match(messages('en')[0].text, /15 December 2026/);
  });

  it('give the badge snippet exactly, for the organisation’s own site', () => {
    assert.equal(
      badgeSnippet('https://compact.example', 'southend', 'GB-CHC-1'),
      '<script type="module" src="https://compact.example/widgets/compact-widgets.js"></script>\n<compact-pledge-badge src="https://compact.example/feeds/southend.json" signatory="GB-CHC-1"></compact-pledge-badge>',
    );
    assert.match(badgeSnippet('https://compact.example', 'x', 'a"b<c'), /signatory="a&quot;b&lt;c"/);
  });
});

describe('moderation settings', () => {
  it('have defaults and refuse bad values', () => {
    const config = loadConfig({});
    assert.equal(config.retentionDays, 90);
    assert.equal(config.confirmDays, 14);
    assert.equal(config.smtpUrl, undefined);
    assert.equal(loadConfig({ SMTP_URL: 'smtps://user:pass@mail.example:465' }).smtpUrl, 'smtps://user:pass@mail.example:465');
    assert.throws(() => loadConfig({ SMTP_URL: 'http://mail.example' }), ConfigError);
    assert.throws(() => loadConfig({ RETENTION_DAYS: '0' }), /RETENTION_DAYS/);
    assert.throws(() => loadConfig({ CONFIRM_DAYS: 'soon' }), /CONFIRM_DAYS/);
    assert.throws(() => loadConfig({ MAIL_FROM: 'x@y.example\r\nBcc: all@example' }), /MAIL_FROM/);
    assert.throws(() => loadConfig({ SESSION_HOURS: '0' }), /SESSION_HOURS/);
  });

  it('trust as many proxies as TRUST_PROXY says, or the addresses it lists, and never every hop', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.2, 10.1.0.0/16, ::1' }).trustProxy, ['10.0.0.2', '10.1.0.0/16', '::1']);
    // "true" trusted every hop, so a visitor could write any address and escape the rate limits.
    assert.throws(() => loadConfig({ TRUST_PROXY: 'true' }), /TRUST_PROXY must be how many proxies/);
    assert.throws(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' }), /TRUST_PROXY/);
    assert.throws(() => loadConfig({ TRUST_PROXY: '11' }), /TRUST_PROXY/);
  });
});

describe('background jobs that fail', () => {
  // A database that fails on every use, with a message quoting a value, as database messages can.
  const failing = new Proxy({}, {
    get() {
      throw new Error('duplicate key value violates unique constraint: (email)=(ann@example.org)');
    },
  }) as never;
  const settings = { publicUrl: 'http://localhost', from: 'compact@test.example', confirmDays: 14 };
  const transport = { send: async () => ({}), discard: () => {} } as never;

  it('a mail run that fails as a whole goes to its failure handler, with the error itself, not to an unhandled rejection', async () => {
    const failures: unknown[] = [];
    const dispatcher = new MailDispatcher(failing, transport, settings, () => new Date(), () => {}, (error) => failures.push(error));
    dispatcher.nudge();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(failures.length, 1);
    assert.ok(failures[0] instanceof Error, 'the error, so that logUnexpected can leave its message out');
  });

  it('a retention run that fails hands the error over, and the job carries on', async () => {
    const failures: unknown[] = [];
    const job = startRetentionJob(failing, { retentionDays: 90, confirmDays: 14, setPasswordHours: 48, intervalMinutes: 60, clock: () => new Date(), removeOutboxFiles: () => {}, onError: (error) => failures.push(error) });
    try {
      assert.equal(await job.run(), undefined);
      assert.equal(failures.length, 1);
      assert.ok(failures[0] instanceof Error);
    } finally {
      job.stop();
    }
  });
});
