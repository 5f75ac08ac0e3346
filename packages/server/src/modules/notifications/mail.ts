import { createTransport } from 'nodemailer';
import type { Config } from '../../config.ts';

export const MAIL_FOOTER = 'Thư này được gửi tự động từ Hệ thống thông tin báo cáo; vui lòng không trả lời.';

/** The e-mail that goes with a notification: its title as subject, its body, a link into the web app, a footer. */
export function composeEmail(
  input: { title: string; body: string; link?: string | null | undefined },
  config: Pick<Config, 'publicUrl'>,
): { subject: string; textBody: string } {
  const parts = [input.body];
  if (input.link) parts.push(`Xem chi tiết: ${config.publicUrl}${input.link}`);
  parts.push(`--\n${MAIL_FOOTER}`);
  return { subject: input.title, textBody: parts.join('\n\n') };
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

type Transport = ReturnType<typeof createTransport>;

/** One transport per SMTP address for the life of the process (nodemailer keeps no state between plain sends). */
const transports = new Map<string, Transport>();

function transportFor(smtpUrl: string, mailFrom: string): Transport {
  const key = `${smtpUrl}\n${mailFrom}`;
  let transport = transports.get(key);
  if (!transport) {
    // Bounded waits, so that one unreachable server cannot stall a scheduler tick for long.
    transport = createTransport(
      { url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000, logger: false, debug: false },
      { from: mailFrom },
    );
    transports.set(key, transport);
  }
  return transport;
}

/** Sends one message through the configured SMTP server; rejects with an error safe to store and log. */
export async function sendMail(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, mail: OutgoingMail): Promise<void> {
  if (!config.smtpUrl) throw new Error('SMTP is not configured');
  try {
    await transportFor(config.smtpUrl, config.mailFrom).sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
  } catch (error) {
    throw new Error(redactSecret(error instanceof Error ? error.message : String(error), config.smtpUrl));
  }
}

/** Removes the SMTP password, should a library ever put it in an error message. */
export function redactSecret(message: string, smtpUrl: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(smtpUrl).password);
  } catch {
    password = '';
  }
  const text = password ? message.split(password).join('***') : message;
  return text.slice(0, 1000);
}
