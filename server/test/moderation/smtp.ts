/** A real SMTP server on loopback (smtp-server), keeping every message it receives, parsed. */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface TestSmtp {
  url: string;
  messages: ParsedMail[];
  /** Each message's SMTP envelope (MAIL FROM and every RCPT TO), in the order of `messages`: who it really went to. */
  envelopes: { from: string; to: string[] }[];
  /** The first message (already received or still to come) for which `match` is true. */
  next(match: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const envelopes: TestSmtp['envelopes'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) };
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          envelopes.push(envelope);
          callback();
        },
        (error) => callback(error as Error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    envelopes,
    async next(match, timeoutMs = 20_000) {
      const start = Date.now();
      for (;;) {
        const found = messages.find(match);
        if (found) return found;
        if (Date.now() - start > timeoutMs) throw new Error(`no matching email within ${timeoutMs} ms (received: ${messages.map((m) => m.subject).join(' | ')})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The link to the pledge's page in a message's text part. */
export function linkIn(mail: ParsedMail): string {
  const match = /(http:\/\/\S+\/confirm\?token=[\w-]+(?:&lang=\w+)?)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no link in: ${mail.text}`);
  return match[1];
}
