/**
 * Where mail goes: SMTP through nodemailer when SMTP_URL is set; otherwise each message is written as
 * an .eml file under DATA_DIR/outbox (and listed in the admin), so the demo works offline.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  locale: string;
}

export interface MailTransport {
  /** Resolves with the .eml file name when written to the outbox, or null when handed to SMTP. */
  send(mail: OutgoingMail): Promise<string | null>;
  /** Removes a file `send` wrote whose record has gone (nothing for SMTP). */
  discard(file: string): void;
  close(): void;
}

export function outboxDir(dataDir: string): string {
  return join(dataDir, 'outbox');
}

/** The outbox file of message `id` (the email record keeps this name). */
export const outboxFileName = (id: string): string => `${id}.eml`;

/**
 * Removes outbox copies (`file` as the email records name them) whose records were deleted: a
 * copy holds the name and address the deletion was for. One already gone is no matter; one that
 * cannot be removed is reported, and the others are still removed.
 */
export function removeOutboxFiles(dataDir: string, files: readonly string[], onError: (message: string) => void): void {
  for (const file of files) {
    if (basename(file) !== file || !file.endsWith('.eml')) continue; // only names this transport writes
    try {
      rmSync(join(outboxDir(dataDir), file), { force: true });
    } catch (error) {
      onError(`could not remove the outbox file ${file}: ${(error as Error).message}`);
    }
  }
}

function message(mail: OutgoingMail) {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { 'Content-Language': mail.locale, 'Auto-Submitted': 'auto-generated' },
    messageId: `<${mail.id}@compact-server>`,
  };
}

export function createTransport(options: { smtpUrl?: string; dataDir: string }): MailTransport {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail(message(mail));
        return null;
      },
      discard: () => undefined,
      close: () => transport.close(),
    };
  }
  const dir = outboxDir(options.dataDir);
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async send(mail) {
      const info = await stream.sendMail(message(mail));
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = outboxFileName(mail.id);
      writeFileSync(join(dir, file), info.message as Buffer, { mode: 0o600 });
      return file;
    },
    discard: (file) => removeOutboxFiles(options.dataDir, [file], () => undefined),
    close: () => stream.close(),
  };
}
